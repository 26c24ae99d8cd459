import { check, fairBalance, type Problem, rosterableHours, setupFromProblem } from "@deskrota/core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { example, testApp, type TestApp } from "./support/app";

// A week built from the setup: its problem, its rota (solved as POST /v1/rotas), and the carry-over
// that published weeks hand to later ones.

const QUICK = "timeLimitSeconds=20&workBudget=200&seed=1";
const small = example("small-campus");
const WEEK1 = small.weekStart;
const WEEK2 = "2026-11-30";
let t: TestApp;
let other: { authorization: string };

beforeAll(async () => {
  t = await testApp();
  other = { authorization: `Bearer ${(await t.services.orgs.createOrg("Another Library")).token}` };
  const { setup } = setupFromProblem(small);
  // A low threshold, so that one week of shadowing proposes a promotion.
  const res = await call("PUT", "/v1/setup", { ...setup, training: { shadowingHoursToIndependent: 1 } });
  expect(res.statusCode, res.body).toBe(200);
});
afterAll(() => t.app.close());

function call(method: "GET" | "POST" | "PUT", url: string, payload?: unknown, headers = t.auth) {
  return t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
}

describe("a week built from the setup equals the bundled example it was made from", () => {
  test.each(["small-campus", "typical-week", "dst-week"] as const)("%s", async (name) => {
    const problem = example(name);
    const org = await t.services.orgs.createOrg(name);
    const auth = { authorization: `Bearer ${org.token}` };
    expect((await call("POST", "/v1/setup/from-problem", problem, auth)).statusCode).toBe(201);
    const built = await call("GET", `/v1/weeks/${problem.weekStart}/problem`, undefined, auth);
    expect(built.statusCode, built.body).toBe(200);
    expect(built.json()).toEqual(problem);
  });
});

describe("GET /v1/weeks/{weekStart}/problem", () => {
  test("a week start that is not a Monday is a 400 about the path", async () => {
    const res = await call("GET", "/v1/weeks/2026-11-24/problem");
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toContainEqual(expect.objectContaining({ in: "params", path: "weekStart" }));
    expect((await call("GET", "/v1/weeks/next-week/problem")).statusCode).toBe(400);
  });

  test("an organisation without a setup gets a 409, never another's setup", async () => {
    expect((await call("GET", `/v1/weeks/${WEEK1}/problem`, undefined, other)).statusCode).toBe(409);
  });

  test("the week's absences and availability exceptions are in its problem, and not in other weeks'", async () => {
    const res = await call("POST", "/v1/setup/absences", {
      entries: [
        { kind: "absence", person: "s002", from: `${WEEK2}T09:00`, to: `${WEEK2}T13:00`, reason: "dentist" },
        { kind: "availability", person: "s003", date: "2026-12-01", available: [["12:00", "16:00"]] },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const week2: Problem = (await call("GET", `/v1/weeks/${WEEK2}/problem`)).json();
    expect(week2.people.find((p) => p.id === "s002")?.absences).toEqual([
      { from: `${WEEK2}T09:00`, to: `${WEEK2}T13:00`, reason: "dentist" },
    ]);
    expect(week2.people.find((p) => p.id === "s003")?.availability?.tue).toEqual([["12:00", "16:00"]]);
    const week1: Problem = (await call("GET", `/v1/weeks/${WEEK1}/problem`)).json();
    expect(week1.people.find((p) => p.id === "s002")?.absences).toBeUndefined();
  });
});

describe("POST /v1/weeks/{weekStart}/rotas, publish, and the carry-over", () => {
  let rotaId: string;

  test("solves the week's problem like POST /v1/rotas; the rota stores it and passes the checker", async () => {
    const expected = (await call("GET", `/v1/weeks/${WEEK1}/problem`)).json();
    const res = await call("POST", `/v1/weeks/${WEEK1}/rotas?wait=true&${QUICK}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: "done", version: 1, name: `week of ${WEEK1}` });
    rotaId = res.json().id;
    const stored = (await call("GET", `/v1/rotas/${rotaId}/versions/1/problem`)).json();
    expect(stored).toEqual(expected);
    expect(check(stored, res.json().rota).valid).toBe(true);
    const week = (await call("GET", `/v1/weeks/${WEEK1}`)).json();
    expect(week.rotas).toEqual([expect.objectContaining({ id: rotaId, status: "done", setupRevision: 1 })]);
  });

  test("without ?wait it answers 202 with the status URL", async () => {
    const res = await call("POST", `/v1/weeks/${WEEK1}/rotas?${QUICK}`);
    expect(res.statusCode).toBe(202);
    expect(res.headers.location).toBe(`/v1/rotas/${res.json().id}`);
  });

  test("before a week is published, the next has no carry-over", async () => {
    const week2 = (await call("GET", `/v1/weeks/${WEEK2}`)).json();
    expect(week2.carry).toEqual({ version: 1, weeks: [], people: {} });
  });

  test("publishing it moves the next week's targets toward each person's fair share", async () => {
    expect((await call("POST", `/v1/rotas/${rotaId}/publish`)).statusCode).toBe(200);
    const week2 = (await call("GET", `/v1/weeks/${WEEK2}`)).json();
    expect(week2.carry.weeks).toEqual([WEEK1]);
    const problem: Problem = (await call("GET", `/v1/weeks/${WEEK2}/problem`)).json();
    const setup = (await call("GET", "/v1/setup")).json().setup;
    const available = rosterableHours(problem);
    let moved = 0;
    for (const person of problem.people) {
      const balance = fairBalance(week2.carry.people[person.id]);
      const contract = setup.people.find((p: { id: string }) => p.id === person.id).hours;
      // Targets never exceed what the person can be rostered that week (shadowing too), carry-over or not.
      const ceiling = Math.min(contract.max ?? Number.POSITIVE_INFINITY, available.get(person.id) ?? 0);
      const shift = person.hours.target - Math.min(contract.target, ceiling);
      // Someone who worked more than their share gets less next week, and the other way round.
      expect(shift * balance, person.id).toBeLessThanOrEqual(0);
      if (shift !== 0) moved++;
    }
    expect(moved).toBeGreaterThan(0);
  });

  test("a week solved from the setup after publishing stores the carry-over it was built with", async () => {
    const res = await call("POST", `/v1/weeks/${WEEK2}/rotas?wait=true&${QUICK}`);
    expect(res.statusCode, res.body).toBe(200);
    const stored: Problem = (await call("GET", `/v1/rotas/${res.json().id}/versions/1/problem`)).json();
    expect(stored).toEqual((await call("GET", `/v1/weeks/${WEEK2}/problem`)).json());
    expect(check(stored, res.json().rota).valid).toBe(true);
  });

  test("shadowing hours past the threshold propose a promotion; confirmed, the next week has it", async () => {
    const week2 = (await call("GET", `/v1/weeks/${WEEK2}`)).json();
    expect(week2.proposals.length).toBeGreaterThan(0);
    const proposal = week2.proposals[0] as { person: string; point: string };
    const before: Problem = (await call("GET", `/v1/weeks/${WEEK2}/problem`)).json();
    expect(before.people.find((p) => p.id === proposal.person)?.training?.[proposal.point]).not.toBe("independent");
    const confirmed = await call("POST", `/v1/setup/people/${proposal.person}/training`, { point: proposal.point });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const after: Problem = (await call("GET", `/v1/weeks/${WEEK2}/problem`)).json();
    expect(after.people.find((p) => p.id === proposal.person)?.training?.[proposal.point]).toBe("independent");
    // …while the week already solved keeps the problem it was built from.
    const old: Problem = (await call("GET", `/v1/rotas/${rotaId}/versions/1/problem`)).json();
    expect(old.people.find((p) => p.id === proposal.person)?.training?.[proposal.point]).not.toBe("independent");
  });

  test("removing a person the published rota names keeps the rota readable and exportable", async () => {
    const named = (await call("GET", `/v1/rotas/${rotaId}`)).json().rota.assignments[0].person as string;
    const setup = (await call("GET", "/v1/setup")).json().setup;
    const people = setup.people
      .filter((p: { id: string }) => p.id !== named)
      .map((p: { mentor?: string }) => {
        if (p.mentor !== named) return p;
        const { mentor: _mentor, ...rest } = p;
        return rest;
      });
    const put = await t.app.inject({ method: "PUT", url: "/v1/setup", headers: t.auth, payload: { ...setup, people } });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().changes.people.removed).toEqual([named]);
    const rota = await call("GET", `/v1/rotas/${rotaId}`);
    expect(rota.statusCode).toBe(200);
    expect(rota.json().rota.assignments.some((a: { person: string }) => a.person === named)).toBe(true);
    expect((await call("GET", `/v1/rotas/${rotaId}/export.csv`)).statusCode).toBe(200);
    expect((await call("GET", `/v1/rotas/${rotaId}/people/${named}.ics`)).statusCode).toBe(200);
  });

  test("another organisation's week rotas are not in its weeks, and are 404s to it", async () => {
    const theirs = await call("GET", `/v1/rotas/${rotaId}`, undefined, other);
    expect(theirs.statusCode).toBe(404);
    expect((await call("GET", `/v1/weeks/${WEEK1}`, undefined, other)).statusCode).toBe(409);
  });
});
