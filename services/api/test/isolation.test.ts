import { afterAll, beforeAll, expect, test } from "vitest";
import { example, testApp, type TestApp } from "./support/app";

// Two organisations on one server: each sees only its own rotas; the other's ids do not exist.

let t: TestApp;
let other: { authorization: string };
let rotaId: string;
let person: string;

beforeAll(async () => {
  t = await testApp();
  other = { authorization: `Bearer ${(await t.services.orgs.createOrg("Another Library")).token}` };
  const res = await t.app.inject({
    method: "POST",
    url: "/v1/rotas?wait=true&timeLimitSeconds=20&workBudget=100",
    headers: t.auth,
    payload: example("small-campus"),
  });
  expect(res.json().status).toBe("done");
  rotaId = res.json().id;
  person = res.json().rota.assignments[0].person;
});
afterAll(() => t.app.close());

test.each([
  ["GET", () => `/v1/rotas/${rotaId}`],
  ["DELETE", () => `/v1/rotas/${rotaId}/solve`],
  ["POST", () => `/v1/rotas/${rotaId}/publish`],
  ["GET", () => `/v1/rotas/${rotaId}/versions`],
  ["GET", () => `/v1/rotas/${rotaId}/versions/1`],
  ["GET", () => `/v1/rotas/${rotaId}/export.csv`],
  ["GET", () => `/v1/rotas/${rotaId}/people/${person}.ics`],
  ["GET", () => `/v1/rotas/${rotaId}/versions/1/problem`],
  ["POST", () => `/v1/rotas/${rotaId}/changes?now=2026-11-22T00:00`],
  [
    "GET",
    () => `/v1/rotas/${rotaId}/swap-candidates?point=campus-helpdesk&start=2026-11-23T09:00&end=2026-11-23T10:00`,
  ],
  ["POST", () => `/v1/rotas/${rotaId}/alternatives`],
  ["GET", () => `/v1/compare?ids=${rotaId},${rotaId}@1`],
] as const)("%s %s of another organisation's rota is a 404, exactly like an unknown id", async (method, url) => {
  const payload = method === "POST" ? { payload: {} } : {};
  const theirs = await t.app.inject({ method, url: url(), headers: other, ...payload });
  const unknown = await t.app.inject({
    method,
    url: url().replaceAll(rotaId, "rota_000000000000"),
    headers: other,
    ...payload,
  });
  expect(theirs.statusCode).toBe(404);
  expect(unknown.statusCode).toBe(404);
  expect(theirs.json().message).toBe(unknown.json().message.replaceAll("rota_000000000000", rotaId));
  // …and it is untouched for its owner.
  expect((await t.app.inject({ method: "GET", url: `/v1/rotas/${rotaId}`, headers: t.auth })).json()).toMatchObject({
    status: "done",
    publishedVersion: null,
  });
});

test("listing shows each organisation only its own rotas", async () => {
  const mine = await t.app.inject({ method: "GET", url: "/v1/rotas", headers: t.auth });
  const theirs = await t.app.inject({ method: "GET", url: "/v1/rotas", headers: other });
  expect(mine.json().rotas.map((r: { id: string }) => r.id)).toEqual([rotaId]);
  expect(theirs.json().rotas).toEqual([]);
});
