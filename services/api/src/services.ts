import { WorkerPool } from "@deskrota/engine";
import type { FastifyBaseLogger } from "fastify";
import type { Config } from "./config";
import { openDatabase, type Database } from "./db/database";
import { migrate } from "./db/migrate";
import { LocalQueue } from "./jobs/local";
import { PgBossQueue } from "./jobs/pgboss";
import { Pool } from "./jobs/pool";
import type { SolveQueue } from "./jobs/queue";
import { Repository } from "./repository";

export interface Store {
  db: Database;
  repo: Repository;
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
  return { db, repo: new Repository(db) };
}

/**
 * The store plus the solve queue: the embedded store gets this process's own queue; a real
 * PostgreSQL gets pg-boss, shared with every other API and worker process.
 */
export async function startServices(config: Config, log: FastifyBaseLogger, worker: string): Promise<Services> {
  const store = await openStore(config, log);
  // Retry-After: by then a running solve has reached its time limit and freed its place.
  const retryAfterSeconds = Math.ceil(config.defaultTimeLimitMs / 1000);
  const pool = new Pool(Math.max(1, config.solvers), config.queueLimit, retryAfterSeconds);
  const ctx = { repo: store.repo, log, worker, progressEveryMs: config.progressEveryMs, lowerBound: config.lowerBound };
  try {
    const queue = config.databaseUrl
      ? await PgBossQueue.start(store.repo, pool, ctx, {
          url: config.databaseUrl,
          solvers: config.solvers,
          maxQueued: config.queueLimit,
          retryAfterSeconds,
          expireGraceSeconds: config.jobGraceSeconds,
          maintenanceSeconds: config.queueMaintenanceSeconds,
          pollSeconds: 0.5,
        })
      : await LocalQueue.start(store.repo, pool, ctx);
    return { ...store, config, pool, lookups: new WorkerPool(1), queue };
  } catch (error) {
    await store.db.close();
    throw error;
  }
}
