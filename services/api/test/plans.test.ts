import { setTimeout as sleep } from "node:timers/promises";
import { check, type Problem, type Rota, setupFromProblem } from "@deskrota/core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { example, testApp, type TestApp } from "./support/app";
import { freshDataDir } from "./support/pglite";

// A term plan: weeks solved in order with the carry-over, the term summary, stop, one week re-solved.

const QUICK = "timeLimitSeconds=20&workBudget=150&seed=3";
const FROM = "2027-01-11";
let t: TestApp;
let other: { authorization: string };

interface PlanBody {
  id: string;
  status: "solving" | "done" | "stopped" | "failed";
  reason: string | null;
  weeks: Array<{ weekStart: string; rotaId: string | null; status: string; carryStale: boolean | null }>;
  summary: {
    weeks: Array<{ weekStart: string; uncoveredHours: number }>;
    people: Array<{ person: string; worked: number; contract: number; fairShare: number }>;
  } | null;
}

beforeAll(async () => {
  t = await testApp();
  other = { authorization: `Bearer ${(await t.services.orgs.createOrg("Another Library")).token}` };
  const { setup } = setupFromProblem(example("small-campus"));
  expect((await call("PUT", "/v1/setup", setup)).statusCode).toBe(200);
});
afterAll(() => t.app.close());

function call(method: "GET" | "POST" | "PUT" | "DELETE", url: string, payload?: unknown, headers = t.auth) {
  return t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
}

async function settled(id: string): Promise<PlanBody> {
  for (;;) {
    const plan: PlanBody = (await call("GET", `/v1/plans/${id}`)).json();
    if (plan.status !== "solving") return plan;
    await sleep(100);
  }
}

async function version(rotaId: string): Promise<{ problem: Problem; rota: Rota }> {
  const problem = (await call("GET", `/v1/rotas/${rotaId}/versions/1/problem`)).json();
  const rota = (await call("GET", `/v1/rotas/${rotaId}`)).json().rota;
  return { problem, rota };
}

describe("POST /v1/plans", () => {
  let plan: PlanBody;

  test("a bad request is a 400 with every issue's path", async () => {
    const res = await call("POST", "/v1/plans", {
      from: "2027-01-12",
      weeks: 2,
      absences: [{ kind: "absence", person: "nobody", from: "2027-01-12T09:00", to: "2027-01-12T10:00" }],
    });
    expect(res.statusCode).toBe(400);
    const zero = await call("POST", "/v1/plans", { from: FROM, weeks: 0 });
    expect(zero.json().issues).toContainEqual(expect.objectContaining({ path: "weeks" }));
    const monday = await call("POST", "/v1/plans", { from: "2027-01-12", weeks: 2 });
    expect(monday.json().issues).toContainEqual(expect.objectContaining({ path: "from", code: "not_monday" }));
    const unknown = await call("POST", "/v1/plans", {
      from: FROM,
      weeks: 2,
      absences: [{ kind: "absence", person: "nobody", from: "2027-01-12T09:00", to: "2027-01-12T10:00" }],
    });
    expect(unknown.json().issues).toContainEqual(expect.objectContaining({ path: "absences.0.person" }));
    expect((await call("GET", "/v1/setup/absences")).json().entries).toEqual([]);
  });

  test("answers 202 with the plan; its weeks solve in order, each carrying over from the one before", async () => {
    const res = await call(`POST`, `/v1/plans?${QUICK}&name=spring`, {
      from: FROM,
      weeks: 3,
      absences: [{ kind: "absence", person: "s002", from: "2027-01-19T13:00", to: "2027-01-19T21:00" }],
    });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.headers.location).toBe(`/v1/plans/${res.json().id}`);
    expect(res.json()).toMatchObject({ status: "solving", name: "spring", from: FROM });
    plan = await settled(res.json().id);
    expect(plan.status, plan.reason ?? "").toBe("done");
    expect(plan.weeks.map((w) => w.weekStart)).toEqual(["2027-01-11", "2027-01-18", "2027-01-25"]);
    expect(plan.weeks.every((w) => w.status === "done" && w.carryStale === false)).toBe(true);
  });

  test("every rota of the plan passes the independent checker; the known absence is in its week", async () => {
    for (const week of plan.weeks) {
      const { problem, rota } = await version(week.rotaId as string);
      expect(check(problem, rota).valid, week.weekStart).toBe(true);
    }
    const second = await version(plan.weeks[1]?.rotaId as string);
    expect(second.problem.people.find((p) => p.id === "s002")?.absences).toEqual([
      { from: "2027-01-19T13:00", to: "2027-01-19T21:00" },
    ]);
  });

  test("week two was built with the carry-over of week one, though nothing was published", async () => {
    const week = await call("GET", `/v1/weeks/2027-01-18`);
    expect(week.json().rotas).toContainEqual(expect.objectContaining({ id: plan.weeks[1]?.rotaId, planId: plan.id }));
    const first = await version(plan.weeks[0]?.rotaId as string);
    const second = await version(plan.weeks[1]?.rotaId as string);
    const targets = (p: Problem) => p.people.map((x) => x.hours.target);
    expect(targets(second.problem)).not.toEqual(targets(first.problem));
  });

  test("the term summary: hours against contract and fair share per person, uncovered hours per week", () => {
    expect(plan.summary?.weeks.map((w) => w.weekStart)).toEqual(plan.weeks.map((w) => w.weekStart));
    expect(plan.summary?.people).toHaveLength(10);
    for (const person of plan.summary?.people ?? []) expect(person.contract).toBeGreaterThan(0);
  });

  test("one week re-solved alone: the others keep their rotas, the later ones are marked to follow", async () => {
    const res = await call(
      "POST",
      `/v1/plans/${plan.id}/weeks/2027-01-11/rotas?wait=true&${QUICK.replace("seed=3", "seed=9")}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const after = await settled(plan.id);
    expect(after.weeks[0]?.rotaId).toBe(res.json().id);
    expect(after.weeks.slice(1).map((w) => w.rotaId)).toEqual(plan.weeks.slice(1).map((w) => w.rotaId));
    // Whether the re-solve worked different hours decides whether week two's carry-over moved.
    const before = await version(plan.weeks[0]?.rotaId as string);
    const same = JSON.stringify(before.rota.people) === JSON.stringify(res.json().rota.people);
    expect(after.weeks[1]?.carryStale).toBe(!same);
    expect(after.weeks[0]?.carryStale).toBe(false);
  });

  test("an unknown week of the plan is a 404; another organisation's plan is a 404", async () => {
    expect((await call("POST", `/v1/plans/${plan.id}/weeks/2027-03-01/rotas`)).statusCode).toBe(404);
    expect((await call("GET", `/v1/plans/${plan.id}`, undefined, other)).statusCode).toBe(404);
    expect((await call("DELETE", `/v1/plans/${plan.id}/solve`, undefined, other)).statusCode).toBe(404);
    expect((await call("GET", "/v1/plans", undefined, other)).json().plans).toEqual([]);
    expect((await call("GET", "/v1/plans")).json().plans).toContainEqual(
      expect.objectContaining({ id: plan.id, weekCount: 3 }),
    );
  });

  test("stopping an ended plan is a 409", async () => {
    expect((await call("DELETE", `/v1/plans/${plan.id}/solve`)).statusCode).toBe(409);
  });
});

describe("DELETE /v1/plans/{id}/solve", () => {
  test("stops the plan: the week being solved keeps its best rota, later weeks are not started", async () => {
    const res = await call("POST", "/v1/plans?timeLimitSeconds=20", { from: "2027-03-01", weeks: 4 });
    expect(res.statusCode).toBe(202);
    const stop = await call("DELETE", `/v1/plans/${res.json().id}/solve`);
    expect(stop.statusCode).toBe(202);
    const plan = await settled(res.json().id);
    expect(plan.status).toBe("stopped");
    expect(plan.weeks.filter((w) => w.rotaId !== null).length).toBeLessThan(4);
  });

  test("re-solving a week of a plan still solving is a 409", async () => {
    const res = await call("POST", "/v1/plans?timeLimitSeconds=2", { from: "2027-04-05", weeks: 2 });
    const conflict = await call("POST", `/v1/plans/${res.json().id}/weeks/2027-04-05/rotas`);
    expect(conflict.statusCode).toBe(409);
    await call("DELETE", `/v1/plans/${res.json().id}/solve`);
    await settled(res.json().id);
  });
});

describe("after a restart", () => {
  test("a plan cut off by a graceful stop is taken up where it was and finishes", async () => {
    const dataDir = await freshDataDir();
    const first = await testApp({ dataDir });
    const { setup } = setupFromProblem(example("small-campus"));
    await first.app.inject({ method: "PUT", url: "/v1/setup", headers: first.auth, payload: setup });
    const res = await first.app.inject({
      method: "POST",
      url: "/v1/plans?timeLimitSeconds=20&workBudget=150",
      headers: first.auth,
      payload: { from: FROM, weeks: 2 },
    });
    expect(res.statusCode).toBe(202);
    await first.app.close();

    const second = await testApp({ dataDir });
    try {
      for (;;) {
        const plan: PlanBody = (
          await second.app.inject({ method: "GET", url: `/v1/plans/${res.json().id}`, headers: first.auth })
        ).json();
        if (plan.status !== "solving") {
          expect(plan.status, plan.reason ?? "").toBe("done");
          expect(plan.weeks.every((w) => w.status === "done")).toBe(true);
          break;
        }
        await sleep(100);
      }
    } finally {
      await second.app.close();
    }
  });
});
