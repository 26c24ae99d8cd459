import { getJson } from "../api";
import { focusHeading, h, render } from "../dom";
import type { View } from "../main";
import type { Comparison, Problem, RotaMetrics, RotaView, VersionView } from "../types";
import { changesByPerson } from "./changes-table";
import { siteTabs } from "./grid-view";
import { getRota, rotaPath } from "./load";
import { versionHash } from "./rota";

type Better = "higher" | "lower" | null;

/** The metrics a coordinator weighs rotas by, and which way is better. */
const ROWS: { label: string; value: (m: RotaMetrics) => number; unit: string; better: Better }[] = [
  { label: "Minimum cover met", value: (m) => m.minCoverPct, unit: "%", better: "higher" },
  { label: "Target cover met", value: (m) => m.targetCoverPct, unit: "%", better: "higher" },
  { label: "Uncovered desk hours", value: (m) => m.gapHours.cover, unit: "h", better: "lower" },
  { label: "Hours without a lead", value: (m) => m.gapHours.supervision, unit: "h", better: "lower" },
  {
    label: "Openings and closings without a keyholder",
    value: (m) => m.gapHours.keyholder,
    unit: "h",
    better: "lower",
  },
  { label: "Desk hours assigned", value: (m) => m.assignedHours, unit: "h", better: null },
  { label: "Mean distance from contracted hours", value: (m) => m.meanHoursDeviation, unit: "h", better: "lower" },
  { label: "Largest distance from contracted hours", value: (m) => m.maxHoursDeviation, unit: "h", better: "lower" },
  { label: "Spread of evening hours", value: (m) => m.eveningHoursSpread, unit: "h", better: "lower" },
  { label: "Spread of weekend hours", value: (m) => m.weekendHoursSpread, unit: "h", better: "lower" },
  { label: "Hours people asked for", value: (m) => m.preferenceHoursMet, unit: "h", better: "higher" },
  { label: "Hours people would rather not", value: (m) => m.preferenceHoursViolated, unit: "h", better: "lower" },
  { label: "Shadowing hours", value: (m) => m.shadowingHours, unit: "h", better: "higher" },
  { label: "Shifts", value: (m) => m.shifts, unit: "", better: null },
];

const round = (n: number) => Math.round(n * 10) / 10;

interface Compared {
  ref: string;
  record: RotaView;
  version: VersionView;
  label: string;
}

async function loadRef(ref: string): Promise<Compared> {
  const [id = "", at] = ref.split("@");
  const record = await getRota(id);
  const n = at === undefined ? (record.publishedVersion ?? record.version) : Number(at);
  if (n === null) throw new Error(`${record.name ?? id} has no version yet`);
  const version = await getJson<VersionView>(`${rotaPath(id)}/versions/${n}`);
  return { ref, record, version, label: `${record.name ?? record.id} (v${n})` };
}

function row(label: string, values: number[], unit: string, better: Better): HTMLElement {
  const best =
    better === null || new Set(values).size < 2
      ? undefined
      : better === "higher"
        ? Math.max(...values)
        : Math.min(...values);
  return h(
    "tr",
    {},
    h("th", { scope: "row" }, label, better && h("span", { class: "hint" }, ` (${better} is better)`)),
    values.map((v) =>
      h(
        "td",
        { class: v === best ? "num best" : "num" },
        `${round(v)}${unit ? ` ${unit}` : ""}`,
        v === best && h("span", { class: "best-mark" }, " ★ best"),
      ),
    ),
  );
}

/** Two or three rotas of one week side by side: metrics, score by rule, and the cells that differ. */
export const compareView: View = async (main, route, signal) => {
  const refs = (route.path[1] ?? "").split(",").filter(Boolean);
  const [comparison, rotas] = await Promise.all([
    getJson<Comparison>(`/v1/compare?ids=${refs.map(encodeURIComponent).join(",")}`),
    Promise.all(refs.map(loadRef)),
  ]);
  const first = rotas[0] as Compared;
  const problem = await getJson<Problem>(`${rotaPath(first.record.id)}/versions/${first.version.version}/problem`);
  if (signal.aborted) return;
  const byRef = new Map(comparison.rotas.map((r) => [r.id, r]));
  const compared = rotas.map((r) => ({ ...r, result: byRef.get(r.ref) }));
  const rules = [...new Set(compared.flatMap((c) => Object.keys(c.result?.score.byRule ?? {})))].sort();
  const reference = compared.find((c) => c.ref === comparison.reference) ?? first;
  // The core names each rota by its ref ("rota_…@2: …"); a coordinator knows it by its label.
  const tradeOffs = comparison.tradeOffs.map((sentence) => {
    const named = compared.find((c) => sentence.startsWith(`${c.ref}: `));
    return named ? `${named.label}: ${sentence.slice(named.ref.length + 2)}` : sentence;
  });
  render(
    main,
    h("h1", {}, `Comparing ${rotas.length} rotas`),
    tradeOffs.length > 0 &&
      h(
        "section",
        { class: "card trade-offs", "aria-labelledby": "compare-trade-offs" },
        h("h2", { id: "compare-trade-offs" }, `The trade-offs against ${reference.label}`),
        h(
          "ul",
          {},
          tradeOffs.map((t) => h("li", {}, t)),
        ),
      ),
    h(
      "div",
      { class: "table-wrap" },
      h(
        "table",
        { class: "compare" },
        h("caption", {}, `Week of ${problem.weekStart}. Changes are counted against ${reference.label}.`),
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", { scope: "col" }, "Metric"),
            compared.map((c) =>
              h("th", { scope: "col" }, h("a", { href: versionHash(c.record.id, c.version.version) }, c.label)),
            ),
          ),
        ),
        h(
          "tbody",
          {},
          ROWS.map((r) =>
            row(
              r.label,
              compared.map((c) => (c.result ? r.value(c.result.metrics) : Number.NaN)),
              r.unit,
              r.better,
            ),
          ),
          row(
            "Score of the soft rules",
            compared.map((c) => c.result?.score.soft ?? Number.NaN),
            "",
            "lower",
          ),
          row(
            `Changes against ${reference.label}`,
            compared.map((c) => c.result?.changes ?? Number.NaN),
            "",
            null,
          ),
          row(
            "Person-hours placed differently",
            compared.map((c) => c.result?.differsPct ?? Number.NaN),
            "%",
            null,
          ),
        ),
      ),
    ),
    comparison.diff &&
      h(
        "section",
        { class: "card changes", "aria-labelledby": "compare-changes" },
        h(
          "h2",
          { id: "compare-changes" },
          `${first.label} → ${compared[1]?.label ?? ""}: ${comparison.diff.changes} ` +
            `${comparison.diff.changes === 1 ? "change" : "changes"}`,
        ),
        changesByPerson(problem, comparison.diff, "Changes by person and day"),
      ),
    h(
      "details",
      { class: "card" },
      h("summary", {}, "Score by rule"),
      h(
        "div",
        { class: "table-wrap" },
        h(
          "table",
          { class: "compare" },
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              h("th", { scope: "col" }, "Rule"),
              compared.map((c) => h("th", { scope: "col" }, c.label)),
            ),
          ),
          h(
            "tbody",
            {},
            rules.map((rule) =>
              row(
                rule,
                compared.map((c) => c.result?.score.byRule[rule] ?? 0),
                "",
                "lower",
              ),
            ),
          ),
        ),
      ),
    ),
    // The full grids are long (every cell of every site): on demand, built when first opened.
    h(
      "details",
      {
        class: "card full-grids",
        ontoggle: (event: Event) => {
          const details = event.currentTarget as HTMLDetailsElement;
          if (!details.open || details.querySelector(".sites")) return;
          details.append(
            siteTabs(problem, first.version.rota, {
              personHref: (person) =>
                `${versionHash(first.record.id, first.version.version)}/people/${encodeURIComponent(person)}`,
              others: compared.slice(1).map((c) => c.version.rota),
              beforeLabel: (other) => `differs; ${compared[other + 1]?.label ?? "another"} has`,
              site: route.query.get("site"),
            }),
          );
        },
      },
      h("summary", {}, `Show the full grids: ${first.label}, with the cells where the others differ`),
    ),
  );
  focusHeading(main);
};
