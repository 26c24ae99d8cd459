import { readFileSync } from "node:fs";
import { parseProblem } from "@deskrota/core";
import { expect, test } from "vitest";
import { BUNDLED_EXAMPLE, ConfigError, loadConfig } from "../src/config";

test("with nothing set: the embedded store in ./data, port 3000, the typical week preloaded", () => {
  const config = loadConfig({});
  expect(config).toMatchObject({
    port: 3000,
    host: "127.0.0.1",
    databaseUrl: undefined,
    dataDir: "./data",
    bodyLimitBytes: 1024 * 1024,
    lowerBound: true,
    warmOnPublish: true,
    example: BUNDLED_EXAMPLE,
  });
  expect(config.solvers).toBeGreaterThanOrEqual(1);
  expect(parseProblem(JSON.parse(readFileSync(BUNDLED_EXAMPLE, "utf8"))).ok).toBe(true);
});

test("empty means unset; numbers and switches are read from their text", () => {
  const config = loadConfig({
    PORT: "",
    DESKROTA_BODY_LIMIT_BYTES: "2048",
    DESKROTA_LOWER_BOUND: "off",
    DESKROTA_SOLVERS: "3",
    DESKROTA_TIME_LIMIT_SECONDS: "2.5",
    DESKROTA_WARM_ON_PUBLISH: "off",
  });
  expect(config).toMatchObject({
    port: 3000,
    bodyLimitBytes: 2048,
    lowerBound: false,
    warmOnPublish: false,
    solvers: 3,
    defaultTimeLimitMs: 2500,
  });
});

test("every wrong setting is named, with why", () => {
  let error: unknown;
  try {
    loadConfig({ PORT: "http", DATABASE_URL: "mysql://db", DESKROTA_LOWER_BOUND: "maybe" });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ConfigError);
  expect((error as ConfigError).issues.map((i) => i.split(":")[0]).sort()).toEqual([
    "DATABASE_URL",
    "DESKROTA_LOWER_BOUND",
    "PORT",
  ]);
  expect(() => loadConfig({ DESKROTA_TIME_LIMIT_SECONDS: "400" })).toThrow(
    /DESKROTA_TIME_LIMIT_SECONDS: is above DESKROTA_MAX_TIME_LIMIT_SECONDS/,
  );
  expect(() => loadConfig({ DESKROTA_SOLVERS: "0" })).toThrow(/needs DATABASE_URL/);
  expect(loadConfig({ DESKROTA_SOLVERS: "0", DATABASE_URL: "postgres://db/x" }).solvers).toBe(0);
});
