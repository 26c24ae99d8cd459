/** A solve waiting for a solver: whose it is and how long it may run (its time limit). */
export interface Ticket {
  orgId: string;
  costMs: number;
}

/**
 * Which organisation's solve starts next: the one served longest ago (never served: first of all),
 * ties in the order the organisations started waiting. `lanes` holds each waiting organisation's
 * solves in arrival order (a Map keeps insertion order).
 */
export function nextLane<T>(lanes: ReadonlyMap<string, readonly T[]>, lastServed: ReadonlyMap<string, number>): string {
  let best: string | undefined;
  let bestServed = Number.POSITIVE_INFINITY;
  for (const [orgId, lane] of lanes) {
    const served = lastServed.get(orgId) ?? -1;
    if (lane.length > 0 && served < bestServed) {
      best = orgId;
      bestServed = served;
    }
  }
  if (best === undefined) throw new Error("no organisation is waiting");
  return best;
}

/** Every waiting solve in the order the pool would start them, were nothing else to arrive. */
export function serviceOrder<T>(
  lanes: ReadonlyMap<string, readonly T[]>,
  lastServed: ReadonlyMap<string, number>,
): T[] {
  const left = new Map([...lanes].map(([orgId, lane]) => [orgId, [...lane]]));
  const served = new Map(lastServed);
  const order: T[] = [];
  for (let turn = Math.max(0, ...served.values()) + 1; [...left.values()].some((l) => l.length); turn++) {
    const orgId = nextLane(left, served);
    order.push((left.get(orgId) as T[]).shift() as T);
    served.set(orgId, turn);
  }
  return order;
}

/**
 * When a solve that has `ahead` (time limits, in service order) before it would start on `slots`
 * solvers now running solves with `runningRemainingMs` left: the queue played out, each solve
 * taking the solver that frees first and running its whole time limit (an upper bound: many end
 * sooner, but a client told to come back too early only comes back again).
 */
export function startsAfterMs(runningRemainingMs: readonly number[], slots: number, ahead: readonly number[]): number {
  const free = Array.from({ length: Math.max(slots, runningRemainingMs.length, 1) }, (_, i) =>
    Math.max(0, runningRemainingMs[i] ?? 0),
  );
  for (const cost of ahead) {
    free.sort((a, b) => a - b);
    free[0] = (free[0] as number) + cost;
  }
  return Math.min(...free);
}

/** Whole seconds for Retry-After: at least one. */
export const retrySeconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

export interface Backlog {
  /** each organisation's waiting solves, in arrival order, organisations in the order they began to wait */
  lanes: ReadonlyMap<string, readonly Ticket[]>;
  lastServed: ReadonlyMap<string, number>;
  runningRemainingMs: readonly number[];
  slots: number;
}

export interface QueueLimits {
  /** solves that may wait beyond the running ones */
  maxQueued: number;
  /** of those, how many one organisation may hold: the rest stay open to the others */
  maxQueuedPerOrg: number;
}

/** Why `orgId` may not queue another solve now, and when to come back; null: it may. */
export function refusal(
  backlog: Backlog,
  orgId: string,
  limits: QueueLimits,
): { retryAfterSeconds: number; message: string } | null {
  const lanes = [...backlog.lanes.values()];
  const queued = lanes.reduce((n, lane) => n + lane.length, 0);
  const after = (ahead: number[]) => retrySeconds(startsAfterMs(backlog.runningRemainingMs, backlog.slots, ahead));
  // The whole queue is full: a place frees when its first solve starts.
  if (queued >= limits.maxQueued)
    return { retryAfterSeconds: after([]), message: "the solver queue is full; try again later" };
  if ((backlog.lanes.get(orgId)?.length ?? 0) < limits.maxQueuedPerOrg) return null;
  // This organisation's share is full: a place frees when its first queued solve starts.
  const order = serviceOrder(backlog.lanes, backlog.lastServed);
  const first = order.findIndex((t) => t.orgId === orgId);
  return {
    retryAfterSeconds: after(order.slice(0, first).map((t) => t.costMs)),
    message: "this organisation's solves fill its share of the queue; try again later",
  };
}
