import { DeskrotaTimeoutError } from "@deskrota/core";
import type * as engine from "@deskrota/engine";
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { OVERRAN } from "../src/jobs/runner";
import { example, testApp, type TestApp } from "./support/app";
import { pollRota } from "./support/poll";

// The engine terminates a worker that overruns its deadline and raises a timeout (its own tests
// show that); here the service's side: the job fails with the reason, a re-solve is a 503, and
// nothing is stored for either.

const overrun = { solve: false, resolve: false };
vi.mock("@deskrota/engine", async (actual) => {
  const real = await actual<typeof engine>();
  const timeout = () =>
    Promise.reject(
      new DeskrotaTimeoutError("the solver overran its time limit by more than the grace period and was stopped"),
    );
  return {
    ...real,
    solve: (...args: Parameters<typeof real.solve>) => (overrun.solve ? timeout() : real.solve(...args)),
    resolve: (...args: Parameters<typeof real.resolve>) => (overrun.resolve ? timeout() : real.resolve(...args)),
  };
});

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.app.close());

test("a solve whose worker overran its time limit ends failed, with the reason and no rota", async () => {
  overrun.solve = true;
  const created = (
    await t.app.inject({
      method: "POST",
      url: "/v1/rotas?workBudget=10",
      headers: t.auth,
      payload: example("small-campus"),
    })
  ).json();
  const ended = await pollRota(t.app, t.auth, created.id);
  overrun.solve = false;
  expect(ended).toMatchObject({ status: "failed", reason: OVERRAN });
  expect(await t.services.rotas.listVersions(t.orgId, created.id)).toEqual([]);
});

test("a re-solve that overran is a 503 that says so, and adds no version", async () => {
  const created = (
    await t.app.inject({
      method: "POST",
      url: "/v1/rotas?workBudget=10&wait=true",
      headers: t.auth,
      payload: example("small-campus"),
    })
  ).json();
  expect(created.status).toBe("done");
  overrun.resolve = true;
  const change = { absences: [{ person: "s001", from: "2026-11-24T12:00", to: "2026-11-24T18:00", reason: "sick" }] };
  const reply = await t.app.inject({
    method: "POST",
    // Before the example week: the server's clock is past it, and a change to a week that is over is a 409.
    url: `/v1/rotas/${created.id}/changes?now=2026-11-22T00:00`,
    headers: t.auth,
    payload: change,
  });
  overrun.resolve = false;
  expect(reply.statusCode).toBe(503);
  expect(reply.json()).toMatchObject({
    code: "DESKROTA_E_TIMEOUT",
    message: expect.stringContaining("overran its time limit"),
  });
  expect(reply.body).not.toContain("    at ");
  expect((await t.services.rotas.listVersions(t.orgId, created.id)).map((v) => v.version)).toEqual([1]);
});
