import { applyChange, check, type Assignment, type Change, type Problem } from "@deskrota/core/internal";
import { prepare, resolve, solve, WorkerPool } from "@deskrota/engine";
import { DateTime } from "luxon";
import { loadProblem } from "../instances";
import { rng } from "../random";
import type { Started } from "./entry";
import type { ResolveTask } from "./protocol";

export interface ResolveSample {
  /** the call as the caller sees it (warm worker pool), ms */
  wallMs: number;
  /** the repair inside the worker, ms */
  workerMs: number;
  changes: number;
  minimal: boolean;
  hardViolations: number;
}

export interface ResolveRun {
  publishedObjective: number;
  publishedStints: number;
  /** the warm-up on the published week before the first absence (`prepare`): its repairs, wall and process CPU, ms */
  prepared: { repairs: number; wallMs: number; cpuMs: number };
  samples: ResolveSample[];
}

/**
 * Publishes a rota, then re-solves it after each of `absences` random absences, one at a time and
 * each against the published rota: a person drops one of their published stints, and says so two
 * hours before it starts (`now`), as someone calling in sick does.
 */
export async function runResolveTask(task: ResolveTask, started: Started): Promise<ResolveRun> {
  const problem = loadProblem(task.instance);
  // A service's re-solve pool, started ahead of its traffic: its workers warm their repair path first.
  const pool = new WorkerPool(2);
  await pool.warm();
  const published = await solve(problem, { ...task.publish, seed: 1, pool });
  // As a service does between publishing and the first absence: a thread warms on the week. Awaited and
  // timed on its own, so that it neither shares the CPU with a timed re-solve nor hides in one.
  const [cpuBefore, t0] = [process.cpuUsage(), performance.now()];
  const done = await prepare(problem, published, { pool });
  const cpu = process.cpuUsage(cpuBefore);
  const prepared = {
    repairs: done?.repairs ?? 0,
    wallMs: Math.round(performance.now() - t0),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
  };
  const r = rng(task.seed);
  const changes = Array.from({ length: task.absences }, () => absenceFor(r.pick(published.assignments)));
  started();
  const samples: ResolveSample[] = [];
  for (const { change, now } of changes) {
    const t = performance.now();
    const result = await resolve(problem, published, change, { now, seed: 1, pool });
    const wallMs = performance.now() - t;
    samples.push({
      wallMs: Math.round(wallMs * 10) / 10,
      workerMs: result.rota.solver?.timeMs ?? 0,
      changes: result.diff.changes,
      minimal: result.minimal,
      hardViolations: hardViolations(problem, change, result.rota),
    });
  }
  return {
    publishedObjective: published.solver?.objective ?? published.score.soft,
    publishedStints: published.assignments.length,
    prepared,
    samples,
  };
}

/** One person drops this stint, saying so two hours before it starts. */
export function absenceFor(stint: Assignment): { change: Change; now: string } {
  const start = DateTime.fromISO(stint.start, { setZone: true });
  return {
    change: { absences: [{ person: stint.person, from: stint.start, to: stint.end, reason: "sick" }] },
    now: start.minus({ hours: 2 }).toISO() as string,
  };
}

/** Hard-rule violations of the repaired rota, by the independent checker, against the changed problem. */
function hardViolations(problem: Problem, change: Change, rota: Parameters<typeof check>[1]): number {
  const changed = applyChange(problem, change);
  if (!changed.ok)
    throw new Error(`benchmark built an invalid change: ${changed.issues.map((i) => i.message).join("; ")}`);
  return check(changed.value, rota).violations.length;
}
