import { WorkerPool } from "@deskrota/engine";
import type { FastifyBaseLogger } from "fastify";
import type { Config } from "./config";
import { openDatabase, type Database } from "./db/database";
import { migrate } from "./db/migrate";
import { LocalQueue } from "./jobs/local";
import { PgBossQueue } from "./jobs/pgboss";
import { Pool } from "./jobs/pool";
import type { SolveQueue } from "./jobs/queue";
import { Metrics } from "./metrics";
import { FeedStore } from "./store/feeds";
import { JobStore } from "./store/jobs";
import { OrgStore } from "./store/orgs";
import { RotaStore } from "./store/rotas";
import { WarmUps } from "./warm-ups";

/** The database and one store per aggregate: organisations and tokens, rotas and versions, solve jobs. */
export interface Store {
  db: Database;
  orgs: OrgStore;
  rotas: RotaStore;
  jobs: JobStore;
  feeds: FeedStore;
}

export interface Services extends Store {
  config: Config;
  pool: Pool;
  /**
   * one thread of its own for quick look-ups (swap candidates, comparisons): off the event loop, never queued behind a
   * solve
   */
  lookups: WorkerPool;
  queue: SolveQueue;
  metrics: Metrics;
  /** after a publish, a thread warms on the week for its re-solves (config `warmOnPublish`) */
  warmUps: WarmUps;
}

/** Opens the configured store and brings its schema up to date. */
export async function openStore(
  config: Pick<Config, "databaseUrl" | "dataDir">,
  log?: FastifyBaseLogger,
): Promise<Store> {
  const db = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    const applied = await migrate(db);
    if (applied.length) log?.info({ applied }, "database migrated");
  } catch (error) {
    await db.close();
    throw error;
  }
  return { db, orgs: new OrgStore(db), rotas: new RotaStore(db), jobs: new JobStore(db), feeds: new FeedStore(db) };
}

/**
 * The store plus the solve queue: the embedded store gets this process's own queue; a real
 * PostgreSQL gets pg-boss, shared with every other API and worker process.
 */
export async function startServices(config: Config, log: FastifyBaseLogger, worker: string): Promise<Services> {
  const store = await openStore(config, log);
  const limits = { maxQueued: config.queueLimit, maxQueuedPerOrg: config.queueLimitPerOrg };
  const pool = new Pool(Math.max(1, config.solvers), limits);
  const metrics = new Metrics();
  const ctx = {
    jobs: store.jobs,
    log,
    worker,
    progressEveryMs: config.progressEveryMs,
    lowerBound: config.lowerBound,
    metrics,
  };
  try {
    const queue = config.databaseUrl
      ? await PgBossQueue.start(store, pool, ctx, {
          url: config.databaseUrl,
          solvers: config.solvers,
          limits,
          expireGraceSeconds: config.jobGraceSeconds,
          maintenanceSeconds: config.queueMaintenanceSeconds,
          pollSeconds: 0.5,
        })
      : await LocalQueue.start(store, pool, ctx);
    metrics.watch(queue);
    const warmUps = new WarmUps(config.warmOnPublish, store.rotas, metrics);
    return { ...store, config, pool, lookups: new WorkerPool(1), queue, metrics, warmUps };
  } catch (error) {
    await store.db.close();
    throw error;
  }
}
