import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { FastifyInstance } from "fastify";
import createClient from "openapi-fetch";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { paths } from "./support/openapi";
import { testApp, type TestApp } from "./support/app";

// The README's walk-through, driven through a client generated from the served OpenAPI document
// (openapi-typescript types + openapi-fetch). The generated types are committed (test/support/
// openapi.d.ts) so that `tsc` checks this walk-through against them; the first test fails when
// they no longer match the served document (regenerate: vitest run -u services/api/test/openapi-client.test.ts).

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const API = fileURLToPath(new URL("../", import.meta.url));
const exec = promisify(execFile);

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.app.close());

/** fetch, answered by the app in process (no socket): the client cannot tell the difference. */
function injectFetch(app: FastifyInstance) {
  return async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const payload = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
    const res = await app.inject({
      method: request.method as "GET",
      url: `${url.pathname}${url.search}`,
      headers: Object.fromEntries(request.headers),
      ...(payload ? { payload } : {}),
    });
    const headers = Object.entries(res.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : []));
    return new Response(res.statusCode === 204 ? null : res.rawPayload, { status: res.statusCode, headers });
  };
}

test("the committed client types are generated from the served document", { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "deskrota-client-"));
  writeFileSync(join(dir, "openapi.json"), (await t.app.inject({ method: "GET", url: "/docs/json" })).body);
  // openapi-typescript needs TypeScript 5's compiler API: the API's own devDependency, hence cwd.
  await exec(
    join(API, "node_modules/.bin/openapi-typescript"),
    [join(dir, "openapi.json"), "-o", join(dir, "openapi.d.ts")],
    {
      cwd: API,
    },
  );
  const format = exec(
    join(ROOT, "node_modules/.bin/biome"),
    ["format", "--stdin-file-path=services/api/test/support/openapi.d.ts"],
    {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  format.child.stdin?.end(readFileSync(join(dir, "openapi.d.ts")));
  await expect((await format).stdout).toMatchFileSnapshot("./support/openapi.d.ts");
});

test("the README walk-through through the generated client", { timeout: 180_000 }, async () => {
  const client = createClient<paths>({
    baseUrl: "http://deskrota.test",
    headers: t.auth,
    fetch: injectFetch(t.app),
  });
  const problem = JSON.parse(readFileSync(join(ROOT, "docs/examples/small-campus.json"), "utf8"));

  // Solve; poll the status until done; read the gaps.
  const created = await client.POST("/v1/rotas", {
    params: { query: { timeLimitSeconds: 20, workBudget: 200 } },
    body: problem,
  });
  expect(created.response.status).toBe(202);
  const id = created.data?.id as string;
  let status = created.data?.status;
  let rota: paths["/v1/rotas/{id}"]["get"]["responses"][200]["content"]["application/json"] | undefined;
  while (status === "queued" || status === "solving") {
    const read = await client.GET("/v1/rotas/{id}", { params: { path: { id } } });
    rota = read.data;
    status = rota?.status;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(status).toBe("done");
  for (const gap of rota?.rota?.uncovered ?? []) expect(gap.reason).not.toBe("");

  // Publish it; an absence is re-solved against it.
  const published = await client.POST("/v1/rotas/{id}/publish", { params: { path: { id } }, body: {} });
  expect(published.data?.publishedVersion).toBe(1);
  const change = await client.POST("/v1/rotas/{id}/changes", {
    params: { path: { id }, query: { now: "2026-11-22T00:00" } },
    body: { absences: [{ person: "s004", from: "2026-11-26T12:00", to: "2026-11-26T18:00", reason: "sick" }] },
  });
  expect(change.response.status).toBe(201);
  expect(change.data?.version).toBe(2);

  // Who could take a gap.
  const swaps = await client.GET("/v1/rotas/{id}/swap-candidates", {
    params: { path: { id }, query: { point: "campus-helpdesk", start: "2026-11-26T12:00", end: "2026-11-26T16:30" } },
  });
  expect(swaps.response.status).toBe(200);
  expect(Array.isArray(swaps.data?.candidates)).toBe(true);

  // Alternatives (those without a real trade-off are listed as dropped), compared with the rota.
  const alternatives = await client.POST("/v1/rotas/{id}/alternatives", {
    params: { path: { id } },
    body: { k: 2, timeLimitSeconds: 3 },
  });
  expect(alternatives.response.status, JSON.stringify(alternatives.error)).toBe(201);
  expect(alternatives.data?.alternatives.length ?? 0).toBeGreaterThan(0);
  const ids = [id, ...(alternatives.data?.alternatives ?? []).map((a) => a.id)].join(",");
  const compared = await client.GET("/v1/compare", { params: { query: { ids } } });
  expect(compared.response.status).toBe(200);
  expect(compared.data?.rotas.length).toBe(ids.split(",").length);

  // Exports: the spreadsheet and one person's calendar.
  const csv = await client.GET("/v1/rotas/{id}/export.csv", { params: { path: { id } }, parseAs: "text" });
  expect(csv.response.headers.get("content-type")).toMatch(/^text\/csv/);
  const ics = await client.GET("/v1/rotas/{id}/people/{person}.ics", {
    params: { path: { id, person: "s001" } },
    parseAs: "text",
  });
  expect(ics.data).toContain("BEGIN:VCALENDAR");

  // A bad problem: every issue with its path.
  const bad = await client.POST("/v1/rotas", { body: { version: 1, weekStart: "2026-11-24" } as never });
  expect(bad.response.status).toBe(400);
  expect(bad.error?.issues?.length).toBeGreaterThan(0);
});
