import type { Instance, SlotInfo } from "../../compile/instance";
import { ANY_POINT, bestDay, bestDays, requiredOf, type Required } from "./dp";
import type { MilpBackend } from "../backends/backend";
import { Polisher } from "./polish";
import { random, shuffle, type Random } from "./random";
import { SearchState, type DayPlan, type ShiftRun } from "./state";
import { hasTwoSiteStaff, sitePair } from "./sites";
import { shortStintNeighbourhood } from "./steady";
import { START_SWEEPS, startShare } from "./start";
import { LateAcceptance } from "./acceptance";

export interface SearchLimits {
  /** milliseconds on `clock` after which to stop; omitted in deterministic runs */
  deadline?: number;
  clock?: () => number;
  /** moves to try: the deterministic work budget */
  moves?: number;
  seed?: number;
  shouldStop?(): boolean;
  /** called whenever the best rota improves */
  onImprove?(state: SearchState, best: number): void;
  /** a MILP backend for exact moves on a few person-days at once; none: the search's own moves only */
  backend?: MilpBackend;
  /** start from the state as given (a re-solve repairs a published rota instead of building one) */
  skipConstruction?: boolean;
  /** slots to work around first (a re-solve: the gaps the change opened) */
  focus?: readonly number[];
  /** stop after this many moves without a better rota (a repair settles quickly) */
  stallLimit?: number;
  /** most person-days one move ruins (default 8) */
  ruinSize?: number;
}

/** Exact moves take at most this share of the time, and only once the search's own moves stall. */
const POLISH_SHARE = 0.2;
const STALL_MOVES = 5000;
/** Without a clock (deterministic runs), an exact move every this many moves, with a node budget. */
const POLISH_EVERY = 2000;
const POLISH_NODES = 500;
/** People whose whole weeks an exact move away from the hard gaps frees together. */
const POLISH_PEERS = 3;
/**
 * Unmet minimum cover and time without a lead or keyholder ("hard gaps") are a handful of slots
 * among thousands, which random seeds rarely reach: half the exact moves start at one of them (one
 * whose last exact move found nothing waits until another succeeds).
 */
const HARD_GAP_POLISH_SHARE = 0.5;
/**
 * Share of the moves at a gap whose first re-plan is one of the people who could fill it, made to
 * fill it: whoever then takes over their old desks is re-planned after them. Left to choose, the
 * person often keeps their own day (a lead's shift would have to move and uncover another desk).
 * Measured on typical-week at 10 s, 16 seeds: 0.3, 0.5, 0.8 and 1 alike, all better than none
 * (docs/decisions.md).
 */
const FORCED_SHARE = 0.5;
/**
 * Moves that give hours to someone far below their target (`hoursNeighbourhood`) take this share of
 * the moves while the hours against targets are most of the objective (re-read every HOURS_REFRESH
 * moves). On the large system (72 % of it) they lowered the objective by 6 % at 60 s, cover gaps
 * unchanged; on the typical week (16 %, its gaps most of the rest) they left more time without a
 * lead, so there the moves stay on the gaps (docs/decisions.md).
 */
const HOURS_SHARE = 0.3;
/**
 * Share of the moves that start at a stint under an hour (steady.ts), where such stints cost
 * anything. Typical-week and dst-week, `shortStints` 40, 40 000 moves, three seeds: 0.3 left 4.2 % and 2.5 % of
 * stints under an hour (median), 0.1 left 6.8 % and 1.0 %, none 7.6 % and 4.2 %; unmet cover and
 * time without a lead the same (docs/benchmarks.md, issue 19 round two).
 */
const SHORT_SHARE = 0.3;
/**
 * Share of the moves that re-plan the weeks of someone below their target and a colleague at two
 * sites (sites.ts), where the hours are not most of the objective after construction (beside the
 * hours moves, on large-system, they left half an hour of cover unmet). Typical-week, 40 000
 * moves, 24 seeds: median mean |hours − target| 2.68 h against 2.77 h at 0.02, gaps the same; at
 * 0.05 more unmet cover (docs/benchmarks.md).
 */
const SITE_SHARE = 0.02;
const HOURS_MAJORITY = 0.5;
const HOURS_REFRESH = 256;
/** people drawn to find the one furthest below their target */
const HOURS_DRAWS = 8;
/** people re-planned over their whole week in an exact move at a hard gap */
const POLISH_WEEKS = 2;
/** other person-days of the gap's site and day in such a move */
const POLISH_SITE_DAY = 16;
/** how far from a hard gap a colleague's shift may be and still join its exact move */
const NEARBY_MS = 3 * 3_600_000;

export interface SearchOutcome {
  moves: number;
  improvements: number;
  best: number;
  /** the best rota seen: person → point per slot */
  bestAt: Int16Array[];
  bestShifts: SearchState["shifts"];
}

/** A search state holding the outcome's best rota. */
export function bestState(searched: SearchState, outcome: SearchOutcome): SearchState {
  const inst = searched.inst;
  const state = new SearchState(inst, searched);
  outcome.bestShifts.forEach((byDay, p) => {
    byDay.forEach((runs, day) => {
      const plan: DayPlan = [];
      for (const run of runs) {
        for (let g = run.first; g >= 0; g = (inst.slots[g] as SlotInfo).next) {
          plan.push({ slot: g, point: outcome.bestAt[p]?.[g] ?? -1 });
          if (g === run.last) break;
        }
      }
      if (plan.length > 0) state.setDay(p, day, plan);
    });
  });
  return state;
}

/**
 * The best rota's placements alone (per person, the point per slot, −1 where not working): what
 * `bestState(…).at` holds, without building a state and pricing every day only to read them (a
 * re-solve and an alternative judge them in a state of their own weights).
 */
export function bestPlacements(inst: Instance, outcome: SearchOutcome): Int16Array[] {
  return outcome.bestShifts.map((byDay, p) => {
    const at = new Int16Array(inst.slots.length).fill(-1);
    const best = outcome.bestAt[p];
    for (const runs of byDay)
      for (const run of runs)
        for (let g = run.first; g >= 0; g = (inst.slots[g] as SlotInfo).next) {
          at[g] = best?.[g] ?? -1;
          if (g === run.last) break;
        }
    return at;
  });
}

/** person → slot → pinned point */
export type Pins = Map<number, Map<number, number>>;

/**
 * One person's pinned slots as day plans: a run of back-to-back slots belongs to the day it starts
 * on, as a shift does, even where it runs past midnight.
 */
export function pinnedDays(inst: Instance, slots: ReadonlyMap<number, number>): Map<number, DayPlan> {
  const byDay = new Map<number, DayPlan>();
  let run = { last: -1, day: -1 };
  for (const [slot, point] of [...slots].sort(
    (a, b) => (inst.slots[a[0]] as SlotInfo).start - (inst.slots[b[0]] as SlotInfo).start,
  )) {
    const info = inst.slots[slot] as SlotInfo;
    run = { last: slot, day: info.prev >= 0 && info.prev === run.last ? run.day : info.day };
    byDay.set(run.day, [...(byDay.get(run.day) ?? []), { slot, point }]);
  }
  return byDay;
}

type Journal = { p: number; day: number; old: DayPlan }[];

/**
 * Local search over whole person-days. A move ruins a handful of person-days around a gap or at
 * random and recreates each with the exact day DP (everyone else fixed); late acceptance lets the
 * search walk through slightly worse rotas to escape local optima. Every state it passes through
 * satisfies every hard rule, so the best rota can be reported at any moment.
 */
export function search(state: SearchState, pins: Pins, limits: SearchLimits): SearchOutcome {
  const rng = random(limits.seed ?? 1);
  const inst = state.inst;
  const days = inst.dates.length;
  const outcome: SearchOutcome = { moves: 0, improvements: 0, best: state.objective, bestAt: [], bestShifts: [] };
  /** the move count at the last improvement of the best rota */
  let lastGain = 0;
  /**
   * per person: the state's version of them in the best rota kept (a copy of the whole rota per improvement was ~2 MB
   * on the large system)
   */
  const kept = new Uint32Array(state.P).fill(-1 >>> 0);
  const snapshot = () => {
    outcome.best = state.objective;
    state.at.forEach((at, p) => {
      const version = state.versions[p] as number;
      if (kept[p] === version) return;
      kept[p] = version;
      const best = outcome.bestAt[p];
      if (best) best.set(at);
      else outcome.bestAt[p] = at.slice();
      outcome.bestShifts[p] = (state.shifts[p] ?? []).map((runs) => runs.map((r) => ({ ...r })));
    });
  };
  const stop = () =>
    (limits.shouldStop?.() ?? false) ||
    (limits.deadline !== undefined && limits.clock !== undefined && limits.clock() >= limits.deadline) ||
    (limits.moves !== undefined && outcome.moves >= limits.moves) ||
    (limits.stallLimit !== undefined && outcome.moves - lastGain >= limits.stallLimit);
  const improved = () => {
    if (state.objective < outcome.best - 1e-9) {
      snapshot();
      outcome.improvements++;
      limits.onImprove?.(state, outcome.best);
    }
  };

  /**
   * Re-plans one person-day, keeping the journal; false when its requirements cannot be met. With
   * a gap, the person must fill it (their day is planned around it).
   */
  const replan = (p: number, day: number, journal: Journal, gap?: Seed): boolean => {
    const required = requiredOf(state, p, day, pins.get(p));
    if (gap && !required.has(gap.slot)) required.set(gap.slot, gap.point >= 0 ? gap.point : ANY_POINT);
    const old = state.setDay(p, day, []);
    journal.push({ p, day, old });
    const result = bestDay(state, p, day, required);
    if (!result) return false;
    state.setDay(p, day, result.plan);
    return true;
  };
  const revert = (journal: Journal) => state.undo(journal);
  /**
   * Re-plans a person's whole week at once (hours go where they help most), in at most `most`
   * slots; false on failure.
   */
  const replanWeek = (p: number, journal: Journal, most = Infinity): boolean => {
    const required = new Map<number, Required>();
    for (let day = 0; day < days; day++) required.set(day, requiredOf(state, p, day, pins.get(p)));
    for (let day = 0; day < days; day++) journal.push({ p, day, old: state.setDay(p, day, []) });
    const best = bestDays(state, p, allDays, required, undefined, most);
    if (!best) return false;
    for (const [day, plan] of best.plans) state.setDay(p, day, plan);
    return true;
  };
  const allDays = inst.dates.map((_, d) => d);

  snapshot();
  // Construction and first descent: best response for every person's week, staff before students
  // (students need staff on site) and leads first, until a sweep changes nothing. Where the hours
  // against targets are most of the objective after the first sweep, the construction starts again
  // with sweeps that let each person work only a growing share of their target (`startShare`).
  const order = inst.people
    .map((p) => p.index)
    .sort(
      (a, b) =>
        Number(inst.people[a]?.student) - Number(inst.people[b]?.student) ||
        Number(inst.people[b]?.lead) - Number(inst.people[a]?.lead),
    );
  let capped = false;
  /** every change of the first uncapped sweep, to take back */
  const firstSweep: Journal = [];
  for (let sweep = 0; sweep < (limits.skipConstruction ? 0 : 20) && !stop(); sweep++) {
    const before = state.objective;
    for (const p of order) {
      if (stop()) break;
      const was = state.objective;
      const journal: Journal = [];
      const most = capped ? startShare(inst, p, sweep) : Infinity;
      if (!replanWeek(p, journal, most) || state.objective > was + 1e-9) revert(journal);
      if (sweep === 0 && !capped) firstSweep.push(...journal);
      outcome.moves++;
      if (sweep === 0) improved();
    }
    improved();
    if (sweep === 0 && !capped && !stop() && hoursPart(state) >= HOURS_MAJORITY) {
      revert(firstSweep);
      capped = true;
      sweep = -1;
      continue;
    }
    if (state.objective > before - 1e-6 && !(capped && sweep < START_SWEEPS)) break;
  }

  let polisher: Polisher | undefined;
  let polishMs = 0;
  lastGain = outcome.moves;
  const searchStart = limits.clock?.() ?? 0;
  /** hard gaps whose exact move found nothing since an exact move at a hard gap last succeeded */
  const tried = new Set<number>();
  const untried = () => hardGapsOf(state).filter((g) => !tried.has(g));
  const polishDue = () => {
    if (!limits.backend) return false;
    if (!limits.clock) return outcome.moves > 0 && outcome.moves % POLISH_EVERY === 0;
    const elapsed = limits.clock() - searchStart;
    return outcome.moves - lastGain >= STALL_MOVES && polishMs < POLISH_SHARE * elapsed;
  };
  const polish = () => {
    polisher ??= new Polisher(state, limits.backend as MilpBackend);
    const started = limits.clock?.() ?? 0;
    const remaining = limits.deadline !== undefined && limits.clock ? (limits.deadline - started) / 1000 : undefined;
    // No more than the share allows so far: an exact move early in a short run must not take seconds from the search.
    const allowance = (POLISH_SHARE * (started - searchStart) - polishMs) / 1000;
    const budget = limits.clock
      ? { timeLimitSeconds: Math.max(0.2, Math.min(2, remaining ?? 2, allowance)) }
      : { nodeLimit: POLISH_NODES };
    const gaps = untried();
    const hard =
      gaps.length > 0 && rng() < HARD_GAP_POLISH_SHARE
        ? seedAt(state, gaps[Math.floor(rng() * gaps.length)] as number)
        : undefined;
    const gain = polisher.improve(hard ? polishWeeks(state, rng, hard) : polishPeers(state, rng), {
      ...budget,
      seed: limits.seed ?? 1,
    });
    if (hard && gain < 0) tried.clear();
    else if (hard) tried.add(hard.slot);
    polishMs += (limits.clock?.() ?? 0) - started;
    return gain;
  };

  // Late acceptance hill climbing over ruin-and-recreate moves, with exact moves when it stalls.
  let hoursShare = 0;
  const shortShare = state.w.shortStints > 0 && state.shortSlots > 1 && limits.focus === undefined ? SHORT_SHARE : 0;
  const siteShare =
    limits.focus === undefined && hasTwoSiteStaff(state) && hoursPart(state) < HOURS_MAJORITY ? SITE_SHARE : 0;
  const acceptance = new LateAcceptance(inst.people.length, state.objective);
  /** A move over a few person-days at a gap, a short stint, or for someone's hours. */
  const dayMove = (journal: Journal): boolean => {
    let ok = true;
    const hours =
      hoursShare > 0 && rng() < hoursShare ? hoursNeighbourhood(state, rng, limits.ruinSize ?? 8) : undefined;
    const steady =
      !hours && shortShare > 0 && rng() < shortShare
        ? shortStintNeighbourhood(state, rng, moveSize(rng, limits.ruinSize ?? 8))
        : undefined;
    const {
      picked: chosen,
      seed,
      fillers,
    } = hours ??
    (steady
      ? { picked: steady, seed: NO_SEED, fillers: 0 }
      : neighbourhood(state, rng, limits.focus, limits.ruinSize ?? 8));
    // Ruin: clear what can be cleared now, then recreate everything chosen in random order.
    for (const [p, day] of chosen) {
      if (requiredOf(state, p, day, pins.get(p)).size > 0) continue;
      journal.push({ p, day, old: state.setDay(p, day, []) });
    }
    const forced = hours
      ? chosen[0]
      : seed.point !== -2 && fillers > 0 && rng() < FORCED_SHARE
        ? (chosen[Math.floor(rng() * fillers)] as [number, number])
        : undefined;
    if (forced) ok = replan(forced[0], forced[1], journal, seed);
    for (const [p, day] of shuffle(rng, chosen)) {
      if (!ok) break;
      if (p === forced?.[0] && day === forced[1]) continue;
      ok = replan(p, day, journal);
    }
    return ok;
  };
  while (!stop()) {
    if (polishDue()) {
      if (polish() < 0) lastGain = outcome.moves;
      outcome.moves++;
      improved();
      continue;
    }
    const before = state.objective;
    const journal: Journal = [];
    let ok = true;
    if (outcome.moves % HOURS_REFRESH === 0) {
      hoursShare = limits.focus === undefined && hoursPart(state) >= HOURS_MAJORITY ? HOURS_SHARE : 0;
      acceptance.shorten(hoursShare > 0, state.objective);
    }
    const pair = siteShare > 0 && rng() < siteShare ? sitePair(state, rng) : undefined;
    if (pair) {
      const [under, colleague] = pair;
      for (let day = 0; day < days; day++) {
        if (requiredOf(state, colleague, day, pins.get(colleague)).size > 0) continue;
        journal.push({ p: colleague, day, old: state.setDay(colleague, day, []) });
      }
      ok = replanWeek(under, journal) && replanWeek(colleague, journal);
    } else ok = dayMove(journal);
    if (!(ok && acceptance.accepts(outcome.moves, before, state.objective))) revert(journal);
    acceptance.record(outcome.moves, state.objective);
    outcome.moves++;
    if (state.objective < outcome.best - 1e-9) lastGain = outcome.moves;
    improved();
  }
  return outcome;
}

/** A move that starts at no gap. */
const NO_SEED: Seed = { slot: 0, point: -2 };

/** The gap a move works on: a slot, what is missing there, and the point for cover. */
interface Seed {
  slot: number;
  /**
   * a point short of people, or -1 for a site without lead/keyholder (without a qualification: any point), or -2 for no
   * gap
   */
  point: number;
  qualification?: "lead" | "keyholder";
}

/**
 * A few person-days that interact around a gap: people at that site who could fill it (the first
 * `fillers` of the pairs), and people working at that site that day.
 */
function neighbourhood(
  state: SearchState,
  rng: Random,
  focus: readonly number[] | undefined,
  most: number,
): { picked: [number, number][]; seed: Seed; fillers: number } {
  const inst = state.inst;
  const seed =
    focus && focus.length > 0 && rng() < 0.8
      ? seedAt(state, focus[Math.floor(rng() * focus.length)] as number)
      : pickSeed(state, rng);
  const slot = inst.slots[seed.slot] as SlotInfo;
  const day = Math.max(0, slot.day);
  const size = moveSize(rng, most);
  const [able, working] = sortPeople(
    state,
    slot.site,
    (p) => canFill(state, p, seed),
    (p) => worksOn(state, p, day),
  );
  const fillers = shuffle(rng, able).slice(0, Math.ceil(size / 2));
  const picked = [...fillers, ...shuffle(rng, working).slice(0, Math.floor(size / 2))].map((p): [number, number] => [
    p,
    day,
  ]);
  // Sometimes widen to the neighbouring day so that rest and weekly hours can move too.
  if (rng() < 0.2 && picked.length > 0) {
    const [p] = picked[Math.floor(rng() * picked.length)] as [number, number];
    const other = day + (rng() < 0.5 ? -1 : 1);
    if (other >= 0 && other < inst.dates.length) picked.push([p, other]);
  }
  return { picked, seed, fillers: fillers.length };
}

/** How many person-days a move ruins: 3 to 8, at most `most`. */
function moveSize(rng: Random, most: number): number {
  return Math.min(most, 3 + Math.floor(rng() * 6));
}

/** The share of the objective that is hours against targets (0 when the objective is not positive). */
function hoursPart(state: SearchState): number {
  if (state.objective <= 0) return 0;
  let total = 0;
  for (let p = 0; p < state.P; p++) total += state.hoursCost(p);
  return Math.min(1, total / state.objective);
}

/**
 * Hours for someone far below their target: of a few people drawn, the one whose penalty one more
 * slot lowers most; a slot they could work and do not, which they must take; and colleagues working
 * at that site that day, who may give up the hours. The hours against targets are most of a large
 * week's objective, and the moves that start at a slot rarely pick whoever is short of them.
 */
function hoursNeighbourhood(
  state: SearchState,
  rng: Random,
  most: number,
): { picked: [number, number][]; seed: Seed; fillers: number } | undefined {
  const inst = state.inst;
  let chosen = -1;
  let gain = 1e-9;
  for (let draw = 0; draw < HOURS_DRAWS; draw++) {
    const p = Math.floor(rng() * state.P);
    const saved = state.hoursCost(p) - state.hoursCost(p, 1);
    if (saved > gain) [chosen, gain] = [p, saved];
  }
  const person = inst.people[chosen];
  if (!person || person.sites.length === 0) return undefined;
  for (let tries = 0; tries < 30; tries++) {
    const site = person.sites[Math.floor(rng() * person.sites.length)] as number;
    const slots: readonly number[] = inst.sites[site]?.slots ?? [];
    const g = slots[Math.floor(rng() * slots.length)];
    if (g === undefined || state.options[chosen]?.[g] === undefined || (state.at[chosen]?.[g] as number) >= 0) continue;
    const slot = inst.slots[g] as SlotInfo;
    const day = Math.max(0, slot.day);
    const [working] = sortPeople(
      state,
      slot.site,
      (p) => p !== chosen && worksOn(state, p, day),
      () => false,
    );
    const size = moveSize(rng, most);
    const picked = [chosen, ...shuffle(rng, working).slice(0, size - 1)].map((p): [number, number] => [p, day]);
    return { picked, seed: { slot: g, point: -1 }, fillers: 1 };
  }
  return undefined;
}

/**
 * The whole weeks of a few people at one site who can stand in for each other (the same lead and
 * keyholder qualifications). Hours and cover change hands between them across days — a lead takes
 * a colleague's Monday so that the colleague can take a third lead's Tuesday — a chain that moves
 * on one day at a time do not make: each step alone leaves a desk or a lead gap open.
 */
export function polishPeers(state: SearchState, rng: Random): [number, number][] {
  const inst = state.inst;
  const p = Math.floor(rng() * state.P);
  const person = inst.people[p];
  if (!person || person.sites.length === 0) return [];
  const site = person.sites[Math.floor(rng() * person.sites.length)] as number;
  const [peers] = sortPeople(
    state,
    site,
    (q) => q !== p && inst.people[q]?.lead === person.lead && inst.people[q]?.keyholder === person.keyholder,
    () => false,
  );
  return weeksOf(inst, [p, ...shuffle(rng, peers).slice(0, POLISH_PEERS - 1)]);
}

/** Every day of these people's weeks, as person-days. */
function weeksOf(inst: Instance, people: readonly number[]): [number, number][] {
  return people.flatMap((p) => inst.dates.map((_, day): [number, number] => [p, day]));
}

/**
 * Around a hard gap: two people who could fill it over their whole weeks (one at the weekly
 * maximum can take the gap only by giving up hours on another day), and that day the others who
 * could fill it and the colleagues at that site near it in time (who can take over a desk while
 * someone moves, the way round a stint limit).
 */
function polishWeeks(state: SearchState, rng: Random, seed: Seed): [number, number][] {
  const inst = state.inst;
  const slot = inst.slots[seed.slot] as SlotInfo;
  const day = Math.max(0, slot.day);
  const near = (run: ShiftRun) => {
    const first = inst.slots[run.first] as SlotInfo;
    return (
      first.site === slot.site &&
      first.start < slot.end + NEARBY_MS &&
      (inst.slots[run.last] as SlotInfo).end > slot.start - NEARBY_MS
    );
  };
  const [able, working] = sortPeople(
    state,
    slot.site,
    (p) => canFill(state, p, seed),
    (p) => state.shifts[p]?.[day]?.some(near) ?? false,
  );
  const fillers = shuffle(rng, able);
  const weeks = weeksOf(inst, fillers.slice(0, POLISH_WEEKS));
  return [
    ...weeks,
    ...[...fillers.slice(POLISH_WEEKS), ...working].slice(0, POLISH_SITE_DAY).map((p): [number, number] => [p, day]),
  ];
}

/** The people of a site in two lists: those for whom `first` holds, and of the others those for whom `second` does. */
function sortPeople(
  state: SearchState,
  site: number,
  first: (p: number) => boolean,
  second: (p: number) => boolean,
): [number[], number[]] {
  const firsts: number[] = [];
  const seconds: number[] = [];
  for (const person of state.inst.people) {
    if (!person.sites.includes(site)) continue;
    if (first(person.index)) firsts.push(person.index);
    else if (second(person.index)) seconds.push(person.index);
  }
  return [firsts, seconds];
}

function worksOn(state: SearchState, p: number, day: number): boolean {
  return (state.shifts[p]?.[day]?.length ?? 0) > 0;
}

/** Slots with unmet minimum cover someone could fill, or without a lead or keyholder someone could be. */
export function hardGapsOf(state: SearchState): number[] {
  const gaps: number[] = [];
  for (let g = 0; g < state.G; g++) if (seedAt(state, g).point !== -2) gaps.push(g);
  return gaps;
}

/** Whether the person could be what the seed's slot is missing (availability and training; hours aside). */
function canFill(state: SearchState, p: number, seed: Seed): boolean {
  const person = state.inst.people[p];
  const options = state.options[p]?.[seed.slot];
  if (!person || options === undefined) return false;
  if (seed.point >= 0) return options.includes(seed.point) && person.training[seed.point] === "independent";
  return seed.qualification ? person[seed.qualification] : true;
}

/** What is missing at a slot: a point short of people, a lead, a keyholder, or nothing. */
function seedAt(state: SearchState, g: number): Seed {
  if (state.missesLead(g)) return { slot: g, point: -1, qualification: "lead" };
  if (state.missesKeyholder(g)) return { slot: g, point: -1, qualification: "keyholder" };
  for (const k of state.inst.sites[(state.inst.slots[g] as SlotInfo).site]?.points ?? []) {
    const i = k * state.G + g;
    if (
      (state.counted[i] as number) < (state.demandMin[i] as number) &&
      (state.counted[i] as number) < (state.capacity[i] as number)
    )
      return { slot: g, point: k };
  }
  return { slot: g, point: -2 };
}

/** Mostly a slot with a gap someone could fill (cover, target, lead or keyholder), otherwise any slot. */
function pickSeed(state: SearchState, rng: Random): Seed {
  const inst = state.inst;
  if (rng() < 0.7) {
    for (let tries = 0; tries < 30; tries++) {
      const g = Math.floor(rng() * state.G);
      if (state.missesLead(g)) return { slot: g, point: -1, qualification: "lead" };
      if (state.missesKeyholder(g)) return { slot: g, point: -1, qualification: "keyholder" };
      for (const k of inst.sites[(inst.slots[g] as SlotInfo).site]?.points ?? []) {
        const i = k * state.G + g;
        const counted = state.counted[i] as number;
        if (counted < (state.demandTarget[i] as number) && counted < (state.capacity[i] as number))
          return { slot: g, point: k };
      }
    }
  }
  return { slot: Math.floor(rng() * state.G), point: -2 };
}
