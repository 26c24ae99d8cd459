import type { SlotInfo } from "../instance";
import { bestDay, requiredOf } from "./dp";
import { random, shuffle, type Random } from "./random";
import type { DayPlan, SearchState } from "./state";

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
}

export interface SearchOutcome {
  moves: number;
  improvements: number;
  best: number;
  /** the best rota seen: person → point per slot */
  bestAt: Int16Array[];
  bestShifts: SearchState["shifts"];
}

/** person → slot → pinned point */
export type Pins = Map<number, Map<number, number>>;

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
  const snapshot = () => {
    outcome.best = state.objective;
    outcome.bestAt = state.at.map((a) => a.slice());
    outcome.bestShifts = state.shifts.map((byDay) => byDay.map((runs) => runs.map((r) => ({ ...r }))));
  };
  const stop = () =>
    (limits.shouldStop?.() ?? false) ||
    (limits.deadline !== undefined && limits.clock !== undefined && limits.clock() >= limits.deadline) ||
    (limits.moves !== undefined && outcome.moves >= limits.moves);
  const improved = () => {
    if (state.objective < outcome.best - 1e-9) {
      snapshot();
      outcome.improvements++;
      limits.onImprove?.(state, outcome.best);
    }
  };

  /** Re-plans one person-day, keeping the journal; false when its requirements cannot be met. */
  const replan = (p: number, day: number, journal: Journal): boolean => {
    const required = requiredOf(state, p, day, pins.get(p));
    const old = state.setDay(p, day, []);
    journal.push({ p, day, old });
    const result = bestDay(state, p, day, required);
    if (!result) return false;
    state.setDay(p, day, result.plan);
    return true;
  };
  const revert = (journal: Journal) => {
    for (let i = journal.length - 1; i >= 0; i--) {
      const entry = journal[i] as Journal[number];
      state.setDay(entry.p, entry.day, entry.old);
    }
  };

  snapshot();
  // Construction and first descent: best response for every person-day, staff before students
  // (students need staff on site), until a sweep changes nothing.
  const order = inst.people.map((p) => p.index).sort((a, b) => Number(inst.people[a]?.student) - Number(inst.people[b]?.student) || Number(inst.people[b]?.lead) - Number(inst.people[a]?.lead));
  for (let sweep = 0; sweep < 20 && !stop(); sweep++) {
    const before = state.objective;
    for (const p of order) {
      for (let day = 0; day < days && !stop(); day++) {
        const was = state.objective;
        const journal: Journal = [];
        if (!replan(p, day, journal) || state.objective > was + 1e-9) revert(journal);
        outcome.moves++;
      }
    }
    improved();
    if (state.objective > before - 1e-6) break;
  }

  // Late acceptance hill climbing over ruin-and-recreate moves.
  const history = new Float64Array(Math.max(50, Math.min(1000, inst.people.length * 5))).fill(state.objective);
  while (!stop()) {
    const before = state.objective;
    const journal: Journal = [];
    const chosen = neighbourhood(state, rng);
    let ok = true;
    // Ruin: clear what can be cleared now, then recreate everything chosen in random order.
    for (const [p, day] of chosen) {
      if (requiredOf(state, p, day, pins.get(p)).size > 0) continue;
      journal.push({ p, day, old: state.setDay(p, day, []) });
    }
    for (const [p, day] of shuffle(rng, chosen)) {
      if (!replan(p, day, journal)) {
        ok = false;
        break;
      }
    }
    const slot = outcome.moves % history.length;
    if (!ok || (state.objective > (history[slot] as number) + 1e-9 && state.objective > before + 1e-9)) revert(journal);
    if (state.objective < (history[slot] as number)) history[slot] = state.objective;
    outcome.moves++;
    improved();
  }
  return outcome;
}

/**
 * A few person-days that interact: around an unmet slot (or a random one), the people working at
 * that site that day and some who could. Returns [person, day] pairs.
 */
function neighbourhood(state: SearchState, rng: Random): [number, number][] {
  const inst = state.inst;
  const seed = pickSeedSlot(state, rng);
  const slot = inst.slots[seed] as SlotInfo;
  const day = Math.max(0, slot.day);
  const size = 3 + Math.floor(rng() * 6);
  const working: [number, number][] = [];
  const idle: [number, number][] = [];
  for (const person of inst.people) {
    if (!person.sites.includes(slot.site)) continue;
    const runs = state.shifts[person.index]?.[day] ?? [];
    if (runs.length > 0) working.push([person.index, day]);
    else if (state.options[person.index]?.[seed] !== undefined) idle.push([person.index, day]);
  }
  const picked = [...shuffle(rng, working).slice(0, Math.ceil(size / 2)), ...shuffle(rng, idle).slice(0, Math.floor(size / 2))];
  // Sometimes widen to the neighbouring day so that rest and weekly hours can move too.
  if (rng() < 0.2 && picked.length > 0) {
    const [p] = picked[Math.floor(rng() * picked.length)] as [number, number];
    const other = day + (rng() < 0.5 ? -1 : 1);
    if (other >= 0 && other < inst.dates.length) picked.push([p, other]);
  }
  return picked;
}

/** Mostly a slot with a gap (cover, lead or keyholder), otherwise any open slot. */
function pickSeedSlot(state: SearchState, rng: Random): number {
  const inst = state.inst;
  if (rng() < 0.7) {
    for (let tries = 0; tries < 30; tries++) {
      const g = Math.floor(rng() * state.G);
      if (state.leads[g] === 0) return g;
      const site = inst.sites[(inst.slots[g] as SlotInfo).site];
      for (const k of site?.points ?? []) if ((state.counted[k * state.G + g] as number) < (state.demandTarget[k * state.G + g] as number)) return g;
    }
  }
  return Math.floor(rng() * state.G);
}
