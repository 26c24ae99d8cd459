import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_WEIGHTS } from "../model/weights";
import { GAP_RULES, HARD_RULES, RULES, SOFT_GOALS } from ".";

const here = (file: string) => new URL(file, import.meta.url);
const docs = readFileSync(here("../../../../docs/rules.md"), "utf8");
const sections = [...docs.matchAll(/^## (\S+)$/gm)].map((m) => m[1]);

describe("the rule registry", () => {
  it("has each id once, and each rule in the list of its kind", () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    expect(HARD_RULES.every((r) => r.kind === "hard" && r.check)).toBe(true);
    expect(GAP_RULES.every((r) => r.kind === "gap" && r.check && r.score && r.addToModel)).toBe(true);
    expect(SOFT_GOALS.every((r) => r.kind === "soft" && r.score && !r.check)).toBe(true);
  });

  it.each(RULES.map((r) => r.id))("keeps %s in its own module, with its own test and its own section of docs/rules.md", (id) => {
    expect(existsSync(here(`./${id}.ts`))).toBe(true);
    expect(existsSync(here(`./${id}.test.ts`))).toBe(true);
    expect(sections).toContain(id);
  });

  it("documents no rule that does not exist, in the registry's order", () => {
    const ids = RULES.map((r) => r.id);
    expect(sections.filter((s) => ids.includes(s as string))).toEqual(ids);
    expect(sections.filter((s) => !ids.includes(s as string))).toEqual([]);
  });

  it("states every weight a rule uses as DEFAULT_WEIGHTS has it", () => {
    const stated = Object.fromEntries([...docs.matchAll(/\*\*`(\w+)` = ([\d.]+)\*\*/g)].map((m) => [m[1], Number(m[2])]));
    const { stability: _reSolve, stabilitySoon: _reSolveSoon, ...used } = DEFAULT_WEIGHTS;
    expect(stated).toEqual(used);
  });
});
