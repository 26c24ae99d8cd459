import { setupFromProblem } from "@deskrota/core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { example, testApp, type TestApp } from "./support/app";

// Dated absences and availability exceptions: recorded all or none, listed by week and person,
// removed (the undo) without being forgotten.

const { setup } = setupFromProblem(example("small-campus"));
let t: TestApp;
let other: { authorization: string };
let ids: string[];

beforeAll(async () => {
  t = await testApp();
  other = { authorization: `Bearer ${(await t.services.orgs.createOrg("Another Library")).token}` };
  expect((await call("PUT", "/v1/setup", setup)).statusCode).toBe(200);
});
afterAll(() => t.app.close());

function call(method: "GET" | "POST" | "PUT" | "DELETE", url: string, payload?: unknown, headers = t.auth) {
  return t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
}

test("POST records absences and exceptions (201), each with an id", async () => {
  const res = await call("POST", "/v1/setup/absences", {
    entries: [
      { kind: "absence", person: "s001", from: "2026-11-30T09:00", to: "2026-12-02T00:00", reason: "leave" },
      { kind: "availability", person: "u001", date: "2026-12-08", available: [] },
    ],
  });
  expect(res.statusCode, res.body).toBe(201);
  const { entries } = res.json();
  ids = entries.map((e: { id: string }) => e.id);
  expect(entries[0]).toMatchObject({ kind: "absence", person: "s001", createdBy: t.orgId, removedAt: null });
  expect(entries[0].entry).toEqual({
    id: ids[0],
    kind: "absence",
    person: "s001",
    from: "2026-11-30T09:00",
    to: "2026-12-02T00:00",
    reason: "leave",
  });
});

test("an invalid entry is a 400 listing every issue by path; none of them is stored", async () => {
  const res = await call("POST", "/v1/setup/absences", {
    entries: [
      { kind: "absence", person: "s002", from: "2026-11-30T09:00", to: "2026-11-30T10:00" },
      { kind: "absence", person: "nobody", from: "2026-11-30T09:00", to: "2026-11-30T10:00" },
      { kind: "absence", person: "s002", from: "2026-11-30T12:00", to: "2026-11-30T10:00" },
      { kind: "availability", person: "s002", date: "2026-12-01", available: [["09:10", "12:00"]] },
      { kind: "holiday", person: "s002" },
    ],
  });
  expect(res.statusCode).toBe(400);
  const paths = res.json().issues.map((i: { path: string }) => i.path);
  expect(paths).toEqual(["entries.4.kind"]);
  const semantic = await call("POST", "/v1/setup/absences", {
    entries: [
      { kind: "absence", person: "s002", from: "2026-11-30T09:00", to: "2026-11-30T10:00" },
      { kind: "absence", person: "nobody", from: "2026-11-30T09:00", to: "2026-11-30T10:00" },
      { kind: "absence", person: "s002", from: "2026-11-30T12:00", to: "2026-11-30T10:00" },
      { kind: "availability", person: "s002", date: "2026-12-01", available: [["09:10", "12:00"]] },
    ],
  });
  expect(semantic.statusCode).toBe(400);
  expect(semantic.json().issues.map((i: { path: string }) => i.path)).toEqual(
    expect.arrayContaining(["entries.1.person", "entries.2.to", "entries.3.available.0.0"]),
  );
  expect((await call("GET", "/v1/setup/absences?person=s002")).json().entries).toEqual([]);
});

test("GET lists them by the week they touch and by person", async () => {
  const week = async (monday: string) =>
    (await call("GET", `/v1/setup/absences?week=${monday}`)).json().entries.map((e: { id: string }) => e.id);
  expect(await week("2026-11-30")).toEqual([ids[0]]);
  expect(await week("2026-12-07")).toEqual([ids[1]]);
  expect(await week("2026-11-23")).toEqual([]);
  const byPerson = (await call("GET", "/v1/setup/absences?person=u001")).json().entries;
  expect(byPerson.map((e: { id: string }) => e.id)).toEqual([ids[1]]);
  expect((await call("GET", `/v1/setup/absences/${ids[0]}`)).json().id).toBe(ids[0]);
  expect((await call("GET", "/v1/setup/absences?week=someday")).statusCode).toBe(400);
});

test("DELETE removes one: left out from then on, kept on record with who and when", async () => {
  const res = await call("DELETE", `/v1/setup/absences/${ids[0]}`);
  expect(res.statusCode).toBe(200);
  expect(res.json()).toMatchObject({ id: ids[0], removedBy: t.orgId, removedAt: expect.any(String) });
  expect((await call("GET", "/v1/setup/absences?week=2026-11-30")).json().entries).toEqual([]);
  const all = (await call("GET", "/v1/setup/absences?week=2026-11-30&removed=true")).json().entries;
  expect(all.map((e: { id: string }) => e.id)).toEqual([ids[0]]);
  const problem = (await call("GET", "/v1/weeks/2026-11-30/problem")).json();
  expect(problem.people.find((p: { id: string }) => p.id === "s001").absences).toBeUndefined();
  const again = await call("DELETE", `/v1/setup/absences/${ids[0]}`);
  expect(again.json().removedAt).toBe(res.json().removedAt);
  expect((await call("DELETE", "/v1/setup/absences/entry_000000000000")).statusCode).toBe(404);
});

test(
  "another organisation: its own list is empty, these entries are 404s, and without a setup it gets a " + "409",
  async () => {
    expect((await call("GET", "/v1/setup/absences", undefined, other)).json().entries).toEqual([]);
    expect((await call("GET", `/v1/setup/absences/${ids[1]}`, undefined, other)).statusCode).toBe(404);
    expect((await call("DELETE", `/v1/setup/absences/${ids[1]}`, undefined, other)).statusCode).toBe(404);
    expect((await call("GET", `/v1/setup/absences/${ids[1]}`)).json().removedAt).toBeNull();
    const res = await call(
      "POST",
      "/v1/setup/absences",
      { entries: [{ kind: "absence", person: "s001", from: "2026-11-30T09:00", to: "2026-11-30T10:00" }] },
      other,
    );
    expect(res.statusCode).toBe(409);
  },
);
