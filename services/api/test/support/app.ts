import { readFileSync } from "node:fs";
import type { Problem } from "@deskrota/core";
import type { FastifyInstance } from "fastify";
import pino from "pino";
import { buildApp } from "../../src/app";
import type { Config } from "../../src/config";
import { startServices, type Services } from "../../src/services";
import { freshDataDir } from "./pglite";

export const EXAMPLES = new URL("../../../../docs/examples/", import.meta.url);

export function example(name: "small-campus" | "typical-week" | "dst-week" | "large-system"): Problem {
  return JSON.parse(readFileSync(new URL(`${name}.json`, EXAMPLES), "utf8")) as Problem;
}

/**
 * Settings for tests: small, quick solves without the lower bound beside them (its HiGHS start-up
 * would double each solve's CPU on a two-core machine); no warm-up after a publish (seconds of CPU
 * each, for re-solves whose speed no test times); no preload; progress written often.
 */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: "127.0.0.1",
    logLevel: "silent",
    databaseUrl: undefined,
    dataDir: "",
    bodyLimitBytes: 1024 * 1024,
    solvers: 1,
    lowerBound: false,
    warmOnPublish: false,
    queueLimit: 4,
    queueLimitPerOrg: 4,
    defaultTimeLimitMs: 2000,
    maxTimeLimitMs: 60_000,
    example: "none",
    jobGraceSeconds: 60,
    queueMaintenanceSeconds: 30,
    progressEveryMs: 100,
    corsOrigins: [],
    rateLimit: { perToken: 0, perAddress: 0, windowSeconds: 60 },
    pressure: { maxEventLoopDelayMs: 0, maxHeapUsedBytes: 0, maxRssBytes: 0 },
    trustProxy: false,
    ...overrides,
  };
}

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  token: string;
  orgId: string;
  auth: { authorization: string };
}

/** An app on a fresh embedded store (unless the config says otherwise) with one organisation. */
export async function testApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const config = testConfig({
    ...overrides,
    dataDir: overrides.dataDir || (overrides.databaseUrl ? "" : await freshDataDir()),
  });
  const log = pino({ level: process.env.DESKROTA_TEST_LOG ?? "silent" });
  const services = await startServices(config, log, `test-${process.pid}`);
  const app = await buildApp(services, { logger: log });
  const { org, token } = await services.orgs.createOrg("Test Library");
  return { app, services, token, orgId: org.id, auth: { authorization: `Bearer ${token}` } };
}
