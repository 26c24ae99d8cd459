import { check } from "../check";
import { compile, placementsOf, type Instance, type SlotInfo } from "../compile/instance";
import type { ModelContext } from "../compile/model";
import type { Problem } from "../model/problem";
import type { Rota, RotaInput } from "../model/rota";
import { fits, type MilpBackend } from "./backends/backend";
import { assignmentsOf, placementOf } from "./decode";
import { loadPlacements } from "./load";
import { rotaOf } from "./output";
import { changesFrom, expression, type Expression, levelsOf, repairModel, startOf } from "./repair-exact";
import { SearchState } from "./search/state";
import { canonical } from "./solve";

export interface FewestAlternativeChanges {
  /** person-slots the alternative places differently from the balanced rota */
  changes: number;
  /** the fewest the exact model found for a rota holding the alternative's figures (null: none in time) */
  minimum: number | null;
  /** no rota holding the alternative's figures changes fewer person-slots than this */
  bound: number;
  /** `minimum` is proven the fewest */
  proven: boolean;
  /** the best rota the model found */
  rota?: RotaInput;
}

/**
 * How close an alternative is to the balanced rota, against the exact minimum (docs/benchmarks.md,
 * "Alternatives against the fewest changes"): a MILP of the hard rules over the whole week that
 * holds the alternative's headline figures — minimum cover, a lead and a keyholder each no worse,
 * and the goal its profile is named for no worse — and minimises the person-slots placed
 * differently from the balanced rota, starting from the alternative itself. The goal is held in the
 * model's own terms (hours per slot worked), the alternative's value computed the same way, so the
 * alternative is always a solution of it.
 */
export function fewestAlternativeChanges(
  problem: Problem,
  balanced: RotaInput,
  alternative: RotaInput,
  profile: string,
  options: ExactLimits,
): FewestAlternativeChanges {
  return fewest(problem, balanced, alternative, alternative, profile, options);
}

/**
 * Which person-days the model may change, from the placement it starts at, the balanced rota's and
 * the alternative's; every other person-day keeps the starting plan. Undefined: the whole week is open.
 */
type Opening = (
  inst: Instance,
  at: readonly Int16Array[],
  reference: readonly Int16Array[],
  held: readonly Int16Array[],
) => PersonDays;
/** Per person, the date indices open to the model. */
type PersonDays = Set<number>[];

/**
 * The model above holding `alternative`'s figures, started from `start` (the alternative or a rota
 * already closer that holds them), with only the person-days `opening` names open (all without one)
 * and `share` of the seconds left.
 */
function fewest(
  problem: Problem,
  balanced: RotaInput,
  alternative: RotaInput,
  start: RotaInput,
  profile: string,
  options: ExactLimits,
  opening?: Opening,
  share = 1,
): FewestAlternativeChanges {
  const inst = compile(canonical(problem), { reference: { assignments: balanced.assignments, now: -Infinity } });
  const held = placementsOf(inst, alternative.assignments);
  const at = start === alternative ? held : placementsOf(inst, start.assignments);
  const changes = changesFrom(inst, at);
  const counted = countedBound(inst, profile, held);
  if (changes <= counted) return { changes, minimum: changes, bound: changes, proven: true };
  // Building the model takes a second or two on the typical week: not begun without time for HiGHS.
  if ((options.secondsLeft?.() ?? Infinity) * share < MIN_SECONDS)
    return { changes, minimum: null, bound: counted, proven: false };
  const model = repairModel(inst, options.backend);
  // A dense backend is not given a whole week (backends/backend.ts, `fits`).
  if (!fits(options.backend, model.ctx.milp)) return { changes, minimum: null, bound: counted, proven: false };
  const levels = levelsOf(inst, held);
  for (const level of ["cover", "lead", "keyholder"] as const) model.atMost(model.levels[level], levels[level]);
  const goal = GOALS[profile]?.(model.ctx, held);
  if (goal) model.atMost(goal.expression, goal.held);
  if (opening) keepClosedDays(model.ctx, at, opening(inst, at, inst.reference?.at ?? [], held));
  // Read once the model is built: building the week's model takes a second or two of the time.
  const seconds = Math.min(options.timeLimitSeconds ?? Infinity, (options.secondsLeft?.() ?? Infinity) * share);
  if (seconds < MIN_SECONDS) return { changes, minimum: null, bound: counted, proven: false };
  const limit = {
    ...(Number.isFinite(seconds) ? { timeLimitSeconds: seconds } : {}),
    ...(options.nodeLimit !== undefined ? { nodeLimit: options.nodeLimit } : {}),
  };
  const found = model.minimise(model.changes, startOf(model.ctx, at), limit);
  const bound = Math.min(changes, Math.max(counted, Math.ceil((found.bound ?? 0) - 1e-6)));
  if (!found.x) return { changes, minimum: null, bound, proven: false };
  const minimum = Math.round(model.changes.value(found.x));
  return {
    changes,
    minimum,
    bound: Math.min(bound, minimum),
    // A restricted model's optimum is no proof for the week; the counting bound is.
    proven: (!opening && found.status === "optimal") || bound >= minimum,
    rota: { assignments: assignmentsOf(inst, placementOf(model.ctx, found.x)) },
  };
}

/**
 * The counting bound: no rota holding `held`'s goal changes fewer person-slots than this, as each
 * person-slot placed differently from the balanced rota moves Σ |hours − target| or the net hours of
 * wishes by at most that slot's hours. A proof for the whole week with no MILP (docs/decisions.md §13c).
 */
export function countedBound(inst: Instance, profile: string, held: readonly Int16Array[]): number {
  const from = goalFigure(inst, profile, inst.reference?.at ?? []);
  const to = goalFigure(inst, profile, held);
  if (from === undefined || to === undefined) return 0;
  const longest = inst.slots.reduce((most, _, g) => Math.max(most, hoursOf(inst, g)), 0);
  return longest > 0 ? Math.max(0, Math.ceil((from - to) / longest - 1e-6)) : 0;
}

/** Fixes each person's work on every date not open to the model to what `at` plans there. */
function keepClosedDays(ctx: ModelContext, at: readonly Int16Array[], open: PersonDays): void {
  const { inst, milp } = ctx;
  ctx.workByPerson.forEach((own, p) => {
    for (const [g, list] of own) {
      if (open[p]?.has((inst.slots[g] as SlotInfo).day)) continue;
      for (const w of list) {
        if (at[p]?.[g] === w.point) milp.lower[w.variable] = 1;
        else milp.upper[w.variable] = 0;
      }
    }
  });
}

/** The person-days `at` plans differently from the balanced rota: what the alternative changed. */
const changedDays: Opening = (inst, at, reference) =>
  inst.people.map((_, p) => {
    const days = new Set<number>();
    (at[p] ?? []).forEach((k, g) => {
      if (k !== (reference[p]?.[g] ?? -1)) days.add((inst.slots[g] as SlotInfo).day);
    });
    return days;
  });

/**
 * Every person-day at a site on a date where the alternative changed something, or where someone's
 * wish is not met (preferences-first): the fewest rota may move people the alternative left alone —
 * someone who covers a changed slot in another way, or a wish met more cheaply on another day
 * (docs/decisions.md §13c).
 */
function siteDates(profile: string): Opening {
  return (inst, at, reference) => {
    const open = new Set<number>();
    const mark = (g: number) => {
      const slot = inst.slots[g] as SlotInfo;
      open.add(slot.site * inst.dates.length + slot.day);
    };
    inst.people.forEach((person, p) => {
      (at[p] ?? []).forEach((k, g) => {
        if (k !== (reference[p]?.[g] ?? -1)) mark(g);
        const wish = profile === "preferences-first" ? (person.preference[g] ?? 0) : 0;
        if ((wish > 0 && k < 0) || (wish < 0 && k >= 0)) mark(g);
      });
    });
    return inst.people.map((person) => {
      const days = new Set<number>();
      person.available.forEach((free, g) => {
        const slot = inst.slots[g] as SlotInfo;
        if (free && open.has(slot.site * inst.dates.length + slot.day)) days.add(slot.day);
      });
      return days;
    });
  };
}

/**
 * The whole week of every person whose plan the alternative changed, with every person-day at the
 * site-dates around its changes — of the alternative's, not the closer start's, which name fewer
 * people: a person's hours count over the week, so the fewest rota for a fairness goal often moves
 * the same people on other dates (s001 on Thursday instead of Tuesday on the typical week), which no
 * set of site-dates holds short of the whole week (docs/decisions.md §13c).
 */
function personWeeks(profile: string): Opening {
  const around = siteDates(profile);
  return (inst, _at, reference, held) => {
    const open = around(inst, held, reference, held);
    const week = new Set(inst.dates.map((_, day) => day));
    inst.people.forEach((_, p) => {
      if ((held[p] ?? []).some((k, g) => k !== (reference[p]?.[g] ?? -1))) open[p] = new Set(week);
    });
    return open;
  };
}

/** The exact model's backend and its limits: seconds of wall clock, or nodes (deterministic). */
export interface ExactLimits {
  backend: MilpBackend;
  timeLimitSeconds?: number;
  /** the seconds left of the caller's deadline, read when the model is built and the solve starts */
  secondsLeft?: () => number;
  nodeLimit?: number;
}

/** Less time than this left is not worth starting HiGHS for. */
const MIN_SECONDS = 0.5;

/**
 * The alternative moved as close to the balanced rota as the exact model finds it can be, in three
 * models each started from the closest rota so far (docs/decisions.md §13c): only the person-days it
 * changed open; then every person-day at the site-dates around them; then the whole weeks of the
 * people the alternative changed with the site-dates around its changes. Its rota when it changes
 * fewer person-slots than the alternative and the independent checker finds no hard rule broken in
 * it, else undefined; on a clock each model gets an even share of what is left. The goal and gap
 * levels are held by the model; whether the result is still an alternative worth offering is for
 * the caller to judge.
 */
export function closerByExact(
  problem: Problem,
  judge: Instance,
  balanced: RotaInput,
  alternative: RotaInput & Pick<Rota, "solver">,
  profile: string,
  limits: ExactLimits,
): Rota | undefined {
  const openings = [changedDays, siteDates(profile), personWeeks(profile)];
  let closest: RotaInput | undefined;
  openings.forEach((opening, i) => {
    const start = closest ?? alternative;
    const found = fewest(problem, balanced, alternative, start, profile, limits, opening, 1 / (openings.length - i));
    if (found.rota && found.minimum !== null && found.minimum < found.changes) closest = found.rota;
  });
  if (!closest) return undefined;
  const state = new SearchState(judge);
  loadPlacements(state, placementsOf(judge, closest.assignments));
  const rota = rotaOf(state, {
    ...(alternative.solver ?? UNREPORTED),
    objective: Math.round(state.objective * 1000) / 1000,
  });
  return check(problem, rota).valid ? rota : undefined;
}

/** The solver report of a rota made without one (a hand-made alternative in a test). */
export const UNREPORTED = {
  status: "feasible" as const,
  backend: "search",
  timeMs: 0,
  objective: 0,
  bestBound: null,
  gap: null,
  iterations: 0,
};

/** A profile's goal as an expression to hold at most `held` (its value in the alternative). */
type GoalModel = (ctx: ModelContext, at: readonly Int16Array[]) => { expression: Expression; held: number };

/** Hours of each slot, as the metrics count them (a slot's own length: a DST night's is what it is). */
const hoursOf = (inst: Instance, g: number) => {
  const slot = inst.slots[g] as SlotInfo;
  return (slot.end - slot.start) / 3_600_000;
};

/**
 * A profile's goal as one figure of a placement, lower is better, as the exact model counts it:
 * Σ |hours − target| for fairness-first, less the net hours of wishes met for preferences-first;
 * 0 for coverage-first (its goal is the gap levels, held on their own); undefined for others.
 */
export function goalFigure(inst: Instance, profile: string, at: readonly Int16Array[]): number | undefined {
  const worked = (p: number, visit: (g: number) => void) =>
    (at[p] ?? []).forEach((k, g) => {
      if (k >= 0) visit(g);
    });
  if (profile === "coverage-first") return 0;
  if (profile === "fairness-first")
    return inst.people.reduce((sum, person, p) => {
      let hours = 0;
      worked(p, (g) => {
        hours += hoursOf(inst, g);
      });
      return sum + Math.abs(hours - (person.targetSlots * inst.slotMinutes) / 60);
    }, 0);
  if (profile === "preferences-first") {
    let net = 0;
    inst.people.forEach((person, p) => {
      worked(p, (g) => {
        net += Math.sign(person.preference[g] ?? 0) * hoursOf(inst, g);
      });
    });
    return -net;
  }
  return undefined;
}

const GOALS: Record<string, GoalModel> = {
  // Its goal is the sum of the three gap levels, each already held.
  "coverage-first": () => ({ expression: expression([], [], 0), held: 0 }),
  // Σ |hours − target| over people (the mean's numerator), with d ≥ ±(hours − target) per person.
  "fairness-first": (ctx, at) => {
    const { inst, milp } = ctx;
    const deviations: number[] = [];
    inst.people.forEach((person, p) => {
      const indices: number[] = [];
      const values: number[] = [];
      for (const [g, list] of ctx.workByPerson[p] ?? [])
        for (const w of list) {
          indices.push(w.variable);
          values.push(hoursOf(inst, g));
        }
      const d = milp.continuous(`deviation[${person.id}]`, 0, Infinity);
      const target = (person.targetSlots * inst.slotMinutes) / 60;
      milp.addRow("deviation-over", [...indices, d], [...values, -1], -Infinity, target);
      milp.addRow("deviation-under", [...indices, d], [...values.map((v) => -v), -1], -Infinity, -target);
      deviations.push(d);
    });
    return {
      expression: expression(
        deviations,
        deviations.map(() => 1),
        0,
      ),
      held: (goalFigure(inst, "fairness-first", at) ?? 0) + 1e-6,
    };
  },
  // Hours worked inside wished-for slots less those inside "would rather not" ones, no fewer.
  "preferences-first": (ctx, at) => {
    const { inst } = ctx;
    const indices: number[] = [];
    const values: number[] = [];
    inst.people.forEach((person, p) => {
      for (const [g, list] of ctx.workByPerson[p] ?? []) {
        const wish = Math.sign(person.preference[g] ?? 0);
        if (wish === 0) continue;
        for (const w of list) {
          indices.push(w.variable);
          values.push(-wish * hoursOf(inst, g));
        }
      }
    });
    return {
      expression: expression(indices, values, 0),
      held: (goalFigure(inst, "preferences-first", at) ?? 0) + 1e-6,
    };
  },
};
