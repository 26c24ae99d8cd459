import { fc, test } from "@fast-check/vitest";
import { afterAll, beforeAll, expect } from "vitest";
import { example, testApp, type TestApp } from "../support/app";

// Text PostgreSQL cannot store (NUL, lone surrogates) put into strings the main routes take: in the
// body, the query and the path. Every one is a 400 naming where; none reaches the store as a 500.

const small = example("small-campus");
let t: TestApp;
let id: string;

beforeAll(async () => {
  t = await testApp();
  const res = await t.app.inject({
    method: "POST",
    url: "/v1/rotas?wait=true&timeLimitSeconds=20&workBudget=200",
    headers: t.auth,
    payload: small,
  });
  expect(res.statusCode, res.body).toBe(200);
  id = res.json().id;
});
afterAll(() => t.app.close());

const bad = fc.constantFrom("\u0000", "\ud800", "\udfff", "\udbff\u0000");
/** Ordinary text with one unstorable piece somewhere in it. */
const poisoned = fc
  .tuple(fc.string({ maxLength: 12 }), bad, fc.string({ maxLength: 12 }))
  .map(([before, piece, after]) => `${before}${piece}${after}`);
/** Percent-encoded for a URL: the NUL as %00; a surrogate cannot be UTF-8, so it stays in JSON. */
const encodedNul = fc
  .tuple(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }))
  .map(([a, b]) => `${encodeURIComponent(a)}%00${encodeURIComponent(b)}`);

type Case = { method: "GET" | "POST"; url: string; payload?: unknown; where: string; path: string };

const bodyCases = poisoned.chain((text) =>
  fc.constantFrom<Case>(
    { method: "POST", url: "/v1/rotas", payload: withName(text), where: "body", path: "people.0.name" },
    { method: "POST", url: "/v1/rotas", payload: { ...small, name: text }, where: "body", path: "name" },
    {
      method: "POST",
      url: `/v1/rotas/${id}/changes?now=2026-11-22T00:00`,
      payload: { absences: [{ person: "s001", from: "2026-11-24T12:00", to: "2026-11-24T13:00", reason: text }] },
      where: "body",
      path: "absences.0.reason",
    },
  ),
);

const urlCases = encodedNul.chain((text) =>
  fc.constantFrom<Case>(
    { method: "POST", url: `/v1/rotas?name=${text}`, payload: small, where: "querystring", path: "name" },
    { method: "GET", url: `/v1/rotas/${text}`, where: "params", path: "id" },
    { method: "GET", url: `/v1/rotas/${text}/versions/1`, where: "params", path: "id" },
    { method: "GET", url: `/v1/rotas/${id}/people/${text}.ics`, where: "params", path: "person" },
    { method: "POST", url: `/v1/rotas/${text}/changes`, payload: {}, where: "params", path: "id" },
  ),
);

function withName(name: string) {
  const problem = structuredClone(small);
  (problem.people[0] as { name: string }).name = name;
  return problem;
}

test.prop([fc.oneof(bodyCases, urlCases)], { numRuns: 60 })(
  "unstorable text anywhere is a 400 naming where it is",
  async ({ method, url, payload, where, path }) => {
    const res = await t.app.inject({
      method,
      url,
      headers: t.auth,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    expect(res.statusCode, res.body).toBe(400);
    const body = res.json();
    expect(body.requestId).toBe(res.headers["x-request-id"]);
    expect(body.issues).toContainEqual(expect.objectContaining({ in: where, path }));
  },
);
