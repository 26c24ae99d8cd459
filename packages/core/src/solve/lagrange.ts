import { penalty } from "../rules/hours-fairness";
import type { Instance } from "../compile/instance";
import { bestDays } from "./search/dp";
import { SearchState } from "./search/state";

/** Iterations without a better bound before the step is halved. */
const STALL = 8;

export interface LagrangeOptions {
  /** the objective of the best rota known so far (an upper bound): subgradient steps aim at the gap to it */
  upper: () => number;
  /** starting prices as a share of the weights (measured best near half: docs/decisions.md) */
  startShare?: number;
  /** subgradient iterations; each prices every person's week once */
  iterations?: number;
  deadline?: number;
  clock?: () => number;
  onBound?(bound: number): void;
  trace?(step: { it: number; value: number; norm: number; scale: number; counted: number; leads: number }): void;
}

/**
 * A lower bound without a matrix: the rows that tie people together (minimum and target cover,
 * headcount, a lead and a keyholder on site) are priced instead of enforced, and each person's
 * week is then solved exactly on its own by the week DP. Everything else that ties people together
 * (students with staff, shadowing beside a colleague, the mentor's presence) is relaxed the
 * generous way, and goals that only add cost (unsocial fairness, rotation) and the rest rule are
 * left out, so every price vector gives a valid bound; subgradient steps move the prices up.
 * The LP needs hundreds of megabytes and minutes on a large system; this needs the DP's memory.
 */
export function lagrangeBound(inst: Instance, options: LagrangeOptions): number | null {
  const empty = new SearchState(inst);
  const { G, K } = empty;
  const w = empty.w;
  const slotHours = inst.slotMinutes / 60;
  const days = inst.dates.map((_, d) => d);
  // Prices: per point and slot for minimum cover (λ), target (τ), headcount (μ); per slot for a lead (σ), a keyholder
  // at an edge (κ).
  const lambda = new Float64Array(K * G);
  const tau = new Float64Array(K * G);
  const mu = new Float64Array(K * G);
  const sigma = new Float64Array(G);
  const kappa = new Float64Array(G);
  const start = options.startShare ?? 0.5;
  for (let i = 0; i < K * G; i++) {
    if ((empty.demandMax[i] as number) < 0) continue;
    lambda[i] = (empty.demandMin[i] as number) > 0 ? w.cover * start : 0;
    tau[i] = (empty.demandTarget[i] as number) > 0 ? w.target * start : 0;
  }
  for (const site of inst.sites) for (const g of site.slots) sigma[g] = w.supervision * start;
  for (let g = 0; g < G; g++) if (empty.edge[g]) kappa[g] = w.keyholder * start;

  const counted = new Float64Array(K * G);
  const leads = new Float64Array(G);
  const keys = new Float64Array(G);
  let best = -Infinity;
  let scale = 2;
  let sinceBest = 0;
  const iterations = options.iterations ?? 200;
  for (let it = 0; it < iterations; it++) {
    if (options.deadline !== undefined && options.clock && options.clock() >= options.deadline) break;
    counted.fill(0);
    leads.fill(0);
    keys.fill(0);
    let value = 0;
    for (let i = 0; i < K * G; i++) {
      const max = empty.demandMax[i] as number;
      if (max < 0) continue;
      value +=
        (lambda[i] as number) * (empty.demandMin[i] as number) +
        (tau[i] as number) * (empty.demandTarget[i] as number) -
        (mu[i] as number) * max;
    }
    for (const site of inst.sites) for (const g of site.slots) value += (sigma[g] as number) + (kappa[g] as number);

    for (const person of inst.people) {
      const p = person.index;
      // The mentor's reward goes to the shadowing side only, as if the mentor were always there.
      const mentorNearby = person.mentor >= 0;
      const valueAt = (k: number, g: number) => {
        const i = k * G + g;
        let v = -(person.preference[g] ?? 0) * w.preferences;
        if (empty.isShadow(p, k)) v -= w.shadowing + (mentorNearby ? w.mentor : 0);
        else v += -(lambda[i] as number) - (tau[i] as number) + (mu[i] as number);
        if (person.lead) v -= sigma[g] as number;
        if (person.keyholder && empty.edge[g]) v -= kappa[g] as number;
        return v;
      };
      const week = person.maxShiftsPerDay === 1 ? bestDays(empty, p, days, new Map(), { valueAt }) : null;
      if (!week) {
        value += looseWeek(empty, p, valueAt);
        continue;
      }
      // bestDays prices hours relative to none; a week of none still costs its shortfall.
      value += week.cost + penalty(0, person.targetSlots * slotHours, person.minSlots * slotHours, inst.weights);
      for (const plan of week.plans.values()) {
        for (const { slot, point } of plan) {
          if (!empty.isShadow(p, point)) counted[point * G + slot] = (counted[point * G + slot] as number) + 1;
          if (person.lead) leads[slot] = (leads[slot] as number) + 1;
          if (person.keyholder) keys[slot] = (keys[slot] as number) + 1;
        }
      }
    }
    if (value > best + 1e-9) {
      best = value;
      sinceBest = 0;
      options.onBound?.(best);
    } else if (++sinceBest >= STALL) {
      scale /= 2;
      sinceBest = 0;
    }
    // Subgradient: how far each priced row is from holding, for these plans.
    let norm = 0;
    const step: number[] = [];
    for (let i = 0; i < K * G; i++) {
      if ((empty.demandMax[i] as number) < 0) continue;
      const c = counted[i] as number;
      const a = (empty.demandMin[i] as number) - c;
      const b = (empty.demandTarget[i] as number) - c;
      const m = c - (empty.demandMax[i] as number);
      norm +=
        clip(lambda[i] as number, a, 0, w.cover) ** 2 +
        clip(tau[i] as number, b, 0, w.target) ** 2 +
        clip(mu[i] as number, m, 0, Infinity) ** 2;
    }
    for (const site of inst.sites) {
      for (const g of site.slots) {
        norm += clip(sigma[g] as number, 1 - (leads[g] as number), 0, w.supervision) ** 2;
        if (empty.edge[g]) norm += clip(kappa[g] as number, 1 - (keys[g] as number), 0, w.keyholder) ** 2;
      }
    }
    if (norm === 0) break;
    if (options.trace)
      options.trace({
        it,
        value,
        norm,
        scale,
        counted: counted.reduce((a, b) => a + b, 0),
        leads: leads.reduce((a, b) => a + b, 0),
      });
    // Polyak's step: aim at the rota we know, as if the bound could reach it.
    const t = (scale * Math.max(1, options.upper() - value)) / norm;
    step.length = 0;
    for (let i = 0; i < K * G; i++) {
      if ((empty.demandMax[i] as number) < 0) continue;
      const c = counted[i] as number;
      lambda[i] = bounded((lambda[i] as number) + t * ((empty.demandMin[i] as number) - c), 0, w.cover);
      tau[i] = bounded((tau[i] as number) + t * ((empty.demandTarget[i] as number) - c), 0, w.target);
      mu[i] = Math.max(0, (mu[i] as number) + t * (c - (empty.demandMax[i] as number)));
    }
    for (const site of inst.sites) {
      for (const g of site.slots) {
        sigma[g] = bounded((sigma[g] as number) + t * (1 - (leads[g] as number)), 0, w.supervision);
        if (empty.edge[g]) kappa[g] = bounded((kappa[g] as number) + t * (1 - (keys[g] as number)), 0, w.keyholder);
      }
    }
  }
  return Number.isFinite(best) ? best : null;
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

/**
 * A lower bound on the week of someone allowed several shifts a day (the DP plans one): the best
 * slots of the week taken freely, whatever the shift shape, with the exact hours term.
 */
function looseWeek(state: SearchState, p: number, valueAt: (k: number, g: number) => number): number {
  const inst = state.inst;
  const person = inst.people[p];
  if (!person) return 0;
  const values: number[] = [];
  state.options[p]?.forEach((points, g) => {
    if (!points) return;
    let v = Infinity;
    for (const k of points) v = Math.min(v, valueAt(k, g));
    // A slot that costs something may still pay for itself in hours towards the target: every
    // workable slot is a candidate, and the count taken is chosen with the hours term below.
    if (Number.isFinite(v)) values.push(v);
  });
  values.sort((a, b) => a - b);
  const h = inst.slotMinutes / 60;
  let best = penalty(0, person.targetSlots * h, person.minSlots * h, inst.weights);
  let sum = 0;
  values.slice(0, person.maxWeekSlots).forEach((v, i) => {
    sum += v;
    best = Math.min(best, sum + penalty((i + 1) * h, person.targetSlots * h, person.minSlots * h, inst.weights));
  });
  return best;
}
