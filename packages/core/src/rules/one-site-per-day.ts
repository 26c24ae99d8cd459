import { defineRule } from "./rule";

/** Rule 2: no switching sites within a day (per the date a shift starts on). */
export const oneSitePerDay = defineRule<{ person: string; start: string; sites: string }>({
  id: "one-site-per-day",
  kind: "hard",
  title: "One site per day",
  addToModel({ inst, milp, columnsByPerson }) {
    for (const person of inst.people) {
      // With one shift a day, `shifts-per-day` already keeps a day at one site.
      if (person.maxShiftsPerDay === 1 || person.sites.length < 2) continue;
      for (let day = 0; day < inst.dates.length; day++) {
        const today = (columnsByPerson[person.index] ?? []).filter((c) => c.day === day);
        const sites = [...new Set(today.map((c) => c.site))];
        if (sites.length < 2) continue;
        const chosen = sites.map((site) => milp.binary(`site-of-day[${person.id}#${day}@${inst.sites[site]?.id}]`));
        sites.forEach((site, i) => {
          const cols = today.filter((c) => c.site === site);
          milp.addRow(
            `one-site-per-day[${person.id}#${day}@${inst.sites[site]?.id}]`,
            [...cols.map((c) => c.variable), chosen[i] as number],
            [...cols.map(() => 1), -person.maxShiftsPerDay],
            -Infinity,
            0,
          );
        });
        milp.addRow(
          `one-site-per-day[${person.id}#${day}]`,
          chosen,
          chosen.map(() => 1),
          -Infinity,
          1,
        );
      }
    }
  },
  check(view) {
    const findings = [];
    for (const [person, shifts] of view.shiftsByPerson) {
      const byDate = new Map<string, Set<string>>();
      for (const shift of shifts) byDate.set(shift.date, (byDate.get(shift.date) ?? new Set()).add(shift.site));
      for (const [date, sites] of byDate)
        if (sites.size > 1) findings.push({ person, start: date, sites: [...sites].join(", ") });
    }
    return findings;
  },
  explain: (v) => `${v.person} works at ${v.sites} on ${v.start}; one site per day`,
  day: {
    builtIn: "a plan is one shift at one site",
  },
});
