import type { GapCause, Uncovered } from "../model/rota";
import { formatInstant, parseDated } from "../time/week";
import type { SlotInfo } from "../compile/instance";
import type { SearchState } from "./search/state";
import { bestTake, coverGain, pinnedSlots, type PinnedSlots } from "./take";

/** A maximal run of slots where one gap rule's demand is unmet by the same amount. */
export interface GapRun {
  rule: "cover" | "supervision" | "keyholder";
  /** point index for cover, site index otherwise */
  target: number;
  slots: number[];
  missing: number;
}

/** Every gap of the final rota, as maximal runs (touching slots, same number missing). */
export function gapRuns(state: SearchState): GapRun[] {
  const inst = state.inst;
  const runs: GapRun[] = [];
  const collect = (
    rule: GapRun["rule"],
    target: number,
    slots: readonly number[],
    missingAt: (g: number) => number,
  ) => {
    let run: GapRun | undefined;
    for (const g of slots) {
      const missing = missingAt(g);
      const touches = run !== undefined && (inst.slots[g] as SlotInfo).prev === run.slots[run.slots.length - 1];
      if (missing > 0 && run && touches && run.missing === missing) run.slots.push(g);
      else {
        if (run) runs.push(run);
        run = missing > 0 ? { rule, target, slots: [g], missing } : undefined;
      }
    }
    if (run) runs.push(run);
  };
  for (const point of inst.points) {
    collect("cover", point.index, inst.sites[point.site]?.slots ?? [], (g) =>
      Math.max(
        0,
        (state.demandMin[point.index * state.G + g] as number) - (state.counted[point.index * state.G + g] as number),
      ),
    );
  }
  for (const site of inst.sites) {
    collect("supervision", site.index, site.slots, (g) => (state.leads[g] === 0 ? 1 : 0));
    collect("keyholder", site.index, site.slots, (g) => (state.edge[g] && state.keys[g] === 0 ? 1 : 0));
  }
  return runs;
}

interface Diagnosis {
  cause: GapCause;
  reason: string;
}

/**
 * Why a gap is left: the binding cause among the people who could have filled it, in a
 * coordinator's words. Causes are tried from the most structural (nobody trained) to the most
 * contingent (everyone able is needed elsewhere, or filling it would cost more than it gains).
 */
export function explainGap(state: SearchState, run: GapRun): Diagnosis {
  const inst = state.inst;
  const siteIndex = run.rule === "cover" ? (inst.points[run.target]?.site ?? 0) : run.target;
  const site = inst.sites[siteIndex];
  const point = run.rule === "cover" ? inst.points[run.target] : undefined;
  const what = point ? point.name : "";
  const atSite = inst.people.filter((p) => p.sites.includes(siteIndex));
  const eligible =
    run.rule === "cover"
      ? atSite.filter((p) => p.training[run.target] === "independent")
      : atSite.filter((p) => (run.rule === "supervision" ? p.lead : p.keyholder));
  const role = run.rule === "supervision" ? "lead" : "keyholder";
  const names = (list: { name: string }[]) =>
    list
      .slice(0, 3)
      .map((p) => p.name)
      .join(", ") + (list.length > 3 ? ` and ${list.length - 3} more` : "");

  if (eligible.length === 0) {
    if (run.rule === "cover") {
      const shadowing = atSite.filter((p) => p.training[run.target] === "shadowing");
      return shadowing.length > 0
        ? {
            cause: "only-shadowing",
            reason:
              `only people still shadowing on ${what} (${names(shadowing)}) work at ${site?.name}; they do not ` +
              `count toward cover`,
          }
        : { cause: "nobody-trained", reason: `nobody who works at ${site?.name} is trained for ${what}` };
    }
    return {
      cause: run.rule === "supervision" ? "no-lead-available" : "no-keyholder-available",
      reason: `nobody with ${role} works at ${site?.name}`,
    };
  }
  const allowed = (p: number, g: number) => {
    const options = state.options[p]?.[g];
    return options !== undefined && (run.rule !== "cover" || options.includes(run.target));
  };
  const available = eligible.filter((p) => run.slots.some((g) => allowed(p.index, g)));
  const onSiteThen = eligible.filter((p) => run.slots.some((g) => p.available[g] === 1));
  if (available.length === 0 && onSiteThen.length > 0 && run.rule !== "cover") {
    return {
      cause: "nobody-trained",
      reason:
        `${names(onSiteThen)} ${onSiteThen.length === 1 ? "has" : "have"} ${role} and ` +
        `${onSiteThen.length === 1 ? "is" : "are"} available, but not trained for any desk open then`,
    };
  }
  // Only shadowing is the binding cause when there is nobody independent to shadow, not otherwise.
  const onlyShadowing = available.filter((p) =>
    run.slots.every((g) => {
      const options = state.options[p.index]?.[g] ?? [];
      return (
        options.every((k) => p.training[k] === "shadowing") &&
        options.every((k) => state.counted[k * state.G + g] === 0)
      );
    }),
  );
  if (run.rule !== "cover" && available.length > 0 && onlyShadowing.length === available.length) {
    return {
      cause: "only-shadowing",
      reason:
        `${names(onlyShadowing)} can only shadow on the desks open then, and nobody independent is there to ` +
        `shadow`,
    };
  }
  if (available.length === 0) {
    const absent = eligible.filter((p) =>
      (inst.problem.people[p.index]?.absences ?? []).some((a) => {
        const from = parseDated(a.from, inst.problem.timeZone);
        const to = parseDated(a.to, inst.problem.timeZone);
        return run.slots.some((g) => from < (inst.slots[g] as SlotInfo).end && (inst.slots[g] as SlotInfo).start < to);
      }),
    );
    const who =
      run.rule === "cover"
        ? `the ${eligible.length} ${eligible.length === 1 ? "person" : "people"} trained for ${what}`
        : `the ${eligible.length} ${eligible.length === 1 ? "person" : "people"} with ${role} at ${site?.name}`;
    const cause: GapCause =
      run.rule === "cover"
        ? "nobody-available"
        : run.rule === "supervision"
          ? "no-lead-available"
          : "no-keyholder-available";
    return { cause, reason: `none of ${who} is available then${absent.length ? ` (${names(absent)} absent)` : ""}` };
  }
  // Someone could have been there: find what holds each of them back. For a desk, first whether
  // they could take it at all with the rest of the rota as it is (the fact the swap candidates
  // rest on): then what stops it is a trade-off, not a rule.
  type Why =
    | "could-take"
    | "hours-used-up"
    | "stint-limit"
    | "student-alone"
    | "one-site-per-day"
    | "traded-off"
    | "shift-rules"
    | "point-full";
  const reasons = new Map<Why, { name: string }[]>();
  let blockingPoint = -1;
  const note = (cause: Why, p: { name: string }) => reasons.set(cause, [...(reasons.get(cause) ?? []), p]);
  const pins: PinnedSlots = run.rule === "cover" ? pinnedSlots(inst) : new Map();
  const day = (inst.slots[run.slots[0] as number] as SlotInfo).day;
  const slotsOf = (p: { index: number }) => run.slots.filter((g) => allowed(p.index, g));
  // Someone already on the desk throughout cannot be there twice.
  const there = available.filter(
    (p) => run.rule === "cover" && slotsOf(p).every((g) => state.at[p.index]?.[g] === run.target),
  );
  if (there.length === available.length)
    return {
      cause: "nobody-available",
      reason: `everyone trained for ${what} and available then is already on it (${names(there)})`,
    };
  for (const p of available.filter((q) => !there.includes(q))) {
    const slots = slotsOf(p);
    const blocking = stintBlocked(state, p.index, slots);
    // Someone who could take it whole as things stand (rearranging their own day: another desk or
    // site, a break from a stint) is a trade-off, never held back by a rule.
    if (run.rule === "cover" && takesWhole(state, p.index, run, pins)) note("could-take", p);
    else if (slots.every((g) => (state.at[p.index]?.[g] ?? -1) >= 0)) note("traded-off", p);
    else if (elsewhereThatDay(state, p.index, day, siteIndex)) note("one-site-per-day", p);
    // No staff member on site whenever they are free for it (and not already on it): whatever else
    // holds a student back, this does first. Staff there only while the student is away do not help.
    else if (
      p.student &&
      !inst.studentAloneAllowed &&
      slots.every((g) => state.at[p.index]?.[g] === run.target || state.staff[g] === 0)
    )
      note("student-alone", p);
    // A rule is named only where it binds: without it, they could take part of the gap.
    else if (
      (state.worked[p.index] as number) + 1 > p.maxWeekSlots &&
      lifted(p, "maxWeekSlots", state.G, () => takesPart(state, p.index, run, pins))
    )
      note("hours-used-up", p);
    else if (blocking >= 0 && stintBinds(state, p.index, run, pins, blocking)) {
      blockingPoint = blocking;
      note("stint-limit", p);
    } else if (
      run.rule === "cover" &&
      point &&
      slots.every(
        (g) =>
          (state.counted[point.index * state.G + g] as number) >=
          (state.demandMax[point.index * state.G + g] as number),
      )
    )
      note("point-full", p);
    // No rule stands out: the rules of a shift together hold them back.
    else note("shift-rules", p);
  }
  const order: Why[] = [
    "could-take",
    "traded-off",
    "one-site-per-day",
    "student-alone",
    "hours-used-up",
    "stint-limit",
    "shift-rules",
    "point-full",
  ];
  const why = order.find((c) => reasons.has(c)) ?? "shift-rules";
  const who = reasons.get(why) ?? [];
  const are = (one: string, many: string) => (who.length === 1 ? one : many);
  const words: Record<Why, string> = {
    "could-take":
      `${names(who)} could take it, but only by leaving as much uncovered elsewhere or at a cost the ` +
      `rota weighs as greater (hours, preferences): see the swap candidates`,
    "hours-used-up": `hour caps used up: ${names(who)} ${are("has", "have")} reached the weekly maximum`,
    "stint-limit":
      `stint limit: ${names(who)} would go over ${inst.points[blockingPoint]?.name}'s ` +
      `${(inst.points[blockingPoint]?.maxStintSlots ?? 0) * inst.slotMinutes} min limit`,
    "student-alone":
      `students are never on site without a staff member: ${names(who)} ` +
      `${are("is a student", "are students")} and no staff member is at ${site?.name} while they are free`,
    "one-site-per-day": `one site a day: ${names(who)} ${are("works", "work")} at another site that day`,
    "traded-off": `everyone able is needed elsewhere then (${names(who)} ${are("is", "are")} on other desks)`,
    "shift-rules":
      `shift rules: ${names(who)} could be there only by breaking the rules of a shift together (minimum ` +
      `shift length, rest, one shift a day, daily or weekly hours, stint limits)`,
    "point-full": `${what} is at its maximum headcount`,
  };
  return { cause: why === "could-take" ? "traded-off" : why, reason: words[why] };
}

/** The person's best day can take some of the run and leaves less minimum cover missing. */
function takesPart(state: SearchState, p: number, run: GapRun, pins: PinnedSlots): boolean {
  const take = bestTake(state, p, run.target, run.slots, pins).take;
  return take !== undefined && coverGain(state, p, take) > 0;
}

/**
 * `ask` with one limit lifted (to a finite number of slots: the week DP keys its states by the
 * room left), then put back: whether that limit alone is what binds.
 */
function lifted<K extends string>(holder: Record<K, number>, limit: K, to: number, ask: () => boolean): boolean {
  const kept = holder[limit];
  holder[limit] = to;
  try {
    return ask();
  } finally {
    holder[limit] = kept;
  }
}

/** Whether, without the point's stint limit, the person could take part of the run. */
function stintBinds(state: SearchState, p: number, run: GapRun, pins: PinnedSlots, k: number): boolean {
  const point = state.inst.points[k];
  return point !== undefined && lifted(point, "maxStintSlots", state.G, () => takesPart(state, p, run, pins));
}

/** The person's best day can take the whole run and leaves less minimum cover missing. */
function takesWhole(state: SearchState, p: number, run: GapRun, pins: PinnedSlots): boolean {
  const take = bestTake(state, p, run.target, run.slots, pins, new Map(), () => true, false).take;
  return take !== undefined && take.run.length === run.slots.length && coverGain(state, p, take) > 0;
}

/** The person works at another site that day (one site a day). */
function elsewhereThatDay(state: SearchState, p: number, day: number, site: number): boolean {
  return state.dayPlan(p, day).some(({ slot }) => (state.inst.slots[slot] as SlotInfo).site !== site);
}

/**
 * The person works right before or after these slots at a point with a stint limit, and staying on
 * through them would break it (with nothing else open to move to).
 */
function stintBlocked(state: SearchState, p: number, slots: number[]): number {
  const inst = state.inst;
  const at = state.at[p] as Int16Array;
  const first = inst.slots[slots[0] as number] as SlotInfo;
  const last = inst.slots[slots[slots.length - 1] as number] as SlotInfo;
  for (const neighbour of [first.prev, last.next]) {
    const k = neighbour >= 0 ? (at[neighbour] as number) : -1;
    const limit = k >= 0 ? (inst.points[k]?.maxStintSlots ?? Infinity) : Infinity;
    if (!Number.isFinite(limit)) continue;
    let stint = 0;
    for (
      let g = neighbour;
      g >= 0 && at[g] === k;
      g = neighbour === first.prev ? (inst.slots[g] as SlotInfo).prev : (inst.slots[g] as SlotInfo).next
    )
      stint++;
    if (stint + slots.length > limit) return k;
  }
  return -1;
}

export function uncoveredOf(state: SearchState): Uncovered[] {
  const inst = state.inst;
  return gapRuns(state).map((run) => {
    const first = inst.slots[run.slots[0] as number] as SlotInfo;
    const last = inst.slots[run.slots[run.slots.length - 1] as number] as SlotInfo;
    const zone = inst.sites[first.site]?.zone ?? inst.problem.timeZone;
    const { cause, reason } = explainGap(state, run);
    const where =
      run.rule === "cover" ? { point: inst.points[run.target]?.id ?? "" } : { site: inst.sites[run.target]?.id ?? "" };
    return {
      rule: run.rule,
      ...where,
      start: formatInstant(first.start, zone),
      end: formatInstant(last.end, zone),
      missing: run.missing,
      reason,
      cause,
    };
  });
}
