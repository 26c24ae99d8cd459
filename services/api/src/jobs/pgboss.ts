import PgBoss from "pg-boss";
import type { Sql } from "../db/database";
import type { RotaRecord } from "../store/rota-records";
import type { Store } from "../services";
import { BusyError, type Pool } from "./pool";
import { type QueueLimits, refusal, type Ticket } from "./wait";
import type { NewRota, QueueStats, SolveQueue } from "./queue";
import { runSolveJob, type RunnerContext } from "./runner";

const SOLVE = "deskrota-solve";
/** Jobs whose every attempt died with its worker land here, to be marked failed with a reason. */
const DEAD = "deskrota-solve-dead";

export const ABANDONED = "the worker solving this rota stopped responding, and so did the one that retried it";

export interface PgBossOptions {
  url: string;
  /** solves this process takes on at once; 0 for an API that only queues */
  solvers: number;
  limits: QueueLimits;
  /** added to a job's time limit before the queue presumes its worker dead and retries it */
  expireGraceSeconds: number;
  /** how often expired jobs are looked for */
  maintenanceSeconds: number;
  pollSeconds: number;
}

interface SolveJobData {
  rotaId: string;
  /** for this process's pool (absent from jobs queued before they were added) */
  orgId?: string;
  timeLimitMs?: number;
}

/**
 * Solve jobs in PostgreSQL through pg-boss: any number of API and `deskrota worker` processes
 * share them, each job is fetched by one worker at a time (SKIP LOCKED), and a job whose worker
 * dies expires and is retried once, then dead-lettered and marked failed. The store still decides
 * who may write a result (claims), so a late duplicate can never overwrite a newer attempt.
 */
export class PgBossQueue implements SolveQueue {
  private constructor(
    private readonly boss: PgBoss,
    private readonly store: Pick<Store, "rotas" | "jobs">,
    private readonly pool: Pool,
    private readonly options: PgBossOptions,
    private readonly stopAll: AbortController,
  ) {}

  static async start(
    store: Pick<Store, "rotas" | "jobs">,
    pool: Pool,
    ctx: Omit<RunnerContext, "shutdown">,
    options: PgBossOptions,
  ): Promise<PgBossQueue> {
    const boss = new PgBoss({
      connectionString: options.url,
      max: 4,
      maintenanceIntervalSeconds: options.maintenanceSeconds,
      application_name: `deskrota ${ctx.worker}`,
    });
    boss.on("error", (error) => ctx.log.error({ err: error }, "job queue error"));
    await boss.start();
    await boss.createQueue(DEAD);
    await boss.createQueue(SOLVE, { name: SOLVE, deadLetter: DEAD, retryLimit: 1, retryDelay: 1 });
    const stopAll = new AbortController();
    const queue = new PgBossQueue(boss, store, pool, options, stopAll);
    const runner: RunnerContext = { ...ctx, shutdown: stopAll.signal };
    const poll = { batchSize: 1, pollingIntervalSeconds: options.pollSeconds };
    // One pg-boss worker per solver slot: each fetches a job only when it is free, so jobs wait in
    // PostgreSQL, where any idle process can take them, rather than in this process's memory.
    for (let i = 0; i < options.solvers; i++) {
      await boss.work<SolveJobData>(SOLVE, poll, async ([job]) => {
        // Fetched while shutting down: failing it hands it straight back for another worker.
        if (stopAll.signal.aborted) throw new Error("this worker is shutting down");
        if (!job) return;
        const ticket = { orgId: job.data.orgId ?? "", costMs: job.data.timeLimitMs ?? 0 };
        await pool.admit(ticket, () => runSolveJob(job.data.rotaId, runner));
      });
    }
    await boss.work<SolveJobData>(DEAD, poll, async ([job]) => {
      if (job && (await store.jobs.fail(job.data.rotaId, null, ABANDONED)))
        ctx.log.warn({ rotaId: job.data.rotaId }, "solve abandoned after its workers died");
    });
    return queue;
  }

  /**
   * Fair between organisations as the local pool is, within what pg-boss offers: a job's priority
   * is minus the number of its organisation's unfinished solves, so an organisation's first solve
   * starts before another's fortieth (pg-boss takes the highest priority, then the oldest).
   */
  async submit(orgId: string, rota: NewRota): Promise<RotaRecord> {
    const backlog = await this.store.jobs.backlog();
    const lanes = new Map<string, Ticket[]>();
    for (const job of backlog.filter((j) => j.status === "queued"))
      lanes.set(job.orgId, [...(lanes.get(job.orgId) ?? []), { orgId: job.orgId, costMs: job.timeLimitMs }]);
    const solving = backlog.filter((j) => j.status === "solving");
    const refused = refusal(
      {
        lanes,
        lastServed: new Map(),
        runningRemainingMs: solving.map((j) => j.timeLimitMs - j.elapsedMs),
        slots: Math.max(1, this.options.solvers),
      },
      orgId,
      this.options.limits,
    );
    if (refused) throw new BusyError(refused.retryAfterSeconds, refused.message);
    const outstanding = backlog.filter((j) => j.orgId === orgId).length;
    const { timeLimitMs } = rota.settings;
    return this.store.rotas.createRota(orgId, rota, async (tx, rotaId) => {
      await this.boss.send(SOLVE, { rotaId, orgId, timeLimitMs } satisfies SolveJobData, {
        db: bossDb(tx),
        priority: -outstanding,
        expireInSeconds: Math.ceil(timeLimitMs / 1000) + this.options.expireGraceSeconds,
      });
    });
  }

  async stats(): Promise<QueueStats> {
    return {
      kind: "pg-boss",
      solvers: this.options.solvers,
      running: this.pool.running,
      queued: await this.boss.getQueueSize(SOLVE),
    };
  }

  async close(): Promise<void> {
    await this.boss.offWork(SOLVE);
    this.stopAll.abort();
    // Graceful: waits for the (now stopping) handlers, so their best rotas are stored before the
    // connection closes; a handler still running at the timeout has its job retried elsewhere.
    await this.boss.stop({ graceful: true, wait: true, timeout: 20_000 });
  }
}

/** pg-boss writes the job through our transaction, so the job exists exactly when the rota does. */
function bossDb(tx: Sql): PgBoss.Db {
  return { executeSql: async (text, values) => ({ rows: await tx.query(text, values) }) };
}
