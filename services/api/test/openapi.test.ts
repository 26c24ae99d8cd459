import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, test } from "vitest";
import { testApp, type TestApp } from "./support/app";

// The served OpenAPI document is what client generators are fed: it must lint clean with Redocly's
// recommended rules (services/api/redocly.yaml), so generated clients get method names, no dead
// types and a server to talk to.

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const CONFIG = fileURLToPath(new URL("../redocly.yaml", import.meta.url));

interface Problem {
  ruleId: string;
  severity: string;
  message: string;
  location: Array<{ pointer: string }>;
}

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.app.close());

/** "#/paths/~1v1~1rotas/post/responses" → "POST /v1/rotas (responses)": which operation, in words. */
function where(pointer: string): string {
  const parts = pointer
    .replace(/^#\//, "")
    .split("/")
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (parts[0] !== "paths") return pointer;
  const [, path, method, ...inside] = parts;
  return `${method?.toUpperCase()} ${path}${inside.length ? ` (${inside.join(".")})` : ""}`;
}

test("the served OpenAPI document lints clean (redocly recommended)", { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "deskrota-openapi-"));
  const file = join(dir, "openapi.json");
  writeFileSync(file, (await t.app.inject({ method: "GET", url: "/docs/json" })).body);
  const run = await promisify(execFile)(
    join(ROOT, "node_modules/.bin/redocly"),
    ["lint", file, "--config", CONFIG, "--format", "json"],
    { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
  ).catch((error: { stdout: string }) => error);
  const problems = (JSON.parse(run.stdout) as { problems: Problem[] }).problems;
  // Says which operation lacks what, e.g. "GET /v1/things (operationId): operation-operationId: …".
  const said = problems.map((p) => `${where(p.location[0]?.pointer ?? "")}: ${p.ruleId}: ${p.message}`);
  expect(said, "add what is missing to the route's schema (operationId, a 4xx response, …)").toEqual([]);
});

test("every operation has an operationId, unique across the document", async () => {
  const document = (await t.app.inject({ method: "GET", url: "/docs/json" })).json() as {
    paths: Record<string, Record<string, { operationId?: string }>>;
  };
  const ids = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => op.operationId ?? `(none: ${method.toUpperCase()} ${path})`),
  );
  expect(ids.filter((id) => id.startsWith("(none"))).toEqual([]);
  expect(new Set(ids).size).toBe(ids.length);
});
