import { describe, expect, it } from "vitest";
import { runFlags, UsageError } from "../src/io";

describe("runFlags", () => {
  it("reads --time-limit, --seed and --work as the engine takes them", () => {
    expect(runFlags({ "time-limit": "2.5", seed: "0", work: "300" })).toEqual({
      timeLimitMs: 2500,
      seed: 0,
      workBudget: 300,
    });
    expect(runFlags({})).toEqual({});
  });

  it("rejects what a problem's own solver settings reject, naming every bad flag", () => {
    let thrown: unknown;
    try {
      runFlags({ "time-limit": "soon", seed: "1.5", work: "NaN" });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as UsageError).issues).toEqual([
      {
        path: "--time-limit",
        code: "invalid_flag",
        message: '"soon" is not a positive number of seconds, at most 3600',
      },
      { path: "--seed", code: "invalid_flag", message: '"1.5" is not a whole number, 0 or more' },
      { path: "--work", code: "invalid_flag", message: '"NaN" is not a positive whole number of search moves' },
    ]);
    for (const bad of [{ seed: "" }, { seed: "-1" }, { work: "0" }, { "time-limit": "0" }, { "time-limit": "7200" }])
      expect(() => runFlags(bad)).toThrow(UsageError);
  });
});
