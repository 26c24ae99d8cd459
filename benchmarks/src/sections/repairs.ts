import type { RepairCase, RepairsRun } from "../child/repairs-task";
import { runChild } from "../child/run";
import type { BenchInstance } from "../instances";

export interface RepairsSettings {
  /** work budget of the solve that publishes the rota (seed 1): the same rota whatever the load */
  publishWork: number;
  absences: number;
  /** the exact model's limit for each of its solves */
  proofSeconds: number;
}

/** How the engine's repair compares with the exact minimum-change repair of the same absence. */
export type Verdict =
  /** the same gap levels as the target, and the proven fewest changes */
  | "equal"
  /** the target's gap levels, with more changes than the proven minimum */
  | "more changes"
  /** more left open than the target (cover first, then a lead, then a keyholder) */
  | "leaves more open"
  /** less open than the target (gaps from before the change filled too), at more changes */
  | "fills more"
  /** the exact model did not prove its answer in time */
  | "not proven";

export interface RepairRow extends RepairCase {
  verdict: Verdict;
  /** person-slots the engine changed beyond the proven minimum (target levels reached) */
  extra: number | null;
}

export interface RepairsSummary {
  instance: string;
  status: string;
  message?: string;
  publishWork: number;
  proofSeconds: number;
  publishedStints: number | null;
  rows: RepairRow[];
  /** share of proven cases where the engine's repair equals the proven minimum */
  equalPct: number | null;
  proven: number;
  peakRssMb: number;
}

/** Issue 16: how often the engine's repair is a proven fewest-changes repair, in one fresh process. */
export async function measureRepairs(
  instance: BenchInstance,
  settings: RepairsSettings,
  log: (line: string) => void,
): Promise<RepairsSummary> {
  const outcome = await runChild<RepairsRun>(
    { kind: "repairs", instance: instance.ref, seed: 16, ...settings },
    { killAfterMs: settings.absences * (4 * settings.proofSeconds + 30) * 1000, rssLimitMb: 6000 },
  );
  const rows = (outcome.value?.cases ?? []).map(judged);
  const proven = rows.filter((r) => r.verdict !== "not proven");
  const equal = proven.filter((r) => r.verdict === "equal").length;
  const summary: RepairsSummary = {
    instance: instance.id,
    status: outcome.status,
    ...(outcome.message ? { message: outcome.message } : {}),
    publishWork: settings.publishWork,
    proofSeconds: settings.proofSeconds,
    publishedStints: outcome.value?.publishedStints ?? null,
    rows,
    equalPct: proven.length ? Math.round((100 * equal) / proven.length) : null,
    proven: proven.length,
    peakRssMb: Math.round(outcome.peakRssMb),
  };
  log(
    `repairs ${instance.id}: ${outcome.status}, ${equal} of ${proven.length} proven cases equal the minimum ` +
      `(${rows.length} absences)${outcome.message ? ` (${outcome.message.split("\n")[0]})` : ""}`,
  );
  return summary;
}

function judged(c: RepairCase): RepairRow {
  if (!c.exact.proven || c.exact.changes === null) return { ...c, verdict: "not proven", extra: null };
  const order = (["cover", "lead", "keyholder"] as const)
    .map((level) => Math.sign(c.engine.levels[level] - c.exact.target[level]))
    .find((sign) => sign !== 0);
  if (order === 1) return { ...c, verdict: "leaves more open", extra: null };
  if (order === -1) return { ...c, verdict: "fills more", extra: c.engine.changes - c.exact.changes };
  const extra = c.engine.changes - c.exact.changes;
  return { ...c, verdict: extra === 0 ? "equal" : "more changes", extra };
}

/** The section of the report: one line per instance, then every case. */
export function renderRepairs(summaries: RepairsSummary[]): string[] {
  const out = [
    "## Repairs against the proven minimum (issue 16)",
    "",
    "A rota is published (a solve with the work budget shown, seed 1: the same rota whatever the load); then one " +
      "person who works that afternoon is off 12:00–18:00 on a random Tuesday to Friday, told at 10:00, and the " +
      "rota is repaired, each absence from the same published rota. The engine's repair (its default option, a " +
      "warm worker, no proof asked; on a small week the proof it runs after answering is waited for) is " +
      "compared with the exact minimum-change model (`minimumChange`), which first " +
      "settles the gap levels a repair must reach (where they were before the absence if that can be done, else " +
      "the best possible; cover, then a lead, then a keyholder) and then proves the fewest person-slots changed. " +
      'Equal: the same gap levels and the proven fewest changes. "Engine says proven": the repairs its own ' +
      "counting argument proved fewest (`minimal`), no MILP.",
    "",
    "| instance | published | absences | proven | equal | more changes (by) | leaves more open | fills more | " +
      "engine says proven | answer ms p50 / max | engine ms p50 / max | proof s p50 / max |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const s of summaries) {
    const count = (v: Verdict) => s.rows.filter((r) => r.verdict === v);
    const more = count("more changes");
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? 0;
    const ms = (xs: number[]) => (xs.length ? `${median(xs)} / ${Math.max(...xs)}` : "—");
    const secs = s.rows.map((r) => Math.round(r.exact.ms / 100) / 10);
    out.push(
      `| ${s.instance} | ${s.publishedStints ?? "—"} stints after ${s.publishWork} moves | ` +
        `${s.status === "ok" ? s.rows.length : `${s.status}: ${(s.message ?? "").split("\n")[0]?.slice(0, 120)}`} | ` +
        `${s.proven} | ${s.equalPct === null ? "—" : `${count("equal").length} (${s.equalPct} %)`} | ` +
        `${more.length}${more.length ? ` (${more.map((r) => `+${r.extra}`).join(", ")})` : ""} | ` +
        `${count("leaves more open").length} | ${count("fills more").length} | ` +
        `${s.rows.filter((r) => r.engine.proven).length} | ` +
        `${ms(s.rows.map((r) => r.engine.answerMs))} | ${ms(s.rows.map((r) => r.engine.ms))} | ${ms(secs)} |`,
    );
  }
  out.push("", "| instance | who | date | engine: changes, open (cover / lead / key slots) | minimum | verdict |");
  out.push("|---|---|---|---|---|---|");
  for (const s of summaries)
    for (const r of s.rows) {
      const levels = (l: { cover: number; lead: number; keyholder: number }) =>
        `${l.cover} / ${l.lead} / ${l.keyholder}`;
      const minimum =
        r.exact.changes === null
          ? "none found"
          : `${r.exact.changes}${r.exact.proven ? "" : ` (≥ ${r.exact.bound})`}, ${levels(r.exact.target)}`;
      out.push(
        `| ${s.instance} | ${r.person} | ${r.date} | ${r.engine.changes}, ${levels(r.engine.levels)} | ${minimum} | ` +
          `${r.verdict}${r.extra ? ` (${r.extra > 0 ? "+" : ""}${r.extra})` : ""} |`,
      );
    }
  out.push("");
  return out;
}
