import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { example, testApp, type TestApp } from "./support/app";

// What an operator's probes and Prometheus read: readiness (store and queue reachable) and metrics.

const small = example("small-campus");
const QUICK = "timeLimitSeconds=20&workBudget=200";
let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.app.close());

const get = (url: string) => t.app.inject({ method: "GET", url });

describe("GET /health/ready", () => {
  test("ready when the store and the queue answer; no token needed", async () => {
    const res = await get("/health/ready");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ready", database: { up: true }, queue: { up: true } });
  });

  test("503 in the health shape when the queue does not answer, or the store", async () => {
    const { queue, rotas } = t.services;
    const stats = queue.stats.bind(queue);
    const ping = rotas.ping.bind(rotas);
    queue.stats = async () => {
      throw new Error("queue connection lost");
    };
    try {
      const res = await get("/health/ready");
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ status: "unavailable", database: { up: true }, queue: { up: false } });
      rotas.ping = async () => {
        throw new Error("down");
      };
      expect((await get("/health/ready")).json()).toMatchObject({ database: { up: false } });
    } finally {
      queue.stats = stats;
      rotas.ping = ping;
    }
  });
});

describe("GET /metrics", () => {
  test("Prometheus text: queue depth, solves running, solve and re-solve latency", async () => {
    const solved = await t.app.inject({
      method: "POST",
      url: `/v1/rotas?wait=true&${QUICK}`,
      headers: t.auth,
      payload: small,
    });
    expect(solved.statusCode, solved.body).toBe(200);
    const { id, rota } = solved.json();
    const stint = rota.assignments[0];
    const change = await t.app.inject({
      method: "POST",
      url: `/v1/rotas/${id}/changes?now=2026-11-22T00:00`,
      headers: t.auth,
      payload: { absences: [{ person: stint.person, from: stint.start, to: stint.end }] },
    });
    expect(change.statusCode, change.body).toBe(201);

    const res = await get("/metrics");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = res.body;
    expect(text).toMatch(/^# TYPE deskrota_queue_depth gauge$/m);
    expect(text).toMatch(/^deskrota_queue_depth 0$/m);
    expect(text).toMatch(/^deskrota_solves_running 0$/m);
    expect(text).toMatch(/^# TYPE deskrota_solve_duration_seconds histogram$/m);
    expect(text).toMatch(/^deskrota_solve_duration_seconds_count\{outcome="done"\} 1$/m);
    expect(text).toMatch(/^# TYPE deskrota_resolve_duration_seconds histogram$/m);
    expect(text).toMatch(/^deskrota_resolve_duration_seconds_count 1$/m);
    // The process's own: memory, event-loop lag.
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  test("each app has its own registry: a second app's counts start at zero", async () => {
    const second = await testApp();
    try {
      const text = (await second.app.inject({ method: "GET", url: "/metrics" })).body;
      expect(text).toMatch(/^deskrota_resolve_duration_seconds_count 0$/m);
    } finally {
      await second.app.close();
    }
  });
});
