import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/** The bundled example a fresh store is preloaded with. */
export const BUNDLED_EXAMPLE = fileURLToPath(new URL("../../../docs/examples/typical-week.json", import.meta.url));

/** Each solve keeps a thread busy, two with the lower bound beside it: as many solves as that leaves cores. */
const defaultSolvers = (lowerBound: boolean) => Math.max(1, Math.floor(availableParallelism() / (lowerBound ? 2 : 1)));

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
/** A browser origin: scheme, host, optional port; no path. */
const ORIGIN = /^https?:\/\/[^/\s:]+(:\d{1,5})?$/;
/** Unset and empty mean the same: the default. */
const blankIsUnset = (value: unknown) => (value === "" ? undefined : value);

const Env = z
  .object({
    PORT: z.preprocess(blankIsUnset, int(0, 65_535).default(3000)),
    HOST: z.preprocess(blankIsUnset, z.string().default("127.0.0.1")),
    LOG_LEVEL: z.preprocess(
      blankIsUnset,
      z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    ),
    DATABASE_URL: z.preprocess(
      blankIsUnset,
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, { message: "must be a postgres:// URL" })
        .optional(),
    ),
    DESKROTA_DATA_DIR: z.preprocess(blankIsUnset, z.string().default("./data")),
    DESKROTA_BODY_LIMIT_BYTES: z.preprocess(blankIsUnset, int(1024, 512 * 1024 * 1024).default(1024 * 1024)),
    DESKROTA_SOLVERS: z.preprocess(blankIsUnset, int(0, 256).optional()),
    DESKROTA_LOWER_BOUND: z.preprocess(blankIsUnset, z.enum(["on", "off"]).default("on")),
    DESKROTA_WARM_ON_PUBLISH: z.preprocess(blankIsUnset, z.enum(["on", "off"]).default("on")),
    DESKROTA_QUEUE_LIMIT: z.preprocess(blankIsUnset, int(0, 100_000).default(32)),
    DESKROTA_QUEUE_LIMIT_PER_ORG: z.preprocess(blankIsUnset, int(0, 100_000).optional()),
    DESKROTA_TIME_LIMIT_SECONDS: z.preprocess(blankIsUnset, z.coerce.number().positive().max(3600).default(10)),
    DESKROTA_MAX_TIME_LIMIT_SECONDS: z.preprocess(blankIsUnset, z.coerce.number().positive().max(3600).default(300)),
    DESKROTA_EXAMPLE: z.preprocess(blankIsUnset, z.string().default(BUNDLED_EXAMPLE)),
    DESKROTA_JOB_GRACE_SECONDS: z.preprocess(blankIsUnset, int(1, 3600).default(60)),
    DESKROTA_QUEUE_MAINTENANCE_SECONDS: z.preprocess(blankIsUnset, int(1, 3600).default(30)),
    DESKROTA_PROGRESS_MS: z.preprocess(blankIsUnset, int(50, 60_000).default(500)),
    DESKROTA_RATE_LIMIT_PER_TOKEN: z.preprocess(blankIsUnset, int(0, 1_000_000).default(600)),
    DESKROTA_RATE_LIMIT_PER_ADDRESS: z.preprocess(blankIsUnset, int(0, 1_000_000).default(1200)),
    DESKROTA_RATE_LIMIT_WINDOW_SECONDS: z.preprocess(blankIsUnset, int(1, 86_400).default(60)),
    DESKROTA_MAX_EVENT_LOOP_DELAY_MS: z.preprocess(blankIsUnset, int(0, 60_000).default(1000)),
    DESKROTA_MAX_HEAP_USED_BYTES: z.preprocess(blankIsUnset, int(0, Number.MAX_SAFE_INTEGER).default(0)),
    DESKROTA_MAX_RSS_BYTES: z.preprocess(blankIsUnset, int(0, Number.MAX_SAFE_INTEGER).default(0)),
    DESKROTA_TRUST_PROXY: z.preprocess(
      blankIsUnset,
      z
        .string()
        .regex(/^(on|off|[\d.:a-fA-F/,\s]+)$/, { message: "must be on, off, or the proxies' addresses (CIDR)" })
        .transform((v): boolean | string => (v === "on" ? true : v === "off" ? false : v.replace(/\s/g, "")))
        .default(false),
    ),
    DESKROTA_CORS_ORIGINS: z.preprocess(
      blankIsUnset,
      z
        .string()
        .transform((s) => s.split(",").map((o) => o.trim()))
        .pipe(z.array(z.string().regex(ORIGIN, { message: "must be origins such as https://intranet.example" })))
        .default([]),
    ),
  })
  .superRefine((env, ctx) => {
    if (env.DESKROTA_SOLVERS === 0 && !env.DATABASE_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["DESKROTA_SOLVERS"],
        message: "0 (queue only) needs DATABASE_URL, so that `deskrota worker` processes can take the jobs",
      });
    }
    if (env.DESKROTA_TIME_LIMIT_SECONDS > env.DESKROTA_MAX_TIME_LIMIT_SECONDS) {
      ctx.addIssue({
        code: "custom",
        path: ["DESKROTA_TIME_LIMIT_SECONDS"],
        message: "is above DESKROTA_MAX_TIME_LIMIT_SECONDS",
      });
    }
  });

export interface Config {
  port: number;
  host: string;
  logLevel: string;
  /** a real PostgreSQL (and pg-boss) when set; the embedded store in `dataDir` otherwise */
  databaseUrl: string | undefined;
  dataDir: string;
  bodyLimitBytes: number;
  /** solves this process runs at once */
  solvers: number;
  /** compute a lower bound beside each solve (the progress "gap"); costs a second thread */
  lowerBound: boolean;
  /**
   * after a publish, warm an idle engine thread on the version its changes repair (engine `prepare`): the
   * week's first re-solves then run warm; seconds of background CPU per publish, given way to real work
   */
  warmOnPublish: boolean;
  /** jobs that may wait beyond the running ones before new ones get 503 */
  queueLimit: number;
  /** of those, how many one organisation may hold (default: three quarters), so others still get in */
  queueLimitPerOrg: number;
  defaultTimeLimitMs: number;
  maxTimeLimitMs: number;
  /** problem file preloaded into an empty store; "none" to skip */
  example: string;
  jobGraceSeconds: number;
  queueMaintenanceSeconds: number;
  progressEveryMs: number;
  /** requests per window per token and per client address (failed authentications included); 0: no limit */
  rateLimit: { perToken: number; perAddress: number; windowSeconds: number };
  /** shed load (503) past these; 0: not watched */
  pressure: { maxEventLoopDelayMs: number; maxHeapUsedBytes: number; maxRssBytes: number };
  /** which proxies' X-Forwarded-For to believe for the client address (Fastify's trustProxy) */
  trustProxy: boolean | string;
  /** origins whose pages may call the API from a browser (CORS); none: CORS is off */
  corsOrigins: string[];
}

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`invalid configuration:\n${issues.map((i) => `  ${i}`).join("\n")}`);
  }
}

/** Reads the environment once, at the edge; everything inside takes a Config. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DESKROTA_DATA_DIR,
    bodyLimitBytes: e.DESKROTA_BODY_LIMIT_BYTES,
    solvers: e.DESKROTA_SOLVERS ?? defaultSolvers(e.DESKROTA_LOWER_BOUND === "on"),
    lowerBound: e.DESKROTA_LOWER_BOUND === "on",
    warmOnPublish: e.DESKROTA_WARM_ON_PUBLISH === "on",
    queueLimit: e.DESKROTA_QUEUE_LIMIT,
    queueLimitPerOrg: Math.min(
      e.DESKROTA_QUEUE_LIMIT,
      e.DESKROTA_QUEUE_LIMIT_PER_ORG ?? Math.ceil(e.DESKROTA_QUEUE_LIMIT * 0.75),
    ),
    defaultTimeLimitMs: e.DESKROTA_TIME_LIMIT_SECONDS * 1000,
    maxTimeLimitMs: e.DESKROTA_MAX_TIME_LIMIT_SECONDS * 1000,
    example: e.DESKROTA_EXAMPLE,
    jobGraceSeconds: e.DESKROTA_JOB_GRACE_SECONDS,
    queueMaintenanceSeconds: e.DESKROTA_QUEUE_MAINTENANCE_SECONDS,
    progressEveryMs: e.DESKROTA_PROGRESS_MS,
    rateLimit: {
      perToken: e.DESKROTA_RATE_LIMIT_PER_TOKEN,
      perAddress: e.DESKROTA_RATE_LIMIT_PER_ADDRESS,
      windowSeconds: e.DESKROTA_RATE_LIMIT_WINDOW_SECONDS,
    },
    pressure: {
      maxEventLoopDelayMs: e.DESKROTA_MAX_EVENT_LOOP_DELAY_MS,
      maxHeapUsedBytes: e.DESKROTA_MAX_HEAP_USED_BYTES,
      maxRssBytes: e.DESKROTA_MAX_RSS_BYTES,
    },
    trustProxy: e.DESKROTA_TRUST_PROXY,
    corsOrigins: e.DESKROTA_CORS_ORIGINS,
  };
}
