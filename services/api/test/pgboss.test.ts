import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ABANDONED } from "../src/jobs/pgboss";
import type { RotaRecord } from "../src/store/rota-records";
import { example, testApp, type TestApp } from "./support/app";
import { pollRota } from "./support/poll";
import { freshDatabase, stopOwnServer } from "./support/postgres";
import { startWorker, type RunningWorker } from "./support/worker";

// Past one machine: an API process that only queues (DESKROTA_SOLVERS=0) and two `deskrota worker`
// processes sharing one PostgreSQL through pg-boss.

const small = example("small-campus");
let api: TestApp;
let databaseUrl: string;
let workerEnv: Record<string, string>;
const workers: RunningWorker[] = [];

beforeAll(async () => {
  databaseUrl = await freshDatabase();
  api = await testApp({ databaseUrl, solvers: 0, queueLimit: 4, queueMaintenanceSeconds: 1 });
  workerEnv = {
    DATABASE_URL: databaseUrl,
    DESKROTA_SOLVERS: "1",
    DESKROTA_LOWER_BOUND: "off",
    DESKROTA_QUEUE_MAINTENANCE_SECONDS: "1",
    DESKROTA_PROGRESS_MS: "100",
  };
});
afterAll(async () => {
  for (const w of workers) w.child.kill("SIGKILL");
  await api.app.close();
  await stopOwnServer();
});

const submit = (query: string) =>
  api.app.inject({ method: "POST", url: `/v1/rotas?${query}`, headers: api.auth, payload: small });
const record = async (id: string, orgId = api.orgId) => (await api.services.rotas.findRota(orgId, id)) as RotaRecord;
const workerOf = (r: RotaRecord) => r.solvedBy?.split("/")[0];

describe("solve jobs in PostgreSQL", () => {
  test("the queue is bounded across processes: past the bound, 503 with Retry-After", async () => {
    // No worker runs yet: four jobs wait, the fifth is refused.
    for (let i = 0; i < 4; i++) expect((await submit("timeLimitSeconds=2")).statusCode).toBe(202);
    const refused = await submit("timeLimitSeconds=2");
    expect(refused.statusCode).toBe(503);
    // Nothing is solving yet: a place frees as soon as a worker takes the first job.
    expect(refused.headers["retry-after"]).toBe("1");
  });

  test("two worker processes share the jobs; each job runs once", async () => {
    workers.push(...(await Promise.all([startWorker(workerEnv), startWorker(workerEnv)])));
    const { rotas } = (await api.app.inject({ method: "GET", url: "/v1/rotas", headers: api.auth })).json() as {
      rotas: Array<{ id: string }>;
    };
    for (const { id } of rotas)
      expect(await pollRota(api.app, api.auth, id)).toMatchObject({ status: "done", version: 1 });
    const records = await Promise.all(rotas.map((r) => record(r.id)));
    expect(records.map((r) => r.attempts)).toEqual([1, 1, 1, 1]);
    // Each solve takes its full time limit, so the second worker is free while the first is busy.
    expect(new Set(records.map(workerOf))).toEqual(new Set(workers.map((w) => `worker-${w.pid}`)));
    for (const r of records) expect(await api.services.rotas.listVersions(api.orgId, r.id)).toHaveLength(1);
  });

  test("a worker stopped with SIGTERM keeps its running solve's best rota and exits cleanly", async () => {
    const { id } = (await submit("timeLimitSeconds=60")).json() as { id: string };
    await pollRota(api.app, api.auth, id, (r) => r.progress?.objective != null);
    const solvedBy = workerOf(await record(id));
    const holder = workers.find((w) => solvedBy === `worker-${w.pid}`) as RunningWorker;
    holder.child.kill("SIGTERM");
    expect(await holder.exited).toBe(0);
    workers.splice(workers.indexOf(holder), 1, await startWorker(workerEnv));
    expect(await pollRota(api.app, api.auth, id)).toMatchObject({ status: "done", version: 1 });
    expect((await record(id)).attempts).toBe(1);
  });

  test("a worker that dies mid-job: the job is retried by another, then failed when that one dies too", async () => {
    // Queued through an API whose jobs expire 1 s past their time limit (expiry is checked every
    // second), so a dead worker's job comes back quickly.
    const quick = await testApp({ databaseUrl, solvers: 0, jobGraceSeconds: 1, queueMaintenanceSeconds: 1 });
    const queued = await quick.app.inject({
      method: "POST",
      url: "/v1/rotas?timeLimitSeconds=2",
      headers: quick.auth,
      payload: small,
    });
    await quick.app.close();
    const id = queued.json<{ id: string }>().id;
    // The first attempt: kill whichever worker holds it.
    const taken = await waitForRecord(id, (r) => r.status === "solving");
    const first = workers.find((w) => workerOf(taken) === `worker-${w.pid}`) as RunningWorker;
    first.child.kill("SIGKILL");
    await first.exited;

    // The queue notices the job has outlived its time limit and hands it to the surviving worker.
    const retried = await waitForRecord(id, (r) => r.attempts === 2 && r.status === "solving");
    const second = workers.find((w) => workerOf(retried) === `worker-${w.pid}`) as RunningWorker;
    expect(second).not.toBe(first);
    second.child.kill("SIGKILL");
    await second.exited;

    // Out of retries: dead-lettered, and marked failed with the reason.
    expect(await waitForRecord(id, (r) => r.status === "failed")).toMatchObject({
      status: "failed",
      reason: ABANDONED,
      latestVersion: null,
    });

    async function waitForRecord(rotaId: string, done: (r: RotaRecord) => boolean): Promise<RotaRecord> {
      for (;;) {
        const r = await record(rotaId, quick.orgId);
        if (done(r)) return r;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  });
});
