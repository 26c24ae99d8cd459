import type { SlotInfo } from "../compile/instance";
import { frozenPins } from "./frozen";
import { loadPlacements } from "./load";
import { changesFrom } from "./repair-exact";
import { changesFirst, fillFirst, gapTotalsOf } from "./repair-options";
import { ANY_POINT, bestDay, bestDays, dayOptions, requiredOf, type Required } from "./search/dp";
import { bestPlacements, search, type Pins, type SearchLimits } from "./search/search";
import { SearchState, type DayPlan } from "./search/state";

type Journal = { p: number; day: number; old: DayPlan }[];

const EPS = 1e-6;
/** Rounds of re-planning the people who could take what a chain's first move leaves open. */
const SETTLE_ROUNDS = 4;
/** How much shorter than their day a chain's first move may make it. */
const SLIDE_MINUTES = 120;
/** Changed person-days above which the take-back tries them one at a time only (pairs grow as the square). */
const PAIRS_UP_TO = 24;
/** Passes of the take-back while one takes something back. */
const TAKE_BACK_PASSES = 3;

/**
 * A fill the search's moves do not reach (decisions.md §25): someone working elsewhere that day,
 * even at another site, moves to a run of unmet minimum cover, and those who could work where they
 * were are then re-planned to take what they leave (same day). For each run of cover gap on `days`,
 * every independent person able to work all of it is tried as the first move; the chain that lowers
 * the fill-first objective most is kept; the repair's search (`settings`) then works at what is
 * still open on those dates. Deterministic for a work budget: fixed orders. The state is judged by
 * the problem's own weights again; undefined when no chain fills more.
 */
export function fillByChains(
  searched: SearchState,
  days: ReadonlySet<number>,
  settings: Pick<SearchLimits, "moves" | "seed" | "stallLimit" | "ruinSize" | "clock" | "deadline">,
): SearchState | undefined {
  let state = new SearchState(fillFirst(searched.inst), searched);
  loadPlacements(state, searched.at);
  const pins = frozenPins(state.inst, state);
  const start = gapTotalsOf(state);
  for (const run of coverGapRuns(state, days)) {
    if (!stillOpen(state, run)) continue;
    const entry = state.objective;
    let best: { value: number; plans: Map<string, { p: number; day: number; plan: DayPlan }> } | undefined;
    const asides = asidesOf(state, run);
    for (const person of state.inst.people)
      for (const piece of piecesFor(state, person.index, run))
        for (const length of lengthsToTry(state, person.index, run.day))
          tryChains(state, pins, person.index, piece, length, asides, (journal) => {
            if (state.objective < (best?.value ?? entry) - EPS)
              best = { value: state.objective, plans: plansOf(state, journal) };
          });
    if (best) for (const { p, day, plan } of best.plans.values()) state.setDay(p, day, plan);
  }
  if (gapTotalsOf(state) < start) {
    // A chain settles cover and whom it moved; the repair's own search then works at what is left open those dates
    // (a lead the first move took away). Its best by the fill-first objective is kept only at levels no worse.
    const focus = [...days].flatMap((day) => state.inst.sites.flatMap((site) => site.slotsByDay[day] ?? []));
    const settled = new SearchState(state.inst, state);
    loadPlacements(settled, state.at);
    const outcome = search(settled, pins, {
      ...settings,
      skipConstruction: true,
      focus: focus.filter((g) => open(settled, g)),
    });
    const after = judged(state, bestPlacements(state.inst, outcome));
    if (gapTotalsOf(after) <= gapTotalsOf(state)) state = after;
  }
  leadChains(state, pins, days);
  if (gapTotalsOf(state) >= start) return undefined;
  return judged(searched, state.at);
}

/** Whether a slot has a gap of any level: minimum cover, a lead, a keyholder. */
function open(state: SearchState, g: number): boolean {
  if (state.missesLead(g)) return true;
  if (state.missesKeyholder(g)) return true;
  return (state.inst.sites[(state.inst.slots[g] as SlotInfo).site]?.points ?? []).some((k) => short(state, k, g));
}

/**
 * Takes back changes the repair does not need (decisions.md §25): each person-day placed
 * differently from the published rota is re-planned, then put back as published where it can be
 * with whoever could work what that reopens re-planned after it, then each pair of them on one
 * date is re-planned, all with gaps weighed far above changes and changes far above every soft
 * goal; a try is kept where the gap levels (cover, then a lead, then a keyholder) stay no worse and
 * fewer person-slots change.
 * Undefined when nothing comes back.
 */
export function takeBack(repaired: SearchState): SearchState | undefined {
  const state = new SearchState(changesFirst(repaired.inst), repaired);
  loadPlacements(state, repaired.at);
  const pins = frozenPins(state.inst, state);
  const gaps = gapTotalsOf(state);
  const startChanges = changesFrom(state.inst, state.at);
  const keeps = (before: { objective: number; changes: number }) =>
    state.objective < before.objective - EPS &&
    gapTotalsOf(state) <= gaps &&
    changesFrom(state.inst, state.at) < before.changes;
  for (let pass = 0, more = true; pass < TAKE_BACK_PASSES && more; pass++) {
    more = false;
    const days = changedDays(state);
    const tries: { group: [number, number][]; restore: boolean }[] = days.flatMap((d) => [
      { group: [d], restore: false },
      { group: [d], restore: true },
    ]);
    if (days.length <= PAIRS_UP_TO)
      for (let i = 0; i < days.length; i++)
        for (let j = i + 1; j < days.length; j++) {
          const [a, b] = [days[i] as [number, number], days[j] as [number, number]];
          if (a[1] === b[1]) tries.push({ group: [a, b], restore: false }, { group: [b, a], restore: false });
        }
    for (const { group, restore } of tries) {
      const before = { objective: state.objective, changes: changesFrom(state.inst, state.at) };
      const journal: Journal = [];
      // What the rest relies on is read from the days as they stand, before any is cleared.
      const needs = group.map(([p, day]) => requiredOf(state, p, day, pins.get(p)));
      for (const [p, day] of group) journal.push({ p, day, old: state.setDay(p, day, []) });
      const planned = group.every(([p, day], i) => {
        const required = needs[i] as Required;
        if (!restore) {
          const result = bestDay(state, p, day, required);
          if (result) state.setDay(p, day, result.plan);
          return result !== null;
        }
        // Back to the published day where it can be, and whoever else could work what that reopens re-planned.
        const back = publishedDay(state, p, day);
        // Not against a pin or anything the rest relies on at another point.
        if (back.some(([g, k]) => (required.get(g) ?? k) !== k && required.get(g) !== ANY_POINT)) return false;
        for (const [g, k] of back) required.set(g, k);
        const plan = exactly(state, p, day, required) ?? besideBlockers(state, pins, p, day, back, required, journal);
        if (plan) {
          state.setDay(p, day, plan);
          settle(state, pins, day, journal, p);
        }
        return plan !== null;
      });
      if (planned && keeps(before)) more = true;
      else state.undo(journal);
    }
  }
  if (changesFrom(state.inst, state.at) >= startChanges) return undefined;
  return judged(repaired, state.at);
}

/**
 * The person, forced onto the whole run (their day planned around it, keeping only their pins:
 * a student or someone shadowing who relied on them is re-planned after them); with `length`, the
 * best such day of that many slots. False where the run cannot be taken so.
 */
function takeRun(
  state: SearchState,
  pins: Pins,
  p: number,
  run: CoverRun,
  journal: Journal,
  length: number | undefined,
  aside?: Aside,
): boolean {
  const person = state.inst.people[p];
  const lead = run.point === ANY_POINT;
  if (lead ? !person?.lead : person?.training[run.point] !== "independent") return false;
  if (!run.slots.every((g) => mayTake(state, p, run, g) && state.at[p]?.[g] !== run.point)) return false;
  const pinned = pins.get(p);
  const required = pinsOn(state, pins, p, run.day);
  if (run.slots.some((g) => !lead && (required.get(g) ?? run.point) !== run.point)) return false;
  for (const g of run.slots) if (!required.has(g)) required.set(g, run.point);
  const days = state.inst.dates.map((_, d) => d);
  const needs = new Map(days.map((d) => [d, d === run.day ? required : requiredOf(state, p, d, pinned)]));
  journal.push({ p, day: run.day, old: state.setDay(p, run.day, []) });
  if (length !== undefined) {
    const options = () => dayOptions(state, p, run.day, required, new Set([run.day]));
    if (!aside) {
      const option = options()[length];
      if (!option) return false;
      state.setDay(p, run.day, option.plan);
      return replanStranded(state, pins, run.day, journal);
    }
    // A colleague steps aside only where the day cannot be had with them where they are (tried above).
    if (options()[length]) return false;
    const [q, keep] = aside;
    const theirs = pinsOn(state, pins, q, run.day);
    for (const { slot, point } of keep) theirs.set(slot, point);
    journal.push({ p: q, day: run.day, old: state.setDay(q, run.day, keep) });
    const option = options()[length];
    if (!option) return false;
    state.setDay(q, run.day, []);
    state.setDay(p, run.day, option.plan);
    const back = bestDay(state, q, run.day, theirs);
    if (!back) return false;
    state.setDay(q, run.day, back.plan);
    return replanStranded(state, pins, run.day, journal);
  }
  const planned = bestDay(state, p, run.day, required);
  if (planned) state.setDay(p, run.day, planned.plan);
  else {
    // No room that day (the week's hours are used, or rest binds): their week, giving up hours where it costs least.
    for (const d of days) if (d !== run.day) journal.push({ p, day: d, old: state.setDay(p, d, []) });
    const week = bestDays(state, p, days, needs);
    if (!week) return false;
    for (const [d, plan] of week.plans) state.setDay(p, d, plan);
  }
  return replanStranded(state, pins, run.day, journal);
}

/**
 * Each chain that starts with the person taking the run (at that length; with each colleague stepping aside in turn
 * where a length is given) and settles the dates it touched: `consider` sees the state with the chain in place, for
 * each that leaves nobody without the colleague they need, before it is undone.
 */
function tryChains(
  state: SearchState,
  pins: Pins,
  p: number,
  run: CoverRun,
  length: number | undefined,
  asides: readonly Aside[],
  consider: (journal: Journal) => void,
): void {
  for (const aside of length === undefined ? [undefined] : [undefined, ...asides]) {
    if (aside?.[0] === p) continue;
    const journal: Journal = [];
    if (takeRun(state, pins, p, run, journal, length, aside)) {
      for (const day of new Set(journal.map((entry) => entry.day))) settle(state, pins, day, journal, p);
      if (!strandedOn(state, journal)) consider(journal);
    }
    state.undo(journal);
  }
}

/** Whether the person may work the run's point (any point, for a run without a lead) at a slot. */
function mayTake(state: SearchState, p: number, run: CoverRun, g: number): boolean {
  return run.point === ANY_POINT
    ? (state.options[p]?.[g]?.length ?? 0) > 0
    : Boolean(state.options[p]?.[g]?.includes(run.point));
}

/** The slots of the person's day on the date that are pinned (frozen or the coordinator's), with their points. */
function pinsOn(state: SearchState, pins: Pins, p: number, day: number): Required {
  const pinned = pins.get(p);
  const required: Required = new Map();
  for (const { slot, point } of state.dayPlan(p, day)) if (pinned?.has(slot)) required.set(slot, point);
  return required;
}

/**
 * The run, or where the person may work only part of it (their hours there start or end inside it), each end of it
 * they may work: taking one end fills part of the run, and where nobody can take it whole that is the most there is.
 */
function piecesFor(state: SearchState, p: number, run: CoverRun): CoverRun[] {
  const may = (g: number) => mayTake(state, p, run, g);
  if (run.slots.every(may)) return [run];
  const head = run.slots.slice(
    0,
    run.slots.findIndex((g) => !may(g)),
  );
  const tail = run.slots.slice(run.slots.length - [...run.slots].reverse().findIndex((g) => !may(g)));
  return [head, tail].filter((slots) => slots.length > 0).map((slots) => ({ ...run, slots }));
}

/** A colleague who steps aside for a chain's first move, and what of their day they keep meanwhile (an end trimmed). */
type Aside = [number, DayPlan];

/**
 * Who works at the run's site on its date, in index order, each stepping aside wholly (re-planned after the first
 * move) or by an end of their day that lies within the run's hours (kept on the rest of it, as one who starts half
 * an hour later so that a lead can take that half-hour and shadow the rest beside them).
 */
function asidesOf(state: SearchState, run: CoverRun): Aside[] {
  const inst = state.inst;
  const site = (inst.slots[run.slots[0] as number] as SlotInfo).site;
  const from = (inst.slots[run.slots[0] as number] as SlotInfo).start;
  const to = (inst.slots[run.slots[run.slots.length - 1] as number] as SlotInfo).end;
  const within = (part: DayPlan) =>
    part.every(({ slot }) => (inst.slots[slot] as SlotInfo).start < to && (inst.slots[slot] as SlotInfo).end > from);
  const out: Aside[] = [];
  for (const person of inst.people) {
    const plan = state.dayPlan(person.index, run.day);
    if (!plan.some(({ slot }) => (inst.slots[slot] as SlotInfo).site === site)) continue;
    out.push([person.index, []]);
    for (let t = 1; t < plan.length; t++) {
      if (within(plan.slice(0, t))) out.push([person.index, plan.slice(t)]);
      if (within(plan.slice(-t))) out.push([person.index, plan.slice(0, -t)]);
    }
  }
  return out;
}

/**
 * The first move's day: its best, and days as long as theirs that date (now, or as published) or up
 * to two hours shorter, so that they slide to the run and leave the other end of their day to
 * someone else (their best day keeps it).
 */
function lengthsToTry(state: SearchState, p: number, day: number): (number | undefined)[] {
  const shorter = Math.round(SLIDE_MINUTES / state.inst.slotMinutes);
  const lengths = new Set<number>();
  for (const had of [state.dayPlan(p, day).length, publishedDay(state, p, day).length])
    for (let length = had; length > 0 && length >= had - shorter; length--) lengths.add(length);
  return [undefined, ...[...lengths].sort((a, b) => b - a)];
}

/**
 * Re-plans whoever is left without the colleague they need on the date. One whose stint is under way (frozen) stays
 * as it is: the settling after may bring them a colleague, and a chain that leaves anyone so is not kept
 * (`strandedOn`).
 */
function replanStranded(state: SearchState, pins: Pins, day: number, journal: Journal): true {
  for (const person of state.inst.people) {
    const p = person.index;
    if (!stranded(state, p, day)) continue;
    const old = state.setDay(p, day, []);
    const planned = bestDay(state, p, day, pinsOn(state, pins, p, day));
    if (planned) journal.push({ p, day, old });
    state.setDay(p, day, planned ? planned.plan : old);
  }
  return true;
}

/** Whether anyone is without the colleague they need on one of the dates a journal touched. */
function strandedOn(state: SearchState, journal: Journal): boolean {
  const days = new Set(journal.map((entry) => entry.day));
  return state.inst.people.some((person) => [...days].some((day) => stranded(state, person.index, day)));
}

/** A student with no staff on site, or someone shadowing with nobody independent at the point. */
function stranded(state: SearchState, p: number, day: number): boolean {
  const student = state.inst.people[p]?.student && !state.inst.studentAloneAllowed;
  return state
    .dayPlan(p, day)
    .some(
      ({ slot, point }) =>
        (student && state.staff[slot] === 0) ||
        (state.isShadow(p, point) && state.counted[point * state.G + slot] === 0),
    );
}

/**
 * Whoever could work a slot of the date's unmet minimum cover is re-planned at their best, in a
 * fixed order, while that lowers the objective: what the chain's first move left open is taken.
 */
function settle(state: SearchState, pins: Pins, day: number, journal: Journal, skip = -1): void {
  for (let round = 0; round < SETTLE_ROUNDS; round++) {
    const could = helpers(state, day);
    if (!could) return;
    let moved = false;
    for (const person of state.inst.people) {
      const p = person.index;
      if (p === skip || !could(p)) continue;
      const before = state.objective;
      const required = requiredOf(state, p, day, pins.get(p));
      const old = state.setDay(p, day, []);
      const result = bestDay(state, p, day, required);
      if (result) state.setDay(p, day, result.plan);
      if (result && state.objective < before - EPS) {
        journal.push({ p, day, old });
        moved = true;
      } else {
        state.setDay(p, day, old);
      }
    }
    if (!moved) return;
  }
}

/**
 * Who could close one of the date's gaps: unmet minimum cover at a point they may work, a slot
 * without a lead (a lead who may work then), an opening or closing slot without a keyholder.
 * Undefined when the date has none.
 */
function helpers(state: SearchState, day: number): ((p: number) => boolean) | undefined {
  const open = coverGapRuns(state, new Set([day])).flatMap((run) =>
    run.slots.map((g): [number, number] => [g, run.point]),
  );
  const slots = state.inst.sites.flatMap((site) => site.slotsByDay[day] ?? []);
  const noLead = slots.filter((g) => state.missesLead(g));
  const noKey = slots.filter((g) => state.missesKeyholder(g));
  if (open.length + noLead.length + noKey.length === 0) return undefined;
  return (p) => {
    const person = state.inst.people[p];
    const can = (g: number) => (state.options[p]?.[g]?.length ?? 0) > 0;
    return (
      open.some(([g, k]) => state.options[p]?.[g]?.includes(k)) ||
      (Boolean(person?.lead) && noLead.some(can)) ||
      (Boolean(person?.keyholder) && noKey.some(can))
    );
  };
}

/**
 * Where a run of slots is left without a lead at a site on the given dates (decisions.md §25, round seven): each lead
 * able to be there all of it is made to take it, their day at its best, as long as the run, or as long as their day
 * (sliding a lead's evening earlier, say), with a colleague stepping aside where that is what makes room; those who
 * could close what that leaves are re-planned after them. The chain kept is the one with the lowest gap levels
 * (cover, then a lead, then a keyholder: the fill-first objective weighs a lead and a keyholder alike), the objective
 * breaking ties; none is kept that does not lower them.
 */
function leadChains(state: SearchState, pins: Pins, days: ReadonlySet<number>): void {
  for (const run of leadGapRuns(state, days)) {
    if (!run.slots.some((g) => state.missesLead(g))) continue;
    let best = { gaps: gapTotalsOf(state), value: state.objective, plans: new Map<string, Placed>() };
    const asides = asidesOf(state, run);
    for (const person of state.inst.people) {
      if (!person.lead) continue;
      for (const piece of piecesFor(state, person.index, run)) {
        const lengths = new Set([...lengthsToTry(state, person.index, run.day), piece.slots.length]);
        for (const length of lengths)
          tryChains(state, pins, person.index, piece, length, asides, (journal) => {
            const gaps = gapTotalsOf(state);
            const better =
              gaps < best.gaps || (gaps === best.gaps && best.plans.size > 0 && state.objective < best.value - EPS);
            if (better) best = { gaps, value: state.objective, plans: plansOf(state, journal) };
          });
      }
    }
    for (const { p, day, plan } of best.plans.values()) state.setDay(p, day, plan);
  }
}

/** Runs of back-to-back slots of a site without a lead where one could be, on the given dates (point: any). */
function leadGapRuns(state: SearchState, days: ReadonlySet<number>): CoverRun[] {
  const inst = state.inst;
  const runs: CoverRun[] = [];
  for (const site of inst.sites)
    for (const g of site.slots) {
      const slot = inst.slots[g] as SlotInfo;
      if (!days.has(slot.day) || !state.missesLead(g)) continue;
      const last = runs[runs.length - 1];
      const lastSlot = last?.slots[last.slots.length - 1];
      if (last && lastSlot !== undefined && (inst.slots[lastSlot] as SlotInfo).next === g) last.slots.push(g);
      else runs.push({ point: ANY_POINT, day: slot.day, slots: [g] });
    }
  return runs;
}

type Placed = { p: number; day: number; plan: DayPlan };

interface CoverRun {
  /** the point, or ANY_POINT for a run without a lead */
  point: number;
  day: number;
  slots: number[];
}

/** Runs of back-to-back slots where a point has fewer people than its minimum, on the given dates. */
function coverGapRuns(state: SearchState, days: ReadonlySet<number>): CoverRun[] {
  const inst = state.inst;
  const runs: CoverRun[] = [];
  for (const site of inst.sites)
    for (const k of site.points)
      for (const g of site.slots) {
        const slot = inst.slots[g] as SlotInfo;
        if (!days.has(slot.day) || !short(state, k, g)) continue;
        const last = runs[runs.length - 1];
        const lastSlot = last?.slots[last.slots.length - 1];
        if (last && last.point === k && lastSlot !== undefined && (inst.slots[lastSlot] as SlotInfo).next === g)
          last.slots.push(g);
        else runs.push({ point: k, day: slot.day, slots: [g] });
      }
  return runs;
}

function short(state: SearchState, k: number, g: number): boolean {
  const i = k * state.G + g;
  return (state.counted[i] as number) < (state.demandMin[i] as number);
}

function stillOpen(state: SearchState, run: CoverRun): boolean {
  return run.slots.some((g) => short(state, run.point, g));
}

/**
 * The published day where others now stand in its way (a point full where it was): they step aside, the day goes
 * back, and each is re-planned after it keeping their pins (a student and a colleague who swapped desks for half an
 * hour swap back). Null where the day cannot go back so; the state is then as it was but for the journal.
 */
function besideBlockers(
  state: SearchState,
  pins: Pins,
  p: number,
  day: number,
  back: [number, number][],
  required: Required,
  journal: Journal,
): DayPlan | null {
  const full = back.filter(
    ([g, k]) => (state.counted[k * state.G + g] as number) >= (state.demandMax[k * state.G + g] as number),
  );
  const blockers = state.inst.people
    .map((person) => person.index)
    .filter((q) => q !== p && full.some(([g, k]) => state.at[q]?.[g] === k));
  if (blockers.length === 0) return null;
  const theirs = blockers.map((q) => pinsOn(state, pins, q, day));
  for (const q of blockers) journal.push({ p: q, day, old: state.setDay(q, day, []) });
  const plan = exactly(state, p, day, required);
  if (!plan) return null;
  state.setDay(p, day, plan);
  const replanned = blockers.every((q, i) => {
    const result = bestDay(state, q, day, theirs[i] as Required);
    if (result) state.setDay(q, day, result.plan);
    return result !== null;
  });
  return replanned ? plan : null;
}

/** The plan that works the required slots and nothing else, where the rules allow it. */
function exactly(state: SearchState, p: number, day: number, required: Required): DayPlan | null {
  const option = dayOptions(state, p, day, required, new Set([day]))[required.size];
  if (!option || option.plan.length !== required.size) return null;
  return option.plan.every(({ slot, point }) => required.get(slot) === point) ? option.plan : null;
}

/** The person's published slots that belong to the date's shifts (a shift past midnight belongs to its first date). */
function publishedDay(state: SearchState, p: number, day: number): [number, number][] {
  const inst = state.inst;
  const at = inst.reference?.at[p];
  if (!at) return [];
  const out: [number, number][] = [];
  let onDay = false;
  at.forEach((k, g) => {
    const slot = inst.slots[g] as SlotInfo;
    if (k < 0) return;
    const continues = slot.prev >= 0 && (at[slot.prev] ?? -1) >= 0;
    if (!continues) onDay = slot.day === day;
    if (onDay && slot.start >= (inst.reference?.now ?? 0) && state.options[p]?.[g]?.includes(k)) out.push([g, k]);
  });
  return out;
}

/** The final plans of every person-day a journal touched. */
function plansOf(state: SearchState, journal: Journal): Map<string, { p: number; day: number; plan: DayPlan }> {
  const plans = new Map<string, { p: number; day: number; plan: DayPlan }>();
  for (const { p, day } of journal) plans.set(`${p}:${day}`, { p, day, plan: state.dayPlan(p, day) });
  return plans;
}

/** The dates of the gaps the change opened and of every slot the repair changed: where a chain may help. */
export function touchedDays(state: SearchState, opened: ReadonlySet<string>): Set<number> {
  const days = new Set(changedDays(state).map(([, day]) => day));
  for (const gap of opened) days.add((state.inst.slots[Number(gap.slice(gap.indexOf("@") + 1))] as SlotInfo).day);
  return days;
}

/** Person-days (after `now`) whose slots differ from the published rota, in person then date order. */
function changedDays(state: SearchState): [number, number][] {
  const published = state.inst.reference?.at ?? [];
  const out = new Set<string>();
  state.at.forEach((at, p) => {
    at.forEach((k, g) => {
      if (k !== (published[p]?.[g] ?? -1)) out.add(`${p}:${(state.inst.slots[g] as SlotInfo).day}`);
    });
  });
  return [...out]
    .map((key) => key.split(":").map(Number) as [number, number])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/** The same rota in a state that weighs it as the problem does. */
function judged(like: SearchState, at: readonly Int16Array[]): SearchState {
  const out = new SearchState(like.inst, like);
  loadPlacements(out, at);
  return out;
}
