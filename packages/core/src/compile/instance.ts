import { DEFAULT_MIN_REST_MINUTES, DEFAULT_MIN_SHIFT_MINUTES } from "../model/defaults";
import { DAYS, minutesOf, type Day } from "../model/primitives";
import type { Problem, TrainingState } from "../model/problem";
import type { Assignment } from "../model/rota";
import { resolveWeights, type WeightTable } from "../model/weights";
import { parseDated, siteSlots, siteZone, weekDates } from "../time/week";

/**
 * The problem compiled for search: every site's week as one global slot index, and per person and
 * point the facts the model needs (may work here, trained how, wants this). Built once per solve;
 * the independent checker never reads it.
 */
export interface Instance {
  problem: Problem;
  slotMinutes: number;
  weights: WeightTable;
  minRestMs: number;
  studentAloneAllowed: boolean;
  dates: string[];
  sites: SiteInfo[];
  slots: SlotInfo[];
  points: PointInfo[];
  people: PersonInfo[];
  pins: PinInfo[];
  /** the published rota a re-solve changes as little as it can (absent when solving afresh) */
  reference?: Reference;
}

export interface Reference {
  assignments: readonly Assignment[];
  /** per person: the published point per global slot, −1 where not working */
  at: Int16Array[];
  /** instant before which nothing changes */
  now: number;
  /** per global slot: what changing one person's placement there costs (soon costs more) */
  changeCost: Float64Array;
}

export interface CompileOptions {
  /** the published rota and the moment of the re-solve */
  reference?: { assignments: readonly Assignment[]; now: number };
  /**
   * An instance compiled before (a re-solve's last one): where its slots, points and roster are this
   * problem's, a person written exactly as there keeps their entry (their week of slots, ~9 bytes a
   * person-slot, was most of a large re-solve's compile and of its garbage: decisions.md §15, seventh
   * round). Judged by content, not by object, so a problem edited in place is compiled afresh; entries
   * are never written after compile, so sharing them is safe.
   */
  reuse?: Instance;
}

export interface SiteInfo {
  index: number;
  id: string;
  name: string;
  zone: string;
  points: number[];
  /** global slot ids in time order */
  slots: number[];
  /** maximal runs of back-to-back open slots (touching windows merge) */
  runs: number[][];
  /** the slots of each date of the week (index as `dates`), in time order */
  slotsByDay: number[][];
}

export interface SlotInfo {
  index: number;
  site: number;
  start: number;
  end: number;
  date: string;
  /**
   * 0 = Monday of the problem week … 6 = Sunday, local to the site (the week starts on a Monday, so this is also the
   * weekday)
   */
  day: number;
  minute: number;
  /** previous/next open slot of the same site that touches this one, or -1 */
  prev: number;
  next: number;
  weekend: boolean;
}

export interface Demand {
  min: number;
  target: number;
  max: number;
}

export interface PointInfo {
  index: number;
  id: string;
  name: string;
  kind: string;
  site: number;
  /** stint limit in slots; Infinity when the point has none */
  maxStintSlots: number;
  /** demand per global slot id of the site; undefined where no band covers the slot (closed) */
  demand: (Demand | undefined)[];
}

export interface PersonInfo {
  index: number;
  id: string;
  name: string;
  student: boolean;
  lead: boolean;
  keyholder: boolean;
  sites: number[];
  /** training per point index */
  training: TrainingState[];
  mentor: number;
  /** 1 where the person may be at work in that global slot (site allowed, available, not absent) */
  available: Uint8Array;
  /** preference weight per global slot (0 = none) */
  preference: Float64Array;
  minShiftSlots: number;
  maxShiftsPerDay: number;
  maxDaySlots: number;
  maxWeekSlots: number;
  targetSlots: number;
  minSlots: number;
}

export interface PinInfo {
  index: number;
  person: number;
  point: number;
  slots: number[];
}

const MINUTE = 60_000;

export function compile(problem: Problem, options: CompileOptions = {}): Instance {
  const slotMinutes = problem.slotMinutes;
  const dates = weekDates(problem.weekStart);
  const sites: SiteInfo[] = [];
  const slots: SlotInfo[] = [];
  const points: PointInfo[] = [];

  problem.sites.forEach((site, s) => {
    const zone = siteZone(problem, site);
    const info: SiteInfo = {
      index: s,
      id: site.id,
      name: site.name,
      zone,
      points: [],
      slots: [],
      runs: [],
      slotsByDay: dates.map(() => []),
    };
    let run: number[] = [];
    for (const slot of siteSlots(problem, site)) {
      const index = slots.length;
      const previous = slots[index - 1];
      const touches = previous !== undefined && previous.site === s && previous.end === slot.start;
      if (!touches && run.length > 0) {
        info.runs.push(run);
        run = [];
      }
      const day = dates.indexOf(slot.date);
      slots.push({
        index,
        site: s,
        start: slot.start,
        end: slot.end,
        date: slot.date,
        day,
        minute: slot.minute,
        prev: touches ? index - 1 : -1,
        next: -1,
        weekend: slot.day >= 5,
      });
      if (touches && previous) previous.next = index;
      info.slots.push(index);
      info.slotsByDay[day]?.push(index);
      run.push(index);
    }
    if (run.length > 0) info.runs.push(run);
    sites.push(info);
  });

  for (const [s, site] of problem.sites.entries()) {
    const info = sites[s] as SiteInfo;
    for (const point of site.servicePoints) {
      const demand: (Demand | undefined)[] = new Array(slots.length);
      for (const g of info.slots) {
        const slot = slots[g] as SlotInfo;
        for (const band of point.cover) {
          if (!band.days.includes(DAYS[slot.day] as Day)) continue;
          if (!(minutesOf(band.from) <= slot.minute && slot.minute + slotMinutes <= minutesOf(band.to))) continue;
          const target = band.target ?? band.min;
          const max = band.max ?? target;
          const current = demand[g];
          demand[g] = current
            ? {
                min: Math.max(current.min, band.min),
                target: Math.max(current.target, target),
                max: Math.max(current.max, max),
              }
            : { min: band.min, target, max };
        }
      }
      const index = points.length;
      info.points.push(index);
      points.push({
        index,
        id: point.id,
        name: point.name,
        kind: point.kind,
        site: s,
        maxStintSlots: point.maxStintMinutes === undefined ? Infinity : Math.floor(point.maxStintMinutes / slotMinutes),
        demand,
      });
    }
  }

  const personIndex = new Map(problem.people.map((p, i) => [p.id, i]));
  const siteIndex = new Map(problem.sites.map((s, i) => [s.id, i]));
  const reused = reusable(options.reuse, problem, slots, points);
  const people: PersonInfo[] = problem.people.map((person, index) => {
    const written = JSON.stringify(person);
    const kept = reused?.[index];
    if (kept && writtenAs.get(kept) === written) return kept;
    const allowedSites = person.sites.map((id) => siteIndex.get(id) ?? -1).filter((s) => s >= 0);
    const absences = (person.absences ?? []).map(
      (a) => [parseDated(a.from, problem.timeZone), parseDated(a.to, problem.timeZone)] as const,
    );
    const available = new Uint8Array(slots.length);
    const preference = new Float64Array(slots.length);
    // Read once per person, not once per slot (this loop runs over every person-slot each re-solve).
    const windows = DAYS.map((day) =>
      (person.availability?.[day] ?? []).map(([from, to]) => [minutesOf(from), minutesOf(to)] as const),
    );
    const wishes = (person.preferences ?? []).map((pref) => ({
      days: DAYS.map((day) => pref.days.includes(day)),
      from: minutesOf(pref.from),
      to: minutesOf(pref.to),
      weight: pref.weight,
    }));
    for (const s of allowedSites) {
      for (const g of (sites[s] as SiteInfo).slots) {
        const slot = slots[g] as SlotInfo;
        const open = (windows[slot.day] ?? []).some(
          ([from, to]) => from <= slot.minute && slot.minute + slotMinutes <= to,
        );
        const absent = absences.some(([from, to]) => from < slot.end && slot.start < to);
        if (open && !absent) available[g] = 1;
        for (const wish of wishes) {
          if (wish.days[slot.day] && wish.from <= slot.minute && slot.minute + slotMinutes <= wish.to) {
            preference[g] = (preference[g] ?? 0) + wish.weight;
          }
        }
      }
    }
    const training = points.map((point) => person.training?.[point.id] ?? person.training?.[point.kind] ?? "none");
    const quals = new Set(person.qualifications ?? []);
    const slotsOf = (hours: number) => (hours * 60) / slotMinutes;
    const info: PersonInfo = {
      index,
      id: person.id,
      name: person.name,
      student: person.role === "student",
      lead: quals.has("lead"),
      keyholder: quals.has("keyholder"),
      sites: allowedSites,
      training,
      mentor: person.mentor === undefined ? -1 : (personIndex.get(person.mentor) ?? -1),
      available,
      preference,
      minShiftSlots: Math.max(1, Math.ceil((person.shifts?.minMinutes ?? DEFAULT_MIN_SHIFT_MINUTES) / slotMinutes)),
      maxShiftsPerDay: person.shifts?.maxPerDay ?? 1,
      maxDaySlots: person.hours.maxPerDay === undefined ? Infinity : Math.floor(slotsOf(person.hours.maxPerDay) + 1e-9),
      maxWeekSlots: Math.floor(slotsOf(person.hours.max ?? person.hours.target) + 1e-9),
      targetSlots: slotsOf(person.hours.target),
      minSlots: slotsOf(person.hours.min ?? 0),
    };
    writtenAs.set(info, written);
    return info;
  });

  const pointIndex = new Map(points.map((p) => [p.id, p.index]));
  const pins: PinInfo[] = (problem.pinned ?? []).map((pin, index) => {
    const point = pointIndex.get(pin.point) ?? -1;
    const from = parseDated(pin.start, problem.timeZone);
    const to = parseDated(pin.end, problem.timeZone);
    const site = points[point]?.site ?? -1;
    const covered = (sites[site]?.slots ?? []).filter((g) => {
      const slot = slots[g] as SlotInfo;
      return slot.start >= from && slot.end <= to;
    });
    return { index, person: personIndex.get(pin.person) ?? -1, point, slots: covered };
  });

  const weights = resolveWeights(problem.weights);
  return {
    problem,
    slotMinutes,
    weights,
    ...(options.reference
      ? { reference: referenceOf(options.reference, problem, slots, sites, points, people, weights) }
      : {}),
    minRestMs: (problem.rules?.minRestMinutes ?? DEFAULT_MIN_REST_MINUTES) * MINUTE,
    studentAloneAllowed: problem.rules?.studentAloneAllowed ?? false,
    dates,
    sites,
    slots,
    points,
    people,
    pins,
  };
}

/** How each compiled person was written in the problem (JSON): `reuse` keeps an entry only for the same text. */
const writtenAs = new WeakMap<PersonInfo, string>();

/**
 * The people of `reuse`, by index, where what their entries are worked out from besides the person
 * (the slots, their local minutes, the sites and points, the roster's order, the zone) is as here.
 */
function reusable(
  reuse: Instance | undefined,
  problem: Problem,
  slots: readonly SlotInfo[],
  points: readonly PointInfo[],
): readonly PersonInfo[] | undefined {
  if (!reuse || reuse.problem.timeZone !== problem.timeZone || reuse.problem.slotMinutes !== problem.slotMinutes)
    return undefined;
  const sameSlots =
    reuse.slots.length === slots.length &&
    slots.every((slot, g) => {
      const was = reuse.slots[g] as SlotInfo;
      return was.start === slot.start && was.end === slot.end && was.site === slot.site && was.minute === slot.minute;
    });
  const samePoints =
    reuse.sites.length === problem.sites.length &&
    problem.sites.every((site, s) => reuse.sites[s]?.id === site.id) &&
    reuse.points.length === points.length &&
    points.every((k, i) => reuse.points[i]?.id === k.id && reuse.points[i]?.kind === k.kind);
  const before = reuse.problem.people;
  const sameRoster = before.length === problem.people.length && before.every((p, i) => p.id === problem.people[i]?.id);
  return sameSlots && samePoints && sameRoster ? reuse.people : undefined;
}

const DAY_MS = 86_400_000;

function referenceOf(
  given: NonNullable<CompileOptions["reference"]>,
  problem: Problem,
  slots: SlotInfo[],
  sites: SiteInfo[],
  points: PointInfo[],
  people: PersonInfo[],
  weights: WeightTable,
): Reference {
  const at = placementsOf({ problem, slots, sites, points, people }, given.assignments);
  const perSlot = (weights.stability * problem.slotMinutes) / 60;
  const changeCost = Float64Array.from(slots, (slot) =>
    slot.start < given.now ? 0 : slot.start < given.now + DAY_MS ? perSlot * weights.stabilitySoon : perSlot,
  );
  return { assignments: given.assignments, at, now: given.now, changeCost };
}

/** Per person, the point of each global slot that the assignments put them at (−1: not working). */
export function placementsOf(
  inst: Pick<Instance, "problem" | "slots" | "sites" | "points" | "people">,
  assignments: readonly Assignment[],
): Int16Array[] {
  const at = inst.people.map(() => new Int16Array(inst.slots.length).fill(-1));
  const personIndex = new Map(inst.people.map((p) => [p.id, p.index]));
  const pointIndex = new Map(inst.points.map((k) => [k.id, k.index]));
  for (const a of assignments) {
    const p = personIndex.get(a.person);
    const k = pointIndex.get(a.point);
    if (p === undefined || k === undefined) continue;
    const from = parseDated(a.start, inst.problem.timeZone);
    const to = parseDated(a.end, inst.problem.timeZone);
    for (const g of inst.sites[(inst.points[k] as PointInfo).site]?.slots ?? []) {
      const slot = inst.slots[g] as SlotInfo;
      if (slot.start >= from && slot.end <= to) (at[p] as Int16Array)[g] = k;
    }
  }
  return at;
}
