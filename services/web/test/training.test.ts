import { DEFAULT_SHADOWING_HOURS, shadowingThreshold } from "@deskrota/core";
import { describe, expect, test } from "vitest";
import { DEFAULT_SHADOWING_HOURS as PAGE_DEFAULT, shadowingHours } from "../src/client/views/training";

describe("the page's shadowing hours", () => {
  test("the page's default threshold is the core's", () => {
    expect(PAGE_DEFAULT).toBe(DEFAULT_SHADOWING_HOURS);
  });

  test("the threshold per point is the core's, whatever the policy says", () => {
    const carried = {
      worked: 0,
      target: 0,
      fairShare: 0,
      unsocial: 0,
      unsocialShare: 0,
      shadowingMinutes: { desk: 95 },
      proposed: [],
    };
    for (const training of [undefined, { shadowingHoursToIndependent: 2 }, { byPoint: { desk: 1.5 } }]) {
      const setup = training ? { training } : {};
      expect(shadowingHours(setup, carried, "desk")).toEqual({ done: 1.6, needed: shadowingThreshold(setup, "desk") });
    }
  });
});
