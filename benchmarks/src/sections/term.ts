import {
  check,
  type DatedEntry,
  diffPeople,
  GAP_RULE_IDS,
  peopleToRows,
  planTerm,
  rowsToPeople,
  setupFromProblem,
  type TermSummary,
  type TermWeek,
  termSummary,
} from "@deskrota/core";
import { solve } from "@deskrota/engine";
import { readCsv, writeCsv } from "@deskrota/sheets";
import { DateTime } from "luxon";
import { type BenchInstance, loadProblem } from "../instances";
import { rng } from "../random";
import { median } from "../stats";

export interface TermSettings {
  from: string;
  weeks: number;
  /** per week; undefined: the engine's default (the problem's, else 10 s) */
  timeLimitMs?: number;
  /** day-long absences spread at random (seeded) over the term */
  absences: number;
}

export interface TermRun {
  carryOver: boolean;
  wallS: number;
  uncoveredByWeek: number[];
  /** |worked − fair share| over the term, per person: median, largest, share of people within 2 h */
  fromFairShare: { p50: number; max: number; within2hPct: number } | null;
  /** the same, after each week (the drift) */
  maxFromFairShareByWeek: number[];
  unsocialSpread: number;
  hardViolations: number;
  /** why the term stopped early (the figures are then over the weeks solved before) */
  failed?: string;
}

export interface TermResult {
  instance: string;
  settings: TermSettings;
  withCarry: TermRun;
  alone: TermRun;
}

export interface ImportResult {
  instance: string;
  people: number;
  /** the people exported to CSV, then read and imported as a dry run (rows, checks, diff): median of 5 */
  ms: number;
}

/** Day-long absences of random people on random weekdays of the term (seeded: the same every run). */
export function termAbsences(people: string[], settings: TermSettings, seed = 14): DatedEntry[] {
  const r = rng(seed);
  const monday = DateTime.fromISO(settings.from, { zone: "UTC" });
  return Array.from({ length: settings.absences }, (_, i) => {
    const date = monday.plus({ weeks: r.int(0, settings.weeks - 1), days: r.int(0, 4) }).toISODate() as string;
    return {
      id: `bench-${i + 1}`,
      kind: "absence",
      person: r.pick(people),
      from: `${date}T00:00`,
      to: `${date}T23:30`,
    };
  });
}

/**
 * A term solved week by week with the carry-over and, for comparison, each week alone: time,
 * uncovered hours per week, distance from each person's fair share, and the independent check of
 * every rota.
 */
export async function measureTerm(
  instance: BenchInstance,
  settings: TermSettings,
  log: (line: string) => void,
): Promise<TermResult> {
  const { setup } = setupFromProblem(loadProblem(instance.ref));
  const entries = termAbsences(
    setup.people.map((p) => p.id),
    settings,
  );
  // The first solve in a process also starts the pool's threads and loads HiGHS (seconds): not a
  // week's work, so it is done once before either term is timed.
  // A warm-up that overruns on a loaded machine has still warmed up: its outcome does not matter.
  await solve(loadProblem({ kind: "example", name: "small-campus" }), { timeLimitMs: 2_000 }).catch(() => undefined);
  const run = async (carryOver: boolean): Promise<TermRun> => {
    const started = performance.now();
    let hardViolations = 0;
    const solved: TermWeek[] = [];
    const gaps = new Set<string>(GAP_RULE_IDS);
    try {
      await planTerm({
        setup,
        from: settings.from,
        weeks: settings.weeks,
        entries,
        carryOver,
        solve: (problem) =>
          solve(problem, settings.timeLimitMs === undefined ? {} : { timeLimitMs: settings.timeLimitMs }),
        onWeek: ({ weekStart, problem, rota }) => {
          solved.push({ weekStart, problem, rota });
          hardViolations += check(problem, rota).violations.filter((v) => !gaps.has(v.rule)).length;
          log(`term ${instance.id} ${carryOver ? "with carry-over" : "weeks alone"}: ${weekStart} solved`);
        },
      });
    } catch (error) {
      // A week the engine could not finish (e.g. a worker overran on a loaded machine) ends the term
      // here; what was solved before it is still reported, marked.
      const wallS = (performance.now() - started) / 1000;
      const failed = `week ${solved.length + 1}: ${(error as Error).message}`;
      return { ...summarise(carryOver, wallS, termSummary(solved, setup), hardViolations), failed };
    }
    return summarise(carryOver, (performance.now() - started) / 1000, termSummary(solved, setup), hardViolations);
  };
  const withCarry = await run(true);
  const alone = await run(false);
  return { instance: instance.id, settings, withCarry, alone };
}

/** The people sheet's import as `POST /v1/setup/people?dryRun=true` does it, on an instance's people. */
export function measureImport(instance: BenchInstance): ImportResult {
  const { setup } = setupFromProblem(loadProblem(instance.ref));
  const bytes = writeCsv(peopleToRows(setup));
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const read = readCsv(bytes);
    if (!read.ok) throw new Error(`the exported sheet does not read back: ${JSON.stringify(read.issues)}`);
    const imported = rowsToPeople(read.rows, setup);
    if (imported.issues.length > 0) throw new Error(`the exported sheet has issues: ${imported.issues[0]?.message}`);
    diffPeople(setup.people, imported.people);
    times.push(performance.now() - started);
  }
  return { instance: instance.id, people: setup.people.length, ms: Math.round(median(times) ?? 0) };
}

function summarise(carryOver: boolean, wallS: number, summary: TermSummary, hardViolations: number): TermRun {
  const distance = summary.people.map((p) => Math.abs(p.fromFairShare));
  const round = (x: number) => Math.round(x * 100) / 100;
  const drift = summary.weeks.map((_, w) =>
    round(
      Math.max(
        0,
        ...summary.people.map((p) =>
          Math.abs(p.weeks.slice(0, w + 1).reduce((sum, week) => sum + week.worked - week.fairShare, 0)),
        ),
      ),
    ),
  );
  return {
    carryOver,
    wallS: round(wallS),
    uncoveredByWeek: summary.weeks.map((w) => w.uncoveredHours),
    fromFairShare:
      summary.weeks.length === 0
        ? null
        : {
            p50: round(median(distance) ?? 0),
            max: summary.maxFromFairShare,
            within2hPct: round((100 * distance.filter((d) => d <= 2).length) / Math.max(1, distance.length)),
          },
    maxFromFairShareByWeek: drift,
    unsocialSpread: summary.unsocial.spread,
    hardViolations,
  };
}

const COLUMNS = [
  "all weeks solved in",
  "uncovered h per week",
  "from fair share, median / max (h)",
  "within 2 h",
  "unsocial spread (h)",
  "hard violations",
];

/** The term's table for latest.md. */
export function renderTerms(terms: TermResult[], imports: ImportResult[]): string[] {
  const out: string[] = ["## A term from the setup (issue 14)", ""];
  for (const t of terms) {
    const s = t.settings;
    out.push(
      `${t.instance}, ${s.weeks} weeks from ${s.from}, ${s.absences} day-long absences, ` +
        `${s.timeLimitMs === undefined ? "default time limit" : `${s.timeLimitMs / 1000} s a week`}.`,
      "",
      `| | ${COLUMNS.join(" | ")} |`,
      `|---|${COLUMNS.map(() => "---").join("|")}|`,
    );
    for (const r of [t.withCarry, t.alone]) {
      out.push(
        `| ${[
          `${r.carryOver ? "with carry-over" : "each week alone"}${r.failed ? ` (**stopped**: ${r.failed})` : ""}`,
          `${r.wallS.toFixed(0)} s`,
          r.uncoveredByWeek.join(" · "),
          r.fromFairShare ? `${r.fromFairShare.p50} / ${r.fromFairShare.max}` : "—",
          r.fromFairShare ? `${r.fromFairShare.within2hPct} %` : "—",
          r.unsocialSpread,
          r.hardViolations,
        ].join(" | ")} |`,
      );
    }
    out.push(
      "",
      "Largest distance from a fair share after each week — " +
        `with carry-over: ${t.withCarry.maxFromFairShareByWeek.join(" · ")}; ` +
        `alone: ${t.alone.maxFromFairShareByWeek.join(" · ")}.`,
      "",
    );
  }
  for (const i of imports) {
    out.push(
      `People sheet of ${i.instance} (${i.people} people), CSV bytes to a dry-run diff: ${i.ms} ms (median of 5).`,
      "",
    );
  }
  return out;
}
