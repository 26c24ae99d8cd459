import { parseArgs } from "node:util";
import { UsageError } from "../io";

type Api = typeof import("@deskrota/api");

export const workerUsage = "deskrota worker   (needs DATABASE_URL; DESKROTA_SOLVERS solves at once)";

/** Takes solve jobs from the PostgreSQL queue shared by every API and worker process, until stopped. */
export async function workerCommand(args: string[]): Promise<void> {
  parseArgs({ args, allowPositionals: false, options: {} });
  // Loaded here, not at the top: only `org` and `worker` need the service (pg-boss, pino, fastify).
  const { ConfigError, loadConfig, runWorker } = await import("@deskrota/api");
  const config = configFromEnv(loadConfig, ConfigError);
  if (!config.databaseUrl)
    throw new UsageError("a worker needs DATABASE_URL: with the embedded store, the API process solves its own jobs");
  if (config.solvers < 1) throw new UsageError("DESKROTA_SOLVERS must be at least 1 for a worker");
  await runWorker({ ...config, databaseUrl: config.databaseUrl });
}

/** A wrong setting is the user's to fix: said plainly, exit code 2. */
function configFromEnv(loadConfig: Api["loadConfig"], ConfigError: Api["ConfigError"]) {
  try {
    return loadConfig();
  } catch (error) {
    throw error instanceof ConfigError ? new UsageError(error.message) : error;
  }
}
