import { Change, Rota } from "@deskrota/core";
import { z } from "zod";
import { ProfileId } from "../profiles";
import { ApiIssue } from "./errors";
import { Diff } from "@deskrota/core";

// Any id is accepted in a path: one that does not name a rota of the caller's is a 404, not a 400.
export const RotaId = z.string().min(1).max(100);
export const RotaParams = z.object({ id: RotaId });
/** Versions are PostgreSQL integers: a larger number is the client's mistake, not a store error. */
export const MAX_VERSION = 2_147_483_647;
export const VersionNumber = z.coerce.number().int().min(1).max(MAX_VERSION);

/** A dated time as in the problem format: local to the problem's zone unless it carries an offset. */
export const DateTimeText = z.iso.datetime({
  local: true,
  offset: true,
  error: "must be a date and time such as 2026-11-24T13:00 (an offset is optional)",
});

/** `?version=N`: which version to read; default the published one, else the latest. */
export const VersionQuery = z.object({ version: VersionNumber.optional() });

export const RotaStatus = z.enum(["queued", "solving", "done", "failed"]);

export const Progress = z
  .object({
    elapsedMs: z.number().describe("time the solve has been running"),
    objective: z
      .number()
      .nullable()
      .describe("the best score so far (lower is better); null until the first rota exists"),
    bestBound: z.number().nullable().describe("proven lower bound on the score, once computed"),
    gap: z.number().nullable().describe("relative distance between the best score and the bound"),
  })
  .meta({ id: "Progress" });

export const RotaLinks = z.object({
  self: z.string(),
  versions: z.string(),
  csv: z.string(),
});

export const RotaView = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    alternativeOf: z.string().nullable().describe("the rota this one is an alternative to"),
    profile: z.string().nullable().describe("the weight profile it was solved with"),
    status: RotaStatus,
    progress: Progress.nullable().describe("while solving"),
    reason: z.string().nullable().describe("why the rota failed"),
    issues: z.array(ApiIssue).nullable().describe("what is wrong with the problem, when it failed for that"),
    timeLimitSeconds: z.number(),
    version: z.number().int().nullable().describe("the latest version, once solved"),
    publishedVersion: z.number().int().nullable(),
    publishedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    rota: Rota.optional().describe(
      "the latest version's rota: assignments, uncovered gaps with reasons, score by rule",
    ),
    links: RotaLinks,
  })
  .meta({ id: "RotaStatus" });
export type RotaView = z.infer<typeof RotaView>;

export const RotaSummary = RotaView.omit({ rota: true, issues: true }).meta({ id: "RotaSummary" });

export const CreateQuery = z.object({
  wait: z.stringbool().optional().describe("wait up to the time limit and answer with the result"),
  timeLimitSeconds: z.coerce
    .number()
    .positive()
    .optional()
    .describe("default: the problem's solver.timeLimitSeconds, else the server's"),
  seed: z.coerce.number().int().min(0).optional(),
  workBudget: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe("search moves instead of wall time (reproducible); still bounded by the time limit"),
  name: z.string().min(1).max(200).optional(),
  profile: ProfileId.optional(),
});

export const ListQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) });

export const PublishBody = z
  .object({ version: z.number().int().min(1).max(MAX_VERSION).optional().describe("default: the latest version") })
  .nullish();

export const VersionSummary = z
  .object({
    version: z.number().int(),
    kind: z.enum(["solve", "change"]),
    baseVersion: z.number().int().nullable().describe("the version a change was re-solved from"),
    change: Change.nullable().describe("the change, as it was posted"),
    diff: Diff.nullable().describe("what changed against baseVersion"),
    minimal: z.boolean().nullable().describe("whether the number of changes is proven minimal"),
    minimalReason: z.string().nullable().describe("why it is or is not proven minimal"),
    published: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: "VersionSummary" });

export const VersionView = VersionSummary.extend({ rota: Rota }).meta({ id: "Version" });

export const Health = z
  .object({
    status: z.enum(["ok", "unavailable"]),
    database: z.object({ kind: z.enum(["pglite", "postgres"]), up: z.boolean() }),
    queue: z
      .object({ kind: z.enum(["local", "pg-boss"]), solvers: z.number(), running: z.number(), queued: z.number() })
      .nullable(),
    uptimeSeconds: z.number(),
  })
  .meta({ id: "Health" });

export const Readiness = z
  .object({
    status: z.enum(["ready", "unavailable"]),
    database: z.object({ up: z.boolean() }),
    queue: z.object({ up: z.boolean() }),
  })
  .meta({ id: "Readiness" });
