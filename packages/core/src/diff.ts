import { DateTime } from "luxon";
import { buildView, type Stint } from "./check/view";
import type { Problem } from "./model/problem";
import type { Diff, PersonDiff, StintRef } from "./model/results";
import type { RotaInput } from "./model/rota";
import { formatSpan } from "./time/span";
import { formatInstant } from "./time/week";

export type { Diff } from "./model/results";

/** What differs between two rotas of the same problem, person by person. */
export function diff(problem: Problem, a: RotaInput, b: RotaInput): Diff {
  const before = buildView(problem, { assignments: a.assignments });
  const after = buildView(problem, { assignments: b.assignments });
  const people: PersonDiff[] = [];
  const words: string[] = [];
  const zoneOf = (stint: Stint) => before.sites.get(stint.site)?.zone ?? problem.timeZone;
  const ref = (s: Stint): StintRef => ({
    point: s.point,
    start: formatInstant(s.start, zoneOf(s)),
    end: formatInstant(s.end, zoneOf(s)),
    ...(s.shadowing ? { shadowing: true } : {}),
  });
  const pointName = new Map(problem.sites.flatMap((site) => site.servicePoints.map((p) => [p.id, p.name] as const)));
  const when = (s: Stint) => `${pointName.get(s.point) ?? s.point} ${formatSpan(s.start, s.end, zoneOf(s))}`;
  const dateOf = (s: Stint) => DateTime.fromMillis(s.start, { zone: zoneOf(s) }).toISODate();
  // Names are not unique (the typical week has two Kofi Patels): a shared name gets its id.
  const named = new Map<string, number>();
  for (const p of problem.people) named.set(p.name, (named.get(p.name) ?? 0) + 1);
  const nameOf = (p: Problem["people"][number]) => ((named.get(p.name) ?? 0) > 1 ? `${p.name} (${p.id})` : p.name);
  for (const person of problem.people) {
    const was = before.stintsByPerson.get(person.id) ?? [];
    const now = after.stintsByPerson.get(person.id) ?? [];
    const same = (x: Stint, y: Stint) => x.point === y.point && x.start === y.start && x.end === y.end;
    const removed = was.filter((x) => !now.some((y) => same(x, y)));
    const added = now.filter((y) => !was.some((x) => same(x, y)));
    const moved: { from: Stint; to: Stint }[] = [];
    for (const from of [...removed]) {
      const to = added.find((y) => dateOf(y) === dateOf(from));
      if (!to) continue;
      moved.push({ from, to });
      removed.splice(removed.indexOf(from), 1);
      added.splice(added.indexOf(to), 1);
    }
    if (removed.length + added.length + moved.length === 0) continue;
    people.push({
      person: person.id,
      removed: removed.map(ref),
      added: added.map(ref),
      moved: moved.map((m) => ({ from: ref(m.from), to: ref(m.to) })),
    });
    const name = nameOf(person);
    for (const s of removed) words.push(`${name}: no longer on ${when(s)}`);
    for (const s of added) words.push(`${name}: now on ${when(s)}`);
    for (const m of moved) words.push(`${name}: ${when(m.from)} becomes ${when(m.to)}`);
  }
  const changes = people.reduce((n, p) => n + p.removed.length + p.added.length + p.moved.length, 0);
  return { changes, people, words };
}
