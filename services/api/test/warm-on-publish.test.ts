import { setTimeout as sleep } from "node:timers/promises";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { example, testApp, type TestApp } from "./support/app";
import { BEFORE_THE_WEEK as NOW, injector, publishedSmallCampus, QUICK, type Stint } from "./support/published";

// Publishing warms an idle engine thread on the version the rota's changes repair, so the week's first
// re-solve runs on a thread that holds it already. Told by the metrics (what happened, never how long).

let warm: TestApp;
let cold: TestApp;

beforeAll(async () => {
  [warm, cold] = [await testApp({ warmOnPublish: true }), await testApp()];
});
afterAll(async () => {
  await warm.app.close();
  await cold.app.close();
});

/** The counters of one metric, by label value. */
async function counts(t: TestApp, metric: string): Promise<Record<string, number>> {
  const text = (await t.app.inject({ method: "GET", url: "/metrics" })).body;
  const found: Record<string, number> = {};
  for (const [, label, value] of text.matchAll(new RegExp(`^${metric}\\{\\w+="(\\w+)"\\} (\\d+)$`, "gm")))
    found[label as string] = Number(value);
  return found;
}

/** The warm-ups' outcomes once `total` of them have ended (the publish does not wait for them). */
async function warmUpsEnded(t: TestApp, total: number): Promise<Record<string, number>> {
  for (;;) {
    const ended = await counts(t, "deskrota_publish_warmups_total");
    if (Object.values(ended).reduce((a, b) => a + b, 0) >= total) return ended;
    await sleep(50);
  }
}

/** A dry-run absence of `stint`'s person over it: a re-solve against the published version. */
async function absent(t: TestApp, id: string, stint: Stint) {
  const res = await injector(() => t)("POST", `/v1/rotas/${id}/changes?now=${NOW}&dryRun=true&${QUICK}`, {
    absences: [{ person: stint.person, from: stint.start, to: stint.end, reason: "sick" }],
  });
  expect(res.statusCode, res.body).toBe(200);
}

describe("POST /v1/rotas/:id/publish warms the re-solves", () => {
  test("with the switch on, a thread warms on the published week and the first re-solve runs there", async () => {
    const { id, stint } = await publishedSmallCampus(warm, "warmed");
    expect(await warmUpsEnded(warm, 1)).toEqual({ warmed: 1 });
    await absent(warm, id, stint);
    expect(await counts(warm, "deskrota_resolves_total")).toEqual({ held: 1 });
  });

  test("a newer publish of the same rota supersedes the warm-up not yet under way", async () => {
    const { id } = await publishedSmallCampus(warm, "published twice");
    await warmUpsEnded(warm, 2);
    const log = pino({ level: "silent" });
    warm.services.warmUps.afterPublish(warm.orgId, id, log);
    warm.services.warmUps.afterPublish(warm.orgId, id, log);
    expect(await warmUpsEnded(warm, 4)).toEqual({ warmed: 3, superseded: 1 });
  });

  test("with the switch off, nothing warms and the first re-solve's thread is sent the week", async () => {
    // Another week than the warmed one's (a different seed): the engine's threads are shared by both apps.
    const small = example("small-campus");
    const res = await injector(() => cold)("POST", `/v1/rotas?wait=true&${QUICK}&name=cold`, {
      ...small,
      solver: { ...small.solver, seed: 9 },
    });
    expect(res.statusCode, res.body).toBe(200);
    const id = res.json().id as string;
    expect((await injector(() => cold)("POST", `/v1/rotas/${id}/publish`)).statusCode).toBe(200);
    await absent(cold, id, res.json().rota.assignments[0]);
    expect(await counts(cold, "deskrota_resolves_total")).toEqual({ sent: 1 });
    expect(await counts(cold, "deskrota_publish_warmups_total")).toEqual({});
  });
});
