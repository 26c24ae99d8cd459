import { afterAll, beforeAll, expect, test } from "vitest";
import { example, testApp, type TestApp } from "./support/app";
import { pollRota } from "./support/poll";
import { freshDatabase, stopOwnServer } from "./support/postgres";

// The same fairness through pg-boss: an API that only queues, and a solver process started once
// one organisation has filled its share of the queue.

const small = example("small-campus");
const QUICK = "timeLimitSeconds=20&workBudget=50";
let api: TestApp;
let solver: TestApp | undefined;
let databaseUrl: string;
let other: { orgId: string; auth: { authorization: string } };

beforeAll(async () => {
  databaseUrl = await freshDatabase();
  api = await testApp({ databaseUrl, solvers: 0, queueLimit: 10, queueLimitPerOrg: 5 });
  const { org, token } = await api.services.orgs.createOrg("Other Library");
  other = { orgId: org.id, auth: { authorization: `Bearer ${token}` } };
});
afterAll(async () => {
  await solver?.app.close();
  await api.app.close();
  await stopOwnServer();
});

const submit = (auth: Record<string, string>, query = QUICK) =>
  api.app.inject({ method: "POST", url: `/v1/rotas?${query}`, headers: auth, payload: small });

test("an organisation's share of the queue is its own; the next organisation's first solve runs second", {
  timeout: 120_000,
}, async () => {
  const mine: string[] = [];
  for (let i = 0; i < 5; i++) mine.push((await submit(api.auth)).json<{ id: string }>().id);
  const refused = await submit(api.auth);
  expect(refused.statusCode).toBe(503);
  expect(refused.json()).toMatchObject({ code: "DESKROTA_E_BUSY" });
  // Nothing is solving: the first queued solve starts as soon as a solver is free.
  expect(refused.headers["retry-after"]).toBe("1");
  const theirs = await submit(other.auth);
  expect(theirs.statusCode, theirs.body).toBe(202);

  solver = await testApp({ databaseUrl, solvers: 1 });
  const ids = [...mine, theirs.json<{ id: string }>().id];
  for (const id of mine) await pollRota(api.app, api.auth, id);
  await pollRota(api.app, other.auth, ids[5] as string);
  const records = await Promise.all([
    ...mine.map((id) => api.services.rotas.findRota(api.orgId, id)),
    api.services.rotas.findRota(other.orgId, ids[5] as string),
  ]);
  const finished = records.map((r) => ({ id: r?.id, at: r?.updatedAt ?? "" })).sort((a, b) => a.at.localeCompare(b.at));
  expect(finished.map((f) => f.id).indexOf(ids[5])).toBeLessThanOrEqual(1);
});
