import { penalty } from "../rules/hours-fairness";
import type { Instance } from "../compile/instance";
import { bestDays } from "./search/dp";
import { SearchState } from "./search/state";
import { LooseWeeks, type PricedWeek } from "./loose-week";

/** Iterations without a better bound before the step is halved. */
const STALL = 8;
/**
 * How much of the previous direction each step keeps: the prices move from the best ones found
 * along a blend of this step's subgradient and the earlier ones (the volume algorithm's averaging),
 * instead of zig-zagging after each person's all-or-nothing week (docs/decisions.md §21).
 */
const DEFLECTION = 0.8;
/**
 * The second start, from the best prices, runs only where the time left is this many times what the
 * first start's loose steps took: its loose steps take ~3 times as long before its first DP bound, so
 * a 10 s solve, or a minute on a machine busy enough to slow the first start fourfold, keeps the
 * plain steps (docs/decisions.md §21).
 */
const STABLE_TIMES = 6;
/**
 * Steps from the best prices aim this share above the best bound (at most at the best rota): aimed at
 * the search's rota, which early in a solve is far above any bound, they overshoot, and the second
 * start then lost to the first (large system, rota 32 000: 20 210 against 20 319 at the first DP
 * bound; aimed 45 % above, 20 904, and the same with the best rota known as the aim).
 */
const AIM_ABOVE = 0.45;
/**
 * Iterations of the first pass, on loose weeks (`LooseWeeks`): each costs a few milliseconds on the
 * large system where one of the week DP costs a third of a second, and they take the prices most
 * of the way from their start (docs/decisions.md §16).
 */
const LOOSE_ITERATIONS = 1_000;
/**
 * The first pass ends early once its bound gains less than this share over LOOSE_WINDOW
 * iterations: on the large system it settles in a few hundred, and the week DP then adds more
 * (18 900 → 20 500 at the same prices) than the loose weeks would in a thousand.
 */
const LOOSE_SETTLED = 3e-3;
const LOOSE_WINDOW = 30;

export interface LagrangeOptions {
  /** the objective of the best rota known so far (an upper bound): subgradient steps aim at the gap to it */
  upper: () => number;
  /** starting prices as a share of the weights (measured best near half: docs/decisions.md) */
  startShare?: number;
  /** subgradient iterations of the first pass, on loose weeks */
  looseIterations?: number;
  /** subgradient iterations of the second pass; each prices every person's week once with the week DP */
  iterations?: number;
  /** in `clock` time; a function is asked again at each step (a caller may extend it) */
  deadline?: number | (() => number);
  clock?: () => number;
  onBound?(bound: number): void;
  /** every step, for measuring the bound alone (benchmarks' `bound`): which pass, its value and step */
  trace?(step: { pass: "loose" | "exact"; it: number; value: number; scale: number }): void;
}

/** The prices of the relaxed rows, per point and slot (λ, τ, μ) or per slot (σ, κ). */
interface Prices {
  lambda: Float64Array;
  tau: Float64Array;
  mu: Float64Array;
  sigma: Float64Array;
  kappa: Float64Array;
}

/** Steps from the last prices along the subgradient, or from the best ones along the blended direction. */
type Steps = "plain" | "stable";

/** One way of pricing a person's week, and the pass of the bound it belongs to. */
interface WeekPricing {
  pass: "loose" | "exact";
  week(p: number, valueAt: (k: number, g: number) => number): PricedWeek;
}

/**
 * A lower bound without a matrix: the rows that tie people together (minimum and target cover,
 * headcount, a lead and a keyholder on site) are priced instead of enforced, and each person's
 * week is then solved on its own. Everything else that ties people together (students with staff,
 * shadowing beside a colleague, the mentor's presence) is relaxed the generous way, and goals that
 * only add cost (unsocial fairness, rotation) and the rest rule are left out, so every price vector
 * gives a valid bound; subgradient steps move the prices up. A first pass prices loose weeks (cheap:
 * many steps in the first second), a second one the week DP's exact weeks from the best prices of
 * the first: the same prices bound at least as high with exact weeks.
 * The LP needs hundreds of megabytes and minutes on a large system; this needs the DP's memory.
 */
export function lagrangeBound(inst: Instance, options: LagrangeOptions): number | null {
  const empty = new SearchState(inst);
  const days = inst.dates.map((_, d) => d);
  const weeks = new LooseWeeks(empty);
  const loose: WeekPricing = { pass: "loose", week: (p, valueAt) => weeks.week(p, valueAt) };
  const exactWeek: WeekPricing["week"] = (p, valueAt) => {
    const person = inst.people[p];
    const week = person?.maxShiftsPerDay === 1 ? bestDays(empty, p, days, new Map(), { valueAt }) : null;
    if (!person || !week) return weeks.week(p, valueAt);
    const slots = [...week.plans.values()].flat();
    // bestDays prices hours relative to none; a week of none still costs its shortfall.
    const h = inst.slotMinutes / 60;
    return { cost: week.cost + penalty(0, person.targetSlots * h, person.minSlots * h, inst.weights), slots };
  };
  const exact: WeekPricing = { pass: "exact", week: exactWeek };
  const share = options.startShare ?? 0.5;
  const looseSteps = { ...options, iterations: options.looseIterations ?? LOOSE_ITERATIONS };
  const settled = { share: LOOSE_SETTLED, window: LOOSE_WINDOW };
  // Plain steps climb fastest from the starting prices, and the week DP at the prices they reach is
  // a useful bound within seconds; steps from the best prices climb slower but, on the large system,
  // end at prices where the week DP's steps gain more (docs/decisions.md §21). Both are priced by the
  // DP once, and its steps go on from the better, the way that reached it.
  const quick = subgradient(empty, startingPrices(empty, share), loose, looseSteps, "plain", 2, settled);
  // From the clock readings the steps take anyway: a caller's clock may count its readings.
  const left =
    options.deadline === undefined || quick.read === null ? Infinity : deadlineOf(options.deadline) - quick.read.last;
  const spent = quick.read === null ? 0 : quick.read.last - quick.read.first;
  let from: { prices: Prices; scale: number; steps: Steps } = { ...quick, steps: "plain" };
  let best = quick.bound;
  if (left >= STABLE_TIMES * spent) {
    // (a pass's `start` becomes its last step's prices: what goes on is a one-step pass's best)
    const once = { ...options, iterations: 1 };
    const quickExact = subgradient(empty, quick.prices, exact, once, "plain", quick.scale);
    const stable = subgradient(empty, startingPrices(empty, share), loose, looseSteps, "stable", 2, settled);
    const stableExact = subgradient(empty, stable.prices, exact, once, "stable", stable.scale);
    best = Math.max(best, quickExact.bound, stable.bound, stableExact.bound);
    from =
      stableExact.bound > quickExact.bound ? { ...stableExact, steps: "stable" } : { ...quickExact, steps: "plain" };
  }
  // The DP's steps go on from where the loose weeks ended, steps as small as they had become.
  const second = subgradient(
    empty,
    from.prices,
    exact,
    { ...options, iterations: options.iterations ?? 200 },
    from.steps,
    from.scale,
  );
  best = Math.max(best, second.bound);
  return Number.isFinite(best) ? best : null;
}

function zeroPrices(K: number, G: number): Prices {
  return {
    lambda: new Float64Array(K * G),
    tau: new Float64Array(K * G),
    mu: new Float64Array(K * G),
    sigma: new Float64Array(G),
    kappa: new Float64Array(G),
  };
}

function startingPrices(empty: SearchState, share: number): Prices {
  const { G, K, w } = empty;
  const prices = zeroPrices(K, G);
  for (let i = 0; i < K * G; i++) {
    if ((empty.demandMax[i] as number) < 0) continue;
    prices.lambda[i] = (empty.demandMin[i] as number) > 0 ? w.cover * share : 0;
    prices.tau[i] = (empty.demandTarget[i] as number) > 0 ? w.target * share : 0;
  }
  for (const site of empty.inst.sites) for (const g of site.slots) prices.sigma[g] = w.supervision * share;
  for (let g = 0; g < G; g++) if (empty.edge[g]) prices.kappa[g] = w.keyholder * share;
  return prices;
}

/**
 * Subgradient steps from `start` with one way of pricing a week: the best bound reached and the
 * prices that reached it. `start` becomes the prices of the last step: one copy less of the
 * price arrays, three of them per point and slot.
 */
function subgradient(
  empty: SearchState,
  start: Prices,
  pricing: WeekPricing,
  options: LagrangeOptions,
  steps: Steps,
  startScale = 2,
  settled?: { share: number; window: number },
): { bound: number; prices: Prices; scale: number; read: { first: number; last: number } | null } {
  const inst = empty.inst;
  const { G, K, w } = empty;
  const copy = (from: Prices): Prices => ({
    lambda: from.lambda.slice(),
    tau: from.tau.slice(),
    mu: from.mu.slice(),
    sigma: from.sigma.slice(),
    kappa: from.kappa.slice(),
  });
  const now = start;
  const bestPrices = copy(start);
  // The blended direction of the steps so far, per price.
  const dir = zeroPrices(K, G);
  const { lambda, tau, mu, sigma, kappa } = now;
  // The rows that exist: a point open in a slot; and the site slots (each needs a lead).
  const rows = Int32Array.from(
    Array.from({ length: K * G }, (_, i) => i).filter((i) => (empty.demandMax[i] as number) >= 0),
  );
  const siteSlots = Int32Array.from(inst.sites.flatMap((site) => site.slots));
  const demandMin = empty.demandMin;
  const demandTarget = empty.demandTarget;
  const demandMax = empty.demandMax;
  // What counting one person at a point and slot is worth at these prices.
  const net = new Float64Array(K * G);
  const counted = new Float64Array(K * G);
  const leads = new Float64Array(G);
  const keys = new Float64Array(G);
  // A keyholder's price per slot (zero away from opening and closing) and who shadows where.
  const keyPrices = new Float64Array(G);
  const shadows = inst.people.map((person) => Uint8Array.from(person.training, (t) => (t === "shadowing" ? 1 : 0)));
  let best = -Infinity;
  let scale = startScale;
  let sinceBest = 0;
  const iterations = options.iterations ?? 200;
  const history: number[] = [];
  const given = options.deadline;
  const deadline = given === undefined ? undefined : () => deadlineOf(given);
  // the first and the last reading of the clock
  let read = null as { first: number; last: number } | null;
  for (let it = 0; it < iterations; it++) {
    if (deadline !== undefined && options.clock) {
      const now = options.clock();
      read = { first: read?.first ?? now, last: now };
      if (now >= deadline()) break;
    }
    if (settled && it >= settled.window) {
      const before = history[it - settled.window] as number;
      if (Number.isFinite(before) && best - before <= settled.share * Math.abs(best)) break;
    }
    counted.fill(0);
    leads.fill(0);
    keys.fill(0);
    let value = 0;
    for (const i of rows) {
      const l = lambda[i] as number;
      const t = tau[i] as number;
      const m = mu[i] as number;
      value += l * (demandMin[i] as number) + t * (demandTarget[i] as number) - m * (demandMax[i] as number);
      net[i] = m - l - t;
    }
    for (const g of siteSlots) {
      value += (sigma[g] as number) + (kappa[g] as number);
      keyPrices[g] = empty.edge[g] ? (kappa[g] as number) : 0;
    }

    for (const person of inst.people) {
      const p = person.index;
      // The mentor's reward goes to the shadowing side only, as if the mentor were always there.
      const shadowing = -(w.shadowing + (person.mentor >= 0 ? w.mentor : 0));
      const preference = person.preference;
      const lead = person.lead;
      const keyholder = person.keyholder;
      const shadow = shadows[p] as Uint8Array;
      // Called for every workable (point, slot) of the week: most of a loose step's time.
      const valueAt = (k: number, g: number) =>
        -(preference[g] as number) * w.preferences +
        (shadow[k] ? shadowing : (net[k * G + g] as number)) -
        (lead ? (sigma[g] as number) : 0) -
        (keyholder ? (keyPrices[g] as number) : 0);
      const week = pricing.week(p, valueAt);
      value += week.cost;
      for (const { slot, point } of week.slots) {
        if (!shadow[point]) counted[point * G + slot] = (counted[point * G + slot] as number) + 1;
        if (lead) leads[slot] = (leads[slot] as number) + 1;
        if (keyholder) keys[slot] = (keys[slot] as number) + 1;
      }
    }
    history.push(best);
    if (value > best + 1e-9) {
      best = value;
      for (const key of ["lambda", "tau", "mu", "sigma", "kappa"] as const) bestPrices[key].set(now[key]);
      sinceBest = 0;
      options.onBound?.(best);
    } else if (++sinceBest >= STALL) {
      scale /= 2;
      sinceBest = 0;
    }
    // The direction: how far each priced row is from holding for these plans, blended with the
    // directions before, where the best prices can still move that way.
    const stable = steps === "stable";
    const from = stable ? bestPrices : now;
    const keep = stable ? DEFLECTION : 0;
    let norm = 0;
    for (const i of rows) {
      const c = counted[i] as number;
      const l = clip(from.lambda[i] as number, blend((demandMin[i] as number) - c, dir.lambda[i], keep), 0, w.cover);
      const t = clip(from.tau[i] as number, blend((demandTarget[i] as number) - c, dir.tau[i], keep), 0, w.target);
      const m = clip(from.mu[i] as number, blend(c - (demandMax[i] as number), dir.mu[i], keep), 0, Infinity);
      dir.lambda[i] = l;
      dir.tau[i] = t;
      dir.mu[i] = m;
      norm += l * l + t * t + m * m;
    }
    for (const g of siteSlots) {
      const lead = clip(from.sigma[g] as number, blend(1 - (leads[g] as number), dir.sigma[g], keep), 0, w.supervision);
      dir.sigma[g] = lead;
      norm += lead * lead;
      if (!empty.edge[g]) continue;
      const key = clip(from.kappa[g] as number, blend(1 - (keys[g] as number), dir.kappa[g], keep), 0, w.keyholder);
      dir.kappa[g] = key;
      norm += key * key;
    }
    if (norm === 0) break;
    options.trace?.({ pass: pricing.pass, it, value, scale });
    // Polyak's step: aim at the rota we know, as if the bound could reach it.
    const aim = stable && best > 0 ? Math.min(options.upper(), best * (1 + AIM_ABOVE)) : options.upper();
    const t = (scale * Math.max(1, aim - (stable ? best : value))) / norm;
    for (const i of rows) {
      lambda[i] = bounded((from.lambda[i] as number) + t * (dir.lambda[i] as number), 0, w.cover);
      tau[i] = bounded((from.tau[i] as number) + t * (dir.tau[i] as number), 0, w.target);
      mu[i] = Math.max(0, (from.mu[i] as number) + t * (dir.mu[i] as number));
    }
    for (const g of siteSlots) {
      sigma[g] = bounded((from.sigma[g] as number) + t * (dir.sigma[g] as number), 0, w.supervision);
      if (empty.edge[g]) kappa[g] = bounded((from.kappa[g] as number) + t * (dir.kappa[g] as number), 0, w.keyholder);
    }
  }
  return { bound: best, prices: bestPrices, scale, read };
}

function deadlineOf(given: number | (() => number)): number {
  return typeof given === "number" ? given : given();
}

function blend(gradient: number, before: number | undefined, keep: number): number {
  return (1 - keep) * gradient + keep * (before as number);
}

function bounded(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/** The part of a subgradient that can still move the price (a price at its bound cannot go further). */
function clip(price: number, gradient: number, low: number, high: number): number {
  if (price <= low && gradient < 0) return 0;
  if (price >= high && gradient > 0) return 0;
  return gradient;
}
