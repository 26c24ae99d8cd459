import { afterAll, beforeAll, expect, test } from "vitest";
import { testApp, type TestApp } from "./support/app";

// The coordinator's page is served by the API itself, without a token; its data is not.

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.app.close());

const get = (url: string) => t.app.inject({ method: "GET", url });

test("GET / is the page, with a policy that allows only its own scripts", async () => {
  const res = await get("/");
  expect(res.statusCode).toBe(200);
  expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
  expect(res.body).toContain('<script type="module" src="/app.js"></script>');
  expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
});

test("its script is bundled on the fly, its stylesheet and the bundled examples are served as files", async () => {
  const script = await get("/app.js");
  expect(script.statusCode).toBe(200);
  expect(script.headers["content-type"]).toBe("text/javascript; charset=utf-8");
  expect(script.body).toContain("deskrota.token");
  const css = await get("/styles.css");
  expect(css.statusCode).toBe(200);
  expect(css.body).toContain("@media print");
  const example = await get("/examples/small-campus.json");
  expect(example.statusCode).toBe(200);
  expect(example.json()).toMatchObject({ version: 1, weekStart: "2026-11-23" });
});

test("other paths are still the API's 404, and the API still needs its token", async () => {
  const missing = await get("/nothing-here.js");
  expect(missing.statusCode).toBe(404);
  expect(missing.json()).toMatchObject({ code: "DESKROTA_E_NOT_FOUND" });
  expect((await get("/examples/../../package.json")).statusCode).toBe(404);
  expect((await get("/v1/rotas")).statusCode).toBe(401);
});

test("the page's routes stay out of the OpenAPI document", async () => {
  const paths = Object.keys((await get("/docs/json")).json().paths);
  const operations = new Set(["/health", "/health/ready", "/metrics", "/feeds/{secret}.ics"]);
  expect(paths.filter((p) => !p.startsWith("/v1/") && !operations.has(p))).toEqual([]);
});
