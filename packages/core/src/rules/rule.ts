import type { RotaView } from "../check/view";
import type { Instance } from "../compile/instance";
import type { ModelContext } from "../compile/model";
import type { Penalty, Violation } from "../model/results";
import type { DayTerms, SearchTerms } from "./search-view";

export type { Penalty, Violation };

/**
 * - hard: a returned rota never breaks it;
 * - gap: demand the rota may leave unmet, but only as a reported `uncovered` run with its reason;
 * - soft: a weighted goal, reported per rule in the score.
 */
export type RuleKind = "hard" | "gap" | "soft";

export type Finding = Omit<Violation, "rule" | "message">;
const WHERE = ["person", "point", "site", "start", "end"] as const;

export interface RuleModule {
  id: string;
  kind: RuleKind;
  title: string;
  /** Structural part of the model: may this person be at this point in this slot at all? */
  allows?(inst: Instance, person: number, point: number, slot: number): boolean;
  /** Rows, variables and objective terms of the rule. */
  addToModel?(model: ModelContext): void;
  /** Hard and gap rules: every violation in a rota, found from the problem and the rota alone. */
  check?(view: RotaView): Violation[];
  /**
   * Gap rules and soft goals: the penalty of a rota in objective points, from the problem and the
   * rota alone, broken down to who and when carry it (entries of 0 points are left out).
   */
  score?(view: RotaView): Penalty[];
  /** Gap rules and soft goals: the same penalty, priced incrementally over the search's arrays. */
  search?: SearchTerms;
  /** What the day DP reads of the rule: its price of a placement or a shift's shape, or the limit it builds in. */
  day?: DayTerms;
}

interface RuleDefinition<F extends Finding> extends Omit<RuleModule, "check"> {
  check?(view: RotaView): F[];
  explain?(finding: F): string;
}

/** The points of a rule's penalties, added in their order. */
export function pointsOf(penalties: readonly Penalty[]): number {
  let total = 0;
  for (const p of penalties) total += p.points;
  return total;
}

/** "15.5 h", "2 h": hours as the breakdown says them. */
export function hoursText(hours: number): string {
  return `${Math.round(hours * 100) / 100} h`;
}

/** One rule, one module: the model part, the check and the words cannot drift apart. */
export function defineRule<F extends Finding>(definition: RuleDefinition<F>): RuleModule {
  const { check, explain, ...rest } = definition;
  if (!check) return rest;
  return {
    ...rest,
    check(view) {
      return check(view).map((finding) => {
        const violation: Violation = { rule: definition.id, message: explain ? explain(finding) : definition.title };
        for (const key of WHERE) if (finding[key] !== undefined) violation[key] = finding[key];
        return violation;
      });
    },
  };
}
