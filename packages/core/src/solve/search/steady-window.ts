import type { SlotInfo } from "../../compile/instance";
import type { DayPlan, SearchState } from "./state";

/** A relabelled window: each person-day whose points change, with its whole new plan. */
export type Relabel = { p: number; day: number; plan: DayPlan }[];

/** how far either side of a short stint the windows tried reach */
const REACH_MINUTES = [120, 240];
/** people relabelled together at most: the assignments per slot grow as their factorial */
const MAX_PEOPLE = 5;
/**
 * DP steps (states times a slot's assignments) per window at most; a window past it is left as it
 * is. The 10 s rotas' survivors on large-system took up to ~75 000 at a busy site (five people, two
 * points with a stint limit, four hours either side).
 */
const MAX_STEPS = 100_000;
/**
 * DP steps over all the windows of one finish: a solve stopped early leaves a young rota with many
 * short stints, and its finish must stay short (it runs after the search's deadline). ~2–3 µs a step.
 */
export const WINDOW_BUDGET = 300_000;

const NONE = -1;

/**
 * Hand-overs in turn among several people at one site (A→B→C at a desk with a stint limit) leave
 * a short stint that no change of one or two person-days removes: every turn would have to move.
 * This re-labels a window of slots around the stint exactly among the people counted at the site
 * beside it: each keeps the slots they work, each slot keeps the same number counted at each point
 * (a shadower may change places with a colleague), and a DP over the window's slots finds the
 * labelling with the fewest stints under an hour, then the fewest stints, then the fewest slots
 * changed, within every stint limit and each person's allowed points; only a labelling with fewer
 * stints under an hour than the window has now is returned. Each window's DP steps are taken from
 * `budget`, shared by the whole finish. The caller judges the result with the day DP, the gaps and
 * the objective.
 */
export function windowRelabels(
  state: SearchState,
  p: number,
  stint: readonly number[],
  budget: { steps: number },
): Relabel[] {
  const out: Relabel[] = [];
  const seen = new Set<string>();
  for (const minutes of REACH_MINUTES) {
    const found = relabelled(state, p, stint, Math.round(minutes / state.inst.slotMinutes), budget);
    if (!found) continue;
    const key = JSON.stringify(found);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(found);
  }
  return out;
}

interface Window {
  slots: number[];
  people: number[];
}

/** The site's open slots within `reach` of the stint on its date, and who works at the site near the stint. */
function windowOf(state: SearchState, p: number, stint: readonly number[], reach: number): Window | undefined {
  const inst = state.inst;
  const first = inst.slots[stint[0] as number] as SlotInfo;
  const last = inst.slots[stint[stint.length - 1] as number] as SlotInfo;
  const daySlots = inst.sites[first.site]?.slotsByDay[inst.dates.indexOf(first.date)] ?? [];
  const from = daySlots.indexOf(first.index);
  const to = daySlots.indexOf(last.index);
  if (from < 0 || to < 0) return undefined;
  const slots = daySlots.slice(Math.max(0, from - reach), to + reach + 1);
  // The people who could take over the stint: counted at the site in it or in the slots touching it
  // (a shadower beside them keeps their place).
  const near = [...stint, first.prev, last.next].filter((g) => g >= 0);
  const counted = (q: number, g: number) => {
    const k = (state.at[q] as Int16Array)[g] as number;
    return k >= 0 && !state.isShadow(q, k);
  };
  const others: number[] = [];
  for (let q = 0; q < state.P; q++) if (q !== p && near.some((g) => counted(q, g))) others.push(q);
  // At a large site more people are near than the DP can relabel together: those who work most
  // at the person's own points in the window go first, as they can take over the person's turns.
  const mine = new Set(slots.map((g) => (state.at[p] as Int16Array)[g] as number).filter((k) => k >= 0));
  const shared = (q: number) => slots.filter((g) => mine.has((state.at[q] as Int16Array)[g] as number)).length;
  const ranked = others.map((q) => ({ q, n: shared(q) })).sort((a, b) => b.n - a.n || a.q - b.q);
  const people = [p, ...ranked.slice(0, MAX_PEOPLE - 1).map(({ q }) => q)];
  if (people.length < 2) return undefined;
  return { slots, people };
}

/**
 * A DP state after a slot: per person the point they are at (NONE: not here) and how long they have
 * been there; the stints under an hour and the stints so far, the slots changed, and the state before.
 */
interface Entry {
  points: number[];
  runs: number[];
  short: number;
  stints: number;
  changed: number;
  from: Entry | undefined;
}

function relabelled(
  state: SearchState,
  p: number,
  stint: readonly number[],
  reach: number,
  budget: { steps: number },
): Relabel | undefined {
  const w = windowOf(state, p, stint, reach);
  if (!w) return undefined;
  const { slots, people } = w;
  const inst = state.inst;
  const limit = (k: number) => (inst.points[k]?.maxStintSlots ?? Infinity) as number;
  const current = people.map((q) => slots.map((g) => (state.at[q] as Int16Array)[g] as number));
  const first = inst.slots[slots[0] as number] as SlotInfo;
  const last = inst.slots[slots[slots.length - 1] as number] as SlotInfo;
  // The run each person brings into the window, and the one they go on with after it.
  const before = people.map((q) => runFrom(state, q, first.prev, "prev"));
  const after = people.map((q) => runFrom(state, q, last.next, "next"));
  // A state's key packs each person's point (by its place among the site's points) and run length.
  const sitePoints = inst.sites[first.site]?.points ?? [];
  const code = new Int32Array(inst.points.length);
  sitePoints.forEach((k, i) => {
    code[k] = i + 1;
  });
  const limits = inst.points.map((_, k) => limit(k));
  // Past an hour, how long a run at a point without a stint limit has gone on matters no more.
  const caps = limits.map((l) => Math.max(l === Infinity ? state.shortSlots : l, state.shortSlots));
  const runRadix = Math.max(state.shortSlots, ...sitePoints.map((k) => caps[k] as number)) + 1;
  const radix = (sitePoints.length + 1) * runRadix;
  if (radix ** people.length > Number.MAX_SAFE_INTEGER) return undefined;
  const runs = new Array<number>(people.length);
  const shortSlots = state.shortSlots;
  // Written by `advance` for the state it steps to (one object: a step allocates nothing).
  const stepped = { key: 0, short: 0, stints: 0, changed: 0 };
  /** Steps from `entry` with `choice` in the slot into `stepped` and `runs`; false past a stint limit. */
  const advance = (entry: Entry, choice: number[], now: number[], touching: boolean): boolean => {
    let { short, stints, changed } = entry;
    let key = 0;
    for (let i = 0, weight = 1; i < choice.length; i++, weight *= radix) {
      const k = choice[i] as number;
      const was = entry.points[i] as number;
      const run = entry.runs[i] as number;
      if (k !== now[i]) changed++;
      let length = 0;
      if (k >= 0 && k === was && touching) {
        if (run + 1 > (limits[k] as number)) return false;
        length = Math.min(run + 1, caps[k] as number);
      } else {
        if (was >= 0 && run < shortSlots) short++;
        if (k >= 0) {
          stints++;
          length = 1;
        }
      }
      runs[i] = length;
      key += ((k >= 0 ? (code[k] as number) : 0) * runRadix + length) * weight;
    }
    stepped.key = key;
    stepped.short = short;
    stepped.stints = stints;
    stepped.changed = changed;
    return true;
  };
  const start: Entry = {
    points: before.map((r) => r.point),
    runs: before.map((r) => (r.point === NONE ? 0 : Math.min(r.length, caps[r.point] as number))),
    short: 0,
    stints: 0,
    changed: 0,
    from: undefined,
  };
  const touches = slots.map((g, t) => t === 0 || (inst.slots[g] as SlotInfo).prev === slots[t - 1]);
  const nows = slots.map((_, t) => current.map((row) => row[t] as number));
  // The labelling as it is: only states with fewer stints under an hour than it are worth going on
  // with, and a state's count of them never falls.
  let walked: Entry | undefined = start;
  for (let t = 0; t < slots.length && walked; t++) {
    const now = nows[t] as number[];
    walked = advance(walked, now, now, touches[t] as boolean)
      ? { ...stepped, points: now, runs: [...runs], from: walked }
      : undefined;
  }
  const asIs = walked && close(state, walked, after, limit);
  if (!asIs || asIs.short === 0) return undefined;
  let layer: Entry[] = [start];
  let steps = 0;
  for (let t = 0; t < slots.length; t++) {
    const now = nows[t] as number[];
    const choices = assignments(state, people, slots[t] as number, now);
    steps += layer.length * choices.length;
    budget.steps -= layer.length * choices.length;
    if (steps > MAX_STEPS || budget.steps < 0) return undefined;
    const next = new Map<number, Entry>();
    for (const entry of layer)
      for (const choice of choices) {
        if (!advance(entry, choice, now, touches[t] as boolean) || stepped.short >= asIs.short) continue;
        const old = next.get(stepped.key);
        if (!old || better(stepped, old))
          next.set(stepped.key, { ...stepped, points: choice, runs: [...runs], from: entry });
      }
    if (next.size === 0) return undefined;
    layer = [...next.values()];
  }
  let best: Entry | undefined;
  for (const entry of layer) {
    const closed = close(state, entry, after, limit);
    if (closed && closed.short < asIs.short && (!best || better(closed, best))) best = closed;
  }
  if (!best) return undefined;
  const chosen: number[][] = people.map(() => new Array(slots.length));
  for (let e: Entry | undefined = best, t = slots.length - 1; e?.from; e = e.from, t--)
    e.points.forEach((k, i) => {
      (chosen[i] as number[])[t] = k;
    });
  const relabel: Relabel = [];
  people.forEach((q, i) => {
    const row = chosen[i] as number[];
    if (row.every((k, t) => k === current[i]?.[t])) return;
    const day = dayOf(state, q, slots);
    if (day < 0) return;
    const by = new Map(slots.map((g, t) => [g, row[t] as number]));
    relabel.push({ p: q, day, plan: state.dayPlan(q, day).map((x) => ({ ...x, point: by.get(x.slot) ?? x.point })) });
  });
  return relabel.length >= 2 ? relabel : undefined;
}

/** The run of one point that reaches `slot` going `way` from it: its point and length (NONE, 0 when not working). */
function runFrom(state: SearchState, q: number, slot: number, way: "prev" | "next"): { point: number; length: number } {
  const at = state.at[q] as Int16Array;
  if (slot < 0 || (at[slot] as number) < 0) return { point: NONE, length: 0 };
  const point = at[slot] as number;
  let length = 0;
  for (let g = slot; g >= 0 && at[g] === point; g = (state.inst.slots[g] as SlotInfo)[way]) length++;
  return { point, length };
}

/**
 * Every way to give the people working in slot g the same number counted at each point as now,
 * each at a point they may work at then; the others shadow, each beside someone counted at their
 * point (a shadower and a colleague may change places: the colleague counted where the shadower was).
 */
function assignments(state: SearchState, people: number[], g: number, now: number[]): number[][] {
  const shadow = (i: number, k: number) => state.isShadow(people[i] as number, k);
  const wanted = new Map<number, number>();
  now.forEach((k, i) => {
    if (k >= 0 && !shadow(i, k)) wanted.set(k, (wanted.get(k) ?? 0) + 1);
  });
  // Counted there by people outside the window, who stay.
  const mine = new Map(wanted);
  const outside = (k: number) => (state.counted[k * state.G + g] as number) - (mine.get(k) ?? 0);
  const out: number[][] = [];
  const chosen = now.map(() => NONE);
  const place = (i: number) => {
    if (i === now.length) {
      if ([...wanted.values()].some((left) => left > 0)) return;
      const mentored = chosen.every(
        (k, j) => k < 0 || !shadow(j, k) || outside(k) > 0 || chosen.some((m, o) => m === k && !shadow(o, m)),
      );
      if (mentored) out.push([...chosen]);
      return;
    }
    if ((now[i] as number) < 0) return place(i + 1);
    for (const k of state.options[people[i] as number]?.[g] ?? []) {
      const left = wanted.get(k) ?? 0;
      if (shadow(i, k)) {
        chosen[i] = k;
        place(i + 1);
        continue;
      }
      if (left === 0) continue;
      wanted.set(k, left - 1);
      chosen[i] = k;
      place(i + 1);
      wanted.set(k, left);
    }
    chosen[i] = NONE;
  };
  place(0);
  return out;
}

/** The window's last runs joined to the ones after it, where the person stays at the same point. */
function close(
  state: SearchState,
  entry: Entry,
  after: { point: number; length: number }[],
  limit: (k: number) => number,
): Entry | undefined {
  let { short, stints } = entry;
  for (let i = 0; i < after.length; i++) {
    const k = entry.points[i] as number;
    const run = entry.runs[i] as number;
    const next = after[i] as { point: number; length: number };
    if (k >= 0 && k === next.point) {
      if (run + next.length > limit(k)) return undefined;
      if (run + next.length < state.shortSlots) short++;
      continue;
    }
    if (k >= 0 && run < state.shortSlots) short++;
    if (next.point >= 0) {
      stints++;
      if (next.length < state.shortSlots) short++;
    }
  }
  return { ...entry, short, stints };
}

function better(a: Pick<Entry, "short" | "stints" | "changed">, b: Entry): boolean {
  if (a.short !== b.short) return a.short < b.short;
  if (a.stints !== b.stints) return a.stints < b.stints;
  return a.changed < b.changed;
}

/** The date index of the person's shifts that hold the window's slots. */
function dayOf(state: SearchState, q: number, slots: number[]): number {
  const at = state.at[q] as Int16Array;
  const worked = slots.find((g) => (at[g] as number) >= 0);
  if (worked === undefined) return NONE;
  for (let day = 0; day < state.inst.dates.length; day++)
    if (state.dayPlan(q, day).some((x) => x.slot === worked)) return day;
  return NONE;
}
