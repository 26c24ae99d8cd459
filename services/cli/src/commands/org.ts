import { parseArgs } from "node:util";
import { UsageError } from "../io";

type Api = typeof import("@deskrota/api");

export const orgUsage = [
  "deskrota org create NAME",
  "deskrota org tokens ORG_ID",
  "deskrota org rotate ORG_ID TOKEN_ID [--expires-in-days N]",
  "deskrota org revoke ORG_ID TOKEN_ID",
  "  (store: DATABASE_URL, else DESKROTA_DATA_DIR or ./data)",
].join("\n       ");

type Store = Awaited<ReturnType<Api["openStore"]>>;

/**
 * Organisations and their tokens, for an operator at the server: create one (its first token shown
 * once), list its tokens, rotate one (the new secret shown once, the old one refused at once) or
 * revoke one — also the last, which the API refuses, so an operator can cut off a leaked token.
 */
export async function orgCommand(args: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { "expires-in-days": { type: "string" } },
  });
  const [action, ...rest] = positionals;
  const run = action === undefined ? undefined : ACTIONS[action];
  if (!run) throw new UsageError(`usage: ${orgUsage}`);
  const expiresInDays = days(values["expires-in-days"]);
  // Loaded here, not at the top: only `org` and `worker` need the service (pg-boss, pino, fastify).
  const { ConfigError, DataDirInUseError, loadConfig, openStore } = await import("@deskrota/api");
  const check = run.check(rest);
  const store = await openStore(configFromEnv(loadConfig, ConfigError)).catch((error: unknown) => {
    // The embedded store has one process at a time: usually the running server.
    throw error instanceof DataDirInUseError
      ? new UsageError(`${error.message}: stop the server first, or use DATABASE_URL`)
      : error;
  });
  try {
    await run.go(store, check, expiresInDays);
  } finally {
    await store.db.close();
  }
}

interface Action {
  /** the positional arguments, checked before the store is opened */
  check(rest: string[]): string[];
  go(store: Store, args: string[], expiresInDays: number | undefined): Promise<void>;
}

const exactly = (n: number) => (rest: string[]) => {
  if (rest.length !== n) throw new UsageError(`usage: ${orgUsage}`);
  return rest;
};

const ACTIONS: Record<string, Action> = {
  create: {
    check(rest) {
      const name = rest.join(" ").trim();
      if (!name) throw new UsageError(`usage: ${orgUsage}`);
      if (name.length > 200) throw new UsageError("the organisation name is longer than 200 characters");
      return [name];
    },
    async go(store, [name]) {
      const { org, token } = await store.orgs.createOrg(name as string);
      process.stdout.write(`organisation ${org.id} (${org.name})\ntoken (shown once, keep it): ${token}\n`);
    },
  },
  tokens: {
    check: exactly(1),
    async go(store, [orgId]) {
      await knownOrg(store, orgId as string);
      for (const t of await store.orgs.listTokens(orgId as string)) {
        const state = t.revokedAt
          ? `revoked ${t.revokedAt}`
          : t.expiresAt && Date.parse(t.expiresAt) <= Date.now()
            ? `expired ${t.expiresAt}`
            : `live${t.expiresAt ? ` until ${t.expiresAt}` : ""}`;
        process.stdout.write(`${t.id}  ${state}  created ${t.createdAt}${t.name ? `  ${t.name}` : ""}\n`);
      }
    },
  },
  rotate: {
    check: exactly(2),
    async go(store, [orgId, tokenId], expiresInDays) {
      await knownOrg(store, orgId as string);
      const result = await store.orgs.rotateToken(orgId as string, tokenId as string, { expiresInDays });
      if (result === null) throw new UsageError(`organisation ${orgId} has no token ${tokenId}`);
      if (result === "revoked") throw new UsageError(`token ${tokenId} is revoked: rotate a live one`);
      process.stdout.write(
        `token ${result.record.id} replaces ${tokenId} (now revoked)\ntoken (shown once, keep it): ${result.token}\n`,
      );
    },
  },
  revoke: {
    check: exactly(2),
    async go(store, [orgId, tokenId]) {
      await knownOrg(store, orgId as string);
      const result = await store.orgs.revokeToken(orgId as string, tokenId as string, false);
      if (result === null) throw new UsageError(`organisation ${orgId} has no token ${tokenId}`);
      if (result === "revoked") throw new UsageError(`token ${tokenId} was already revoked`);
      process.stdout.write(`token ${tokenId} revoked: refused from now on\n`);
    },
  },
};

async function knownOrg(store: Store, orgId: string): Promise<void> {
  if (!(await store.orgs.findOrg(orgId))) throw new UsageError(`there is no organisation ${orgId}`);
}

function days(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 3650)
    throw new UsageError("--expires-in-days must be a whole number from 1 to 3650");
  return n;
}

/** A wrong setting is the user's to fix: said plainly, exit code 2. */
function configFromEnv(loadConfig: Api["loadConfig"], ConfigError: Api["ConfigError"]) {
  try {
    return loadConfig();
  } catch (error) {
    throw error instanceof ConfigError ? new UsageError(error.message) : error;
  }
}
