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

  it("gives the search every gap rule's and soft goal's price, and no hard rule's", () => {
    const priced = (rules: readonly { search?: object }[]) => rules.map((r) => Object.keys(r.search ?? {}).length > 0);
    expect(priced([...GAP_RULES, ...SOFT_GOALS]).every(Boolean)).toBe(true);
    expect(priced(HARD_RULES).some(Boolean)).toBe(false);
  });

  it("tells the day DP how it keeps every hard rule: the state's options, a price or limit, or its shape", () => {
    const told = (r: (typeof RULES)[number]) =>
      r.allows !== undefined || Object.keys(r.day ?? {}).some((term) => term !== "inexact");
    expect(HARD_RULES.filter((r) => !told(r)).map((r) => r.id)).toEqual([]);
  });

  it.each(RULES.map((r) => r.id))(
    "keeps %s in its own module, with its own test and its own section of docs/rules.md",
    (id) => {
      expect(existsSync(here(`./${id}.ts`)), `src/rules/${id}.ts is missing`).toBe(true);
      expect(
        existsSync(here(`./${id}.test.ts`)),
        `src/rules/${id}.test.ts is missing: every rule has its own test`,
      ).toBe(true);
      expect(sections, `docs/rules.md has no section "## ${id}"`).toContain(id);
    },
  );

  it("documents no rule that does not exist, in the registry's order", () => {
    const ids = RULES.map((r) => r.id);
    expect(sections.filter((s) => ids.includes(s as string))).toEqual(ids);
    expect(sections.filter((s) => !ids.includes(s as string))).toEqual([]);
  });

  it("states the weights as DEFAULT_WEIGHTS has them, every one but those reserved for re-solving", () => {
    const stated = Object.fromEntries(
      [...docs.matchAll(/\*\*`(\w+)` = ([\d.]+)\*\*/g)].map((m) => [m[1], Number(m[2])]),
    );
    expect(stated).toEqual(
      Object.fromEntries(Object.keys(stated).map((name) => [name, (DEFAULT_WEIGHTS as Record<string, number>)[name]])),
    );
    const { stability: _reSolve, stabilitySoon: _reSolveSoon, ...always } = DEFAULT_WEIGHTS;
    expect(Object.keys(stated)).toEqual(expect.arrayContaining(Object.keys(always)));
  });
});
