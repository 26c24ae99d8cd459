import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { productEnv } from "../src/child/run";

const scripts = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).scripts;

describe("productEnv", () => {
  it("takes the assignments a script starts with, and stops at the command", () => {
    expect(productEnv("A=1 B_2=x node scripts/launch.mjs C=3")).toEqual({ A: "1", B_2: "x" });
    expect(productEnv("node scripts/launch.mjs")).toEqual({});
  });

  it("gives the measured process the malloc and heap settings both of the product's start scripts use", () => {
    const env = productEnv(scripts.deskrota);
    expect(env.MALLOC_ARENA_MAX).toBe("2");
    expect(env.NODE_OPTIONS).toBe("--max-semi-space-size=2");
    expect(productEnv(scripts.start)).toEqual(env);
  });
});
