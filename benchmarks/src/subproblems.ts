import type { Person, Problem } from "@deskrota/core/internal";
import { DateTime } from "luxon";
import type { ModelPart } from "./child/protocol";

const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/**
 * The problem behind a part of the week: one site (with only its people, working there alone) and
 * optionally one day of it. A person-week keeps the whole problem; its model is restricted to the
 * person when it is built. The part is still a valid v1 problem.
 */
export function restrict(problem: Problem, part: ModelPart): Problem {
  if (part.kind === "week" || part.kind === "person-week") return problem;
  const site = problem.sites.find((s) => s.id === part.site);
  if (!site) throw new Error(`no site ${part.site}`);
  const day = part.kind === "site-day" ? DAYS[part.day] : undefined;
  const date =
    part.kind === "site-day"
      ? DateTime.fromISO(problem.weekStart, { zone: "UTC" }).plus({ days: part.day }).toISODate()
      : undefined;
  const open = day ? { [day]: site.open[day] ?? [] } : site.open;
  const exceptions = (site.exceptions ?? []).filter((e) => date === undefined || e.date === date);
  const kinds = new Set(site.servicePoints.flatMap((p) => [p.kind, p.id]));
  const people = problem.people.filter((p) => p.sites.includes(site.id));
  const ids = new Set(people.map((p) => p.id));
  const { pinned: _pinned, ...rest } = problem;
  return {
    ...rest,
    sites: [{ ...site, open, exceptions }],
    people: people.map((p): Person => {
      const { mentor, ...person } = p;
      const training = Object.fromEntries(Object.entries(p.training ?? {}).filter(([k]) => kinds.has(k)));
      return { ...person, sites: [site.id], training, ...(mentor && ids.has(mentor) ? { mentor } : {}) };
    }),
  };
}
