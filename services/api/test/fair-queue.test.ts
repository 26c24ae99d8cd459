import { afterAll, beforeAll, expect, test } from "vitest";
import { example, testApp, type TestApp } from "./support/app";
import { pollRota } from "./support/poll";

// One organisation fills the queue; another's first solve and a re-solve after an absence still
// run next (one solver, so the order solves finish in is the order they started in).

const small = example("small-campus");
const QUICK = "timeLimitSeconds=20&workBudget=50";
let t: TestApp;
let other: { auth: { authorization: string } };

beforeAll(async () => {
  t = await testApp({ solvers: 1, queueLimit: 60, queueLimitPerOrg: 40 });
  const { token } = await t.services.orgs.createOrg("Other Library");
  other = { auth: { authorization: `Bearer ${token}` } };
});
afterAll(() => t.app.close());

const submit = (auth: Record<string, string>, query: string) =>
  t.app.inject({ method: "POST", url: `/v1/rotas?${query}`, headers: auth, payload: small });

test("another organisation's first solve and a re-solve go ahead of forty queued solves", {
  timeout: 120_000,
}, async () => {
  const solved = await submit(other.auth, `wait=true&${QUICK}`);
  expect(solved.statusCode, solved.body).toBe(200);
  const theirs = solved.json<{
    id: string;
    rota: { assignments: Array<{ person: string; start: string; end: string }> };
  }>();
  const stint = theirs.rota.assignments[0] as { person: string; start: string; end: string };

  // The solver is busy (until this test stops it); forty more of the same organisation's solves queue up.
  const running = (await submit(t.auth, "timeLimitSeconds=30")).json<{ id: string }>().id;
  const queued: string[] = [];
  for (let i = 0; i < 40; i++) {
    const res = await submit(t.auth, QUICK);
    expect(res.statusCode, res.body).toBe(202);
    queued.push(res.json<{ id: string }>().id);
  }
  // Its share is full: refused, with when its first queued solve is expected to start.
  const refused = await submit(t.auth, QUICK);
  expect(refused.statusCode).toBe(503);
  expect(refused.json()).toMatchObject({ code: "DESKROTA_E_BUSY", requestId: refused.headers["x-request-id"] });
  expect(Number(refused.headers["retry-after"])).toBeGreaterThanOrEqual(1);
  expect(Number(refused.headers["retry-after"])).toBeLessThanOrEqual(30);

  // The other organisation still gets in, and an absence is re-solved as soon as the solver frees.
  const first = await submit(other.auth, QUICK);
  expect(first.statusCode, first.body).toBe(202);
  const changing = t.app.inject({
    method: "POST",
    url: `/v1/rotas/${theirs.id}/changes?now=2026-11-22T00:00`,
    headers: other.auth,
    payload: { absences: [{ person: stint.person, from: stint.start, to: stint.end, reason: "sick" }] },
  });
  await t.app.inject({ method: "DELETE", url: `/v1/rotas/${running}/solve`, headers: t.auth });
  const change = await changing;
  expect(change.statusCode, change.body).toBe(201);
  const doneSoFar = async () =>
    (await Promise.all(queued.map((id) => t.services.rotas.findRota(t.orgId, id)))).filter((r) => r?.status === "done")
      .length;
  expect(await doneSoFar()).toBe(0);

  const firstId = first.json<{ id: string }>().id;
  await pollRota(t.app, other.auth, firstId);
  expect(await doneSoFar()).toBeLessThanOrEqual(1);
  expect((await t.services.rotas.findRota(t.orgId, running))?.status).toBe("done");

  // The rest are stopped (queued ones fail at once) so the test does not wait for forty solves.
  for (const id of queued) await t.app.inject({ method: "DELETE", url: `/v1/rotas/${id}/solve`, headers: t.auth });
});
