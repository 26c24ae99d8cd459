import { prepare } from "@deskrota/engine";
import type { FastifyBaseLogger } from "fastify";
import type { Metrics } from "./metrics";
import { repairBase } from "./routes/versions";
import type { RotaStore } from "./store/rotas";

/**
 * How a warm-up after a publish ended (the metric's `outcome`): `stopped` by a real task that wanted its
 * thread, or by the server closing.
 */
export type WarmUpOutcome = "warmed" | "stopped" | "superseded" | "no_idle_thread" | "failed";

const SUPERSEDED = "superseded";
const CLOSING = "closing";

interface Running {
  stop: AbortController;
  done: Promise<void>;
}

/**
 * After a publish, an idle thread of the engine's pool (the one this process's re-solves run on) warms on
 * what the rota's changes will repair: a week's first re-solves otherwise cost 2–4× a warm one's, as V8
 * meets the week's shapes (decisions.md §15, seventh and eighth rounds). Background work: the publish
 * does not wait for it, a real task takes the thread from it within a search move, a newer publish of
 * the same rota stops it, and a failure is logged, never thrown.
 */
export class WarmUps {
  private readonly running = new Map<string, Running>();

  constructor(
    private readonly enabled: boolean,
    private readonly rotas: RotaStore,
    private readonly metrics: Metrics,
  ) {}

  /** Starts the warm-up for a rota just published, and returns at once. */
  afterPublish(orgId: string, rotaId: string, log: FastifyBaseLogger): void {
    if (!this.enabled) return;
    const key = `${orgId}/${rotaId}`;
    const previous = this.running.get(key);
    previous?.stop.abort(SUPERSEDED);
    const stop = new AbortController();
    // After the older one has given its thread back, or it would take a second thread.
    const done = (previous?.done ?? Promise.resolve())
      .then(() => this.warm(orgId, rotaId, stop.signal, log))
      .then((outcome) => this.metrics.warmUps.inc({ outcome }))
      .finally(() => {
        if (this.running.get(key)?.stop === stop) this.running.delete(key);
      });
    this.running.set(key, { stop, done });
  }

  /** Stops every warm-up and waits until each has ended (before the store closes). */
  async close(): Promise<void> {
    const all = [...this.running.values()];
    for (const r of all) r.stop.abort(CLOSING);
    await Promise.all(all.map((r) => r.done));
  }

  private async warm(
    orgId: string,
    rotaId: string,
    signal: AbortSignal,
    log: FastifyBaseLogger,
  ): Promise<WarmUpOutcome> {
    const stopped = () => (signal.reason === SUPERSEDED ? "superseded" : "stopped");
    if (signal.aborted) return stopped();
    try {
      const { latest, base } = await repairBase(this.rotas, orgId, rotaId);
      if (signal.aborted) return stopped();
      const started = performance.now();
      const prepared = await prepare(latest.problem, base.rota, { signal });
      const outcome = !prepared
        ? "no_idle_thread"
        : signal.aborted
          ? stopped()
          : prepared.preempted
            ? "stopped"
            : "warmed";
      log.info(
        {
          rotaId,
          version: base.version,
          outcome,
          repairs: prepared?.repairs ?? 0,
          ms: Math.round(performance.now() - started),
        },
        "warm-up on the published version",
      );
      return outcome;
    } catch (error) {
      log.error({ err: error, rotaId }, "warm-up on the published version failed");
      return "failed";
    }
  }
}
