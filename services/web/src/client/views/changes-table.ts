import { h } from "../dom";
import { nameLookup } from "../people";
import { longDayLabel } from "../time";
import type { Diff, Problem } from "../types";

type Ref = Diff["people"][number]["added"][number];

// Two rotas' differences as a coordinator reads them: by person, then by day, each change in words.
// The stints' times carry their site's offset, so their text is the site's wall clock.

const day = (ref: Ref) => ref.start.slice(0, 10);
const span = (ref: Ref) => `${ref.start.slice(11, 16)}–${ref.end.slice(11, 16)}`;

export function changesByPerson(problem: Problem, diff: Diff, caption: string): HTMLElement {
  const name = nameLookup(problem);
  const points = new Map(problem.sites.flatMap((s) => s.servicePoints.map((p) => [p.id, p.name] as const)));
  const where = (ref: Ref) =>
    `${points.get(ref.point) ?? ref.point} ${span(ref)}${ref.shadowing ? " (shadowing)" : ""}`;
  const rows = diff.people.flatMap((person) => {
    const byDay = new Map<string, string[]>();
    const note = (date: string, words: string) => byDay.set(date, [...(byDay.get(date) ?? []), words]);
    for (const r of person.removed) note(day(r), `no longer on ${where(r)}`);
    for (const a of person.added) note(day(a), `now on ${where(a)}`);
    for (const m of person.moved) note(day(m.from), `${where(m.from)} becomes ${where(m.to)}`);
    const days = [...byDay].sort(([a], [b]) => a.localeCompare(b));
    return days.map(([date, words], i) =>
      h(
        "tr",
        {},
        i === 0 && h("th", { scope: "rowgroup", rowspan: String(days.length) }, name(person.person)),
        h("td", { class: "nowrap" }, longDayLabel(date)),
        h("td", {}, words.join("; ")),
      ),
    );
  });
  if (!rows.length) return h("p", {}, "They are the same: nobody's stints differ.");
  return h(
    "div",
    { class: "table-wrap" },
    h(
      "table",
      { class: "list changes-by-person" },
      h("caption", {}, caption),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, "Person"),
          h("th", { scope: "col" }, "Day"),
          h("th", { scope: "col" }, "What changes"),
        ),
      ),
      h("tbody", {}, rows),
    ),
  );
}
