import loadHighs from "highs";
import {
  highsBackend,
  minimumChange,
  repairFigures,
  solve,
  type Change,
  type GapLevels,
  type Problem,
  type ResolveResult,
  type RotaInput,
} from "@deskrota/core/internal";
import { resolve } from "@deskrota/engine";
import { DateTime } from "luxon";
import { loadProblem } from "../instances";
import { rng } from "../random";
import type { Started } from "./entry";
import type { RepairsTask } from "./protocol";

export interface RepairCase {
  person: string;
  date: string;
  /** `answerMs`: until the engine answered; `ms`: until its repair was final (a small week's proof after the answer) */
  engine: { levels: GapLevels; changes: number; answerMs: number; ms: number; proven: boolean };
  exact: {
    target: GapLevels;
    targetProven: boolean;
    changes: number | null;
    bound: number;
    proven: boolean;
    ms: number;
  };
}

export interface RepairsRun {
  publishedStints: number;
  cases: RepairCase[];
}

/**
 * Issue 16's case: a rota is published, then each of `absences` afternoon absences (one person who
 * works that afternoon is off 12:00–18:00 on a Tuesday to Friday, told at 10:00) is repaired from it
 * by the engine, and the exact minimum-change model says what the fewest changes are, starting from
 * the engine's repair.
 */
export async function runRepairsTask(task: RepairsTask, started: Started): Promise<RepairsRun> {
  const problem = loadProblem(task.instance);
  // The core's search in this thread: a fixed work budget and seed give the same rota on any machine.
  const published = solve(problem, { workBudget: task.publishWork, seed: 1 });
  const backend = highsBackend(await loadHighs());
  const absences = afternoonAbsences(problem, published, task.seed, task.absences);
  started();
  const cases: RepairCase[] = [];
  for (const { person, date, change, now } of absences) {
    let t = performance.now();
    let told: (proved: ResolveResult | undefined) => void = () => undefined;
    const proving = new Promise<ResolveResult | undefined>((resolved) => {
      told = resolved;
    });
    const answer = await resolve(problem, published, change, { now, seed: 1, onProof: told });
    const answerMs = performance.now() - t;
    const repaired = (await proving) ?? answer;
    const engineMs = performance.now() - t;
    const figures = repairFigures(problem, published, change, now, repaired.rota);
    t = performance.now();
    const exact = minimumChange(problem, published, change, now, {
      backend,
      timeLimitSeconds: task.proofSeconds,
      start: repaired.rota,
    });
    const { rota: _rota, before: _before, ...proof } = exact;
    cases.push({
      person,
      date,
      engine: { ...figures, answerMs: Math.round(answerMs), ms: Math.round(engineMs), proven: repaired.minimal },
      exact: { ...proof, ms: Math.round(performance.now() - t) },
    });
  }
  return { publishedStints: published.assignments.length, cases };
}

/** The section's absences from a published rota: `count` draws of `seed`, each person and afternoon once. */
export function afternoonAbsences(problem: Problem, published: RotaInput, seed: number, count: number) {
  const r = rng(seed);
  const absences: ReturnType<typeof afternoonAbsence>[] = [];
  // A repeated draw measures nothing new.
  const drawn = new Set<string>();
  while (absences.length < count) {
    const absence = afternoonAbsence(problem, published, r);
    if (drawn.has(`${absence.person}@${absence.date}`)) continue;
    drawn.add(`${absence.person}@${absence.date}`);
    absences.push(absence);
  }
  return absences;
}

function afternoonAbsence(problem: Problem, published: RotaInput, r: ReturnType<typeof rng>) {
  const monday = DateTime.fromISO(problem.weekStart, { zone: problem.timeZone });
  const at = (date: string, time: string) => DateTime.fromISO(`${date}T${time}`, { zone: problem.timeZone }).toMillis();
  for (let tries = 0; tries < 100; tries++) {
    const date = monday.plus({ days: r.int(1, 4) }).toISODate() as string;
    const [from, to] = [at(date, "12:00"), at(date, "18:00")];
    const working = [
      ...new Set(
        published.assignments.filter((a) => Date.parse(a.start) < to && Date.parse(a.end) > from).map((a) => a.person),
      ),
    ].sort();
    if (working.length === 0) continue;
    const person = r.pick(working);
    const change: Change = { absences: [{ person, from: `${date}T12:00`, to: `${date}T18:00`, reason: "sick" }] };
    return { person, date, change, now: `${date}T10:00` };
  }
  throw new Error("nobody works an afternoon from Tuesday to Friday in the published rota");
}
