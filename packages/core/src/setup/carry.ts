import { z } from "zod";
import { DeskrotaInputError } from "../solve/errors";
import { Id, IsoDate } from "../model/primitives";
import type { Problem, Preference } from "../model/problem";
import type { RotaInput } from "../model/rota";
import { trainingFor } from "../rules/training";
import { DEFAULT_EVENING_FROM } from "../model/defaults";
import { minutesOf } from "../model/primitives";
import { rosterableHours, weekFacts } from "./facts";
import { type Setup, shadowingThreshold } from "./schema";

/** One person's running totals over the published weeks of a term, in hours (shadowing in minutes). */
export const PersonCarry = z.strictObject({
  worked: z.number(),
  target: z.number(),
  fairShare: z.number(),
  unsocial: z.number(),
  unsocialShare: z.number(),
  shadowingMinutes: z.record(Id, z.number().min(0)),
  /** point ids where the shadowing threshold is reached and the coordinator has not yet confirmed */
  proposed: z.array(Id),
  /** the targets the weeks were solved with less the contract, summed (absent in carries before it was kept) */
  shift: z.number().optional(),
});
export type PersonCarry = z.infer<typeof PersonCarry>;

/** What published weeks hand to the next ones (docs/setup.md, "Carry-over"). */
export const Carry = z.strictObject({
  version: z.literal(1),
  /** the Mondays of the weeks folded in, in order */
  weeks: z.array(IsoDate),
  people: z.record(Id, PersonCarry),
});
export type Carry = z.infer<typeof Carry>;

export const EMPTY_CARRY: Carry = { version: 1, weeks: [], people: {} };

/** worked − contracted target, summed over the term */
export const hoursBalance = (c: PersonCarry) => c.worked - c.target;
/** worked − fair share, summed over the term: what the next targets correct */
export const fairBalance = (c: PersonCarry) => c.worked - c.fairShare;
export const unsocialBalance = (c: PersonCarry) => c.unsocial - c.unsocialShare;

/**
 * Fold one published week into the carry. `setup` is the one the week was built from: its
 * contracted targets (not the shifted ones the week was solved with) and its training policy.
 */
export function carryForward(carry: Carry, problem: Problem, rota: RotaInput, setup: Setup): Carry {
  const people: Record<string, PersonCarry> = { ...carry.people };
  const points = problem.sites.flatMap((s) => s.servicePoints);
  const byId = new Map(problem.people.map((p) => [p.id, p]));
  for (const week of weekFacts(problem, rota, setup)) {
    const before = people[week.person] ?? {
      worked: 0,
      target: 0,
      fairShare: 0,
      unsocial: 0,
      unsocialShare: 0,
      shadowingMinutes: {},
      proposed: [],
    };
    const shadowingMinutes = { ...before.shadowingMinutes };
    for (const [point, minutes] of Object.entries(week.shadowingMinutes)) {
      shadowingMinutes[point] = (shadowingMinutes[point] ?? 0) + minutes;
    }
    const person = byId.get(week.person);
    const proposed = points
      .filter(
        (point) =>
          person !== undefined &&
          trainingFor(person, point) !== "independent" &&
          (shadowingMinutes[point.id] ?? 0) >= shadowingThreshold(setup, point.id) * 60,
      )
      .map((point) => point.id);
    const solvedWith = person?.hours.target ?? week.contract;
    people[week.person] = {
      worked: round(before.worked + week.worked),
      target: round(before.target + week.contract),
      fairShare: round(before.fairShare + week.fairShare),
      unsocial: round(before.unsocial + week.unsocial),
      unsocialShare: round(before.unsocialShare + week.unsocialShare),
      shadowingMinutes,
      proposed,
      shift: round((before.shift ?? 0) + solvedWith - week.contract),
    };
  }
  return { version: 1, weeks: [...carry.weeks, problem.weekStart], people };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** The least unsocial imbalance (hours) worth a nudge, and the strongest nudge (a preference weight). */
const UNSOCIAL_DEAD_BAND = 1;
const UNSOCIAL_MAX_WEIGHT = 3;

/**
 * Shift a freshly built week toward zero balances: each target moves by minus the person's fair-share
 * balance, scaled by `correctionGain` (clamped to their min/max and to the hours they can be rostered
 * that week, shadowing included), and a person with more (fewer) unsocial hours than their share gets
 * a "would rather not" ("wants") preference for evenings and weekends, stronger the larger the imbalance.
 */
export function applyCarry(problem: Problem, carry: Carry): Problem {
  const available = rosterableHours(problem);
  const gain = correctionGain(carry);
  const evening = eveningOnGrid(problem);
  const weeks = carry.weeks.length;
  const people = problem.people.map((person) => {
    const c = carry.people[person.id];
    if (!c) return person;
    const hours = { ...person.hours };
    const ceiling = Math.min(hours.max ?? Number.POSITIVE_INFINITY, available.get(person.id) ?? 0);
    const floor = Math.min(hours.min ?? 0, ceiling);
    const shifted = Math.max(floor, Math.min(ceiling, hours.target - gain * (fairBalance(c) + drift(c, gain, weeks))));
    hours.target = Math.round(Math.max(shifted, 0) * 4) / 4;
    if (hours.min !== undefined && hours.min > hours.target) hours.min = hours.target;
    if (hours.max !== undefined && hours.max < hours.target) hours.max = hours.target;
    const imbalance = unsocialBalance(c);
    const preferences = [...(person.preferences ?? [])];
    if (Math.abs(imbalance) >= UNSOCIAL_DEAD_BAND) {
      const strength = Math.min(UNSOCIAL_MAX_WEIGHT, Math.ceil(Math.abs(imbalance) / 2));
      const weight = imbalance > 0 ? -strength : strength;
      preferences.push(...unsocialPreferences(evening, weight));
    }
    return preferences.length ? { ...person, hours, preferences } : { ...person, hours };
  });
  return { ...problem, people };
}

/**
 * How far a week takes the person from their share whatever their target, in hours: the balance less
 * what the targets' shifts explain (a target x higher brings x ÷ gain more), per week, shrunk toward 0
 * as if one more week had shown none. Correcting the balance alone leaves a steady balance where such
 * a drift persists (the target must then stay shifted, and only a balance keeps it so); correcting the
 * drift too brings the balance itself to 0.
 */
function drift(c: PersonCarry, gain: number, weeks: number): number {
  return (fairBalance(c) - (c.shift ?? 0) / gain) / (weeks + 1);
}

/**
 * When the desks need fewer hours than the contracts add up to, the solver shares the shortfall in
 * proportion to targets, so a target raised by x hours brings about x × (worked ÷ contracted) more:
 * the shift is scaled up by the inverse of that ratio (at most double) to make up a balance in one week.
 */
function correctionGain(carry: Carry): number {
  const all = Object.values(carry.people);
  const worked = all.reduce((sum, c) => sum + c.worked, 0);
  const target = all.reduce((sum, c) => sum + c.target, 0);
  if (worked <= 0 || target <= 0) return 1;
  return 1 / Math.min(1, Math.max(0.5, worked / target));
}

function unsocialPreferences(evening: string, weight: number): Preference[] {
  const weekdays: Preference["days"] = ["mon", "tue", "wed", "thu", "fri"];
  return [
    { days: weekdays, from: evening, to: "24:00", weight },
    { days: ["sat", "sun"], from: "00:00", to: "24:00", weight },
  ];
}

/** `rules.eveningFrom` rounded up to the slot grid, so the nudge is a valid preference. */
function eveningOnGrid(problem: Problem): string {
  const minutes = minutesOf(problem.rules?.eveningFrom ?? DEFAULT_EVENING_FROM);
  const onGrid = Math.min(1440 - problem.slotMinutes, Math.ceil(minutes / problem.slotMinutes) * problem.slotMinutes);
  return `${String(Math.floor(onGrid / 60)).padStart(2, "0")}:${String(onGrid % 60).padStart(2, "0")}`;
}

/**
 * The coordinator confirms that a person works `point` (a service-point id or kind) on their own:
 * a new setup with that training state set to independent.
 */
export function confirmTraining(setup: Setup, personId: string, point: string): Setup {
  const issues = [];
  const index = setup.people.findIndex((p) => p.id === personId);
  if (index < 0) issues.push({ path: "person", code: "unknown_reference", message: `there is no person ${personId}` });
  const known = setup.sites.some((s) => s.servicePoints.some((p) => p.id === point || p.kind === point));
  if (!known) {
    issues.push({
      path: "point",
      code: "unknown_reference",
      message: `${point} is neither a service point nor a kind`,
    });
  }
  if (issues.length) throw new DeskrotaInputError(issues);
  const people = setup.people.map((p, i) =>
    i === index ? { ...p, training: { ...p.training, [point]: "independent" as const } } : p,
  );
  return { ...setup, people };
}
