import type { Problem } from "../model/problem";
import type { RotaInput } from "../model/rota";
import { GAP_RULES, HARD_RULES, SOFT_GOALS } from "../rules";
import { pointsOf, type Violation } from "../rules/rule";
import { buildView, type RotaView, type ViewContext } from "./view";

export interface CheckReport {
  /** true when no hard rule is broken and every gap is reported exactly */
  valid: boolean;
  violations: Violation[];
  /** violations per rule id (every hard and gap rule present, 0 when clean) */
  byRule: Record<string, number>;
}

/**
 * The independent checker: any rota against every hard rule and the gap reporting, from the problem
 * and the rota alone. It never sees solver variables or model rows. `view` is this rota's view when
 * the caller has built one already (the score reads the same view).
 */
export function check(problem: Problem, rota: RotaInput, view: RotaView = buildView(problem, rota)): CheckReport {
  const violations: Violation[] = view.unknown.map((u) => ({
    rule: "references",
    message: `assignment ${u.index} names an unknown ${u.what}`,
  }));
  const byRule: Record<string, number> = { references: violations.length };
  for (const rule of [...HARD_RULES, ...GAP_RULES]) {
    const found = rule.check?.(view) ?? [];
    byRule[rule.id] = found.length;
    violations.push(...found);
  }
  return { valid: violations.length === 0, violations, byRule };
}

/** The score of any rota per rule (gap rules and soft goals), in objective points. */
export function scoreRota(
  problem: Problem,
  rota: RotaInput,
  context: ViewContext = {},
  view: RotaView = buildView(problem, rota, context),
): { soft: number; byRule: Record<string, number> } {
  const byRule: Record<string, number> = {};
  let soft = 0;
  for (const rule of [...GAP_RULES, ...SOFT_GOALS]) {
    if (rule.id === "stability" && !view.reference) continue;
    const value = round(pointsOf(rule.score?.(view) ?? []));
    byRule[rule.id] = value;
    soft += value;
  }
  return { soft: round(soft), byRule };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
