import { diff, type Diff } from "../diff";
import { applyChange, type Change } from "../model/change";
import { changeIssues } from "../model/change-checks";
import { springForwardGap } from "../model/semantics";
import type { Issue } from "../model/parse";
import type { Problem } from "../model/problem";
import type { Rota, RotaInput } from "../model/rota";
import { HARD_RULES } from "../rules";
import { pinIssues } from "../rules/pinned";
import { parseDated } from "../time/week";
import type { MilpBackend } from "./backends/backend";
import { DeskrotaInputError } from "./errors";
import { compile, placementsOf, type Instance, type SlotInfo } from "../compile/instance";
import { loadPlacements, type Plans } from "./load";
import { rotaOf } from "./output";
import { bestDay, bestDays, requiredOf, type Required } from "./search/dp";
import { bestPlacements, pinnedDays, search, type Pins } from "./search/search";
import { frozenPins } from "./frozen";
import { SearchState, type DayPlan } from "./search/state";
import { gapOf } from "./certificate";
import { canonical } from "./solve";
import { describeOption, fillFirst, gapTotalsOf, totalsOf, type RepairOptionId } from "./repair-options";
import { fillByChains, takeBack, touchedDays } from "./repair-chain";
import { gapLevelsOf, gapLevelsOfPlacements, type GapLevels } from "./search/gap-levels";
import type { RepairOption, RepairProof } from "../model/results";
import { changesFrom, changesLowerBound, minimumChange, publishedLevels } from "./repair-exact";
import { assignmentsOf, type Placement } from "./decode";

export interface ResolveOptions {
  /** the moment of the re-solve (ISO, problem zone unless it has an offset): nothing before it changes */
  now: string;
  timeLimitMs?: number;
  clock?: () => number;
  seed?: number;
  /** search moves per repair (default 400), with or without a clock: a clock only ends it sooner */
  workBudget?: number;
  backend?: MilpBackend;
  /**
   * Which repair to return when they differ: "fills" (default) restores minimum cover, then a
   * lead, then a keyholder wherever it can and only then changes as little as it can; "smaller"
   * weighs changes against gaps as the problem's weights do.
   */
  option?: RepairOptionId;
  /**
   * A box the caller keeps between its re-solves, holding the instance the last one compiled: a
   * worker re-solves one version after another, and the people written the same in each keep their
   * compiled entries (decisions.md §15, seventh round). Read, then set to this re-solve's instance.
   */
  compiled?: { last?: Instance };
  /**
   * Prove the fills-first repair makes the fewest changes: the exact minimum-change model runs after
   * the search, from its repair, and its rota replaces the search's where it changes fewer
   * person-slots and leaves no more open. Seconds on the typical week, not milliseconds: asked for,
   * never the default (docs/benchmarks.md, "Repairs against the proven minimum").
   */
  proof?: {
    backend: MilpBackend;
    timeLimitSeconds?: number;
    /** only for a week of at most this many workable person-slots (the engine proves small weeks unasked) */
    upToPersonSlots?: number;
  };
  /**
   * Told the search's repair (its `minimal` by counting) before the exact model of `proof` starts,
   * so that a caller can answer at once and take the proven repair when it comes. Not called when no
   * proof runs: the return value is then the only answer.
   */
  onAnswer?: (searched: ResolveResult) => void;
}

/** What the exact minimum-change model said about the repair returned. */

export interface ResolveResult {
  rota: Rota & { diff: Diff };
  diff: Diff;
  /** true when no rota could make fewer changes and still fill what this one fills */
  minimal: boolean;
  /** why `minimal` is what it is, in words */
  minimalReason: string;
  /** `minimal` and its reason in one line, as the CLI and the API show it (`minimalWords`) */
  minimalWords: string;
  /** the repairs there were to choose from (one when filling cost nothing more), with the trade-off in words */
  options: RepairOption[];
  /** present when the proof was asked for (`proof`) and the fills-first repair was returned */
  proof?: RepairProof;
}

/** The exact model's time for each of its solves when the caller gives none. */
const DEFAULT_PROOF_SECONDS = 30;

/** Search after the repair: enough to fill an opened gap, short enough to answer at once. */
export const DEFAULT_RESOLVE_MS = 150;
const DEFAULT_RESOLVE_MOVES = 400;
/** A repair that has not improved for this many moves has found what it will find. */
const STALL_MOVES = 60;

/**
 * Repairs a published rota after a change (an absence, new availability, people added or removed,
 * pins, cover bands) with as few changes as it can: the past stays as it was, every published
 * stint that is still possible is kept unless moving it fills a gap, changes in the next 24 hours
 * cost more than later ones, and what cannot be filled is reported with its reason.
 */
export function resolve(
  problem: Problem,
  published: RotaInput,
  change: Change,
  options: ResolveOptions,
): ResolveResult {
  const applied = applyChange(problem, change);
  if (!applied.ok) throw new DeskrotaInputError(applied.issues);
  const next = applied.value;
  const clock = options.clock;
  const started = clock?.() ?? 0;
  const now = parseDated(options.now, problem.timeZone);
  const skipped = springForwardGap(options.now, problem.timeZone);
  if (!Number.isFinite(now) || skipped)
    throw new DeskrotaInputError([
      { path: "now", code: "invalid_date", message: skipped ?? `${options.now} is not a date and time` },
    ]);
  const { invalid, conflicts } = changeIssues(problem, change, options.now);
  if (invalid.length + conflicts.length > 0) throw new DeskrotaInputError([...invalid, ...conflicts]);
  // The last re-solve's instance: the people written as there keep their entries (compile checks).
  const last = options.compiled?.last;
  const inst = compile(canonical(next), {
    reference: { assignments: published.assignments, now },
    ...(last ? { reuse: last } : {}),
  });
  if (options.compiled) options.compiled.last = inst;
  // The change's pins come last in the problem after it.
  const ownPins = (next.pinned?.length ?? 0) - (change.pin?.length ?? 0);
  const pinPath = (i: number) => (i >= ownPins ? `pin.${i - ownPins}` : `(problem after the change) pinned.${i}`);
  const unkept = pinsThatCannotBeKept(inst, pinPath, options.now);
  if (unkept.length > 0) throw new DeskrotaInputError(unkept);
  const before = changesPublishedGaps(change) ? publishedGaps(problem, published) : undefined;
  // Each state after the first borrows its fixed tables (they do not depend on the weights).
  const attempt = (weighs: Instance, lender?: SearchState) => {
    const state = new SearchState(weighs, lender);
    const pins = frozenPins(weighs, state);
    const plans = loadPlacements(state, weighs.reference?.at ?? []);
    const had = freed(weighs, before ?? gapSlots(state), change, problem.timeZone);
    repair(state, pins, plans, pinPath);
    const openedGaps = new Set([...gapSlots(state)].filter((gap) => !had.has(gap)));
    fillDirectly(state, pins, openedGaps);
    const outcome = search(state, pins, {
      skipConstruction: true,
      stallLimit: STALL_MOVES,
      ruinSize: 4,
      // Moves seeded at the gaps the change opened: a repair, not a new week.
      focus: [...new Set([...openedGaps].map((gap) => Number(gap.slice(gap.indexOf("@") + 1))))],
      seed: options.seed ?? 1,
      ...(options.backend ? { backend: options.backend } : {}),
      // The moves are capped with a clock too: on a machine that does them within the limit the
      // repair is the same as a deterministic run's, and one that keeps finding crumbs of objective
      // cannot hold the answer to the limit (decisions.md §15).
      moves: options.workBudget ?? DEFAULT_RESOLVE_MOVES,
      ...(clock ? { clock, deadline: (clock() ?? started) + (options.timeLimitMs ?? DEFAULT_RESOLVE_MS) } : {}),
    });
    // Judged by the problem's own weights, whatever the search weighed.
    const best = new SearchState(inst, state);
    loadPlacements(best, bestPlacements(weighs, outcome));
    return { best, openedGaps, had, moves: outcome.moves };
  };
  // As the problem weighs them first; where that leaves open what the change opened, again with
  // gaps weighed far above changes, and the coordinator chooses (decisions.md).
  const smaller = attempt(inst);
  // The levels before the change are worked out once: where the change moves published gaps, that
  // compiles the problem again.
  const levelsBefore = beforeLevels(problem, published, change, smaller.best);
  const open = (a: typeof smaller) => [...a.openedGaps].filter((gap) => gapSlots(a.best).has(gap)).length;
  // Short of the rota before the change: what the change opened is still open, or the search moved a gap elsewhere.
  const short = (a: typeof smaller) => open(a) > 0 || gapTotalsOf(a.best) > totalsOf(levelsBefore);
  const filling = short(smaller) ? attempt(fillFirst(inst), smaller.best) : undefined;
  if (filling) {
    // Chains from where fill-first stopped short, else from the first repair: a fill the search found may
    // change more than a chain's (decisions.md §25).
    const from = short(filling) ? filling.best : smaller.best;
    const chained = fillByChains(from, touchedDays(from, filling.openedGaps), {
      moves: options.workBudget ?? DEFAULT_RESOLVE_MOVES,
      seed: options.seed ?? 1,
      stallLimit: STALL_MOVES,
      ruinSize: 4,
      ...(clock ? { clock, deadline: clock() + (options.timeLimitMs ?? DEFAULT_RESOLVE_MS) } : {}),
    });
    if (chained) filling.best = fewerChanges(filling.best, chained);
  }
  const fills = filling && gapTotalsOf(filling.best) < gapTotalsOf(smaller.best) ? filling : undefined;
  const searched = fills && options.option !== "smaller" ? fills : smaller;
  // Counted once per state (the returned repair's is asked up to three times), and the lower bound
  // once per table of who may work where: it reads the published rota and those tables alone, and
  // every state of a re-solve borrows the first one's.
  const counted = new Map<SearchState, ReturnType<typeof provenByCounting>>();
  const bounds = new Map<SearchState["options"], number>();
  const lowerBound = (state: SearchState) => {
    const known = bounds.get(state.options) ?? changesLowerBound(state, levelsBefore);
    bounds.set(state.options, known);
    return known;
  };
  const byCounting = (state: SearchState) => {
    const known = counted.get(state) ?? provenByCounting(inst, state, levelsBefore, lowerBound);
    counted.set(state, known);
    return known;
  };
  // Fewest changes at the repair's gap levels, where counting does not already show it (decisions.md §25).
  if (!byCounting(searched.best).minimal) searched.best = takeBack(searched.best) ?? searched.best;
  const proof = options.proof;
  const proving =
    proof && options.option !== "smaller" && personSlots(searched.best) <= (proof.upToPersonSlots ?? Infinity);
  const answer = (proved?: { state: SearchState; proof: RepairProof }): ResolveResult => {
    const provedAttempt = proved ? { ...searched, best: proved.state } : undefined;
    // The proof's repair may fill what the search left open: then the search's is the smaller option.
    const fillsAttempt =
      provedAttempt && (fills || gapTotalsOf(provedAttempt.best) < gapTotalsOf(smaller.best)) ? provedAttempt : fills;
    const smallerAttempt = provedAttempt && !fillsAttempt ? provedAttempt : smaller;
    const chosen = provedAttempt ?? searched;
    const best = chosen.best;
    const rota = rotaOf(best, {
      status: "feasible",
      backend: options.backend ? `search+${options.backend.name}` : "search",
      timeMs: Math.round((clock?.() ?? started) - started),
      objective: Math.round(best.objective * 1000) / 1000,
      bestBound: null,
      gap: gapOf(best.objective, null),
      iterations: smaller.moves + (filling?.moves ?? 0),
    });
    // People the change removed still appear in the diff: their stints are gone.
    const everyone = {
      ...next,
      people: [...next.people, ...problem.people.filter((p) => !next.people.some((q) => q.id === p.id))],
    };
    const changes = diff(everyone, published, rota);
    const { minimal, minimalReason } = proved ? provenByModel(proved.proof, inst.slotMinutes) : byCounting(best);
    // The returned repair's proof is the one above; the other option is judged by counting alone.
    const proofOf = (a: typeof smaller) => (a === chosen ? { minimal, minimalReason } : byCounting(a.best));
    const described = (id: RepairOptionId, a: typeof smaller) =>
      describeOption(
        id,
        a === chosen,
        a.best,
        inst.reference?.at ?? [],
        // What it leaves open that was not before the change: the gaps it opened, and any it moved elsewhere.
        [...gapSlots(a.best)].filter((g) => !a.had.has(g)),
        proofOf(a),
      );
    const repairOptions = fillsAttempt
      ? [described("fills", fillsAttempt), described("smaller", smallerAttempt)]
      : [described("fills", smallerAttempt)];
    return {
      rota: { ...rota, diff: changes },
      diff: changes,
      minimal,
      minimalReason,
      minimalWords: minimalWords(minimal, minimalReason),
      options: repairOptions,
      ...(proved ? { proof: proved.proof } : {}),
    };
  };
  if (!proving) return answer();
  // The search's repair first, to a caller that answers before the exact model has run (seconds).
  options.onAnswer?.(answer());
  return answer(proveFewest(problem, published, change, options.now, searched.best, proof));
}

/**
 * The exact minimum-change model, started from the search's repair. Its repair is taken when it
 * changes fewer person-slots and leaves no more open, cover first (it never leaves more open than
 * the target, but the search's may have filled gaps from before the change too).
 */
function proveFewest(
  problem: Problem,
  published: RotaInput,
  change: Change,
  now: string,
  searched: SearchState,
  proof: NonNullable<ResolveOptions["proof"]>,
): { state: SearchState; proof: RepairProof } {
  const inst = searched.inst;
  const placement: Placement = new Map(
    searched.at.map((at, p) => [
      p,
      new Map([...at].flatMap((k, g) => (k < 0 ? [] : [[g, { point: k, shadowing: searched.isShadow(p, k) }]]))),
    ]),
  );
  const start = { assignments: assignmentsOf(inst, placement) };
  const timeLimitSeconds = proof.timeLimitSeconds ?? DEFAULT_PROOF_SECONDS;
  const exact = minimumChange(problem, published, change, now, { backend: proof.backend, timeLimitSeconds, start });
  let state = searched;
  if (exact.rota && exact.changes !== null) {
    const candidate = new SearchState(inst, searched);
    loadPlacements(candidate, placementsOf(inst, exact.rota.assignments));
    const [gaps, searchGaps] = [gapTotalsOf(candidate), gapTotalsOf(searched)];
    if (gaps < searchGaps || (gaps === searchGaps && exact.changes < changesFrom(searched.inst, searched.at)))
      state = candidate;
  }
  const { changes: minimum, bound, proven, target, timedOut } = exact;
  const levels = gapLevelsOf(state);
  const fillsMore = (["cover", "lead", "keyholder"] as const)
    .map((level) => Math.sign(levels[level] - target[level]))
    .find((sign) => sign !== 0);
  return {
    state,
    proof: {
      changedSlots: changesFrom(state.inst, state.at),
      minimum,
      bound,
      proven,
      timedOut,
      timeLimitSeconds,
      target,
      fillsMore: fillsMore === -1,
    },
  };
}

/** Of two repairs, the one that leaves less open; at equal gap levels, the one that changes fewer once taken back. */
function fewerChanges(a: SearchState, b: SearchState): SearchState {
  const [gapsA, gapsB] = [gapTotalsOf(a), gapTotalsOf(b)];
  if (gapsA !== gapsB) return gapsA < gapsB ? a : b;
  const [backA, backB] = [takeBack(a) ?? a, takeBack(b) ?? b];
  return changesFrom(backB.inst, backB.at) < changesFrom(backA.inst, backA.at) ? backB : backA;
}

function personSlots(state: SearchState): number {
  return state.options.reduce((n, own) => n + own.filter(Boolean).length, 0);
}

/**
 * The one line the CLI's summary and the API's answer show for a repair's proof, so that they say
 * the same words: "proven minimal: …", or "not proven: …" (then "time limit: …" when the exact
 * model ran out of time).
 */
function minimalWords(minimal: boolean, reason: string): string {
  return `${minimal ? "proven minimal" : "not proven"}: ${reason}`;
}

/** `minimal` and its reason from the exact model: "proven" only when the model proved it. */
function provenByModel(proof: RepairProof, slotMinutes: number): { minimal: boolean; minimalReason: string } {
  const what = `${proof.changedSlots} person-slots (${hoursOf(proof.changedSlots, slotMinutes)}) changed`;
  const proved = proof.proven && proof.minimum !== null && proof.changedSlots === proof.minimum;
  if (proof.timedOut && !proved) {
    const found = proof.minimum === null ? "it found no repair" : `the best it found changes ${proof.minimum}`;
    return {
      minimal: false,
      minimalReason:
        `time limit: the exact model stopped at its ${proof.timeLimitSeconds} s per solve before proving the ` +
        `fewest; ${what}, ${found}${proof.bound > 0 ? `, and at least ${proof.bound} are needed` : ""}`,
    };
  }
  if (proof.minimum === null)
    return { minimal: false, minimalReason: `${what}; the exact model found no repair to compare it with` };
  if (proof.fillsMore)
    return {
      minimal: false,
      minimalReason: `${what}: it fills more than was open before the change (${proof.minimum} restore it as it was)`,
    };
  if (proof.proven && proof.changedSlots === proof.minimum)
    return {
      minimal: true,
      minimalReason:
        `${what}: proven the fewest by the exact model for a repair that leaves minimum cover, a lead and a ` +
        "keyholder where they were before the change, or as close as they can be",
    };
  return {
    minimal: false,
    minimalReason: `${what}; the exact model proved at least ${proof.bound} are needed, not that fewer is impossible`,
  };
}

/**
 * Pins are the coordinator's word: one that cannot be kept (off the grid, breaking a structural
 * rule, or asking the past to change) is an input error, with its path in the change when the
 * change brought it in.
 */
function pinsThatCannotBeKept(inst: Instance, pathOf: (i: number) => string, now: string): Issue[] {
  const reference = inst.reference;
  const issues: Issue[] = pinIssues(inst, HARD_RULES).map((issue) => ({
    path: pathOf(Number(issue.path[1])),
    code: issue.code,
    message: issue.message,
  }));
  if (issues.length > 0 || !reference) return issues;
  inst.pins.forEach((pin, i) => {
    const changed = pin.slots.some(
      (g) => (inst.slots[g] as SlotInfo).start < reference.now && reference.at[pin.person]?.[g] !== pin.point,
    );
    const { person, point, start } = inst.problem.pinned?.[i] ?? { person: "", point: "", start: "" };
    if (changed)
      issues.push({
        path: pathOf(i),
        code: "pin_conflict",
        message:
          `${person} cannot be pinned to ${point} from ${start}: that is before ${now}, and nothing before ` +
          `then changes`,
      });
  });
  return issues;
}

/**
 * Clears every published person-day the change makes impossible (an absence, lost availability, a
 * closed band, a removed colleague…) together with those who depended on it (students left without
 * staff, shadowing without a colleague) and re-plans them.
 */
function repair(state: SearchState, pins: Pins, plans: Plans, pinPath: (i: number) => string): void {
  const inst = state.inst;
  const reference = inst.reference;
  if (!reference) return;
  const broken = new Set<string>();
  for (const [key, { p, plan }] of plans) {
    // A day holding a slot the person can no longer work must change.
    if (plan.some(({ slot, point }) => !state.options[p]?.[slot]?.includes(point))) broken.add(key);
  }
  // A pin the published rota does not honour yet: that person-day is re-planned around it.
  for (const [p, slots] of pins) {
    for (const [day, plan] of pinnedDays(inst, slots))
      if (plan.some(({ slot, point }) => state.at[p]?.[slot] !== point)) broken.add(`${p}:${day}`);
  }
  // A broken day keeps what may not move (pins, stints under way at `now`) in place while the
  // rest of it is re-planned: a new pin then shows whom it displaces, and is required below.
  const heldOn = (p: number, day: number): DayPlan =>
    pinnedDays(inst, pins.get(p) ?? new Map<number, number>()).get(day) ?? [];
  const coordinators = new Map<number, Map<number, number>>();
  for (const pin of inst.pins)
    for (const g of pin.slots)
      coordinators.set(pin.person, (coordinators.get(pin.person) ?? new Map<number, number>()).set(g, pin.index));
  // A stint held only because it began before `now` cannot stand once the change takes away the
  // colleague it relied on (a student's staff, the independent colleague beside someone
  // shadowing), even in the past: that colleague was not there, and the stint goes as theirs did.
  const unsupported = (p: number, day: number) => {
    const held = pins.get(p);
    return state
      .dayPlan(p, day)
      .filter(
        ({ slot, point }) =>
          held?.get(slot) === point && !coordinators.get(p)?.has(slot) && withoutColleague(state, p, slot, point),
      );
  };
  const clear = (key: string) => {
    const [p, day] = key.split(":").map(Number) as [number, number];
    const released = unsupported(p, day);
    for (const { slot } of released) pins.get(p)?.delete(slot);
    broken.add(key);
    state.setDay(p, day, heldOn(p, day));
  };
  // Invalid placements first, then whoever depended on them, until nothing else breaks.
  for (const key of [...broken]) clear(key);
  const strandedDays = (): string[] =>
    inst.people
      .flatMap((person) => inst.dates.map((_, day) => `${person.index}:${day}`))
      .filter((key) => isStranded(state, key));
  const pending = () =>
    strandedDays().filter(
      (key) => !broken.has(key) || unsupported(...(key.split(":").map(Number) as [number, number])).length > 0,
    );
  for (let more = pending(); more.length > 0; more = pending()) for (const key of more) clear(key);
  const order = [...broken]
    .map((key) => key.split(":").map(Number) as [number, number])
    .sort((a, b) => Number(inst.people[a[0]]?.student) - Number(inst.people[b[0]]?.student));
  // A pin may need the person's other days to give way even where a colleague relied on them
  // (rest after a shift beside someone shadowing): once per person, so that this ends.
  const loosened = new Set<number>();
  for (const [p, day] of order) {
    // Everything held if possible; else only the coordinator's pins (what the change made
    // impossible goes, even under way); a pin that cannot be kept at all is the change's error.
    const required = requiredOf(state, p, day, pins.get(p));
    const pinned = new Map([...required].filter(([g]) => coordinators.get(p)?.has(g)));
    const keepsAll = takeOver(state, p, day, required, pins.get(p));
    let planned = keepsAll ?? takeOver(state, p, day, pinned, pins.get(p));
    if (!planned && pinned.size > 0 && !loosened.has(p)) {
      planned = takeOver(state, p, day, pinned, pins.get(p), "pins only");
      loosened.add(p);
    }
    // A plan that could not keep all it held (a stint under way, a day that gave way to a pin, a
    // day cleared) may leave others without a colleague.
    const dropsHeld = !keepsAll;
    const strandedBefore = dropsHeld ? new Set(strandedDays()) : new Set<string>();
    if (planned) for (const [d, plan] of planned) state.setDay(p, d, plan);
    else if (pinned.size === 0) state.setDay(p, day, []);
    else {
      const pin = inst.pins[coordinators.get(p)?.get([...pinned.keys()][0] as number) ?? -1];
      const given = inst.problem.pinned?.[pin?.index ?? -1];
      throw new DeskrotaInputError([
        {
          path: pinPath(pin?.index ?? 0),
          code: "pin_conflict",
          message:
            `${given?.person} cannot be kept on ${given?.point} from ${given?.start} with the rest of the ` +
            `rota (shift length, hours, rest, or nobody able to be beside them)`,
        },
      ]);
    }
    if (!dropsHeld) continue;
    // Whoever relied on what went is re-planned after it, even if already done.
    for (const key of strandedDays().filter((key) => !strandedBefore.has(key))) {
      clear(key);
      order.push(key.split(":").map(Number) as [number, number]);
    }
  }
}

/**
 * A person-day with a stint that can no longer stand: without its colleague, or with more people than the point takes.
 */
function isStranded(state: SearchState, key: string): boolean {
  const [p, day] = key.split(":").map(Number) as [number, number];
  return state.dayPlan(p, day).some(({ slot, point }) => {
    const over =
      !state.isShadow(p, point) &&
      (state.counted[point * state.G + slot] as number) > (state.demandMax[point * state.G + slot] as number);
    return over || withoutColleague(state, p, slot, point);
  });
}

/** A student with no staff on site, or someone shadowing with no independent colleague at the point. */
function withoutColleague(state: SearchState, p: number, slot: number, point: number): boolean {
  const student = state.inst.people[p]?.student && !state.inst.studentAloneAllowed && state.staff[slot] === 0;
  const alone = state.isShadow(p, point) && state.counted[point * state.G + slot] === 0;
  return Boolean(student || alone);
}

/**
 * The repair a coordinator would try first: one person taking over a whole opened gap. For each
 * run of opened cover gap at a point, every person's best day that includes it is tried and the
 * one that improves the rota most is kept; the search then looks for anything better.
 */
function fillDirectly(state: SearchState, pins: Pins, opened: Set<string>): void {
  const inst = state.inst;
  const byPoint = new Map<number, number[]>();
  for (const gap of opened) {
    if (gap.startsWith("lead@") || gap.startsWith("key@")) continue;
    const [k, g] = gap.split("@").map(Number) as [number, number];
    byPoint.set(k, [...(byPoint.get(k) ?? []), g]);
  }
  for (const [k, slots] of byPoint) {
    slots.sort((a, b) => (inst.slots[a] as SlotInfo).start - (inst.slots[b] as SlotInfo).start);
    const runs: number[][] = [];
    for (const g of slots) {
      const last = runs[runs.length - 1];
      if (last && (inst.slots[last[last.length - 1] as number] as SlotInfo).next === g) last.push(g);
      else runs.push([g]);
    }
    for (const run of runs) {
      const day = (inst.slots[run[0] as number] as SlotInfo).day;
      let best: { p: number; plans: Map<number, DayPlan>; objective: number } | undefined;
      for (const person of inst.people) {
        const p = person.index;
        if (person.training[k] !== "independent" || !run.every((g) => state.options[p]?.[g]?.includes(k))) continue;
        const required = requiredOf(state, p, day, pins.get(p));
        // Not someone who must stay elsewhere then: pinned, or beside a colleague shadowing.
        if (run.some((g) => (required.get(g) ?? -1) >= 0 && required.get(g) !== k)) continue;
        for (const g of run) required.set(g, k);
        const plans = takeOver(state, p, day, required, pins.get(p));
        if (!plans) continue;
        const old = new Map([...plans.keys()].map((d) => [d, state.setDay(p, d, plans.get(d) as DayPlan)]));
        if (state.objective < (best?.objective ?? Infinity)) best = { p, plans, objective: state.objective };
        for (const [d, plan] of old) state.setDay(p, d, plan);
      }
      if (best && best.objective < state.objective) for (const [d, plan] of best.plans) state.setDay(best.p, d, plan);
    }
  }
}

/**
 * The person's best day that meets `required`; failing that (the week's hours are used up, or
 * rest binds), their best week with it, so that they give up hours where it costs least: a stint
 * later in the week rather than one in the next 24 hours. On the other days they stay beside
 * anyone who relies on them unless only `pinned` is to be kept there. The state is left as it was.
 */
function takeOver(
  state: SearchState,
  p: number,
  day: number,
  required: Required,
  pinned: Map<number, number> | undefined,
  keep: "relied on" | "pins only" = "relied on",
): Map<number, DayPlan> | null {
  const old = state.setDay(p, day, []);
  const planned = keep === "relied on" ? bestDay(state, p, day, required) : null;
  state.setDay(p, day, old);
  if (planned) return new Map([[day, planned.plan]]);
  const days = state.inst.dates.map((_, d) => d);
  const pinsOn = (d: number): Required =>
    new Map([...(pinned ?? [])].filter(([g]) => (state.inst.slots[g] as SlotInfo).day === d));
  const needs = new Map(
    days.map((d) => [d, d === day ? required : keep === "pins only" ? pinsOn(d) : requiredOf(state, p, d, pinned)]),
  );
  const week = days.map((d) => state.setDay(p, d, []));
  const plans = bestDays(state, p, days, needs)?.plans ?? null;
  for (const d of days) state.setDay(p, d, week[d] as DayPlan);
  return plans;
}

/** The gap levels of the published rota before the change (see `changesPublishedGaps`). */
function beforeLevels(problem: Problem, published: RotaInput, change: Change, like: SearchState): GapLevels {
  if (changesPublishedGaps(change)) return publishedLevels(problem, published);
  return gapLevelsOfPlacements(like, like.inst.reference?.at ?? []);
}

/**
 * The gaps that were there before, less those in the time a removed absence gives back: a mistaken
 * absence's unfilled gaps are the ones its undoing is for, so they are filled first as opened ones.
 */
function freed(inst: Instance, had: Set<string>, change: Change, zone: string): Set<string> {
  const back = (change.removeAbsences ?? []).map((r) => [parseDated(r.from, zone), parseDated(r.to, zone)]);
  if (back.length === 0) return had;
  const inside = (g: number) => {
    const slot = inst.slots[g] as SlotInfo;
    return back.some(([from, to]) => (from as number) < slot.end && slot.start < (to as number));
  };
  return new Set([...had].filter((gap) => !inside(Number(gap.slice(gap.indexOf("@") + 1)))));
}

/**
 * Whether the published rota's gaps differ from those it has loaded into the problem after the
 * change: only removed people (their stints are not loaded) and new cover bands change them;
 * absences, availability, pins and new people leave every published stint loaded and every demand
 * as it was. Compiling the problem before the change again took a fifth of a re-solve of the
 * typical week (profiled).
 */
function changesPublishedGaps(change: Change): boolean {
  return (change.removePeople?.length ?? 0) > 0 || (change.cover?.length ?? 0) > 0;
}

/**
 * The gaps the published rota had before the change, keyed as `gapSlots` keys them. A change
 * cannot add or remove sites, points or opening hours, so slot and point indices match those of
 * the problem after it; what it opened (a removed person's stints, a busier band) is what differs.
 */
function publishedGaps(problem: Problem, published: RotaInput): Set<string> {
  const inst = compile(canonical(problem));
  const state = new SearchState(inst);
  loadPlacements(state, placementsOf(inst, published.assignments));
  return gapSlots(state);
}

/** Slots with a gap of any rule: "point@slot" for cover, "site:rule@slot" otherwise. */
function gapSlots(state: SearchState): Set<string> {
  const gaps = new Set<string>();
  for (let g = 0; g < state.G; g++) {
    if (state.leads[g] === 0) gaps.add(`lead@${g}`);
    if (state.edge[g] && state.keys[g] === 0) gaps.add(`key@${g}`);
    for (const k of state.inst.sites[(state.inst.slots[g] as SlotInfo).site]?.points ?? []) {
      if ((state.counted[k * state.G + g] as number) < (state.demandMin[k * state.G + g] as number))
        gaps.add(`${k}@${g}`);
    }
  }
  return gaps;
}

/**
 * Fewest changes, proven by counting where counting is enough: a repair that leaves every gap
 * level (minimum cover, a lead, a keyholder) where it was before the change, and changes no more
 * person-slots than the change took away plus what refilling the widest opened level needs, is
 * the fewest (`changesLowerBound`). Anything else is "not proven", unless the exact model is asked.
 */
function provenByCounting(
  inst: Instance,
  best: SearchState,
  before: GapLevels,
  lowerBound: (state: SearchState) => number,
): { minimal: boolean; minimalReason: string } {
  const changed = changesFrom(best.inst, best.at);
  if (changed === 0) return { minimal: true, minimalReason: "nothing had to change" };
  const what = `${changed} person-slots (${hoursOf(changed, inst.slotMinutes)}) changed`;
  const levels = gapLevelsOf(best);
  const order = (["cover", "lead", "keyholder"] as const)
    .map((level) => Math.sign(levels[level] - before[level]))
    .find((sign) => sign !== 0);
  if (order === -1)
    return { minimal: false, minimalReason: `${what}: it also fills gaps that were open before the change` };
  if (order === 1)
    return {
      minimal: false,
      minimalReason: `${what}; it leaves more open than before the change, and no fuller repair is proven impossible`,
    };
  const bound = lowerBound(best);
  if (changed <= bound)
    return {
      minimal: true,
      minimalReason:
        `${what}: those the change itself forces and one for each slot it opened; no repair that leaves ` +
        "cover, a lead and a keyholder as they were changes fewer",
    };
  return {
    minimal: false,
    minimalReason: `${what}; at least ${bound} were needed, and fewer than ${changed} is not proven impossible`,
  };
}

function hoursOf(slots: number, slotMinutes: number): string {
  const h = (slots * slotMinutes) / 60;
  return `${Number.isInteger(h) ? h : h.toFixed(1)} h`;
}
