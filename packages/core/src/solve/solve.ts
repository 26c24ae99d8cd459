import type { Problem } from "../model/problem";
import type { BoundKind, Rota, SolveStatus } from "../model/rota";
import { HARD_RULES, RULES } from "../rules";
import { pinIssues } from "../rules/pinned";
import { fits, type MilpBackend } from "./backends/backend";
import { certificateOf, gapOf } from "./certificate";
import { DeskrotaInputError } from "./errors";
import { compile, type Instance, type SlotInfo } from "../compile/instance";
import { buildModel } from "../compile/model";
import { rotaOf } from "./output";
import { bestDay, requiredOf } from "./search/dp";
import { bestState, pinnedDays, search, type Pins, type SearchOutcome } from "./search/search";
import { SearchState, type DayPlan } from "./search/state";
import { finishSteady } from "./search/steady-finish";

export interface SolveOptions {
  /** wall-clock budget; needs `clock` */
  timeLimitMs?: number;
  /** milliseconds, monotonic; the core never reads a clock of its own */
  clock?: () => number;
  seed?: number;
  /** search moves: with no clock, the run is deterministic */
  workBudget?: number;
  /** a proven lower bound on the objective (e.g. from `lowerBound`, computed alongside) */
  lowerBound?: number | null;
  /** where `lowerBound` comes from */
  boundKind?: BoundKind;
  /** a MILP backend for exact moves on a few person-days when the search stalls */
  backend?: MilpBackend;
  shouldStop?(): boolean;
  onProgress?(progress: Progress): void;
}

export interface Progress {
  elapsedMs: number;
  objective: number;
  bestBound: number | null;
  gap: number | null;
  /** the rota behind `objective`, built on demand */
  rota(): Rota;
}

export const DEFAULT_TIME_LIMIT_MS = 10_000;
/** Building, checking and scoring the final rota must fit inside the time limit too. */
const FINISHING_SHARE = 0.05;
const FINISHING_MAX_MS = 2_000;
export const DEFAULT_WORK_BUDGET = 20_000;

/**
 * A weekly rota that breaks no hard rule, lists every gap with its reason, and is as good as the
 * search makes it within the limits. The first rota exists after one construction sweep; the
 * search improves it until the deadline or the work budget.
 */
export function solve(problem: Problem, options: SolveOptions = {}): Rota {
  const clock = options.clock;
  const started = clock?.() ?? 0;
  const timeLimitMs = options.timeLimitMs ?? (problem.solver?.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_MS / 1000) * 1000;
  const seed = options.seed ?? problem.solver?.seed ?? 1;
  const workBudget = options.workBudget ?? problem.solver?.workBudget ?? (clock ? undefined : DEFAULT_WORK_BUDGET);
  const inst = compile(canonical(problem));
  const state = startingState(inst);
  const pins = pinsOf(inst);

  const deadline = started + timeLimitMs - Math.min(FINISHING_MAX_MS, timeLimitMs * FINISHING_SHARE);
  let firstRotaMs: number | undefined;
  let stoppedEarly = false;
  const report = (objective: number): Omit<Rota["solver"] & object, "status"> => {
    const bound = options.lowerBound ?? null;
    return {
      backend: options.backend ? `search+${options.backend.name}` : "search",
      timeMs: Math.round((clock?.() ?? started) - started),
      ...(firstRotaMs !== undefined ? { firstRotaMs } : {}),
      objective: round(objective),
      bestBound: bound === null ? null : round(bound),
      gap: gapOf(objective, bound),
      ...(bound !== null && options.boundKind
        ? { boundKind: options.boundKind, certificate: certificateOf(objective, bound, options.boundKind) }
        : {}),
      seed,
    };
  };
  const outcome: SearchOutcome = search(state, pins, {
    seed,
    ...(options.backend ? { backend: options.backend } : {}),
    ...(clock ? { clock, deadline } : {}),
    ...(workBudget !== undefined ? { moves: workBudget } : {}),
    shouldStop: () => {
      stoppedEarly = options.shouldStop?.() ?? false;
      return stoppedEarly;
    },
    onImprove: (current, best) => {
      firstRotaMs ??= Math.round((clock?.() ?? started) - started);
      options.onProgress?.({
        elapsedMs: Math.round((clock?.() ?? started) - started),
        objective: round(best),
        bestBound: options.lowerBound ?? null,
        gap: gapOf(best, options.lowerBound ?? null),
        rota: () => rotaOf(current, { status: "feasible", ...report(best) }),
      });
    },
  });
  const best = bestState(state, outcome);
  finishSteady(best, pins);
  const timedOut = clock !== undefined && clock() >= deadline;
  const proven =
    options.lowerBound !== undefined &&
    options.lowerBound !== null &&
    best.objective - options.lowerBound <= 1e-6 * Math.max(1, Math.abs(best.objective));
  const status: SolveStatus = proven
    ? "optimal"
    : stoppedEarly
      ? "stopped"
      : timedOut
        ? "time-limit"
        : workBudget !== undefined && outcome.moves >= workBudget
          ? "work-limit"
          : "feasible";
  return rotaOf(best, { status, ...report(best.objective), iterations: outcome.moves });
}

/** A lower bound on the objective: the LP relaxation of the shift-column model. */
export function lowerBound(
  problem: Problem,
  backend: MilpBackend,
  options: { timeLimitSeconds?: number } = {},
): number | null {
  const inst = compile(problem);
  // Steady-desk terms only add non-negative costs: leaving them out keeps the bound valid and
  // makes the LP three times faster (docs/decisions.md).
  const model = buildModel(
    inst,
    RULES.filter((r) => r.id !== "steady-desks"),
  );
  if (!fits(backend, model.milp)) return null;
  const result = backend.solve(model.milp, {
    relaxation: true,
    ...(options.timeLimitSeconds !== undefined ? { timeLimitSeconds: options.timeLimitSeconds } : {}),
  });
  return result.status === "optimal" && result.bound !== undefined ? result.bound : null;
}

/**
 * The same problem with sites, service points and people in id order: the search visits them in
 * index order, so without this a reordered input file could give a different rota for the same seed.
 */
export function canonical(problem: Problem): Problem {
  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    ...problem,
    sites: [...problem.sites]
      .sort(byId)
      .map((site) => ({ ...site, servicePoints: [...site.servicePoints].sort(byId) })),
    people: [...problem.people].sort(byId),
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export function pinsOf(inst: Instance): Pins {
  const pins: Pins = new Map();
  for (const pin of inst.pins) {
    const mine = pins.get(pin.person) ?? new Map<number, number>();
    for (const slot of pin.slots) mine.set(slot, pin.point);
    pins.set(pin.person, mine);
  }
  return pins;
}

/**
 * The empty rota plus the pinned stints, each pinned day then planned around its pins (a pin alone
 * may be shorter than the minimum shift). A pinned student first gets a staff member beside them,
 * a pinned shadowing stint an independent colleague. Pins that cannot be kept are an input error.
 */
export function startingState(inst: Instance): SearchState {
  const issues = pinIssues(inst, HARD_RULES);
  if (issues.length > 0)
    throw new DeskrotaInputError(issues.map((i) => ({ path: i.path.join("."), code: i.code, message: i.message })));
  const state = new SearchState(inst);
  const pins = pinsOf(inst);
  const pinnedPlans = new Map([...pins].map(([p, slots]) => [p, pinnedDays(inst, slots)]));
  const days: [number, number][] = [];
  for (const [p, byDay] of pinnedPlans) {
    for (const [day, plan] of byDay) {
      state.setDay(p, day, plan);
      days.push([p, day]);
    }
  }
  // Those who need company (students, shadowing) last: the others may already be their company.
  const needsCompany = (p: number) =>
    inst.people[p]?.student || [...(pins.get(p)?.values() ?? [])].some((k) => state.isShadow(p, k));
  days.sort((a, b) => Number(needsCompany(a[0])) - Number(needsCompany(b[0])));
  for (const [p, day] of days) {
    const slots = pins.get(p) ?? new Map<number, number>();
    for (const { slot: g, point: k } of pinnedPlans.get(p)?.get(day) ?? []) {
      if (state.isShadow(p, k) && state.counted[k * state.G + g] === 0)
        accompany(state, pins, g, k, (q) => inst.people[q]?.training[k] === "independent");
      if (inst.people[p]?.student && !inst.studentAloneAllowed && state.staff[g] === 0)
        accompany(state, pins, g, -2, (q) => !inst.people[q]?.student);
    }
    const required = requiredOf(state, p, day, slots);
    const old = state.setDay(p, day, []);
    const planned = bestDay(state, p, day, required);
    if (!planned) {
      state.setDay(p, day, old);
      const person = inst.people[p];
      throw new DeskrotaInputError([
        {
          path: "pinned",
          code: "pin_conflict",
          message:
            `the pinned stints of ${person?.id} on ${inst.dates[day]} cannot be kept without breaking a hard ` +
            `rule (shift length, hours, rest, or nobody able to be beside them)`,
        },
      ]);
    }
    state.setDay(p, day, planned.plan);
  }
  return state;
}

/**
 * Puts someone who qualifies beside a pinned stint in slot g (at point k, or anywhere on site for
 * k = −2): the cheapest of everyone whose day can include it. Leaves the state as it was if nobody can.
 */
function accompany(state: SearchState, pins: Pins, g: number, k: number, qualifies: (q: number) => boolean): void {
  const inst = state.inst;
  const day = (inst.slots[g] as SlotInfo).day;
  let best: { q: number; plan: DayPlan; objective: number } | undefined;
  for (const person of inst.people) {
    const q = person.index;
    if (!qualifies(q) || (k >= 0 ? !state.options[q]?.[g]?.includes(k) : state.options[q]?.[g] === undefined)) continue;
    const required = requiredOf(state, q, day, pins.get(q));
    required.set(g, k);
    const old = state.setDay(q, day, []);
    const planned = bestDay(state, q, day, required);
    if (planned) {
      state.setDay(q, day, planned.plan);
      if (state.objective < (best?.objective ?? Infinity)) best = { q, plan: planned.plan, objective: state.objective };
    }
    state.setDay(q, day, old);
  }
  if (best) state.setDay(best.q, day, best.plan);
}
