import {
  DeskrotaInputError,
  type Instance,
  parseProblem,
  type Problem,
  resolve,
  type RotaInput,
  solve,
} from "@deskrota/core/internal";
import smallCampus from "../../../docs/examples/small-campus.json";

/** Absences a fresh thread's warm-up repairs: enough for V8 to compile the repair path. */
const ABSENCES = 12;
/**
 * Absences a thread repairs on a published week (`warmOn` for `prepare`). Twelve left the week's first
 * 20 real re-solves at 2.3–2.8× the CPU of the same 20 again; 24 at 1.3×, 36 at 1.1× (typical week,
 * in one process, load 13–14: decisions.md §15, seventh round).
 */
export const WEEK_ABSENCES = 24;

/**
 * A fresh worker's first re-solves cost 2.6–4.4× a warm one's: V8 has not yet compiled the repair
 * path (the states, the checker and score of the answer, the diff, compile) nor seen the week's
 * object shapes. So each worker, before it takes its first task, publishes a rota of a small real
 * week (the small-campus example, 10 people) and repairs it after a few changes, as a service would
 * after a deploy. That takes the compiling off (about a fifth of the first re-solves' CPU); the
 * shapes are each week's own (decisions.md §15, fifth round), which `warmOn` meets for a published
 * week. Nothing of it is kept: the results of later tasks are the same. Returns how many repairs it
 * made (none if the example no longer parses).
 */
export function warmUp(): number {
  const parsed = parseProblem(smallCampus);
  if (!parsed.ok) return 0;
  const problem = parsed.value;
  return warmOn(problem, solve(problem, { seed: 1, workBudget: 300 }));
}

/**
 * Repairs a published week after `absences` absences spread over its stints, the repairs thrown
 * away. Every other one takes out the next stints' people too: gaps the repair cannot fill, so the
 * fill-first repair, the chains, the options and the gaps' explanations are warmed as well. With a
 * `clock`, the repairs run as a worker's do (by the clock, as well as by their moves). `shouldStop`
 * is read at every move (through the clock): a real task wants the thread, and the repair under way
 * is dropped there. Returns how many repairs it made.
 */
export function warmOn(
  problem: Problem,
  published: RotaInput,
  options: {
    clock?: () => number;
    shouldStop?: () => boolean;
    absences?: number;
    compiled?: { last?: Instance };
  } = {},
): number {
  const { clock, shouldStop = () => false, absences: count = ABSENCES, compiled } = options;
  const stopped = new Error("a real task wants the thread");
  const stopping = clock
    ? () => {
        if (shouldStop()) throw stopped;
        return clock();
      }
    : undefined;
  const stints = published.assignments;
  const step = Math.max(1, Math.floor(stints.length / count));
  let repairs = 0;
  for (let k = 0; k < count && !shouldStop(); k++) {
    const away = stints.slice(k * step, k * step + (k % 2 === 0 ? 1 : 3));
    const first = away[0];
    if (!first) break;
    const absences = away.map((s) => ({ person: s.person, from: s.start, to: s.end, reason: "sick" as const }));
    // Told at the start of the first stint's day: the days before it are the past, as in a real re-solve.
    const now = `${first.start.slice(0, 10)}T00:00`;
    try {
      resolve(
        problem,
        published,
        { absences },
        { now, seed: 1, ...(stopping ? { clock: stopping } : {}), ...(compiled ? { compiled } : {}) },
      );
      repairs++;
    } catch (error) {
      if (error === stopped) break;
      // A change this week refuses (a pin it cannot keep) warms the path up to the refusal; the next one is tried.
      if (!(error instanceof DeskrotaInputError)) throw error;
    }
  }
  return repairs;
}
