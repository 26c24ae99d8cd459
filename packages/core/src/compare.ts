import { scoreRota } from "./check";
import { diff } from "./diff";
import { metrics } from "./metrics";
import type { Problem } from "./model/problem";
import type { Comparison } from "./model/results";
import type { RotaInput } from "./model/rota";
import { difference } from "./difference";
import { tradeOffSentence } from "./trade-off";
import { tradeOffFacts } from "./trade-off-facts";

export type { Comparison } from "./model/results";

/** Several rotas of one problem side by side: metrics, score by rule, changes against a reference. */
export function compare(problem: Problem, rotas: { id: string; rota: RotaInput }[], referenceId?: string): Comparison {
  const reference = rotas.find((r) => r.id === referenceId) ?? rotas[0];
  const compared = rotas.map(({ id, rota }) => ({
    id,
    metrics: metrics(problem, rota),
    score: scoreRota(problem, rota),
    changes: reference ? diff(problem, reference.rota, rota).changes : 0,
    differsPct: reference ? difference(problem, reference.rota, rota) : 0,
    facts: tradeOffFacts(problem, rota),
  }));
  const [first, second] = rotas;
  const against = compared.find((r) => r.id === reference?.id);
  return {
    reference: reference?.id ?? "",
    tradeOffs: against
      ? compared
          .filter((r) => r !== against)
          .map((r) =>
            tradeOffSentence(r.id, against.metrics, r.metrics, against.id, { reference: against.facts, rota: r.facts }),
          )
      : [],
    rotas: compared.map(({ facts: _, ...r }) => r),
    ...(first && second ? { diff: diff(problem, first.rota, second.rota) } : {}),
  };
}
