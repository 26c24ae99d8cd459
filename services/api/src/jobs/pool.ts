/** Raised when the bounded queue is full: the caller answers 503 with Retry-After. */
export class BusyError extends Error {
  readonly code = "DESKROTA_E_BUSY";
  constructor(readonly retryAfterSeconds: number) {
    super("the solver queue is full; try again later");
  }
}

/** A place held in the pool before the work is known (e.g. while the rota row is written). */
export interface Reservation {
  run<T>(task: () => Promise<T>): Promise<T>;
  release(): void;
}

/**
 * Runs CPU-heavy tasks (each one drives its own worker threads) at most `size` at a time, with at
 * most `maxQueued` waiting. Past that, `reserve` says no at once rather than letting waits grow
 * without bound: a client told "busy, retry in N s" can do something useful; one left hanging can't.
 */
export class Pool {
  private active = 0;
  private held = 0;
  private readonly waiting: Array<{ go(): void; drop(error: Error): void }> = [];
  private closed = false;

  constructor(
    readonly size: number,
    readonly maxQueued: number,
    private readonly retryAfterSeconds: number,
  ) {}

  get running(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length + this.held;
  }

  /** Holds a place, or throws BusyError when every place is taken or the pool is closing. */
  reserve(): Reservation {
    if (this.closed || this.active + this.queued >= this.size + this.maxQueued)
      throw new BusyError(this.retryAfterSeconds);
    this.held += 1;
    let used = false;
    const take = () => {
      if (used) throw new Error("a reservation is used once");
      used = true;
      this.held -= 1;
    };
    return {
      run: (task) => {
        take();
        return this.start(task);
      },
      release: () => {
        if (!used) take();
      },
    };
  }

  run<T>(task: () => Promise<T>): Promise<T> {
    return this.reserve().run(task);
  }

  /** Queues work that was accepted earlier (past the bound if need be): it must not be refused now. */
  admit<T>(task: () => Promise<T>): Promise<T> {
    return this.start(task);
  }

  /** Refuses new work; tasks not yet started fail with BusyError (their jobs stay queued in the store). */
  close(): void {
    this.closed = true;
    for (const waiter of this.waiting.splice(0)) waiter.drop(new BusyError(this.retryAfterSeconds));
  }

  private async start<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.size) {
      await new Promise<void>((go, drop) => this.waiting.push({ go, drop }));
    }
    this.active += 1;
    try {
      return await task();
    } finally {
      this.active -= 1;
      this.waiting.shift()?.go();
    }
  }
}
