import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadConfig } from "../src/config";
import { testApp, type TestApp } from "./support/app";

// Rate limits per token and per address (failed authentications count), and load shedding.

describe("rate limits", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp({ rateLimit: { perToken: 3, perAddress: 8, windowSeconds: 60 } });
  });
  afterAll(() => t.app.close());
  const get = (headers: Record<string, string>, remoteAddress = "10.0.0.1") =>
    t.app.inject({ method: "GET", url: "/v1/rotas", headers, remoteAddress });

  test("per token: past the limit a 429 in the error shape with Retry-After; another token still works", async () => {
    for (let i = 0; i < 3; i++) expect((await get(t.auth)).statusCode).toBe(200);
    const limited = await get(t.auth);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({
      statusCode: 429,
      code: "DESKROTA_E_RATE_LIMITED",
      requestId: limited.headers["x-request-id"],
    });
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    const { token } = await t.services.orgs.createOrg("Other");
    expect((await get({ authorization: `Bearer ${token}` })).statusCode).toBe(200);
  });

  test("per address, failed authentications included", async () => {
    const wrong = { authorization: "Bearer drt_guess" };
    for (let i = 0; i < 8; i++) expect((await get(wrong, "10.0.0.9")).statusCode).toBe(401);
    const { token } = await t.services.orgs.createOrg("Third");
    const blocked = await get({ authorization: `Bearer ${token}` }, "10.0.0.9");
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe("DESKROTA_E_RATE_LIMITED");
    // Probes are not limited.
    expect((await t.app.inject({ method: "GET", url: "/health", remoteAddress: "10.0.0.9" })).statusCode).toBe(200);
  });
});

test("under pressure, requests are shed with a 503 in the error shape; health and metrics still answer", async () => {
  const t = await testApp({ pressure: { maxEventLoopDelayMs: 0, maxHeapUsedBytes: 1, maxRssBytes: 0 } });
  try {
    let res = await t.app.inject({ method: "GET", url: "/v1/rotas", headers: t.auth });
    // The heap is sampled about once a second: wait for the first sample to say "over".
    for (let i = 0; i < 50 && res.statusCode !== 503; i++) {
      await sleep(100);
      res = await t.app.inject({ method: "GET", url: "/v1/rotas", headers: t.auth });
    }
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ code: "DESKROTA_E_OVERLOADED", requestId: res.headers["x-request-id"] });
    expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
    expect((await t.app.inject({ method: "GET", url: "/metrics" })).statusCode).toBe(200);
    expect((await t.app.inject({ method: "GET", url: "/health" })).statusCode).toBe(200);
  } finally {
    await t.app.close();
  }
});

test("configured from the environment; 0 turns a limit off", () => {
  expect(loadConfig({})).toMatchObject({
    rateLimit: { perToken: 600, perAddress: 1200, windowSeconds: 60 },
    pressure: { maxEventLoopDelayMs: 1000, maxHeapUsedBytes: 0, maxRssBytes: 0 },
    trustProxy: false,
  });
  expect(
    loadConfig({
      DESKROTA_RATE_LIMIT_PER_TOKEN: "0",
      DESKROTA_MAX_HEAP_USED_BYTES: "2000000000",
      DESKROTA_TRUST_PROXY: "on",
    }),
  ).toMatchObject({ rateLimit: { perToken: 0 }, pressure: { maxHeapUsedBytes: 2_000_000_000 }, trustProxy: true });
  expect(loadConfig({ DESKROTA_TRUST_PROXY: "10.0.0.0/8,127.0.0.1" }).trustProxy).toBe("10.0.0.0/8,127.0.0.1");
});
