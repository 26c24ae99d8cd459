import { parseArgs } from "node:util";
import { ConfigError, loadConfig, runWorker } from "@deskrota/api";
import { UsageError } from "../io";

export const workerUsage = "deskrota worker   (needs DATABASE_URL; DESKROTA_SOLVERS solves at once)";

/** Takes solve jobs from the PostgreSQL queue shared by every API and worker process, until stopped. */
export async function workerCommand(args: string[]): Promise<void> {
  parseArgs({ args, allowPositionals: false, options: {} });
  const config = configFromEnv();
  if (!config.databaseUrl)
    throw new UsageError("a worker needs DATABASE_URL: with the embedded store, the API process solves its own jobs");
  if (config.solvers < 1) throw new UsageError("DESKROTA_SOLVERS must be at least 1 for a worker");
  await runWorker({ ...config, databaseUrl: config.databaseUrl });
}

/** A wrong setting is the user's to fix: said plainly, exit code 2. */
function configFromEnv() {
  try {
    return loadConfig();
  } catch (error) {
    throw error instanceof ConfigError ? new UsageError(error.message) : error;
  }
}
