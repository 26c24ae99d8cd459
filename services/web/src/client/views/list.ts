import { getJson } from "../api";
import { announce, focusHeading, h, render } from "../dom";
import type { View } from "../main";
import type { RotaSummary } from "../types";
import { statusText } from "./status";

const POLL_MS = 2000;
const COMPARE_MAX = 3;

/** This organisation's rotas, newest first; pick two or three to compare. */
export const listView: View = async (main, _route, signal) => {
  const picked = new Set<string>();
  const compare = h("a", { class: "button", href: "#", "aria-disabled": "true" }, "Compare selected");
  const pickHint = h(
    "p",
    { class: "hint", id: "compare-hint" },
    `Tick two or three rotas of the same week to compare them.`,
  );
  const table = h("div", { class: "table-wrap" });
  const updateCompare = () => {
    const ok = picked.size >= 2 && picked.size <= COMPARE_MAX;
    compare.setAttribute("aria-disabled", String(!ok));
    compare.setAttribute("href", ok ? `#/compare/${[...picked].map(encodeURIComponent).join(",")}` : "#");
    compare.textContent = ok ? `Compare ${picked.size} rotas` : "Compare selected";
  };
  compare.addEventListener("click", (event) => {
    if (compare.getAttribute("aria-disabled") === "true") event.preventDefault();
  });

  render(
    main,
    h(
      "div",
      { class: "title-row" },
      h("h1", {}, "Rotas"),
      h("a", { class: "button primary", href: "#/new" }, "New rota"),
    ),
    table,
    h("div", { class: "actions" }, compare, pickHint),
  );
  focusHeading(main);

  const draw = (rotas: RotaSummary[]) => {
    if (!rotas.length) {
      render(
        table,
        h(
          "p",
          {},
          "No rotas yet. ",
          h("a", { href: "#/new" }, "Create one"),
          " from a problem file or the bundled example.",
        ),
      );
      return;
    }
    render(
      table,
      h(
        "table",
        { class: "list" },
        h("caption", { class: "visually-hidden" }, "Rotas, newest first"),
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", { scope: "col" }, "Compare"),
            h("th", { scope: "col" }, "Rota"),
            h("th", { scope: "col" }, "Status"),
            h("th", { scope: "col" }, "Version"),
            h("th", { scope: "col" }, "Created"),
          ),
        ),
        h(
          "tbody",
          {},
          rotas.map((r) => {
            const label = r.name ?? r.id;
            const box = h("input", {
              type: "checkbox",
              "aria-label": `Compare ${label}`,
              "aria-describedby": "compare-hint",
              checked: picked.has(r.id),
              disabled: r.status !== "done",
              onchange: (event: Event) => {
                const on = (event.target as HTMLInputElement).checked;
                if (on) picked.add(r.id);
                else picked.delete(r.id);
                updateCompare();
              },
            });
            return h(
              "tr",
              {},
              h("td", {}, box),
              h("th", { scope: "row" }, h("a", { href: `#/rotas/${encodeURIComponent(r.id)}` }, label)),
              h("td", {}, statusText(r)),
              h(
                "td",
                {},
                r.version === null
                  ? "—"
                  : `v${r.version}${r.publishedVersion !== null ? ` (published v${r.publishedVersion})` : ""}`,
              ),
              h("td", {}, new Date(r.createdAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })),
            );
          }),
        ),
      ),
    );
  };

  for (;;) {
    const { rotas } = await getJson<{ rotas: RotaSummary[] }>("/v1/rotas?limit=100");
    if (signal.aborted) return;
    draw(rotas);
    updateCompare();
    const busy = rotas.filter((r) => r.status === "queued" || r.status === "solving").length;
    if (!busy) return;
    announce(`${busy} ${busy === 1 ? "rota is" : "rotas are"} still solving`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    if (signal.aborted) return;
  }
};
