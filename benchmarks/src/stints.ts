import { metrics, type Problem, type RotaInput } from "@deskrota/core/internal";
import { DateTime } from "luxon";

export interface StintFigures {
  stints: number;
  /** stints shorter than an hour */
  short: number;
  /** how many of the short ones were examined for closing a gap (at most SHORT_CHECKED) */
  checked: number;
  /** of those examined, the ones whose removal opens a gap (cover, a lead or a keyholder) */
  closingGap: number;
}

/** Each examined stint costs a whole metrics pass (~0.1 s on the large system): enough for a share, not all. */
const SHORT_CHECKED = 60;

/**
 * Short stints, and whether each closes a gap: the domain allows a stint under an hour only where
 * it does, i.e. where the rota without it has more unmet hours of cover, lead or keyholder.
 */
export function shortStints(problem: Problem, rota: RotaInput): StintFigures {
  const minutes = (a: RotaInput["assignments"][number]) =>
    DateTime.fromISO(a.end, { zone: problem.timeZone }).diff(
      DateTime.fromISO(a.start, { zone: problem.timeZone }),
      "minutes",
    ).minutes;
  const short = rota.assignments.filter((a) => minutes(a) < 60);
  const gapHours = (r: RotaInput) => {
    const g = metrics(problem, r).gapHours;
    return g.cover + g.supervision + g.keyholder;
  };
  const base = gapHours(rota);
  const examined = short.slice(0, SHORT_CHECKED);
  const closingGap = examined.filter(
    (stint) => gapHours({ assignments: rota.assignments.filter((a) => a !== stint) }) > base + 1e-9,
  ).length;
  return { stints: rota.assignments.length, short: short.length, checked: examined.length, closingGap };
}
