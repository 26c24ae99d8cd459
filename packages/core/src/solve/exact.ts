import type { Problem } from "../model/problem";
import type { BoundKind, Rota } from "../model/rota";
import { RULES } from "../rules";
import { fits, type MilpBackend } from "./backends/backend";
import { placementOf } from "./decode";
import { compile, type Instance } from "../compile/instance";
import { loadPlacements } from "./load";
import { verifySolution } from "../compile/milp";
import { buildModel } from "../compile/model";
import { rotaOf } from "./output";
import { search } from "./search/search";
import { SearchState } from "./search/state";
import { lagrangeBound } from "./lagrange";
import { certificateOf, gapOf } from "./certificate";
import { canonical, lowerBound } from "./solve";

/**
 * Up to this many workable person-slots the whole week is worth a MILP of its own (the small campus
 * has 420 and is proven optimal in ~30 s; the typical week has 3 785 and its MILP finds nothing in
 * 20 s). Counting person-slots avoids building a large model only to learn it is too large.
 */
export const EXACT_MAX_PERSON_SLOTS = 1_500;

/**
 * Up to this many workable person-slots, with a limit of at least LP_TOO_MIN_SECONDS, the LP
 * relaxation runs after the Lagrangian bound, in the last LP_TOO_SHARE of the limit. On dst-week
 * (3 148; a 24-hour site) the LP gives 16 220 in 3 s where the Lagrangian reaches ~12 700 in 60 s;
 * on typical-week (3 785) the LP takes 5 s for 12 552 and the Lagrangian passes it within 10 s,
 * which is why short solves leave it out, and why it comes last (the Lagrangian gains most early).
 */
const LP_TOO_MAX_PERSON_SLOTS = 6_000;
const LP_TOO_MIN_SECONDS = 30;
const LP_TOO_SHARE = 0.25;
/**
 * ...and only while the Lagrangian leaves more than this share between its bound and the best
 * rota. Since its loose first pass (decisions §16) the Lagrangian passes the LP on typical-week
 * (13 800 in 15 s against 12 552), where the LP cost 135 MB of resident memory; on dst-week it
 * stays far below it (12 200 against 16 220, 28 % below the rota), and the LP still runs there.
 */
const LP_TOO_WORTH_GAP = 0.2;

/**
 * Cuts HiGHS keeps between nodes of the whole-week MILP. Its default (10 000) took the small campus's
 * WebAssembly heap to 451 MB on the way to the optimum; with 100 the same optimum is proven at 105 MB,
 * in fewer seconds (docs/decisions.md §12).
 */
const WHOLE_WEEK_CUT_POOL = 100;

/**
 * The whole-week MILP runs only where it gets at least this long; a shorter solve keeps the LP bound.
 * On the small campus HiGHS's root LP alone took 1.7 s of CPU and its WebAssembly heap +91 MB, and its
 * first bound above the LP's came after 10.8 s (+128 MB): a MILP given less gave no better bound, and
 * its heap was a third of a 3 s solve's memory (docs/decisions.md §15, fifth round).
 */
const WHOLE_WEEK_MIN_SECONDS = 5;

/** The MILP stops this long before the limit: decoding, checking and handing back its rota. */
const FINISHING_SECONDS = 1.5;

export interface ExactResult {
  /** a proven lower bound on the objective */
  bound: number | null;
  /** which bound `bound` is */
  boundKind?: BoundKind;
  /** the MILP's own rota, when it found one */
  rota?: Rota;
  proven: boolean;
}

/**
 * What the second core does during a solve: for a small week the whole MILP (its dual bound is
 * tighter than the LP's, and it may prove a rota optimal); for a larger one the LP relaxation.
 */
export interface ExactOptions {
  timeLimitSeconds: number;
  clock?: () => number;
  onBound?(bound: number, kind: BoundKind): void;
  /** the best objective the search has reached so far, if known (it steers the Lagrangian steps) */
  incumbent?: () => number | undefined;
}

/**
 * `loadBackend` is called only where a MILP or an LP runs (a small week, or a mid-sized one with a long
 * limit): a large week's Lagrangian needs no backend, and a thread that never loads HiGHS saves its
 * WebAssembly module and heap (~20 MB).
 */
export async function exactOrBound(
  problem: Problem,
  loadBackend: () => Promise<MilpBackend>,
  options: ExactOptions,
): Promise<ExactResult> {
  const started = options.clock?.() ?? 0;
  const spent = () => ((options.clock?.() ?? started) - started) / 1000;
  const inst = compile(canonical(problem));
  const { personSlots, own } = firstLook(inst);
  if (own !== undefined) {
    // Too big for the whole MILP: the Lagrangian bound, aiming at the search's incumbent, or at a
    // quick rota of its own until the search has one. On a mid-sized week with time to spare the LP
    // relaxation gets the last part of the time, and the better of the two counts.
    let best = -Infinity;
    let bestKind: BoundKind = "lagrangian";
    const report = (bound: number, kind: BoundKind) => {
      if (bound <= best) return;
      best = bound;
      bestKind = kind;
      options.onBound?.(bound, kind);
    };
    const lpSeconds =
      personSlots <= LP_TOO_MAX_PERSON_SLOTS && options.timeLimitSeconds >= LP_TOO_MIN_SECONDS
        ? options.timeLimitSeconds * LP_TOO_SHARE
        : 0;
    const upper = () => Math.min(own, options.incumbent?.() ?? Infinity);
    // The bound only rises and the rota only improves: once close enough, the LP is not worth its memory.
    const lpWorth = () => lpSeconds > 0 && upper() - best > LP_TOO_WORTH_GAP * Math.abs(upper());
    const end = started + (options.timeLimitSeconds - FINISHING_SECONDS) * 1000;
    lagrangeBound(inst, {
      upper,
      ...(options.clock ? { clock: options.clock, deadline: () => (lpWorth() ? end - lpSeconds * 1000 : end) } : {}),
      iterations: Infinity,
      onBound: (bound) => report(bound, "lagrangian"),
    });
    if (lpWorth()) {
      const relaxed = lowerBound(problem, await loadBackend(), {
        timeLimitSeconds: Math.max(0.1, options.timeLimitSeconds - spent() - FINISHING_SECONDS),
      });
      if (relaxed !== null) report(relaxed, "lp-relaxation");
    }
    return Number.isFinite(best) ? { bound: best, boundKind: bestKind, proven: false } : { bound: null, proven: false };
  }
  const backend = await loadBackend();
  // The LP bound first: it is quick on a small week and useful however the MILP fares.
  const relaxed = lowerBound(problem, backend, { timeLimitSeconds: options.timeLimitSeconds });
  if (relaxed !== null) options.onBound?.(relaxed, "lp-relaxation");
  // The limit is for the whole call: the MILP ends early enough to decode and report its answer.
  const milpSeconds = options.timeLimitSeconds - spent() - FINISHING_SECONDS;
  const lpOnly =
    relaxed === null
      ? { bound: null, proven: false }
      : { bound: relaxed, boundKind: "lp-relaxation" as const, proven: false };
  if (milpSeconds < WHOLE_WEEK_MIN_SECONDS) return lpOnly;
  const model = buildModel(inst, RULES);
  if (!fits(backend, model.milp)) return lpOnly;
  const result = backend.solve(model.milp, {
    timeLimitSeconds: milpSeconds,
    relativeGap: 1e-6,
    cutPool: WHOLE_WEEK_CUT_POOL,
  });
  const bound = Math.max(result.bound ?? -Infinity, relaxed ?? -Infinity);
  const boundKind: BoundKind = (result.bound ?? -Infinity) >= (relaxed ?? -Infinity) ? "milp" : "lp-relaxation";
  if (Number.isFinite(bound)) options.onBound?.(bound, boundKind);
  const found = Number.isFinite(bound) ? { bound, boundKind } : { bound: null };
  if (!result.x || verifySolution(model.milp, result.x).length > 0) return { ...found, proven: false };
  const state = new SearchState(inst);
  const placement = placementOf(model, result.x);
  loadPlacements(
    state,
    inst.people.map((person) => {
      const at = new Int16Array(inst.slots.length).fill(-1);
      for (const [g, { point }] of placement.get(person.index) ?? []) at[g] = point;
      return at;
    }),
  );
  const proven = result.status === "optimal";
  const rota = rotaOf(state, {
    status: proven ? "optimal" : "time-limit",
    backend: backend.name,
    timeMs: Math.round((options.clock?.() ?? started) - started),
    objective: Math.round(state.objective * 1000) / 1000,
    bestBound: Number.isFinite(bound) ? Math.round(bound * 1000) / 1000 : null,
    gap: gapOf(state.objective, Number.isFinite(bound) ? bound : null),
    ...(Number.isFinite(bound) ? { boundKind, certificate: certificateOf(state.objective, bound, boundKind) } : {}),
  });
  return { ...found, rota, proven };
}

/**
 * The week's workable person-slots and, when it is too big for the whole MILP, the objective of a
 * quick rota. Its state is dropped on return: kept through the Lagrangian, it was one more copy
 * of the week's tables (the Lagrangian has its own).
 */
function firstLook(inst: Instance): { personSlots: number; own?: number } {
  const quick = new SearchState(inst);
  const personSlots = quick.options.reduce((n, own) => n + own.filter(Boolean).length, 0);
  if (personSlots <= EXACT_MAX_PERSON_SLOTS) return { personSlots };
  search(quick, new Map(), { moves: inst.people.length, seed: 1 });
  return { personSlots, own: quick.objective };
}
