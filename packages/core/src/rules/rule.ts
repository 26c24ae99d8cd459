import type { RotaView } from "../check/view";
import type { Instance } from "../compile/instance";
import type { ModelContext } from "../compile/model";

/**
 * - hard: a returned rota never breaks it;
 * - gap: demand the rota may leave unmet, but only as a reported `uncovered` run with its reason;
 * - soft: a weighted goal, reported per rule in the score.
 */
export type RuleKind = "hard" | "gap" | "soft";

/** Where a violation is and what it is, in the words of `explain`. */
export interface Violation {
  rule: string;
  message: string;
  person?: string;
  point?: string;
  site?: string;
  start?: string;
  end?: string;
}

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
  /** Soft goals: the penalty of a rota in objective points, from the problem and the rota alone. */
  score?(view: RotaView): number;
}

interface RuleDefinition<F extends Finding> extends Omit<RuleModule, "check"> {
  check?(view: RotaView): F[];
  explain?(finding: F): string;
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
