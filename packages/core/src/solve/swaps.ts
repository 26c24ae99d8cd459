import { DateTime } from "luxon";
import { DAYS, minutesOf } from "../model/primitives";
import type { Problem } from "../model/problem";
import type { Assignment, Rota, RotaInput } from "../model/rota";
import type { GapQuery, SwapCandidate, SwapEffect, SwapReport, Unable } from "../model/results";
import { formatInstant, parseDated } from "../time/week";
import { assignmentsOf } from "./decode";
import { DeskrotaInputError } from "./errors";
import { compile, placementsOf, type Instance, type SlotInfo } from "../compile/instance";
import { loadPlacements } from "./load";
import { rotaOf } from "./output";
import { gapLevelsOf, type GapLevels } from "./search/gap-levels";
import { SearchState, type DayPlan } from "./search/state";
import { bestTake, pinnedSlots, type Take } from "./take";

export type { GapQuery, SwapCandidate, SwapReport } from "../model/results";

export interface SwapOptions {
  /** nothing that started before this moment changes (ISO, problem zone unless it has an offset) */
  now?: string;
}

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
 * Everyone who could take all or part of a gap without breaking a hard rule, ranked by the net
 * effect of applying it (uncovered minimum cover, then time without a lead, then without a
 * keyholder), then fewest knock-on changes, then the rota's score, each with what it does and
 * costs in words; and for the people closest to it who cannot, why not. Nothing that started
 * before `now` changes.
 */
export function swapCandidates(
  problem: Problem,
  rota: RotaInput,
  gap: GapQuery,
  options: SwapOptions = {},
): SwapReport {
  const { inst, state, point, slots: asked } = setUp(problem, rota, gap);
  const now = options.now === undefined ? -Infinity : parseDated(options.now, problem.timeZone);
  const slots = asked.filter((g) => (inst.slots[g] as SlotInfo).start >= now);
  const frozen = frozenPart(inst, asked, slots, options.now);
  if (slots.length === 0) return { gap, candidates: [], unable: [], ...(frozen ? { frozen } : {}) };
  const days = [...new Set(slots.map((g) => (inst.slots[g] as SlotInfo).day))];
  const totals = gapLevelsOf(state);
  const pins = pinnedSlots(inst);
  const candidates: SwapCandidate[] = [];
  const unable: (Unable & { closeness: number })[] = [];
  for (const person of inst.people) {
    const p = person.index;
    const unfit = unfitness(inst, state, p, point, slots);
    if (unfit) {
      unable.push({ person: person.id, name: person.name, reason: unfit.reason, closeness: unfit.closeness });
      continue;
    }
    // What the rest of the rota needs from their day stays: their pinned stints, a shadowing
    // colleague's only independent colleague, and every stint of theirs that started before now.
    const past = new Map(days.flatMap((day) => [...startedBefore(state, p, day, now)]));
    const keepsPast = (plan: DayPlan, day: number) => keepsBefore(state, p, day, plan, now);
    const { take: tried, usable, kept: held } = bestTake(state, p, point, slots, pins, past, keepsPast);
    if (!tried) {
      const reason =
        usable.length === 0 && held.length > 0
          ? past.has(held[0] as number)
            ? `on ${inst.points[past.get(held[0] as number) as number]?.name} since before now (${options.now}), ` +
              `which is frozen`
            : heldFor(inst, state, p, held[0] as number, pins.get(p)?.get(held[0] as number))
          : options.now !== undefined && bestTake(state, p, point, slots, pins).take
            ? `could take it only by changing their day before now (${options.now}), which is frozen`
            : whyNot(inst, state, p, usable);
      unable.push({ person: person.id, name: person.name, reason, closeness: 1 });
      continue;
    }
    candidates.push(describe(inst, state, p, tried, slots.length, totals));
  }
  candidates.sort(
    (a, b) =>
      a.effect.coverHours - b.effect.coverHours ||
      a.effect.supervisionHours - b.effect.supervisionHours ||
      a.effect.keyholderHours - b.effect.keyholderHours ||
      a.knockOn - b.knockOn ||
      a.scoreChange - b.scoreChange,
  );
  unable.sort((a, b) => b.closeness - a.closeness);
  return {
    gap,
    candidates,
    unable: unable.slice(0, UNABLE_SHOWN).map(({ closeness: _c, ...u }) => u),
    ...(frozen ? { frozen } : {}),
  };
}

/** The gap's slots before `now`, in words; undefined when none are. */
function frozenPart(inst: Instance, asked: number[], open: number[], now: string | undefined): string | undefined {
  if (open.length === asked.length) return undefined;
  if (open.length === 0) return `the whole gap is before now (${now}): nothing before now changes`;
  const first = inst.slots[asked[0] as number] as SlotInfo;
  const zone = inst.sites[first.site]?.zone ?? inst.problem.timeZone;
  const clock = (t: number) => DateTime.fromMillis(t, { zone }).toFormat("HH:mm");
  return (
    `${clock(first.start)}–${clock((inst.slots[open[0] as number] as SlotInfo).start)} of the gap is before ` +
    `now (${now}) and stays as it is`
  );
}

/** Slot → point of the person's stints that day that started before `now` (kept whole, as in a re-solve). */
function startedBefore(state: SearchState, p: number, day: number, now: number): Map<number, number> {
  const inst = state.inst;
  const at = state.at[p] as Int16Array;
  const kept = new Map<number, number>();
  let stintStart = Infinity;
  for (const { slot, point } of state.dayPlan(p, day)) {
    const prev = (inst.slots[slot] as SlotInfo).prev;
    if (!(prev >= 0 && at[prev] === point)) stintStart = (inst.slots[slot] as SlotInfo).start;
    if (stintStart < now) kept.set(slot, point);
  }
  return kept;
}

/** The plan leaves the person's day before `now` as it was (no stint added there either). */
function keepsBefore(state: SearchState, p: number, day: number, plan: DayPlan, now: number): boolean {
  const inst = state.inst;
  const before = (slot: number) => (inst.slots[slot] as SlotInfo).start < now;
  const was = new Map(state.dayPlan(p, day).map(({ slot, point }) => [slot, point]));
  return plan.every(({ slot, point }) => !before(slot) || was.get(slot) === point);
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

/** Why a slot is held: the person is pinned there, or the only independent colleague beside someone shadowing. */
function heldFor(inst: Instance, state: SearchState, p: number, g: number, pinned: number | undefined): string {
  if (pinned !== undefined) return `pinned to ${inst.points[pinned]?.name} then`;
  const k = state.at[p]?.[g] ?? -1;
  const shadowing = inst.people
    .filter((q) => state.at[q.index]?.[g] === k && state.isShadow(q.index, k))
    .map((q) => q.name);
  return `needed beside ${shadowing.join(" and ")} (shadowing on ${inst.points[k]?.name}) then`;
}

/** The binding reason a person who is free and trained still cannot take the gap. */
function whyNot(inst: Instance, state: SearchState, p: number, usable: number[]): string {
  const person = inst.people[p];
  if (!person || usable.length === 0) return "busy then";
  const first = inst.slots[usable[0] as number] as SlotInfo;
  const day = first.day;
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
  tried: Take,
  gapLength: number,
  totals: GapLevels,
): SwapCandidate {
  const person = inst.people[p] as Instance["people"][number];
  const zone = inst.sites[(inst.slots[tried.run[0] as number] as SlotInfo).site]?.zone ?? inst.problem.timeZone;
  const objectiveBefore = state.objective;
  const workedBefore = state.worked[p] as number;
  const shortBefore = coverGapsLeft(state, tried.old);
  const day = tried.day;
  state.setDay(p, day, tried.plan);
  const scoreChange = state.objective - objectiveBefore;
  const workedAfter = state.worked[p] as number;
  const leftShort = coverGapsLeft(state, tried.old).filter((g) => !shortBefore.includes(g));
  const after = gapLevelsOf(state);
  state.setDay(p, day, tried.old);
  const hours = (slots: number) => Math.round(((slots * inst.slotMinutes) / 60) * 100) / 100;
  const effect: SwapEffect = {
    coverHours: hours(after.cover - totals.cover),
    supervisionHours: hours(after.lead - totals.lead),
    keyholderHours: hours(after.keyholder - totals.keyholder),
    hours: hours(workedAfter - workedBefore),
  };
  const takes = effect.coverHours >= 0 ? "moves" : tried.run.length === gapLength ? "whole" : "part";
  const before = stintsOf(inst, state, p, tried.old);
  const planned = stintsOf(inst, state, p, tried.plan);
  const same = (a: Assignment, b: Assignment) => a.point === b.point && a.start === b.start && a.end === b.end;
  const knockOn = before.filter((a) => !planned.some((b) => same(a, b))).length;
  const first = inst.slots[tried.run[0] as number] as SlotInfo;
  const last = inst.slots[tried.run[tried.run.length - 1] as number] as SlotInfo;
  const clock = (t: number) => DateTime.fromMillis(t, { zone }).toFormat("HH:mm");
  const what =
    takes === "whole"
      ? "takes the whole gap"
      : takes === "part"
        ? `takes ${clock(first.start)}–${clock(last.end)} of it`
        : `moves the gap to ${placesOf(inst, leftShort)}`;
  return {
    person: person.id,
    name: person.name,
    covers: { start: formatInstant(first.start, zone), end: formatInstant(last.end, zone) },
    whole: takes === "whole",
    takes,
    effect,
    summary: `${what}: ${netInWords(effect)}`,
    knockOn,
    before,
    after: planned,
    scoreChange: Math.round(scoreChange * 1000) / 1000,
    costs: costsInWords(inst, p, workedBefore, workedAfter, tried, leftShort, knockOn),
  };
}

/** "Help Desk Mon 23 Nov 09:00–13:00 and …" for "point@slot" keys, as runs of touching slots. */
export function placesOf(inst: Instance, keys: string[]): string {
  const runs: { k: number; from: number; to: number; zone: string }[] = [];
  const slots = keys
    .map((key) => key.split("@").map(Number) as [number, number])
    .sort((a, b) => a[0] - b[0] || (inst.slots[a[1]] as SlotInfo).start - (inst.slots[b[1]] as SlotInfo).start);
  for (const [k, g] of slots) {
    const slot = inst.slots[g] as SlotInfo;
    const last = runs[runs.length - 1];
    if (last && last.k === k && last.to === slot.start) last.to = slot.end;
    else runs.push({ k, from: slot.start, to: slot.end, zone: inst.sites[slot.site]?.zone ?? inst.problem.timeZone });
  }
  if (runs.length === 0) return "elsewhere";
  return runs
    .map(({ k, from, to, zone }) => {
      const at = (t: number, format: string) => DateTime.fromMillis(t, { zone }).toFormat(format);
      return `${inst.points[k]?.name} ${at(from, "ccc d LLL HH:mm")}–${at(to, "HH:mm")}`;
    })
    .join(" and ");
}

/** The net change in words: cover first, then a lead and a keyholder where they change. */
function netInWords(effect: SwapEffect): string {
  const change = (h: number, what: string) => `${fmt(Math.abs(h))} h ${h < 0 ? "less" : "more"} ${what}`;
  const words = [effect.coverHours === 0 ? "cover unchanged" : change(effect.coverHours, "below minimum cover")];
  if (effect.supervisionHours !== 0) words.push(change(effect.supervisionHours, "without a lead"));
  if (effect.keyholderHours !== 0) words.push(change(effect.keyholderHours, "without a keyholder"));
  return words.join(", ");
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
