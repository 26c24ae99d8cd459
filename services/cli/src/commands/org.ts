import { parseArgs } from "node:util";
import { UsageError } from "../io";

type Api = typeof import("@deskrota/api");

export const orgUsage = "deskrota org create NAME   (store: DATABASE_URL, else DESKROTA_DATA_DIR or ./data)";

/** Creates an organisation and prints its token: the only time the token is shown. */
export async function orgCommand(args: string[]): Promise<void> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const [action, ...rest] = positionals;
  const name = rest.join(" ").trim();
  if (action !== "create" || !name) throw new UsageError(`usage: ${orgUsage}`);
  if (name.length > 200) throw new UsageError("the organisation name is longer than 200 characters");
  // Loaded here, not at the top: only `org` and `worker` need the service (pg-boss, pino, fastify).
  const { ConfigError, DataDirInUseError, loadConfig, openStore } = await import("@deskrota/api");
  const store = await openStore(configFromEnv(loadConfig, ConfigError)).catch((error: unknown) => {
    // The embedded store has one process at a time: usually the running server.
    throw error instanceof DataDirInUseError
      ? new UsageError(`${error.message}: stop the server first, or use DATABASE_URL`)
      : error;
  });
  try {
    const { org, token } = await store.repo.createOrg(name);
    process.stdout.write(`organisation ${org.id} (${org.name})\ntoken (shown once, keep it): ${token}\n`);
  } finally {
    await store.db.close();
  }
}

/** A wrong setting is the user's to fix: said plainly, exit code 2. */
function configFromEnv(loadConfig: Api["loadConfig"], ConfigError: Api["ConfigError"]) {
  try {
    return loadConfig();
  } catch (error) {
    throw error instanceof ConfigError ? new UsageError(error.message) : error;
  }
}
