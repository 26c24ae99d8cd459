import type { Problem } from "./types";

// Names are not unique (the large example: 118 of 300 people share 53 names). Wherever a name is
// shown or picked, a shared one carries what tells its holders apart: the site where they differ,
// the role where it differs, and always the id (the one thing that is certain to differ).

type Person = Problem["people"][number];

/** person id → the name as the page shows it ("Sam Lee (Central, student, u014)" when shared). */
export function displayNames(problem: Problem): Map<string, string> {
  const siteName = new Map(problem.sites.map((s) => [s.id, s.name]));
  const byName = new Map<string, Person[]>();
  for (const p of problem.people) byName.set(p.name, [...(byName.get(p.name) ?? []), p]);
  const names = new Map<string, string>();
  for (const [name, holders] of byName) {
    if (holders.length === 1) {
      names.set((holders[0] as Person).id, name);
      continue;
    }
    const sitesOf = (p: Person) => p.sites.map((s) => siteName.get(s) ?? s).join(" & ");
    const sitesDiffer = new Set(holders.map(sitesOf)).size > 1;
    const rolesDiffer = new Set(holders.map((p) => p.role)).size > 1;
    for (const p of holders) {
      const parts = [sitesDiffer ? sitesOf(p) : "", rolesDiffer ? p.role : "", p.id].filter(Boolean);
      names.set(p.id, `${name} (${parts.join(", ")})`);
    }
  }
  return names;
}

/** A lookup that never fails: someone no longer in the problem is shown by id. */
export function nameLookup(problem: Problem): (id: string) => string {
  const names = displayNames(problem);
  return (id) => names.get(id) ?? id;
}
