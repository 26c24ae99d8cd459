import { metrics, type Problem, type RotaInput } from "@deskrota/core/internal";
import { DateTime } from "luxon";

export interface StintFigures {
  stints: number;
  /** stints shorter than an hour */
  short: number;
  /** of those, the ones whose removal opens a gap (cover, a lead or a keyholder) */
  closingGap: number;
}

/**
 * Short stints, and whether each closes a gap: the domain allows a stint under an hour only where
 * it does, i.e. where the rota without it has more unmet hours of cover, lead or keyholder. The
 * gaps a stint can close are at its own site, so each is judged on its site alone (the problem and
 * the rota cut to that site): a metrics pass per stint over ten sites' week was ~0.1 s on the large
 * system, too dear for every one.
 */
export function shortStints(problem: Problem, rota: RotaInput): StintFigures {
  const { short, idle } = classified(problem, rota);
  return { stints: rota.assignments.length, short: short.length, closingGap: short.length - idle.length };
}

/** The stints under an hour that close no gap: the ones the domain does not allow. */
export function idleShortStints(problem: Problem, rota: RotaInput): RotaInput["assignments"] {
  return classified(problem, rota).idle;
}

function classified(problem: Problem, rota: RotaInput) {
  const minutes = (a: RotaInput["assignments"][number]) =>
    DateTime.fromISO(a.end, { zone: problem.timeZone }).diff(
      DateTime.fromISO(a.start, { zone: problem.timeZone }),
      "minutes",
    ).minutes;
  const short = rota.assignments.filter((a) => minutes(a) < 60);
  const siteOf = new Map(problem.sites.flatMap((site) => site.servicePoints.map((point) => [point.id, site] as const)));
  const gapHours = (p: Problem, assignments: RotaInput["assignments"]) => {
    const g = metrics(p, { assignments }).gapHours;
    return g.cover + g.supervision + g.keyholder;
  };
  const idle: RotaInput["assignments"] = [];
  for (const site of problem.sites) {
    const here = short.filter((a) => siteOf.get(a.point) === site);
    if (here.length === 0) continue;
    const alone = { ...problem, sites: [site] };
    const own = rota.assignments.filter((a) => siteOf.get(a.point) === site);
    const base = gapHours(alone, own);
    idle.push(
      ...here.filter(
        (stint) =>
          gapHours(
            alone,
            own.filter((a) => a !== stint),
          ) <=
          base + 1e-9,
      ),
    );
  }
  return { short, idle };
}
