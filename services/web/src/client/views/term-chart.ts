import uPlot from "uplot";
import { h, render } from "../dom";
import type { TermSummary } from "../types";

// Hours against contract week by week for one person of a term, drawn by uPlot (a kept charting
// library; its canvas is described by the table of the same numbers beside it).

export function hoursChart(summary: TermSummary): HTMLElement {
  const people = [...summary.people].sort((a, b) => a.name.localeCompare(b.name));
  const chartBox = h("div", { class: "chart", "aria-hidden": "true" });
  const table = h("div", {});
  let plot: uPlot | undefined;
  const show = (id: string) => {
    const person = people.find((p) => p.person === id);
    if (!person) return;
    const weeks = person.weeks;
    plot?.destroy();
    render(chartBox);
    plot = new uPlot(
      {
        width: 640,
        height: 240,
        legend: { show: false },
        scales: { x: { time: false } },
        axes: [
          { label: "week", values: (_u, ticks) => ticks.map((t) => weeks[t]?.weekStart.slice(5) ?? "") },
          { label: "hours" },
        ],
        series: [
          {},
          { label: "worked", stroke: "#1d4e89", width: 2, points: { show: true } },
          { label: "contract", stroke: "#8b1a1a", width: 2, dash: [6, 4] },
          { label: "fair share", stroke: "#0d5c2e", width: 1 },
        ],
      },
      [weeks.map((_, i) => i), weeks.map((w) => w.worked), weeks.map((w) => w.contract), weeks.map((w) => w.fairShare)],
      chartBox,
    );
    render(
      table,
      h(
        "table",
        { class: "list" },
        h("caption", {}, `${person.name}: hours worked against contract and fair share, week by week`),
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            ["Week", "Worked", "Contract", "Fair share", "Unsocial"].map((t) => h("th", { scope: "col" }, t)),
          ),
        ),
        h(
          "tbody",
          {},
          weeks.map((w) =>
            h(
              "tr",
              {},
              h("th", { scope: "row" }, w.weekStart),
              [w.worked, w.contract, w.fairShare, w.unsocial].map((n) => h("td", { class: "num" }, String(n))),
            ),
          ),
        ),
      ),
    );
  };
  const pick = h(
    "select",
    { id: "term-person", onchange: (e: Event) => show((e.target as HTMLSelectElement).value) },
    people.map((p) => h("option", { value: p.person }, `${p.name} (${p.person})`)),
  );
  const root = h(
    "section",
    { class: "card", "aria-labelledby": "term-hours-title" },
    h("h2", { id: "term-hours-title" }, "Hours against contract, week by week"),
    h("div", { class: "field" }, h("label", { for: "term-person" }, "Person"), pick),
    h(
      "p",
      { class: "hint" },
      "Blue: worked; red, dashed: contract; green: fair share.",
      ` Unsocial hours over the term: least ${summary.unsocial.min} h, most ${summary.unsocial.max} h`,
      ` (a spread of ${summary.unsocial.spread} h among those who can work them).`,
    ),
    chartBox,
    table,
  );
  queueMicrotask(() => show(pick.value));
  return root;
}
