import {
  rosterableHours,
  check,
  type DatedEntry,
  diffPeople,
  GAP_RULE_IDS,
  parseDated,
  peopleToRows,
  type Problem,
  type RotaInput,
  planTerm,
  rowsToPeople,
  setupFromProblem,
  type TermSummary,
  type Setup,
  type TermWeek,
  termSummary,
  weekFacts,
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
  /** the same against issue 14's share, slot by slot (no minimum shift for a sole lead) */
  fromSlotShare: { p50: number; max: number; within2hPct: number } | null;
  /** against issue 14's share as it words it, and that share clamped into [forced, attainable] (`PersonWeek`) */
  fromPlainShare: { p50: number; max: number; within2hPct: number } | null;
  fromClampedShare: { p50: number; max: number; within2hPct: number } | null;
  /** the same, after each week (the drift) */
  maxFromFairShareByWeek: number[];
  unsocialSpread: number;
  hardViolations: number;
  /** everyone more than 2 h from their fair share over the term, and what the weeks say about why */
  far: FarPerson[];
  /** why the term stopped early (the figures are then over the weeks solved before) */
  failed?: string;
}

export interface FarPerson {
  person: string;
  /** worked − fair share over the term */
  fromFairShare: number;
  /** worked − issue 14's share (slot by slot) over the term */
  fromSlotShare: number;
  /**
   * their floors (a minimum shift through slots only they could give a lead or keyholder), as
   * `site weekday (lead, keyholder) ×weeks +hours over the term`
   */
  floors: string[];
  /** whether the floors hold their fair share above the slot share (else the ratio already gives them more) */
  heldAbove: boolean;
  worked: number;
  /** hours in which they were the only lead on site: the supervision rule needed them there */
  onlyLeadHours: number;
  shadowingHours: number;
  /** weeks whose carried target could move no further their way (at the floor while above, the ceiling while below) */
  weeksTargetAtLimit: number;
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
  const run = (carryOver: boolean) =>
    checkedTerm(
      {
        setup,
        from: settings.from,
        weeks: settings.weeks,
        entries,
        carryOver,
        solve: (problem) =>
          solve(problem, settings.timeLimitMs === undefined ? {} : { timeLimitMs: settings.timeLimitMs }),
      },
      (weekStart) => log(`term ${instance.id} ${carryOver ? "with carry-over" : "weeks alone"}: ${weekStart} solved`),
    );
  const withCarry = await run(true);
  const alone = await run(false);
  return { instance: instance.id, settings, withCarry, alone };
}

/**
 * A term planned week by week, every rota judged by the independent checker, and summarised. A week
 * the engine could not finish (e.g. a worker overran on a loaded machine) ends the term there; what
 * was solved before it is still reported, marked.
 */
export async function checkedTerm(
  request: Omit<Parameters<typeof planTerm>[0], "onWeek"> & { carryOver: boolean },
  onSolved: (weekStart: string) => void = () => undefined,
): Promise<TermRun> {
  const started = performance.now();
  let hardViolations = 0;
  const solved: TermWeek[] = [];
  const gaps = new Set<string>(GAP_RULE_IDS);
  const summary = () =>
    summarise(
      request.carryOver,
      (performance.now() - started) / 1000,
      termSummary(solved, request.setup),
      hardViolations,
      solved,
      request.setup,
    );
  try {
    await planTerm({
      ...request,
      onWeek: ({ weekStart, problem, rota }) => {
        solved.push({ weekStart, problem, rota });
        hardViolations += check(problem, rota).violations.filter((v) => !gaps.has(v.rule)).length;
        onSolved(weekStart);
      },
    });
  } catch (error) {
    return { ...summary(), failed: `week ${solved.length + 1}: ${(error as Error).message}` };
  }
  return summary();
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

function summarise(
  carryOver: boolean,
  wallS: number,
  summary: TermSummary,
  hardViolations: number,
  solved: TermWeek[],
  setup: Setup,
): TermRun {
  const round = (x: number) => Math.round(x * 100) / 100;
  const spread = (distance: number[]) => ({
    p50: round(median(distance) ?? 0),
    max: round(Math.max(0, ...distance)),
    within2hPct: round((100 * distance.filter((d) => d <= 2).length) / Math.max(1, distance.length)),
  });
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
    fromFairShare: summary.weeks.length === 0 ? null : spread(summary.people.map((p) => Math.abs(p.fromFairShare))),
    fromSlotShare: summary.weeks.length === 0 ? null : spread(summary.people.map((p) => Math.abs(p.fromSlotShare))),
    fromPlainShare: summary.weeks.length === 0 ? null : spread(summary.people.map((p) => Math.abs(p.fromPlainShare))),
    fromClampedShare:
      summary.weeks.length === 0 ? null : spread(summary.people.map((p) => Math.abs(p.fromClampedShare))),
    maxFromFairShareByWeek: drift,
    unsocialSpread: summary.unsocial.spread,
    hardViolations,
    far: explainFar(summary, solved, setup),
  };
}

/**
 * Everyone beyond 2 h of their fair share or of issue 14's slot share, farthest first, with the facts of
 * the weeks that bear on why.
 */
function explainFar(summary: TermSummary, solved: TermWeek[], setup: Setup): FarPerson[] {
  const far = summary.people.filter((p) => Math.abs(p.fromFairShare) > 2 || Math.abs(p.fromSlotShare) > 2);
  const heldBy = floorsOf(solved, setup, new Set(far.map((p) => p.person)));
  const onlyLead = new Map<string, number>();
  const shadowing = new Map<string, number>();
  const atLimit = new Map<string, number>();
  const add = (map: Map<string, number>, id: string, x: number) => map.set(id, (map.get(id) ?? 0) + x);
  const sign = new Map(summary.people.map((p) => [p.person, Math.sign(p.fromFairShare)]));
  for (const { problem, rota } of solved) {
    for (const [id, hours] of soleLeadHours(problem, rota)) add(onlyLead, id, hours);
    for (const a of rota.assignments) {
      if (a.shadowing) add(shadowing, a.person, hoursOf(problem, a.start, a.end));
    }
    const available = rosterableHours(problem);
    for (const person of problem.people) {
      const floor = person.hours.min ?? 0;
      const ceiling = Math.min(person.hours.max ?? Number.POSITIVE_INFINITY, available.get(person.id) ?? 0);
      const way = sign.get(person.id) ?? 0;
      if ((way > 0 && person.hours.target <= floor) || (way < 0 && person.hours.target >= ceiling)) {
        add(atLimit, person.id, 1);
      }
    }
  }
  const round = (x: number) => Math.round(x * 10) / 10;
  return far
    .sort((a, b) => Math.abs(b.fromSlotShare) - Math.abs(a.fromSlotShare))
    .map((p) => ({
      person: p.person,
      fromFairShare: round(p.fromFairShare),
      fromSlotShare: round(p.fromSlotShare),
      floors: heldBy.get(p.person) ?? [],
      heldAbove: p.fairShare > p.slotShare + 0.01,
      worked: round(p.worked),
      onlyLeadHours: round(onlyLead.get(p.person) ?? 0),
      shadowingHours: round(shadowing.get(p.person) ?? 0),
      weeksTargetAtLimit: atLimit.get(p.person) ?? 0,
    }));
}

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** Per person, the floors of their weeks (`weekFacts(…).floors`) by site, weekday and need, with weeks and hours. */
function floorsOf(solved: TermWeek[], setup: Setup, people: Set<string>): Map<string, string[]> {
  const tally = new Map<string, Map<string, { weeks: number; hours: number }>>();
  for (const { problem, rota } of solved) {
    for (const f of weekFacts(problem, rota, setup).flatMap((w) => (people.has(w.person) ? w.floors : []))) {
      const day = WEEKDAYS[DateTime.fromISO(f.date).weekday - 1];
      const key = `${f.site} ${day} (${f.needs.join(", ")})`;
      const mine = tally.get(f.person) ?? new Map<string, { weeks: number; hours: number }>();
      const t = mine.get(key) ?? { weeks: 0, hours: 0 };
      mine.set(key, { weeks: t.weeks + 1, hours: t.hours + f.hours - f.soleHours });
      tally.set(f.person, mine);
    }
  }
  return new Map(
    [...tally].map(([person, mine]) => [
      person,
      [...mine].map(([key, t]) => `${key} ×${t.weeks} +${Math.round(t.hours * 10) / 10} h`),
    ]),
  );
}

const hoursOf = (problem: Problem, start: string, end: string) =>
  (parseDated(end, problem.timeZone) - parseDated(start, problem.timeZone)) / 3_600_000;

/** Per person, the hours in which they were the one lead working at their site. */
function soleLeadHours(problem: Problem, rota: RotaInput): Map<string, number> {
  const leads = new Set(problem.people.filter((p) => p.qualifications?.includes("lead")).map((p) => p.id));
  const siteOf = new Map(problem.sites.flatMap((s) => s.servicePoints.map((p) => [p.id, s.id])));
  const step = problem.slotMinutes * 60_000;
  const present = new Map<string, Set<string>>();
  for (const a of rota.assignments) {
    if (!leads.has(a.person)) continue;
    const end = parseDated(a.end, problem.timeZone);
    for (let t = parseDated(a.start, problem.timeZone); t < end; t += step) {
      const key = `${siteOf.get(a.point)} ${t}`;
      const here = present.get(key) ?? new Set<string>();
      here.add(a.person);
      present.set(key, here);
    }
  }
  const hours = new Map<string, number>();
  for (const here of present.values()) {
    const [only] = here;
    if (here.size === 1 && only) hours.set(only, (hours.get(only) ?? 0) + problem.slotMinutes / 60);
  }
  return hours;
}

const COLUMNS = [
  "all weeks solved in",
  "uncovered h per week",
  "from fair share, median / max (h)",
  "within 2 h",
  "from slot share (issue 14's), median / max (h)",
  "within 2 h of it",
  "unsocial spread (h)",
  "hard violations",
];

/** Who is more than 2 h from a share with the carry-over, and the facts that bear on why. */
function renderFar(run: TermRun): string[] {
  if (run.far.length === 0) return ["With carry-over everyone ends the term within 2 h of both shares.", ""];
  return [
    `More than 2 h from the fair share or the slot share with carry-over (${run.far.length}): worked − share ` +
      "over the term; their floors, the minimum shift through slots only they could give a lead or keyholder " +
      "(site, weekday, weeks, hours beyond those slots over the term), which hold the fair share above the slot " +
      "share unless the ratio already gives them more; hours as the only lead on site; " +
      "shadowing hours; weeks whose carried target was already at its limit (floor when above the share, " +
      "ceiling when below).",
    "",
    "| person | from fair share (h) | from slot share (h) | floors (held above the slot share by) | worked (h) | " +
      "only lead on site (h) | shadowing (h) | target at its limit |",
    "|---|---|---|---|---|---|---|---|",
    ...run.far.map(
      (f) =>
        `| ${f.person} | ${signed(f.fromFairShare)} | ${signed(f.fromSlotShare)} | ${floorCell(f)} | ` +
        `${f.worked} | ${f.onlyLeadHours} | ${f.shadowingHours} | ` +
        `${f.weeksTargetAtLimit} of ${run.uncoveredByWeek.length} weeks |`,
    ),
    "",
  ];
}

const floorCell = (f: FarPerson) =>
  f.floors.length === 0 ? "—" : `${f.heldAbove ? "" : "not above the ratio share: "}${f.floors.join("; ")}`;
const signed = (x: number) => `${x > 0 ? "+" : ""}${x}`;
const spreadCells = (s: TermRun["fromFairShare"]) => (s ? [`${s.p50} / ${s.max}`, `${s.within2hPct} %`] : ["—", "—"]);

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
          ...spreadCells(r.fromFairShare),
          ...spreadCells(r.fromSlotShare),
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
      ...renderFar(t.withCarry),
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
