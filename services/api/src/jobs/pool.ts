import { type Backlog, nextLane, type QueueLimits, refusal, retrySeconds, startsAfterMs, type Ticket } from "./wait";

export type { Ticket } from "./wait";

/** Raised when the bounded queue is full: the caller answers 503 with Retry-After. */
export class BusyError extends Error {
  readonly code = "DESKROTA_E_BUSY";
  constructor(
    readonly retryAfterSeconds: number,
    message = "the solver queue is full; try again later",
  ) {
    super(message);
  }
}

/** A place held in the pool before the work is known (e.g. while the rota row is written). */
export interface Reservation {
  run<T>(task: () => Promise<T>): Promise<T>;
  release(): void;
}

interface Waiter {
  ticket: Ticket;
  go(): void;
  drop(error: Error): void;
}

/**
 * Runs CPU-heavy tasks (each one drives its own worker threads) at most `size` at a time, with a
 * bounded number waiting. Past the bound, `reserve` says no at once, with when to come back: a
 * client told "busy, retry in N s" can do something useful; one left hanging can't.
 *
 * Fair between organisations: a solve waits in its organisation's lane, and the organisation
 * served longest ago goes next, so one that queues forty solves delays another's first by one at
 * most. Work a person is waiting on over HTTP (`run`: a re-solve after an absence) goes ahead of
 * every queued solve.
 */
export class Pool {
  private busy = 0;
  private readonly interactive: Array<Omit<Waiter, "ticket">> = [];
  private readonly lanes = new Map<string, Waiter[]>();
  private readonly lastServed = new Map<string, number>();
  private served = 0;
  /** places reserved while their rota is being stored */
  private readonly held = new Set<Ticket>();
  private readonly active = new Set<{ costMs: number; startedAt: number }>();
  private closed = false;

  constructor(
    readonly size: number,
    private readonly limits: QueueLimits,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get running(): number {
    return this.active.size;
  }

  /** Solves waiting for a solver (re-solves are not counted: they wait for moments, not minutes). */
  get queued(): number {
    let n = 0;
    for (const lane of this.lanes.values()) n += lane.length;
    return n + this.held.size;
  }

  /** Holds a place for a solve, or throws BusyError (with when a place frees) when there is none. */
  reserve(ticket: Ticket): Reservation {
    this.admission(ticket.orgId);
    const place = { ...ticket };
    this.held.add(place);
    let used = false;
    const take = () => {
      if (used) throw new Error("a reservation is used once");
      used = true;
      this.held.delete(place);
    };
    return {
      run: (task) => {
        take();
        return this.start(ticket, task);
      },
      release: () => {
        if (!used) take();
      },
    };
  }

  /** Work a person waits on (a re-solve): ahead of every queued solve, bounded on its own. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.closed || (this.busy >= this.size && this.interactive.length >= this.limits.maxQueued))
      throw new BusyError(retrySeconds(this.startsAfterMs([])));
    if (this.busy < this.size) this.busy += 1;
    else await new Promise<void>((go, drop) => this.interactive.push({ go, drop }));
    return this.execute({ orgId: "", costMs: 0 }, task);
  }

  /** Queues a solve accepted earlier (past the bound if need be): it must not be refused now. */
  admit<T>(ticket: Ticket, task: () => Promise<T>): Promise<T> {
    return this.start(ticket, task);
  }

  /** Refuses new work; tasks not yet started fail with BusyError (their jobs stay queued in the store). */
  close(): void {
    this.closed = true;
    const error = new BusyError(1, "the server is shutting down");
    for (const waiter of this.interactive.splice(0)) waiter.drop(error);
    for (const lane of this.lanes.values()) for (const waiter of lane.splice(0)) waiter.drop(error);
    this.lanes.clear();
  }

  /** Throws BusyError when `orgId` may not queue another solve now. */
  private admission(orgId: string): void {
    if (this.closed) throw new BusyError(1, "the server is shutting down");
    if (this.busy + this.queued < this.size) return;
    const refused = refusal(this.backlog(), orgId, this.limits);
    if (refused) throw new BusyError(refused.retryAfterSeconds, refused.message);
  }

  /** The waiting solves (a held place counts as its organisation's last) and the running ones. */
  private backlog(): Backlog {
    const lanes = new Map<string, Ticket[]>([...this.lanes].map(([orgId, lane]) => [orgId, lane.map((w) => w.ticket)]));
    for (const place of this.held) lanes.set(place.orgId, [...(lanes.get(place.orgId) ?? []), place]);
    const now = this.now();
    return {
      lanes,
      lastServed: this.lastServed,
      runningRemainingMs: [...this.active].map((a) => a.costMs - (now - a.startedAt)),
      slots: this.size,
    };
  }

  private startsAfterMs(ahead: number[]): number {
    const { runningRemainingMs, slots } = this.backlog();
    return startsAfterMs(runningRemainingMs, slots, ahead);
  }

  private async start<T>(ticket: Ticket, task: () => Promise<T>): Promise<T> {
    if (this.busy < this.size && this.interactive.length === 0 && this.lanes.size === 0) this.busy += 1;
    else
      await new Promise<void>((go, drop) => {
        const lane = this.lanes.get(ticket.orgId) ?? [];
        lane.push({ ticket, go, drop });
        this.lanes.set(ticket.orgId, lane);
      });
    this.served += 1;
    this.lastServed.set(ticket.orgId, this.served);
    return this.execute(ticket, task);
  }

  private async execute<T>(ticket: Ticket, task: () => Promise<T>): Promise<T> {
    const entry = { costMs: ticket.costMs, startedAt: this.now() };
    this.active.add(entry);
    try {
      return await task();
    } finally {
      this.active.delete(entry);
      this.handOn();
    }
  }

  /** A finished task's solver goes straight to the next in line, so no newcomer can slip in between. */
  private handOn(): void {
    const next = this.interactive.shift() ?? this.nextSolve();
    if (next) next.go();
    else this.busy -= 1;
  }

  private nextSolve(): Waiter | undefined {
    if (this.lanes.size === 0) return undefined;
    const orgId = nextLane(this.lanes, this.lastServed);
    const lane = this.lanes.get(orgId) as Waiter[];
    const next = lane.shift();
    if (lane.length === 0) this.lanes.delete(orgId);
    return next;
  }
}
