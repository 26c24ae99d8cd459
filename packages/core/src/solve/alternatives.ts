import { scoreRota } from "../check";
import { metrics, type RotaMetrics } from "../metrics";
import type { Problem } from "../model/problem";
import type { Rota } from "../model/rota";
import { resolveWeights, type WeightName, type WeightTable } from "../model/weights";
import { difference } from "../difference";
import type { MilpBackend } from "./backends/backend";
import { solve } from "./solve";

/** A way of weighing the same rules differently: what a coordinator might ask to see side by side. */
export interface Profile {
  id: string;
  description: string;
  /** multipliers of the problem's weights */
  emphasis: Partial<Record<WeightName, number>>;
}

export const PROFILES: readonly Profile[] = [
  { id: "balanced", description: "the problem's own weights", emphasis: {} },
  {
    id: "coverage-first",
    description: "target cover first, even if hours drift from contracts",
    emphasis: { coverTarget: 4, hoursUnder: 0.5, hoursOver: 0.5, preferences: 0.5 },
  },
  {
    id: "fairness-first",
    description: "hours close to contracts and unsocial hours shared evenly",
    emphasis: { hoursUnder: 4, hoursOver: 4, hoursBelowMin: 4, unsocial: 6 },
  },
  {
    id: "preferences-first",
    description: "what people asked for, and steady desks",
    emphasis: { preferences: 6, pointChanges: 3, shortStints: 3 },
  },
];

export interface Alternative {
  profile: string;
  description: string;
  /** scored with the problem's own weights, so alternatives compare like for like */
  rota: Rota;
  metrics: RotaMetrics;
  /** share of worked person-hours placed differently from the first alternative, 0–100 */
  differsFromFirst: number;
}

export interface AlternativesOptions {
  /** total budget, split evenly between the alternatives */
  timeLimitMs?: number;
  clock?: () => number;
  seed?: number;
  /** per alternative, deterministic mode */
  workBudget?: number;
  backend?: MilpBackend;
}

/**
 * k good rotas that differ in a meaningful way: the named profiles first, then the balanced
 * weights from other starting points. Each is scored with the problem's own weights.
 */
export function alternatives(problem: Problem, k: number, options: AlternativesOptions = {}): Alternative[] {
  const count = Math.max(1, Math.min(8, Math.floor(k)));
  const budget = options.timeLimitMs ?? (problem.solver?.timeLimitSeconds ?? 10) * 1000;
  const weights = resolveWeights(problem.weights);
  const out: Alternative[] = [];
  for (let i = 0; i < count; i++) {
    const profile = PROFILES[i] ?? {
      id: `balanced-${i - PROFILES.length + 2}`,
      description: "the problem's own weights, another starting point",
      emphasis: {},
    };
    const variant: Problem = { ...problem, weights: profileWeights(weights, profile) };
    const solved = solve(variant, {
      seed: (options.seed ?? 1) + i,
      ...(options.clock ? { clock: options.clock, timeLimitMs: budget / count } : {}),
      ...(options.workBudget !== undefined ? { workBudget: options.workBudget } : {}),
      ...(options.backend ? { backend: options.backend } : {}),
    });
    const score = scoreRota(problem, solved);
    const rota: Rota = { ...solved, score: { hard: 0, ...score } };
    out.push({
      profile: profile.id,
      description: profile.description,
      rota,
      metrics: metrics(problem, rota),
      differsFromFirst: out[0] ? difference(problem, out[0].rota, rota) : 0,
    });
  }
  return out;
}

/** The weights of a profile: the problem's own, each multiplied by the profile's emphasis. */
export function profileWeights(weights: WeightTable, profile: Pick<Profile, "emphasis">): WeightTable {
  const emphasised = { ...weights };
  for (const [name, factor] of Object.entries(profile.emphasis) as [WeightName, number][])
    emphasised[name] = Math.min(1e6, weights[name] * factor);
  return emphasised;
}
