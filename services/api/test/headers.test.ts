import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadConfig } from "../src/config";
import { testApp, type TestApp } from "./support/app";

// What every response carries for the browser's sake: no caching of JSON, the usual security
// headers, and no CORS unless an operator names the origins.

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.app.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: "GET", url, headers });

describe("JSON is never cached", () => {
  test.each([
    ["a listing", "/v1/rotas", true],
    ["an error", "/v1/rotas/nope", true],
    ["an unauthorised request", "/v1/rotas", false],
    ["the health check", "/health", false],
  ])("%s", async (_what, url, withToken) => {
    const res = await get(url, withToken ? t.auth : {});
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    expect(res.headers["cache-control"]).toBe("no-store");
  });
});

test("security headers on the API, the page and the documentation", async () => {
  for (const url of ["/v1/rotas", "/", "/docs", "/health"]) {
    const res = await get(url, t.auth);
    expect(res.statusCode, url).toBeLessThan(400);
    expect(res.headers["x-content-type-options"], url).toBe("nosniff");
    expect(res.headers["strict-transport-security"], url).toBeUndefined();
    expect(res.headers["referrer-policy"], url).toBe("no-referrer");
    expect(res.headers["x-frame-options"], url).toBe("DENY");
    expect(res.headers["content-security-policy"], url).toContain("frame-ancestors 'none'");
  }
  // The API's JSON may not load anything; the page and the documentation load their own files only.
  expect((await get("/v1/rotas", t.auth)).headers["content-security-policy"]).toContain("default-src 'none'");
  expect((await get("/")).headers["content-security-policy"]).toContain("default-src 'self'");
  const docs = (await get("/docs")).headers["content-security-policy"];
  expect(docs).toMatch(/script-src 'self' ;/);
  expect(docs).not.toContain("unsafe-inline");
  expect(docs).not.toContain("upgrade-insecure-requests");
});

describe("CORS", () => {
  test("off unless configured: no Access-Control headers, a preflight is not answered", async () => {
    const res = await get("/v1/rotas", { ...t.auth, origin: "https://intranet.example" });
    expect(res.headers["access-control-allow-origin"]).toBeUndefined();
    const preflight = await t.app.inject({
      method: "OPTIONS",
      url: "/v1/rotas",
      headers: { origin: "https://intranet.example", "access-control-request-method": "GET" },
    });
    expect(preflight.headers["access-control-allow-origin"]).toBeUndefined();
  });

  test("DESKROTA_CORS_ORIGINS allows exactly the named origins, with the headers a client needs", async () => {
    const config = loadConfig({ DESKROTA_CORS_ORIGINS: "https://intranet.example, http://localhost:5173" });
    expect(config.corsOrigins).toEqual(["https://intranet.example", "http://localhost:5173"]);
    expect(() => loadConfig({ DESKROTA_CORS_ORIGINS: "intranet" })).toThrow(/DESKROTA_CORS_ORIGINS/);
    const cors = await testApp({ corsOrigins: config.corsOrigins });
    try {
      const preflight = await cors.app.inject({
        method: "OPTIONS",
        url: "/v1/rotas",
        headers: {
          origin: "https://intranet.example",
          "access-control-request-method": "POST",
          "access-control-request-headers": "authorization,content-type",
        },
      });
      expect(preflight.statusCode).toBe(204);
      expect(preflight.headers["access-control-allow-origin"]).toBe("https://intranet.example");
      expect(preflight.headers["access-control-allow-headers"]).toMatch(/authorization/i);
      const res = await cors.app.inject({
        method: "GET",
        url: "/v1/rotas",
        headers: { ...cors.auth, origin: "https://intranet.example" },
      });
      expect(res.headers["access-control-allow-origin"]).toBe("https://intranet.example");
      expect(res.headers["access-control-expose-headers"]).toMatch(/retry-after/i);
      const other = await cors.app.inject({
        method: "GET",
        url: "/v1/rotas",
        headers: { ...cors.auth, origin: "https://elsewhere.example" },
      });
      expect(other.headers["access-control-allow-origin"]).toBeUndefined();
    } finally {
      await cors.app.close();
    }
  });
});
