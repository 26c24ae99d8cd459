import { DateTime } from "luxon";
import { metrics } from "../metrics";
import type { Problem } from "../model/problem";
import type { RotaInput } from "../model/rota";
import { DeskrotaInputError } from "../solve/errors";
import { type Carry, EMPTY_CARRY, carryForward } from "./carry";
import type { DatedEntry } from "./entries";
import { weekFacts } from "./facts";
import type { Setup } from "./schema";
import { buildWeekProblem } from "./week";

export interface TermWeek {
  weekStart: string;
  problem: Problem;
  rota: RotaInput;
}

export interface TermPersonWeek {
  weekStart: string;
  worked: number;
  contract: number;
  fairShare: number;
  slotShare: number;
  plainShare: number;
  clampedShare: number;
  unsocial: number;
}

export interface TermPerson {
  person: string;
  name: string;
  weeks: TermPersonWeek[];
  worked: number;
  contract: number;
  fairShare: number;
  /** issue 14's share, slot by slot (`PersonWeek.slotShare`) */
  slotShare: number;
  /** worked − fair share over the term */
  fromFairShare: number;
  /** worked − slot share over the term */
  fromSlotShare: number;
  /** issue 14's share as it words it, and that share clamped into what the problem forces and allows (`PersonWeek`) */
  plainShare: number;
  clampedShare: number;
  fromPlainShare: number;
  fromClampedShare: number;
  /** worked − contract over the term */
  fromContract: number;
  unsocial: number;
}

export interface TermSummary {
  weeks: { weekStart: string; workedHours: number; uncoveredHours: number; unsocialHours: number }[];
  people: TermPerson[];
  /** the largest |worked − fair share| over the term among people */
  maxFromFairShare: number;
  /** unsocial hours over the term: least, most, and most − least among people who can work them */
  unsocial: { min: number; max: number; spread: number };
  uncoveredHours: number;
}

const r2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Per person, hours against contract and against their fair share week by week and over the term;
 * uncovered hours per week recounted from the assignments (not taken from the rota's own list).
 */
export function termSummary(weeks: TermWeek[], setup: Setup): TermSummary {
  const people = new Map<string, TermPerson>(
    setup.people.map((p) => [
      p.id,
      {
        person: p.id,
        name: p.name,
        weeks: [],
        worked: 0,
        contract: 0,
        fairShare: 0,
        slotShare: 0,
        plainShare: 0,
        clampedShare: 0,
        fromFairShare: 0,
        fromSlotShare: 0,
        fromPlainShare: 0,
        fromClampedShare: 0,
        fromContract: 0,
        unsocial: 0,
      },
    ]),
  );
  const weekRows = weeks.map(({ weekStart, problem, rota }) => {
    const facts = weekFacts(problem, rota, setup);
    for (const f of facts) {
      const row = people.get(f.person);
      if (!row) continue;
      row.weeks.push({
        weekStart,
        worked: r2(f.worked),
        contract: f.contract,
        fairShare: r2(f.fairShare),
        slotShare: r2(f.slotShare),
        plainShare: r2(f.plainShare),
        clampedShare: r2(f.clampedShare),
        unsocial: r2(f.unsocial),
      });
      row.worked += f.worked;
      row.contract += f.contract;
      row.fairShare += f.fairShare;
      row.slotShare += f.slotShare;
      row.plainShare += f.plainShare;
      row.clampedShare += f.clampedShare;
      row.unsocial += f.unsocial;
    }
    return {
      weekStart,
      workedHours: r2(facts.reduce((sum, f) => sum + f.worked, 0)),
      uncoveredHours: metrics(problem, rota).gapHours.cover,
      unsocialHours: r2(facts.reduce((sum, f) => sum + f.unsocial, 0)),
    };
  });
  const rows = [...people.values()].map((p) => ({
    ...p,
    worked: r2(p.worked),
    contract: r2(p.contract),
    fairShare: r2(p.fairShare),
    slotShare: r2(p.slotShare),
    plainShare: r2(p.plainShare),
    clampedShare: r2(p.clampedShare),
    fromFairShare: r2(p.worked - p.fairShare),
    fromSlotShare: r2(p.worked - p.slotShare),
    fromPlainShare: r2(p.worked - p.plainShare),
    fromClampedShare: r2(p.worked - p.clampedShare),
    fromContract: r2(p.worked - p.contract),
    unsocial: r2(p.unsocial),
  }));
  const unsocial = rows.filter((p) => p.unsocial > 0).map((p) => p.unsocial);
  const least = unsocial.length ? Math.min(...unsocial) : 0;
  const most = unsocial.length ? Math.max(...unsocial) : 0;
  return {
    weeks: weekRows,
    people: rows,
    maxFromFairShare: r2(Math.max(0, ...rows.map((p) => Math.abs(p.fromFairShare)))),
    unsocial: { min: least, max: most, spread: r2(most - least) },
    uncoveredHours: r2(weekRows.reduce((sum, w) => sum + w.uncoveredHours, 0)),
  };
}

/** The Mondays of a term: `count` weeks from `from` (which must be a Monday). */
export function termWeeks(from: string, count: number): string[] {
  const monday = DateTime.fromISO(from, { zone: "UTC" });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !monday.isValid || monday.weekday !== 1) {
    throw new DeskrotaInputError([{ path: "from", code: "not_monday", message: `${from} is not a Monday` }]);
  }
  if (!Number.isInteger(count) || count < 1 || count > 52) {
    throw new DeskrotaInputError([{ path: "weeks", code: "too_big", message: "a term is 1 to 52 weeks" }]);
  }
  return Array.from({ length: count }, (_, i) => monday.plus({ weeks: i }).toISODate() ?? "");
}

export interface PlanRequest {
  setup: Setup;
  from: string;
  weeks: number;
  entries?: DatedEntry[];
  /** the carry from before the term (default: none) */
  carry?: Carry;
  /** false: solve each week alone (the carry is still totalled, to compare against) */
  carryOver?: boolean;
  /** solve one week's problem; the caller owns workers, clocks and storage */
  solve: (problem: Problem, weekStart: string) => Promise<RotaInput>;
  /** told after each week, e.g. to write the files or store the rota */
  onWeek?: (week: TermWeek & { carry: Carry }) => void | Promise<void>;
}

export interface Plan {
  weeks: TermWeek[];
  carry: Carry;
  summary: TermSummary;
}

/**
 * Solve a term's weeks in order, each built with the carry-over of the weeks before it. The
 * loop is here so the CLI and the API stay thin; solving is the caller's.
 */
export async function planTerm(request: PlanRequest): Promise<Plan> {
  const { setup, entries = [] } = request;
  let carry = request.carry ?? EMPTY_CARRY;
  const done: TermWeek[] = [];
  for (const weekStart of termWeeks(request.from, request.weeks)) {
    const problem = buildWeekProblem({ setup, weekStart, entries, ...(request.carryOver === false ? {} : { carry }) });
    const rota = await request.solve(problem, weekStart);
    carry = carryForward(carry, problem, rota, setup);
    const week = { weekStart, problem, rota };
    done.push(week);
    await request.onWeek?.({ ...week, carry });
  }
  return { weeks: done, carry, summary: termSummary(done, setup) };
}
