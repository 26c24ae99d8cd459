import { scoreRota } from "./check";
import { diff, type Diff } from "./diff";
import { metrics, type RotaMetrics } from "./metrics";
import type { Problem } from "./model/problem";
import type { RotaInput } from "./model/rota";
import { difference } from "./difference";

export interface ComparedRota {
  id: string;
  metrics: RotaMetrics;
  score: { soft: number; byRule: Record<string, number> };
  /** against the reference rota (the first unless one is named) */
  changes: number;
  differsPct: number;
}

export interface Comparison {
  reference: string;
  rotas: ComparedRota[];
  /** the diff of the first two rotas */
  diff?: Diff;
}

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
