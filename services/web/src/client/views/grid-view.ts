import { h, uid } from "../dom";
import { displayNames } from "../people";
import { type Cell, type CellGap, changedCells, columnRuns, type SiteGrid, siteGrid } from "../grid";
import { formatSpan as span } from "@deskrota/core";
import { dayLabel, hhmm, longDayLabel } from "../time";
import type { Problem, Rota } from "../types";
import type { CellPick } from "./edit";

export interface GridOptions {
  /** where a person's name leads */
  personHref: (person: string) => string;
  /** a gap cell was activated: show who could take it */
  onGap?: (gap: CellGap, point: { id: string; name: string }, grid: SiteGrid) => void;
  /** rotas to highlight differences against, and how to introduce what one of them had there */
  others?: Rota[];
  beforeLabel?: (other: number) => string;
  /** the site shown first */
  site?: string | null;
  onSite?: (site: string) => void;
  /** E or a double click on a cell: fill the edit form from it */
  onEditCell?: (pick: CellPick) => void;
  /** printed above each site's week: which rota and version this is */
  printHeading?: string;
  /** what ✎ means on paper ("changed since v1"); none: nothing is marked */
  changedKey?: string;
}

const GAP_ICON = "⚠";
const CHANGED_ICON = "✎";

const label = (options: GridOptions, other: number) => options.beforeLabel?.(other) ?? "changed; was";

function names(people: Cell["people"]): string {
  return people.length ? people.map((p) => `${p.name}${p.shadowing ? " (shadowing)" : ""}`).join(", ") : "nobody";
}

/**
 * A cell's content is its accessible name: where and when it is (hidden; sighted users read the
 * headers), then who, the gaps with their reasons and what changed, all as shown. No aria-label,
 * which would have to repeat the visible text word for word (label-content-name-mismatch).
 */
function cellContent(
  cell: Cell,
  options: GridOptions,
  point: { id: string; name: string },
  grid: SiteGrid,
  run: { from: number; to: number },
): HTMLElement[] {
  const where = h(
    "span",
    { class: "visually-hidden" },
    `${point.name}, ${longDayLabel(cell.date)}, ${hhmm(run.from)} to ${hhmm(run.to)}: `,
  );
  const parts: HTMLElement[] = [where];
  if (!cell.open && !cell.people.length && !cell.gaps.length)
    return [
      where,
      h("span", { class: "closed", "aria-hidden": "true" }, "—"),
      h("span", { class: "visually-hidden" }, "closed"),
    ];
  for (const p of cell.people) {
    parts.push(
      h(
        "a",
        { class: p.shadowing ? "who shadowing" : "who", href: options.personHref(p.id), tabindex: "-1" },
        p.name,
        p.shadowing && h("span", { class: "tag" }, " shadowing"),
      ),
    );
  }
  for (const gap of cell.gaps) {
    const tip = uid("tip");
    parts.push(
      h(
        "button",
        {
          type: "button",
          class: "gap",
          tabindex: "-1",
          "aria-describedby": tip,
          onclick: () => options.onGap?.(gap, point, grid),
        },
        h("span", { "aria-hidden": "true" }, `${GAP_ICON} `),
        `${gap.missing} missing`,
      ),
      h("span", { class: "tip", role: "tooltip", id: tip }, gap.reason),
    );
  }
  if (cell.before) {
    parts.push(
      h(
        "span",
        { class: "before" },
        h("span", { "aria-hidden": "true" }, `${CHANGED_ICON} `),
        `${label(options, cell.before.other)}: `,
        h("s", {}, names(cell.before.people)),
      ),
    );
  }
  if (parts.length === 1) parts.push(h("span", { class: "empty" }, "nobody"));
  return parts;
}

/**
 * One site's week as a table: a row group per service point, a row per run of time that reads the
 * same on every day, a column per day; within a day, back-to-back rows with the same people merge
 * into one cell. Keyboard: one cell is in the tab order; arrow keys, Home/End (with Ctrl: the whole
 * grid) move between cells, Enter opens the cell's gap (its swap candidates) or its first person.
 */
function siteTable(grid: SiteGrid, options: GridOptions): HTMLElement {
  const caption = uid("caption");
  // matrix[row][day]: the cell covering that row on that day, spans included (for the arrow keys)
  const matrix: HTMLElement[][] = [];
  const bodies = grid.points.map((point) => {
    const base = matrix.length;
    const rows = point.rows.map(() => [] as HTMLElement[]);
    for (const _ of point.rows) matrix.push([]);
    grid.dates.forEach((_, day) => {
      for (const run of columnRuns(point, day)) {
        const { cell } = run;
        const classes = [
          "cell",
          cell.open ? "" : "is-closed",
          cell.gaps.length ? "has-gap" : "",
          cell.before ? "changed" : "",
        ]
          .filter(Boolean)
          .join(" ");
        const td = h(
          "td",
          {
            class: classes,
            tabindex: "-1",
            rowspan: run.rows > 1 ? String(run.rows) : undefined,
            "data-date": cell.date,
            "data-point": point.id,
            "data-from": hhmm(run.from),
            "data-to": hhmm(run.to),
          },
          cellContent(cell, options, point, grid, run),
        );
        const onEdit = options.onEditCell;
        if (onEdit) {
          const pick = () =>
            onEdit({
              point: point.id,
              date: cell.date,
              from: run.from,
              to: run.to,
              people: cell.people.map((p) => p.id),
            });
          td.addEventListener("dblclick", pick);
          td.addEventListener("keydown", (event) => {
            if (event.key !== "e" && event.key !== "E") return;
            event.preventDefault();
            pick();
          });
        }
        (rows[run.row] as HTMLElement[]).push(td);
        for (let r = run.row; r < run.row + run.rows; r++) (matrix[base + r] as HTMLElement[])[day] = td;
      }
    });
    return h(
      "tbody",
      {},
      h("tr", { class: "point" }, h("th", { scope: "rowgroup", colspan: String(grid.dates.length + 1) }, point.name)),
      point.rows.map((row, i) =>
        h("tr", {}, h("th", { scope: "row", class: "time" }, `${hhmm(row.from)}–${hhmm(row.to)}`), rows[i]),
      ),
    );
  });
  const table = h(
    "table",
    { class: "grid", role: "grid", "aria-labelledby": caption },
    h("caption", { id: caption }, `${grid.name}: who is on each service point, by day (times in ${grid.zone})`),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col", class: "time" }, "Time"),
        grid.dates.map((d) => h("th", { scope: "col", abbr: longDayLabel(d) }, dayLabel(d))),
      ),
    ),
    bodies,
  );
  const first = matrix[0]?.[0];
  if (first) first.tabIndex = 0;
  table.addEventListener("keydown", (event) => moveFocus(matrix, event));
  table.addEventListener("focusin", (event) => {
    const td = (event.target as HTMLElement).closest("td");
    if (!td) return;
    for (const other of table.querySelectorAll<HTMLElement>("td[tabindex='0']")) if (other !== td) other.tabIndex = -1;
    td.tabIndex = 0;
  });
  return table;
}

function moveFocus(matrix: HTMLElement[][], event: KeyboardEvent): void {
  const td = (event.target as HTMLElement).closest("td");
  if (!td) return;
  if (event.key === "Enter" || event.key === " ") {
    const action = td.querySelector<HTMLElement>("button.gap, a");
    if (action) {
      event.preventDefault();
      action.click();
    }
    return;
  }
  // A merged cell sits on several rows: it moves from its first row, and down from its last.
  const top = matrix.findIndex((row) => row.includes(td));
  const day = matrix[top]?.indexOf(td) ?? -1;
  if (top < 0 || day < 0) return;
  let bottom = top;
  while (matrix[bottom + 1]?.[day] === td) bottom += 1;
  const last = matrix.length - 1;
  const width = matrix[top]?.length ?? 0;
  const target = (() => {
    switch (event.key) {
      case "ArrowRight":
        return matrix[top]?.[day + 1];
      case "ArrowLeft":
        return matrix[top]?.[day - 1];
      case "ArrowDown":
        return matrix[bottom + 1]?.[day];
      case "ArrowUp":
        return matrix[top - 1]?.[day];
      case "Home":
        return event.ctrlKey ? matrix[0]?.[0] : matrix[top]?.[0];
      case "End":
        return event.ctrlKey ? matrix[last]?.[width - 1] : matrix[top]?.[width - 1];
      default:
        return undefined;
    }
  })();
  if (target) {
    event.preventDefault();
    target.focus();
  }
}

/** On paper a shared name keeps only its id ("Zara Reid (s013)"): site names would not fit the page. */
const onPaper = (name: string) => name.replace(/ \((?:[^,()]+, )+([^,()]+)\)$/, " ($1)");

/**
 * The week on paper: a row per service point, a column per day, each cell listing its runs
 * ("08:00–10:00 Jordan Okafor"). Far fewer rows than the screen grid, so a site's week fits a page.
 */
function printTable(grid: SiteGrid): HTMLElement {
  return h(
    "table",
    { class: "print-week" },
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col" }, "Point"),
        grid.dates.map((d) => h("th", { scope: "col" }, dayLabel(d))),
      ),
    ),
    h(
      "tbody",
      {},
      grid.points.map((point) =>
        h(
          "tr",
          {},
          h("th", { scope: "row" }, point.name),
          grid.dates.map((_, day) =>
            h(
              "td",
              {},
              columnRuns(point, day)
                .filter((run) => run.cell.people.length || run.cell.gaps.length)
                .map((run) =>
                  h(
                    "div",
                    { class: run.cell.gaps.length ? "run gap-line" : run.cell.before ? "run changed" : "run" },
                    h("span", { class: "when" }, `${hhmm(run.from)}–${hhmm(run.to)} `),
                    run.cell.people.map((p) => `${onPaper(p.name)}${p.shadowing ? " (shadowing)" : ""}`).join(", "),
                    run.cell.gaps.map((g) => ` ${GAP_ICON} ${g.missing} missing`),
                    run.cell.before && ` ${CHANGED_ICON}`,
                  ),
                ),
            ),
          ),
        ),
      ),
    ),
  );
}

/**
 * The week day by day, for a phone: each day lists its points' runs with who is on and the gaps.
 * The same runs as the grid's cells, so nothing the grid says is missing here.
 */
function dayList(grid: SiteGrid): HTMLElement {
  return h(
    "ol",
    { class: "day-list", "aria-label": `${grid.name}, day by day` },
    grid.dates.map((date, day) => {
      const points = grid.points
        .map((point) => ({
          point,
          runs: columnRuns(point, day).filter((r) => r.cell.people.length || r.cell.gaps.length || r.cell.before),
        }))
        .filter((p) => p.runs.length);
      return h(
        "li",
        {},
        h("h3", {}, longDayLabel(date)),
        points.length
          ? points.map(({ point, runs }) => [
              h("p", { class: "point-name" }, point.name),
              h(
                "ul",
                {},
                runs.map((run) =>
                  h(
                    "li",
                    { class: run.cell.before ? "run changed" : "run" },
                    h("span", { class: "when" }, `${hhmm(run.from)}–${hhmm(run.to)}`),
                    h(
                      "span",
                      {},
                      run.cell.people.map((p) => `${p.name}${p.shadowing ? " (shadowing)" : ""}`).join(", "),
                      run.cell.gaps.map((g) =>
                        h("span", { class: "gap-line" }, ` ${GAP_ICON} ${g.missing} missing: ${g.reason}`),
                      ),
                      run.cell.before && h("span", {}, ` ${CHANGED_ICON} was ${names(run.cell.before.people)}`),
                    ),
                  ),
                ),
              ),
            ])
          : h("p", { class: "hint" }, "Closed, or nobody is needed."),
      );
    }),
  );
}

/** What the marks mean, on paper where no tooltip or screen reader explains them. */
function printKey(options: GridOptions): HTMLElement {
  return h(
    "p",
    { class: "print-only print-key" },
    options.printHeading && `${options.printHeading} · `,
    `${GAP_ICON} a gap: fewer people than the minimum, or no lead or keyholder on site`,
    options.changedKey && ` · ${CHANGED_ICON} ${options.changedKey}`,
  );
}

/** Gaps of the site as a whole (no lead, no keyholder), with icon, text and reason. */
function siteGapList(grid: SiteGrid): HTMLElement | null {
  if (!grid.siteGaps.length) return null;
  return h(
    "ul",
    { class: "site-gaps" },
    grid.siteGaps.map((g) =>
      h(
        "li",
        { class: "gap-line" },
        h("span", { "aria-hidden": "true" }, `${GAP_ICON} `),
        h("strong", {}, g.rule === "keyholder" ? "No keyholder" : "No lead on site"),
        ` ${span(g.start, g.end, grid.zone)}: ${g.reason}`,
      ),
    ),
  );
}

function gapSummary(grid: SiteGrid): HTMLElement {
  const cover = new Set(grid.points.flatMap((p) => p.rows.flatMap((r) => r.cells.flatMap((c) => c.gaps)))).size;
  const total = cover + grid.siteGaps.length;
  return h(
    "p",
    { class: total ? "summary has-gaps" : "summary" },
    total
      ? [
          h("span", { "aria-hidden": "true" }, `${GAP_ICON} `),
          `${total} ${total === 1 ? "gap" : "gaps"} at ${grid.name}. Click or press Enter on a gap to see who could ` +
            `take it.`,
        ]
      : `Every service point at ${grid.name} is covered all week.`,
  );
}

/** Hours per person at this site against their target, with evening and weekend hours. */
function hoursPanel(problem: Problem, rota: Rota, siteId: string, options: GridOptions): HTMLElement {
  const summaries = new Map(rota.people.map((p) => [p.person, p]));
  const shown = displayNames(problem);
  const nameOf = (id: string) => shown.get(id) ?? id;
  const people = problem.people
    .filter((p) => p.sites.includes(siteId))
    .sort((a, b) => nameOf(a.id).localeCompare(nameOf(b.id)));
  const hrs = (minutes: number | undefined) =>
    minutes === undefined ? "—" : String(Math.round((minutes / 60) * 10) / 10);
  return h(
    "aside",
    { class: "hours", "aria-label": "Hours per person" },
    h("h2", {}, "Hours this week"),
    h(
      "table",
      {},
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, "Person"),
          h("th", { scope: "col" }, "Hours / target"),
          h("th", { scope: "col" }, h("abbr", { title: "Evening hours" }, "Eve.")),
          h("th", { scope: "col" }, h("abbr", { title: "Weekend hours" }, "Wknd")),
        ),
      ),
      h(
        "tbody",
        {},
        people.map((p) => {
          const s = summaries.get(p.id);
          const minutes = s?.minutes ?? 0;
          const target = s?.targetMinutes ?? p.hours.target * 60;
          const off = Math.round((minutes - target) / 6) / 10;
          return h(
            "tr",
            {},
            h(
              "th",
              { scope: "row" },
              h("a", { href: options.personHref(p.id) }, nameOf(p.id)),
              p.role === "student" && h("span", { class: "tag" }, " student"),
            ),
            h(
              "td",
              {},
              h("span", { class: "num nowrap" }, `${hrs(minutes)} / ${hrs(target)}`),
              h("meter", {
                min: "0",
                max: String(Math.max(target, minutes, 1)),
                value: String(minutes),
                "aria-hidden": "true",
              }),
              Math.abs(off) >= 1 &&
                h(
                  "span",
                  { class: off < 0 ? "off under" : "off over" },
                  ` ${Math.abs(off)} h ${off < 0 ? "under" : "over"}`,
                ),
            ),
            h("td", { class: "num" }, hrs(s?.eveningMinutes)),
            h("td", { class: "num" }, hrs(s?.weekendMinutes)),
          );
        }),
      ),
    ),
  );
}

/** Tabs, one per site: each with its gaps, its grid and its hours panel. All are printed. */
export function siteTabs(problem: Problem, rota: Rota, options: GridOptions): HTMLElement {
  const others = options.others ?? [];
  const grids = problem.sites.map((s) => siteGrid(problem, rota, s.id, others));
  const start = grids.find((g) => g.id === options.site) ?? grids[0];
  const tabs: HTMLButtonElement[] = [];
  const panels: HTMLElement[] = [];
  const select = (index: number, focus: boolean) => {
    tabs.forEach((tab, i) => {
      tab.setAttribute("aria-selected", String(i === index));
      tab.tabIndex = i === index ? 0 : -1;
      (panels[i] as HTMLElement).hidden = i !== index;
    });
    if (focus) tabs[index]?.focus();
    const grid = grids[index];
    if (grid) options.onSite?.(grid.id);
  };
  grids.forEach((grid, i) => {
    const tabId = `tab-${grid.id}`;
    const panelId = `panel-${grid.id}`;
    const changed = changedCells(grid);
    tabs.push(
      h(
        "button",
        { type: "button", role: "tab", id: tabId, "aria-controls": panelId, onclick: () => select(i, false) },
        grid.name,
        grid.siteGaps.length +
          grid.points.reduce((n, p) => n + p.rows.filter((r) => r.cells.some((c) => c.gaps.length)).length, 0) >
          0 &&
          h(
            "span",
            { class: "badge gap-badge" },
            h("span", { "aria-hidden": "true" }, GAP_ICON),
            h("span", { class: "visually-hidden" }, " has gaps"),
          ),
        changed > 0 &&
          h(
            "span",
            { class: "badge changed-badge" },
            h("span", { "aria-hidden": "true" }, CHANGED_ICON),
            ` ${changed}`,
            h("span", { class: "visually-hidden" }, " changed cells"),
          ),
      ),
    );
    panels.push(
      h(
        "section",
        { role: "tabpanel", id: panelId, "aria-labelledby": tabId, class: "site-panel" },
        h("h2", { class: "print-only" }, grid.name),
        printKey(options),
        gapSummary(grid),
        siteGapList(grid),
        h(
          "div",
          { class: "site-body" },
          h("div", { class: "grid-wrap" }, siteTable(grid, options)),
          dayList(grid),
          hoursPanel(problem, rota, grid.id, options),
        ),
        h("div", { class: "print-only" }, printTable(grid)),
      ),
    );
  });
  const tablist = h("div", { role: "tablist", "aria-label": "Sites", class: "tabs" }, tabs);
  tablist.addEventListener("keydown", (event) => {
    const i = tabs.indexOf(event.target as HTMLButtonElement);
    if (i < 0) return;
    const next = {
      ArrowRight: (i + 1) % tabs.length,
      ArrowLeft: (i - 1 + tabs.length) % tabs.length,
      Home: 0,
      End: tabs.length - 1,
    }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    select(next, true);
  });
  const root = h("div", { class: "sites" }, tablist, panels);
  select(Math.max(0, grids.indexOf(start as SiteGrid)), false);
  return root;
}
