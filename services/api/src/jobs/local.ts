import type { RotaRecord } from "../store/rota-records";
import type { Store } from "../services";
import type { Pool } from "./pool";
import type { NewRota, QueueStats, SolveQueue } from "./queue";
import { INTERRUPTED, runSolveJob, type RunnerContext } from "./runner";

/**
 * The embedded store's queue: this process owns every job, so the queue is the pool itself and
 * the store is the record of what is owed. On start, solves cut off by a crash are failed and
 * queued ones are taken up again.
 */
export class LocalQueue implements SolveQueue {
  private readonly running = new Set<Promise<void>>();

  private constructor(
    private readonly store: Pick<Store, "rotas" | "jobs">,
    private readonly pool: Pool,
    private readonly ctx: RunnerContext,
    private readonly stopAll: AbortController,
  ) {}

  static async start(
    store: Pick<Store, "rotas" | "jobs">,
    pool: Pool,
    ctx: Omit<RunnerContext, "shutdown">,
  ): Promise<LocalQueue> {
    const stopAll = new AbortController();
    const queue = new LocalQueue(store, pool, { ...ctx, shutdown: stopAll.signal }, stopAll);
    const { failed, queued } = await store.jobs.recoverAfterRestart(INTERRUPTED);
    if (failed.length || queued.length)
      ctx.log.info({ failed, queued: queued.map((j) => j.id) }, "recovered jobs left by the previous run");
    // Jobs accepted before the restart were within the bound then: they are admitted regardless.
    for (const job of queued)
      queue.track(
        pool.admit({ orgId: job.orgId, costMs: job.timeLimitMs }, () => runSolveJob(job.id, queue.ctx)),
        job.id,
      );
    return queue;
  }

  async submit(orgId: string, rota: NewRota): Promise<RotaRecord> {
    const place = this.pool.reserve({ orgId, costMs: rota.settings.timeLimitMs });
    let record: RotaRecord;
    try {
      record = await this.store.rotas.createRota(orgId, rota);
    } catch (error) {
      place.release();
      throw error;
    }
    this.track(
      place.run(() => runSolveJob(record.id, this.ctx)),
      record.id,
    );
    return record;
  }

  async stats(): Promise<QueueStats> {
    return { kind: "local", solvers: this.pool.size, running: this.pool.running, queued: this.pool.queued };
  }

  async close(): Promise<void> {
    this.pool.close();
    this.stopAll.abort();
    await Promise.allSettled([...this.running]);
  }

  private track(job: Promise<void>, rotaId: string): void {
    const settled = job
      .catch((error: unknown) => {
        // A job dropped at shutdown stays queued in the store and is taken up on the next start.
        if ((error as { code?: string }).code !== "DESKROTA_E_BUSY")
          this.ctx.log.error({ err: error, rotaId }, "solve job failed outside the solver");
      })
      .finally(() => this.running.delete(settled));
    this.running.add(settled);
  }
}
