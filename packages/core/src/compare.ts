import { scoreRota } from "./check";
import { diff } from "./diff";
import { metrics } from "./metrics";
import type { Problem } from "./model/problem";
import type { Comparison } from "./model/results";
import type { RotaInput } from "./model/rota";
import { difference } from "./difference";

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
  }));
  const [first, second] = rotas;
  return {
    reference: reference?.id ?? "",
    rotas: compared,
    ...(first && second ? { diff: diff(problem, first.rota, second.rota) } : {}),
  };
}
