import { DAYS, minutesOf } from "../model/primitives";
import type { Problem } from "../model/problem";
import type { Assignment, Rota, RotaInput } from "../model/rota";
import type { GapQuery, SwapCandidate, SwapReport, Unable } from "../model/results";
import { formatInstant, parseDated } from "../time/week";
import { assignmentsOf } from "./decode";
import { DeskrotaInputError } from "./errors";
import { compile, placementsOf, type Instance, type SlotInfo } from "../compile/instance";
import { loadPlacements } from "./load";
import { rotaOf } from "./output";
import { bestDay, requiredOf, type Required } from "./search/dp";
import { SearchState, type DayPlan } from "./search/state";

export type { GapQuery, SwapCandidate, SwapReport } from "../model/results";

const UNABLE_SHOWN = 8;
const DAY_NAMES = {
  mon: "Mondays",
  tue: "Tuesdays",
  wed: "Wednesdays",
  thu: "Thursdays",
  fri: "Fridays",
  sat: "Saturdays",
  sun: "Sundays",
} as const;

/**
 * Everyone who could take all or part of a gap without breaking a hard rule, ranked: fewest
 * knock-on changes first, then the effect on the rota's score (hours against target, preferences,
 * unsocial hours, cover elsewhere), each with what it costs in words; and for the people closest
 * to it who cannot, why not.
 */
export function swapCandidates(problem: Problem, rota: RotaInput, gap: GapQuery): SwapReport {
  const { inst, state, point, slots } = setUp(problem, rota, gap);
  const day = (inst.slots[slots[0] as number] as SlotInfo).day;
  const pins = new Map<number, Map<number, number>>();
  for (const pin of inst.pins)
    for (const g of pin.slots)
      pins.set(pin.person, (pins.get(pin.person) ?? new Map<number, number>()).set(g, pin.point));
  const candidates: SwapCandidate[] = [];
  const unable: (Unable & { closeness: number })[] = [];
  for (const person of inst.people) {
    const p = person.index;
    const unfit = unfitness(inst, state, p, point, slots);
    if (unfit) {
      unable.push({ person: person.id, name: person.name, reason: unfit.reason, closeness: unfit.closeness });
      continue;
    }
    // What the rest of the rota needs from their day stays: their pinned stints, and a shadowing
    // colleague's only independent colleague cannot leave them for the gap.
    const required = requiredOf(state, p, day, pins.get(p));
    const held = slots.filter((g) => neededElsewhere(required, g, point));
    const usable = slots.filter(
      (g) => state.options[p]?.[g]?.includes(point) && (state.at[p]?.[g] ?? -1) !== point && !held.includes(g),
    );
    const tried = tryRuns(state, p, day, point, runsOf(inst, usable), required);
    if (!tried) {
      const reason =
        usable.length === 0 && held.length > 0
          ? heldFor(inst, state, p, held[0] as number, pins.get(p)?.get(held[0] as number))
          : whyNot(inst, state, p, day, usable);
      unable.push({ person: person.id, name: person.name, reason, closeness: 1 });
      continue;
    }
    candidates.push(describe(inst, state, p, day, tried, slots.length));
  }
  candidates.sort(
    (a, b) => Number(b.whole) - Number(a.whole) || a.knockOn - b.knockOn || a.scoreChange - b.scoreChange,
  );
  unable.sort((a, b) => b.closeness - a.closeness);
  return { gap, candidates, unable: unable.slice(0, UNABLE_SHOWN).map(({ closeness: _c, ...u }) => u) };
}

/** The rota with a candidate's day in place of that person's day; checked like every rota. */
export function applySwap(
  problem: Problem,
  rota: RotaInput,
  candidate: Pick<SwapCandidate, "person" | "before" | "after">,
): Rota {
  const inst = compile(problem);
  const state = new SearchState(inst);
  // The same stint may be written with or without its offset: compare instants, not text.
  const instant = (text: string) => parseDated(text, problem.timeZone);
  const kept = rota.assignments.filter(
    (a) =>
      !(
        a.person === candidate.person &&
        candidate.before.some(
          (b) => b.point === a.point && instant(b.start) === instant(a.start) && instant(b.end) === instant(a.end),
        )
      ),
  );
  loadPlacements(state, placementsOf(inst, [...kept, ...candidate.after]));
  return rotaOf(state, {
    status: "feasible",
    backend: "swap",
    timeMs: 0,
    objective: Math.round(state.objective * 1000) / 1000,
    bestBound: null,
    gap: null,
  });
}

function setUp(problem: Problem, rota: RotaInput, gap: GapQuery) {
  const inst = compile(problem);
  const point = inst.points.findIndex((k) => k.id === gap.point);
  if (point < 0)
    throw new DeskrotaInputError([
      { path: "point", code: "unknown_reference", message: `there is no service point ${gap.point}` },
    ]);
  const from = parseDated(gap.start, problem.timeZone);
  const to = parseDated(gap.end, problem.timeZone);
  const unreadable = (["start", "end"] as const).filter((key) => !Number.isFinite(key === "start" ? from : to));
  if (unreadable.length > 0)
    throw new DeskrotaInputError(
      unreadable.map((key) => ({ path: key, code: "invalid_date", message: `${gap[key]} is not a date and time` })),
    );
  if (!(from < to))
    throw new DeskrotaInputError([{ path: "end", code: "bad_interval", message: "the gap must start before it ends" }]);
  const slots = (inst.sites[(inst.points[point] as Instance["points"][number]).site]?.slots ?? []).filter((g) => {
    const slot = inst.slots[g] as SlotInfo;
    return slot.start >= from && slot.end <= to;
  });
  if (slots.length === 0)
    throw new DeskrotaInputError([
      { path: "start", code: "off_grid", message: `${gap.point} has no open slot between ${gap.start} and ${gap.end}` },
    ]);
  const state = new SearchState(inst);
  loadPlacements(state, placementsOf(inst, rota.assignments));
  return { inst, state, point, slots };
}

/** Why a person cannot take any of the gap whatever the rest of their week looks like, if so. */
function unfitness(
  inst: Instance,
  state: SearchState,
  p: number,
  point: number,
  slots: number[],
): { reason: string; closeness: number } | undefined {
  const person = inst.people[p];
  const info = inst.points[point];
  if (!person || !info) return { reason: "unknown", closeness: 0 };
  const site = inst.sites[info.site];
  if (!person.sites.includes(info.site)) return { reason: `does not work at ${site?.name}`, closeness: 0 };
  const training = person.training[point];
  if (training === "none") return { reason: `not trained for ${info.name}`, closeness: 1 };
  if (training === "shadowing")
    return { reason: `only shadowing on ${info.name}, so does not count toward cover`, closeness: 2 };
  if (slots.every((g) => (state.at[p]?.[g] ?? -1) === point))
    return { reason: `already on ${info.name} then`, closeness: 0 };
  if (slots.every((g) => person.available[g] !== 1)) {
    const absence = (inst.problem.people[p]?.absences ?? []).find((a) =>
      slots.some(
        (g) =>
          parseDated(a.from, inst.problem.timeZone) < (inst.slots[g] as SlotInfo).end &&
          (inst.slots[g] as SlotInfo).start < parseDated(a.to, inst.problem.timeZone),
      ),
    );
    return absence
      ? { reason: `absent${absence.reason ? ` (${absence.reason})` : ""}`, closeness: 2 }
      : { reason: "not available then", closeness: 2 };
  }
  return undefined;
}

/** Maximal runs of back-to-back slots, longest first. */
function runsOf(inst: Instance, slots: number[]): number[][] {
  const runs: number[][] = [];
  for (const g of slots) {
    const last = runs[runs.length - 1];
    if (last && (inst.slots[last[last.length - 1] as number] as SlotInfo).next === g) last.push(g);
    else runs.push([g]);
  }
  return runs.sort((a, b) => b.length - a.length);
}

/** The slot is one the person's day must keep at another point. */
function neededElsewhere(required: Required, g: number, point: number): boolean {
  const need = required.get(g);
  return need !== undefined && need >= 0 && need !== point;
}

/** Why a slot is held: the person is pinned there, or the only independent colleague beside someone shadowing. */
function heldFor(inst: Instance, state: SearchState, p: number, g: number, pinned: number | undefined): string {
  if (pinned !== undefined) return `pinned to ${inst.points[pinned]?.name} then`;
  const k = state.at[p]?.[g] ?? -1;
  const shadowing = inst.people
    .filter((q) => state.at[q.index]?.[g] === k && state.isShadow(q.index, k))
    .map((q) => q.name);
  return `needed beside ${shadowing.join(" and ")} (shadowing on ${inst.points[k]?.name}) then`;
}

/** The best day for the person that includes the longest part of the gap they can take. */
function tryRuns(
  state: SearchState,
  p: number,
  day: number,
  point: number,
  runs: number[][],
  needs: Required,
): { plan: DayPlan; run: number[]; old: DayPlan } | undefined {
  for (const run of runs) {
    const required = new Map(needs);
    for (const g of run) required.set(g, point);
    const old = state.setDay(p, day, []);
    const result = bestDay(state, p, day, required);
    state.setDay(p, day, old);
    if (result) return { plan: result.plan, run, old };
  }
  return undefined;
}

/** The binding reason a person who is free and trained still cannot take the gap. */
function whyNot(inst: Instance, state: SearchState, p: number, day: number, usable: number[]): string {
  const person = inst.people[p];
  if (!person || usable.length === 0) return "busy then";
  const first = inst.slots[usable[0] as number] as SlotInfo;
  const own = state.shifts[p] ?? [];
  const otherSite = (own[day] ?? []).find((run) => inst.slots[run.first]?.site !== first.site);
  if (otherSite) return `at ${inst.sites[inst.slots[otherSite.first]?.site ?? 0]?.name} that day`;
  if ((state.worked[p] as number) - state.dayPlan(p, day).length + person.minShiftSlots > person.maxWeekSlots)
    return "weekly cap reached";
  const restBefore = own
    .slice(0, day)
    .flat()
    .some((run) => (inst.slots[run.last] as SlotInfo).end + inst.minRestMs > first.start);
  const restAfter = own
    .slice(day + 1)
    .flat()
    .some((run) => (inst.slots[run.first] as SlotInfo).start - inst.minRestMs < first.end);
  if (restBefore || restAfter) return "would not get the minimum rest between shifts";
  if (
    usable.length < person.minShiftSlots &&
    person.available.filter((_, g) => inst.slots[g]?.day === day).length < person.minShiftSlots
  )
    return "available for less than a minimum shift that day";
  return (
    "cannot fit it into a valid shift (shift length, one shift a day, stint limits, or students needing them " +
    "elsewhere)"
  );
}

function describe(
  inst: Instance,
  state: SearchState,
  p: number,
  day: number,
  tried: { plan: DayPlan; run: number[]; old: DayPlan },
  gapLength: number,
): SwapCandidate {
  const person = inst.people[p] as Instance["people"][number];
  const zone = inst.sites[(inst.slots[tried.run[0] as number] as SlotInfo).site]?.zone ?? inst.problem.timeZone;
  const objectiveBefore = state.objective;
  const workedBefore = state.worked[p] as number;
  const shortBefore = coverGapsLeft(state, tried.old);
  state.setDay(p, day, tried.plan);
  const scoreChange = state.objective - objectiveBefore;
  const workedAfter = state.worked[p] as number;
  const leftShort = coverGapsLeft(state, tried.old).filter((g) => !shortBefore.includes(g));
  state.setDay(p, day, tried.old);
  const before = stintsOf(inst, state, p, tried.old);
  const after = stintsOf(inst, state, p, tried.plan);
  const same = (a: Assignment, b: Assignment) => a.point === b.point && a.start === b.start && a.end === b.end;
  const knockOn = before.filter((a) => !after.some((b) => same(a, b))).length;
  const first = inst.slots[tried.run[0] as number] as SlotInfo;
  const last = inst.slots[tried.run[tried.run.length - 1] as number] as SlotInfo;
  return {
    person: person.id,
    name: person.name,
    covers: { start: formatInstant(first.start, zone), end: formatInstant(last.end, zone) },
    whole: tried.run.length === gapLength,
    knockOn,
    before,
    after,
    scoreChange: Math.round(scoreChange * 1000) / 1000,
    costs: costsInWords(inst, p, workedBefore, workedAfter, tried, leftShort, knockOn),
  };
}

function stintsOf(inst: Instance, state: SearchState, p: number, plan: DayPlan): Assignment[] {
  return assignmentsOf(
    inst,
    new Map([[p, new Map(plan.map(({ slot, point }) => [slot, { point, shadowing: state.isShadow(p, point) }]))]]),
  );
}

/** "point@slot" for every slot of a plan where its point is below minimum cover. */
function coverGapsLeft(state: SearchState, plan: DayPlan): string[] {
  return plan
    .filter(
      ({ slot, point }) =>
        (state.counted[point * state.G + slot] as number) < (state.demandMin[point * state.G + slot] as number),
    )
    .map(({ slot, point }) => `${point}@${slot}`);
}

function costsInWords(
  inst: Instance,
  p: number,
  workedBefore: number,
  workedAfter: number,
  tried: { plan: DayPlan; run: number[] },
  leftShort: string[],
  knockOn: number,
): string[] {
  const person = inst.people[p] as Instance["people"][number];
  const hours = (slots: number) => (slots * inst.slotMinutes) / 60;
  const words: string[] = [];
  const target = hours(person.targetSlots);
  const over = hours(workedAfter) - target;
  if (workedAfter > workedBefore) {
    if (over > 0) words.push(`goes ${fmt(over)} h over target (${fmt(hours(workedAfter))} of ${fmt(target)} h)`);
    else words.push(`brings them to ${fmt(hours(workedAfter))} of ${fmt(target)} h`);
    if (workedAfter === person.maxWeekSlots) words.push("reaches their weekly maximum");
  }
  const prefs = inst.problem.people[p]?.preferences ?? [];
  for (const pref of prefs) {
    if (pref.weight >= 0) continue;
    const hit = tried.plan.some(({ slot }) => {
      const s = inst.slots[slot] as SlotInfo;
      return (
        pref.days.includes(DAYS[s.day] as (typeof DAYS)[number]) &&
        minutesOf(pref.from) <= s.minute &&
        s.minute < minutesOf(pref.to)
      );
    });
    if (hit) words.push(`was asked to avoid ${pref.days.map((d) => DAY_NAMES[d]).join("/")} ${pref.from}–${pref.to}`);
  }
  if (knockOn > 0)
    words.push(
      knockOn === 1
        ? "changes one other stint of theirs that day"
        : `changes ${knockOn} other stints of theirs that day`,
    );
  const byPoint = new Map<number, number>();
  for (const key of leftShort) {
    const k = Number(key.slice(0, key.indexOf("@")));
    byPoint.set(k, (byPoint.get(k) ?? 0) + 1);
  }
  for (const [k, n] of byPoint) words.push(`leaves ${inst.points[k]?.name} short for ${fmt(hours(n))} h`);
  if (words.length === 0) words.push("no cost to anyone");
  return words;
}

function fmt(h: number): string {
  return Number.isInteger(h) ? String(h) : h.toFixed(1);
}
