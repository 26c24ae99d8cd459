import { fc, test } from "@fast-check/vitest";
import { afterAll, beforeAll, expect } from "vitest";
import { example, testApp, type TestApp } from "../support/app";

// Malformed problems thrown at POST /v1/rotas: every one is a 400 whose issues say where, never a
// 500 and never a queued solve. The malformations are ones no schema change should make valid.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = Array<string | number>;

const valid = example("small-campus") as unknown as Json;

function kindOf(value: Json): string {
  return value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
}

/** Every node of the document with its path, the root included. */
function nodes(value: Json, path: Path = []): Array<{ path: Path; value: Json }> {
  const children = Array.isArray(value)
    ? value.flatMap((v, i) => nodes(v, [...path, i]))
    : value !== null && typeof value === "object"
      ? Object.entries(value).flatMap(([k, v]) => nodes(v, [...path, k]))
      : [];
  return [{ path, value }, ...children];
}

function setAt(doc: Json, path: Path, replace: (old: Json) => Json): Json {
  if (path.length === 0) return replace(doc);
  const copy = structuredClone(doc) as Record<string | number, Json>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const last = path[path.length - 1] as string | number;
  parent[last] = replace(parent[last] as Json);
  return copy;
}

const everyNode = nodes(valid);
const objects = everyNode.filter((n) => kindOf(n.value) === "object");
// A "__proto__" key, or "constructor" with a "prototype", makes the JSON parser refuse the whole
// body before any field is read: a 400 with one issue at the body's root (routes.test.ts), which
// cannot point at the damaged node. Those are left out here.
const anyJson: fc.Arbitrary<Json> = (fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>).filter(
  (v) => !/"(__proto__|constructor)"/.test(JSON.stringify(v)),
);

/** A value of another JSON kind put where the schema expects this one. */
const wrongType = fc
  .tuple(fc.constantFrom(...everyNode), anyJson)
  .filter(([node, value]) => kindOf(node.value) !== kindOf(value))
  .map(([node, value]) => ({ path: node.path, body: setAt(valid, node.path, () => value) }));

/** A key the format does not know (typos must not pass silently), with a value no record accepts. */
const unknownKey = fc
  .tuple(
    fc.constantFrom(...objects),
    fc.string({ minLength: 1, maxLength: 8 }).map((k) => `x-${k}`),
  )
  .map(([node, key]) => ({
    path: node.path,
    body: setAt(valid, node.path, (old) => ({ ...(old as Record<string, Json>), [key]: { typo: true } })),
  }));

/** Whatever arrives instead of a problem: never one. */
const garbage = anyJson
  .filter((v) => kindOf(v) !== "object" || !("version" in (v as object)))
  .map((body) => ({ path: [] as Path, body }));

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.app.close());

test.prop([fc.oneof(wrongType, unknownKey, garbage)], { numRuns: 300 })(
  "a malformed problem is a 400 that points at it",
  async ({ path, body }) => {
    const res = await t.app.inject({
      method: "POST",
      url: "/v1/rotas",
      headers: { ...t.auth, "content-type": "application/json" },
      payload: JSON.stringify(body),
    });
    expect(res.statusCode, res.body).toBe(400);
    const issues = res.json().issues as Array<{ in: string; path: string; message: string }>;
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) {
      expect(issue.in).toBe("body");
      expect(typeof issue.path).toBe("string");
      expect(issue.message).not.toBe("");
    }
    // At least one issue is on the damaged node, inside it (a record's bad entry), or on a node that
    // holds it (a union or tuple reports where it starts).
    const where = path.join(".");
    const near = (p: string) =>
      where === "" || p === where || p.startsWith(`${where}.`) || (p !== "" && where.startsWith(`${p}.`));
    expect(
      issues.some((i) => near(i.path)),
      JSON.stringify({ where, issues }),
    ).toBe(true);
  },
);

test("nothing malformed was ever queued", async () => {
  const res = await t.app.inject({ method: "GET", url: "/v1/rotas", headers: t.auth });
  expect(res.json().rotas).toEqual([]);
});
