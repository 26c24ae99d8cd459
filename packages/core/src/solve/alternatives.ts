import { scoreRota } from "../check";
import { compile, placementsOf, type Instance } from "../compile/instance";
import { diff } from "../diff";
import { difference } from "../difference";
import { metrics, type RotaMetrics } from "../metrics";
import type { Problem } from "../model/problem";
import type { Rota } from "../model/rota";
import { resolveWeights, type WeightName, type WeightTable } from "../model/weights";
import { dominatedBy, tradeOffSentence } from "../trade-off";
import { tradeOffFacts, type TradeOffFacts } from "../trade-off-facts";
import { closerByExact } from "./alternative-exact";
import { takeBack } from "./alternative-polish";
import type { MilpBackend } from "./backends/backend";
import { gapOf } from "./certificate";
import { goalVerdict } from "./goals";
import { loadPlacements } from "./load";
import { rotaOf } from "./output";
import { bestPlacements, search } from "./search/search";
import { SearchState } from "./search/state";
import { canonical, pinsOf, solve } from "./solve";

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
    description: "every desk, lead and keyholder covered first, even if hours drift from contracts",
    emphasis: {
      cover: 4,
      supervision: 4,
      keyholder: 4,
      coverTarget: 4,
      hoursUnder: 0.5,
      hoursOver: 0.5,
      hoursBelowMin: 0.5,
      preferences: 0.5,
    },
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

/**
 * How hard an alternative is pushed from the balanced rota, gentlest first: `stability` is what each
 * person-hour placed differently from the balanced rota costs (fewest changes, the secondary goal),
 * `push` raises the profile's emphasis to that power. Each rung starts where the one before it
 * stopped; the first that is clearly better on the profile's goal is kept, so an alternative changes
 * no more than its trade-off needs.
 */
const RUNGS: readonly { stability: number; push: number }[] = [
  { stability: 30, push: 1 },
  { stability: 10, push: 1 },
  { stability: 10, push: 1.5 },
  { stability: 3, push: 1.5 },
  { stability: 3, push: 2 },
  { stability: 1, push: 2.5 },
  { stability: 0, push: 3 },
];
/**
 * Once a rung is clearly better, the same push is searched again from it with each change priced
 * higher, strongest first: what the goal did not need goes back to the balanced rota. The first
 * that stays clearly better with fewer changes is kept. On the typical week (20 000 moves, seed 1,
 * a seventh of them per search) 3s + 10 took fairness-first from 14.9 % to 12.8 % of the balanced
 * rota changed and preferences-first from 17 % to 10.5 %; 6s + 30 kept neither goal clear there.
 */
const SETTLES: readonly ((stability: number) => number)[] = [(s) => 6 * s + 30, (s) => 3 * s + 10];
/** Share of the time limit kept for describing, checking and comparing the rotas found. */
const FINISHING_SHARE = 0.15;
/** The most searches one profile makes: every rung, then every settle. */
const STEPS = RUNGS.length + SETTLES.length;
/** A rung whose search has not improved for this many moves has found its trade-off. */
const RUNG_STALL = 1500;

export interface Alternative {
  profile: string;
  description: string;
  /** scored with the problem's own weights, so alternatives compare like for like */
  rota: Rota;
  metrics: RotaMetrics;
  /** share of worked person-hours placed differently from the balanced rota, 0–100 */
  differsFromFirst: number;
  /** stints added, removed or moved against the balanced rota (as `diff` counts them) */
  changes: number;
  /** against the balanced rota: whether it is clearly better on its profile's goal, by the margin asked */
  goal?: { clear: boolean; words: string };
  /** against the balanced rota, in one sentence: what it gains on the headline figures and at what cost */
  tradeOff: string;
}

/** A profile tried and not offered, and why. */
export interface DroppedAlternative {
  profile: string;
  reason: string;
}

export interface AlternativesResult {
  /** the balanced rota first, then each profile that is clearly better on its goal and not dominated */
  alternatives: Alternative[];
  dropped: DroppedAlternative[];
}

export interface AlternativesOptions {
  /** total budget, split evenly between the profiles */
  timeLimitMs?: number;
  clock?: () => number;
  seed?: number;
  /** per profile, deterministic mode */
  workBudget?: number;
  backend?: MilpBackend;
  /**
   * the MILP that moves each alternative to the fewest changes its figures allow, with what is left
   * of the profile's share of the time limit, or nodes in proportion to the work budget (default
   * `backend`; none: the take-back alone)
   */
  exact?: MilpBackend;
}

/**
 * Rotas that show a real trade-off against the balanced rota: each of the first k profiles is
 * started from the balanced rota and pushed towards its goal only as far as it takes to be clearly
 * better on it, so the differences sit where the trade-off is. Profiles that cannot be made clearly
 * better, or whose rota another one beats on every headline figure, are dropped with the reason.
 */
export function alternatives(problem: Problem, k: number, options: AlternativesOptions = {}): AlternativesResult {
  const count = Math.max(1, Math.min(PROFILES.length, Math.floor(k)));
  const clock = options.clock;
  const started = clock?.() ?? 0;
  // Describing, checking and comparing the rotas must fit inside the limit too.
  const usable = (options.timeLimitMs ?? (problem.solver?.timeLimitSeconds ?? 10) * 1000) * (1 - FINISHING_SHARE);
  const seed = options.seed ?? 1;
  const weights = resolveWeights(problem.weights);
  const judge = compile(canonical(problem));
  const solved = solve(problem, {
    seed,
    ...(clock ? { clock, timeLimitMs: usable / count } : {}),
    ...(options.workBudget !== undefined ? { workBudget: options.workBudget } : {}),
    ...(options.backend ? { backend: options.backend } : {}),
  });
  const [first, ...rest] = PROFILES.slice(0, count) as [Profile, ...Profile[]];
  const balanced = described(problem, first, scored(problem, solved), undefined);
  const balancedFacts = tradeOffFacts(problem, balanced.rota);
  const offered: Alternative[] = [];
  const dropped: DroppedAlternative[] = [];
  rest.forEach((profile, i) => {
    // Each profile may use what the ones before it left of their shares.
    const profileEnd = started + (usable * (i + 2)) / count;
    const outOfTime = () => clock !== undefined && clock() >= profileEnd;
    let steps = 0;
    const step = (variant: Problem, start: Rota) => {
      const now = clock?.();
      const until = now === undefined ? undefined : now + Math.max(0, profileEnd - now) / (STEPS - steps);
      steps++;
      return warmStarted(variant, judge, balanced.rota, start, {
        seed: seed + i + 1,
        moves: Math.max(1, Math.ceil((options.workBudget ?? DEFAULT_RUNG_MOVES * STEPS) / STEPS)),
        ...(clock && until !== undefined ? { clock, until } : {}),
        ...(options.backend ? { backend: options.backend } : {}),
      });
    };
    const clearly = (rota: Rota) => goalVerdict(profile.id, balanced.metrics, metrics(problem, rota))?.clear ?? false;
    const settled = (rota: Rota, emphasis: Pick<Profile, "emphasis">, stability: number): Rota => {
      const changed = difference(problem, balanced.rota, rota);
      for (const settle of SETTLES) {
        if (outOfTime()) break;
        const variant = { ...problem, weights: { ...profileWeights(weights, emphasis), stability: settle(stability) } };
        const back = step(variant, rota);
        if (clearly(back) && difference(problem, balanced.rota, back) < changed) return back;
      }
      return rota;
    };
    // Only the goal is measured on each rung; the full description once, for the rung kept.
    let best: { rota: Rota; clear: boolean } | undefined;
    for (const rung of RUNGS) {
      if (outOfTime()) break;
      const emphasis = pushed(profile, rung.push);
      const variant = { ...problem, weights: { ...profileWeights(weights, emphasis), stability: rung.stability } };
      const rota = step(variant, best?.rota ?? balanced.rota);
      best = { rota, clear: clearly(rota) };
      if (best.clear) {
        best = { rota: settled(best.rota, emphasis, rung.stability), clear: true };
        break;
      }
    }
    if (!best) {
      dropped.push({ profile: profile.id, reason: `${profile.id}: not tried: the time limit was spent` });
      return;
    }
    if (best.clear) {
      const back = takeBack(problem, judge, balanced.rota, best.rota, profile.id, outOfTime);
      if (back && clearly(back)) best = { rota: back, clear: true };
      const exact = options.exact ?? options.backend;
      if (exact && !outOfTime() && judge.people.length * judge.slots.length <= EXACT_MAX_PAIRS) {
        const closer = closerByExact(problem, judge, balanced.rota, best.rota, profile.id, {
          backend: exact,
          ...(clock ? { secondsLeft: () => (profileEnd - clock()) / 1000 } : {}),
          ...(options.workBudget !== undefined || !clock ? { nodeLimit: exactNodes(options.workBudget) } : {}),
        });
        // The model holds the gap levels and the goal, not every headline figure: judged again.
        if (closer && clearly(closer) && !dominatedBy(balanced.metrics, metrics(problem, closer)))
          best = { rota: closer, clear: true };
      }
    }
    const alternative = described(problem, profile, scored(problem, best.rota), { ...balanced, facts: balancedFacts });
    if (best.clear) offered.push(alternative);
    else dropped.push({ profile: profile.id, reason: `${profile.id}: ${alternative.goal?.words ?? "no goal"}` });
  });
  const undominated = withoutDominated(balanced, offered);
  return { alternatives: [balanced, ...undominated.kept], dropped: [...dropped, ...undominated.dropped] };
}

/**
 * The alternatives no other rota (the balanced one included) beats on every headline figure, and
 * the others with the rota that beats them.
 */
export function withoutDominated(
  balanced: Alternative,
  offered: readonly Alternative[],
): { kept: Alternative[]; dropped: DroppedAlternative[] } {
  const kept: Alternative[] = [];
  const dropped: DroppedAlternative[] = [];
  for (const alternative of offered) {
    const by = [balanced, ...offered].find(
      (other) => other !== alternative && dominatedBy(other.metrics, alternative.metrics),
    );
    if (!by) kept.push(alternative);
    else
      dropped.push({
        profile: alternative.profile,
        reason: `${alternative.profile}: ${by.profile} is as good or better on every headline figure`,
      });
  }
  return { kept, dropped };
}

/**
 * People × slots beyond which the exact step is not tried: building the week's model alone takes
 * longer than a profile's share there (the typical week has 23 460, the large system 403 500).
 */
const EXACT_MAX_PAIRS = 50_000;
/** Search moves per branch-and-bound node of the exact model, when a work budget sets the effort. */
const MOVES_PER_NODE = 1000;

/** The exact model's nodes for a profile's work budget (or the default one), at least its root. */
function exactNodes(workBudget: number | undefined): number {
  return Math.max(1, Math.ceil((workBudget ?? DEFAULT_RUNG_MOVES * STEPS) / MOVES_PER_NODE));
}

/** Warm-start moves per rung when neither a work budget nor a clock is given. */
const DEFAULT_RUNG_MOVES = 4000;

/**
 * A rota of `variant` searched from `start`, its stability weight pricing each change against
 * `reference`, judged and reported with the problem's own weights (`judge`).
 */
function warmStarted(
  variant: Problem,
  judge: Instance,
  reference: Rota,
  start: Rota,
  limits: { seed: number; moves: number; clock?: () => number; until?: number; backend?: MilpBackend },
): Rota {
  const started = limits.clock?.() ?? 0;
  const inst = compile(canonical(variant), { reference: { assignments: reference.assignments, now: -Infinity } });
  const state = new SearchState(inst);
  loadPlacements(state, start === reference ? (inst.reference?.at ?? []) : placementsOf(inst, start.assignments));
  const outcome = search(state, pinsOf(inst), {
    skipConstruction: true,
    stallLimit: RUNG_STALL,
    seed: limits.seed,
    ...(limits.backend ? { backend: limits.backend } : {}),
    moves: limits.moves,
    ...(limits.clock ? { clock: limits.clock, deadline: limits.until ?? started } : {}),
  });
  const judged = new SearchState(judge);
  loadPlacements(judged, bestPlacements(state.inst, outcome));
  return rotaOf(judged, {
    status: "feasible",
    backend: limits.backend ? `search+${limits.backend.name}` : "search",
    timeMs: Math.round((limits.clock?.() ?? started) - started),
    objective: Math.round(judged.objective * 1000) / 1000,
    bestBound: null,
    gap: gapOf(judged.objective, null),
    iterations: outcome.moves,
    seed: limits.seed,
  });
}

function scored(problem: Problem, rota: Rota): Rota {
  return { ...rota, score: { hard: 0, ...scoreRota(problem, rota) } };
}

function described(
  problem: Problem,
  profile: Profile,
  rota: Rota,
  balanced: (Alternative & { facts: TradeOffFacts }) | undefined,
): Alternative {
  const measured = metrics(problem, rota);
  const goal = balanced ? goalVerdict(profile.id, balanced.metrics, measured) : undefined;
  return {
    profile: profile.id,
    description: profile.description,
    rota,
    metrics: measured,
    differsFromFirst: balanced ? difference(problem, balanced.rota, rota) : 0,
    changes: balanced ? diff(problem, balanced.rota, rota).changes : 0,
    ...(goal ? { goal } : {}),
    tradeOff: balanced
      ? tradeOffSentence(profile.id, balanced.metrics, measured, balanced.profile, {
          reference: balanced.facts,
          rota: tradeOffFacts(problem, rota),
        })
      : `${profile.id}: the rota the others are measured against`,
  };
}

/** The profile with each emphasis raised to `power`: a stronger push the same way. */
function pushed(profile: Profile, power: number): Pick<Profile, "emphasis"> {
  return {
    emphasis: Object.fromEntries(Object.entries(profile.emphasis).map(([name, factor]) => [name, factor ** power])),
  };
}

/** The weights of a profile: the problem's own, each multiplied by the profile's emphasis. */
export function profileWeights(weights: WeightTable, profile: Pick<Profile, "emphasis">): WeightTable {
  const emphasised = { ...weights };
  for (const [name, factor] of Object.entries(profile.emphasis) as [WeightName, number][])
    emphasised[name] = Math.min(1e6, weights[name] * factor);
  return emphasised;
}
