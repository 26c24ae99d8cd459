import { check } from "./check";
import { buildView, type RotaView, type ViewContext } from "./check/view";
import { compile, placementsOf } from "./compile/instance";
import type { Problem } from "./model/problem";
import type { Analysis, RuleScore } from "./model/results";
import type { RotaInput, Uncovered } from "./model/rota";
import { GAP_RULES, HARD_RULES, SOFT_GOALS } from "./rules";
import { pointsOf, type Violation } from "./rules/rule";
import { uncoveredOf } from "./solve/explain";
import { loadPlacements } from "./solve/load";
import { SearchState } from "./solve/search/state";

/**
 * The analysis of any rota, a coordinator's hand-edited one or one received from elsewhere: the
 * checker's verdict, every gap with its reason, and the score with its justifications. The rota
 * is judged as it is (it may break hard rules); nothing is searched.
 */
export function analyse(problem: Problem, rota: RotaInput, context: ViewContext = {}): Analysis {
  const view = buildView(problem, rota, context);
  const report = check(problem, rota, view);
  const titles = new Map([...HARD_RULES, ...GAP_RULES, ...SOFT_GOALS].map((r) => [r.id, r.title]));
  const gapRules = new Set(GAP_RULES.map((r) => r.id));
  const broken = new Map<string, Violation[]>();
  for (const v of report.violations) if (!gapRules.has(v.rule)) broken.set(v.rule, [...(broken.get(v.rule) ?? []), v]);
  return {
    valid: report.valid,
    broken: [...broken].map(([rule, violations]) => ({
      rule,
      title: titles.get(rule) ?? "Every assignment names a known person and point",
      violations,
    })),
    gaps: gapsOf(problem, rota),
    misreported: report.violations.filter((v) => gapRules.has(v.rule)),
    score: explainScore(problem, rota, context, view),
  };
}

/**
 * The rota's soft score as `scoreRota` adds it up, rule by rule, each rule's points broken down to
 * the people, points and times that carry them (largest first).
 */
export function explainScore(
  problem: Problem,
  rota: RotaInput,
  context: ViewContext = {},
  view: RotaView = buildView(problem, rota, context),
): Analysis["score"] {
  const byRule: RuleScore[] = [];
  let soft = 0;
  for (const rule of [...GAP_RULES, ...SOFT_GOALS]) {
    if (rule.id === "stability" && !view.reference) continue;
    const penalties = rule.score?.(view) ?? [];
    // Added in the rule's own order, as the rota's score adds them, then the largest first.
    const points = round(pointsOf(penalties));
    penalties.sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
    soft += points;
    byRule.push({
      rule: rule.id,
      title: rule.title,
      points,
      penalties: penalties.map((p) => ({ ...p, points: round(p.points) })),
    });
  }
  return { soft: round(soft), byRule };
}

/** The rota's gaps as the solver would report them: the rota loaded into a search state, explained. */
function gapsOf(problem: Problem, rota: RotaInput): Uncovered[] {
  const inst = compile(problem);
  const state = new SearchState(inst);
  loadPlacements(state, placementsOf(inst, rota.assignments));
  return uncoveredOf(state);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
