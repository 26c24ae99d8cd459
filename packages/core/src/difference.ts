import { buildView } from "./check/view";
import type { Problem } from "./model/problem";
import type { RotaInput } from "./model/rota";

/** Share of worked person-slots (in either rota) where the two rotas place the person differently. */
export function difference(problem: Problem, a: RotaInput, b: RotaInput): number {
  const placements = (rota: RotaInput) => {
    const view = buildView(problem, { assignments: rota.assignments });
    const step = problem.slotMinutes * 60_000;
    const out = new Map<string, string>();
    for (const s of view.stints) for (let t = s.start; t < s.end; t += step) out.set(`${s.person}@${t}`, s.point);
    return out;
  };
  const x = placements(a);
  const y = placements(b);
  const keys = new Set([...x.keys(), ...y.keys()]);
  if (keys.size === 0) return 0;
  let differ = 0;
  for (const key of keys) if (x.get(key) !== y.get(key)) differ++;
  return Math.round((1000 * differ) / keys.size) / 10;
}
