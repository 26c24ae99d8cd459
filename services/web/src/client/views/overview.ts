import { focusHeading, h, render } from "../dom";
import type { View } from "../main";
import { nameLookup } from "../people";
import { dayLabel, local, longDayLabel, weekDates } from "../time";
import type { Problem, Rota } from "../types";
import { getRota, loadVersion } from "./load";
import { versionHash } from "./rota";

// Every site's week at a glance: gaps per site and day, each leading to that site's grid; and a
// search that finds anyone's week by name, id, site or role.

interface DayGaps {
  count: number;
  minutes: number;
}

function gapsBySiteAndDay(problem: Problem, rota: Rota): Map<string, DayGaps> {
  const siteOfPoint = new Map(problem.sites.flatMap((s) => s.servicePoints.map((p) => [p.id, s] as const)));
  const out = new Map<string, DayGaps>();
  for (const u of rota.uncovered) {
    const site = u.point ? siteOfPoint.get(u.point) : problem.sites.find((s) => s.id === u.site);
    if (!site) continue;
    const date = local(u.start, site.timeZone ?? problem.timeZone).date;
    const key = `${site.id}@${date}`;
    const was = out.get(key) ?? { count: 0, minutes: 0 };
    out.set(key, { count: was.count + 1, minutes: was.minutes + (Date.parse(u.end) - Date.parse(u.start)) / 60_000 });
  }
  return out;
}

/** "2 gaps, 3.5 h": a site's gaps on one day, in words. */
function gapWords(g: DayGaps): string {
  return `${g.count} ${g.count === 1 ? "gap" : "gaps"}, ${Math.round(g.minutes / 6) / 10} h`;
}

function siteTable(problem: Problem, gaps: Map<string, DayGaps>, siteHref: (site: string) => string): HTMLElement {
  const dates = weekDates(problem.weekStart);
  return h(
    "div",
    { class: "table-wrap overview-table" },
    h(
      "table",
      { class: "list overview" },
      h("caption", {}, "Gaps per site and day (uncovered desks, no lead or no keyholder on site)"),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, "Site"),
          dates.map((d) => h("th", { scope: "col" }, dayLabel(d))),
        ),
      ),
      h(
        "tbody",
        {},
        problem.sites.map((site) =>
          h(
            "tr",
            {},
            h("th", { scope: "row" }, h("a", { href: siteHref(site.id) }, site.name)),
            dates.map((d) => {
              const g = gaps.get(`${site.id}@${d}`);
              return g
                ? h("td", { class: "has-gap gap-line" }, h("span", { "aria-hidden": "true" }, "⚠ "), gapWords(g))
                : h("td", { class: "covered" }, "covered");
            }),
          ),
        ),
      ),
    ),
  );
}

/**
 * The same gaps day by day, for a phone (styles.css shows it instead of the table there): on each
 * day the sites with gaps, each leading to its grid, then the sites that are covered.
 */
function dayList(problem: Problem, gaps: Map<string, DayGaps>, siteHref: (site: string) => string): HTMLElement {
  return h(
    "ol",
    { class: "overview-days", "aria-label": "Gaps per site, day by day" },
    weekDates(problem.weekStart).map((date) => {
      const open = problem.sites.flatMap((site) => {
        const g = gaps.get(`${site.id}@${date}`);
        return g ? [{ site, g }] : [];
      });
      const covered = problem.sites.filter((site) => !gaps.has(`${site.id}@${date}`));
      return h(
        "li",
        {},
        h("h3", {}, longDayLabel(date)),
        open.length > 0 &&
          h(
            "ul",
            {},
            open.map(({ site, g }) =>
              h(
                "li",
                { class: "gap-line" },
                h("a", { href: siteHref(site.id) }, site.name),
                ": ",
                h("span", { "aria-hidden": "true" }, "⚠ "),
                gapWords(g),
              ),
            ),
          ),
        open.length === 0
          ? h("p", {}, "Every site is covered.")
          : covered.length > 0 && h("p", { class: "hint" }, `Covered: ${covered.map((s) => s.name).join(", ")}.`),
      );
    }),
  );
}

function personSearch(problem: Problem, rota: Rota, personHref: (id: string) => string): HTMLElement {
  const name = nameLookup(problem);
  const siteNames = new Map(problem.sites.map((s) => [s.id, s.name]));
  const minutes = new Map(rota.people.map((p) => [p.person, p.minutes]));
  const people = problem.people
    .map((p) => ({
      id: p.id,
      label: name(p.id),
      detail: [
        p.role,
        p.sites.map((s) => siteNames.get(s) ?? s).join(", "),
        `${Math.round((minutes.get(p.id) ?? 0) / 6) / 10} h this week`,
      ].join(" · "),
    }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const results = h("ul", { class: "people-found", "aria-live": "polite" });
  const input = h("input", {
    id: "person-search",
    type: "search",
    autocomplete: "off",
    "aria-describedby": "person-search-hint",
  });
  const show = () => {
    const words = input.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const found = words.length
      ? people.filter((p) => words.every((w) => `${p.label} ${p.id} ${p.detail}`.toLowerCase().includes(w)))
      : [];
    render(
      results,
      found
        .slice(0, 20)
        .map((p) =>
          h("li", {}, h("a", { href: personHref(p.id) }, p.label), h("span", { class: "hint" }, ` ${p.detail}`)),
        ),
      found.length > 20 && h("li", { class: "hint" }, `and ${found.length - 20} more: type more of the name`),
      words.length > 0 && !found.length && h("li", {}, "Nobody matches."),
    );
  };
  input.addEventListener("input", show);
  return h(
    "section",
    { class: "card", "aria-labelledby": "find-title" },
    h("h2", { id: "find-title" }, "Find anyone's week"),
    h(
      "div",
      { class: "field" },
      h("label", { for: "person-search" }, "Name, id, site or role"),
      input,
      h(
        "p",
        { class: "hint", id: "person-search-hint" },
        `${people.length} people across ${problem.sites.length} sites.`,
      ),
    ),
    results,
  );
}

export const overviewView: View = async (main, route, signal) => {
  const [, id = "", , n] = route.path;
  const record = await getRota(id);
  const loaded = await loadVersion(record, Number(n));
  if (signal.aborted) return;
  const { problem, version } = loaded;
  const here = versionHash(record.id, version.version);
  const gaps = gapsBySiteAndDay(problem, version.rota);
  const siteHref = (site: string) => versionHash(record.id, version.version, site);
  render(
    main,
    h("p", {}, h("a", { href: here }, `Back to ${record.name ?? record.id} (v${version.version})`)),
    h("h1", {}, `All sites: ${record.name ?? record.id}`),
    h("p", { class: "hint" }, `Week of ${problem.weekStart}, v${version.version}.`),
    siteTable(problem, gaps, siteHref),
    dayList(problem, gaps, siteHref),
    personSearch(problem, version.rota, (person) => `${here}/people/${encodeURIComponent(person)}`),
  );
  focusHeading(main);
};
