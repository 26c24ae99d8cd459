import {
  applyChange,
  Change,
  changeIssues,
  DeskrotaInputError,
  RepairOption,
  RepairProof,
  Rota,
  springForwardGap,
} from "@deskrota/core";
import { resolve } from "@deskrota/engine";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ApiError, conflict, ErrorBody, issuesIn } from "../http/errors";
import { Diff } from "@deskrota/core";
import { Prove, proveOption } from "../http/prove";
import { DateTimeText, RotaParams } from "../http/schemas";
import type { Services } from "../services";
import { repairBase } from "./versions";

const ChangeQuery = z.object({
  now: DateTimeText.optional().describe(
    "the moment of the change (default: the server's clock); nothing before it changes",
  ),
  timeLimitSeconds: z.coerce
    .number()
    .positive()
    .optional()
    .describe("search time after the repair (default: well under a second)"),
  option: z
    .enum(["fills", "smaller"])
    .optional()
    .describe(
      "which repair to record when they differ: `fills` (default) restores minimum cover, a lead and a keyholder " +
        "wherever it can and only then changes as little as it can; `smaller` changes less and leaves some open",
    ),
  dryRun: z
    .enum(["true", "false"])
    .optional()
    .describe("`true`: answer with the repair and its options (200) without recording anything"),
});

const ChangeBody = Change.extend({ prove: Prove.optional() }).meta({ id: "ChangeRequest" });

const RepairOptionAnswer = RepairOption.extend({
  apply: z.string().describe("preview or record this repair: the same change POSTed here (…&option=id)"),
}).meta({ id: "RepairOption" });

const ChangeResult = z
  .object({
    id: z.string(),
    version: z.number().int().nullable().describe("the version recorded; null for a dry run"),
    baseVersion: z.number().int().describe("the version repaired: the published one, else the latest"),
    now: z.string(),
    minimal: z
      .boolean()
      .describe("whether no rota could make fewer changes and fill as much (the chosen option's `minimal`)"),
    minimalReason: z.string(),
    minimalWords: z
      .string()
      .describe('`minimal` and its reason in one line, as the CLI says it: "proven minimal: …" or "not proven: …"'),
    proof: RepairProof.optional(),
    diff: Diff,
    options: z
      .array(RepairOptionAnswer)
      .describe(
        "the repairs to choose from: one when filling everything costs nothing more, else the one that " +
          "fills first and the smaller one, each with its trade-off in words",
      ),
    rota: Rota,
  })
  .meta({ id: "ChangeResult" });

export const changeRoutes =
  ({ rotas, pool, config, metrics }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/rotas/:id/changes",
      {
        schema: {
          operationId: "recordChange",
          summary:
            "Record a change (an absence or its removal, availability, people, pins, cover) and re-solve with the " +
            "fewest changes",
          description:
            'The change uses the problem format\'s own shapes, e.g. { "absences": [{ "person": "s004", "from": ' +
            '"2026-11-24T12:00", "to": "2026-11-24T18:00", "reason": "sick" }] }. The published version (else the ' +
            "latest) is repaired against the latest problem with the change applied: nothing before `now` moves, " +
            "every other stint stays unless moving it fills a gap or keeps a hard rule. Gaps come first: where " +
            "minimum cover (then a lead, then a keyholder) can be restored the repair restores it, and only then " +
            "changes as little as it can; where that takes more changes, `options` also offers the smaller repair " +
            "with the trade-off in words. Preview with `dryRun=true` (200, nothing recorded), then record the one " +
            "chosen with `option`. The result is stored as the next version, with its diff against the repaired " +
            "one. An empty change, an absence outside the week, already recorded or over before `now`, and a week " +
            "that is over are refused (400/409) and create nothing. A mistaken absence is taken out with " +
            '{ "removeAbsences": [{ "person", "from", "to" }] } (the recorded one with the same instants; 400 with ' +
            "its path if none is recorded): the same repair, with the person available again. " +
            '`prove` beside the change (`true` or { "timeLimitSeconds": 1–60 }) asks the exact model to prove the ' +
            "repair makes the fewest changes; `minimalWords` and `proof` say whether it did, or why not.",
          params: RotaParams,
          querystring: ChangeQuery,
          body: ChangeBody,
          response: {
            200: ChangeResult,
            201: ChangeResult,
            400: ErrorBody,
            401: ErrorBody,
            404: ErrorBody,
            409: ErrorBody,
            503: ErrorBody,
          },
        },
      },
      async (request, reply) => {
        const { timeLimitSeconds } = request.query;
        if (timeLimitSeconds !== undefined && timeLimitSeconds * 1000 > config.maxTimeLimitMs) {
          throw new ApiError(400, "DESKROTA_E_INPUT", "the time limit is too long", {
            issues: [
              {
                in: "querystring",
                path: "timeLimitSeconds",
                code: "too_big",
                message: `at most ${config.maxTimeLimitMs / 1000} s on this server`,
              },
            ],
          });
        }
        const { record, latest, base } = await repairBase(rotas, request.orgId, request.params.id);
        const { prove, ...change } = request.body;
        const now = request.query.now ?? new Date().toISOString();
        const skipped = springForwardGap(now, latest.problem.timeZone);
        if (skipped)
          throw new ApiError(400, "DESKROTA_E_INPUT", "`now` is not a time that exists", {
            issues: [{ in: "querystring", path: "now", code: "nonexistent_time", message: skipped }],
          });
        const applied = applyChange(latest.problem, change);
        if (!applied.ok) throw new DeskrotaInputError(applied.issues);
        // Refused before anything is solved or stored: a change that cannot change anything, or
        // contradicts what is recorded, must not become a version.
        const { invalid, conflicts } = changeIssues(latest.problem, change, now);
        if (invalid.length > 0) throw new DeskrotaInputError(invalid);
        if (conflicts.length > 0)
          throw new ApiError(409, "DESKROTA_E_CONFLICT", "the change contradicts the record or the clock", {
            issues: issuesIn("body", conflicts),
          });
        const { option, dryRun } = request.query;
        const result = await pool.run(() =>
          resolve(latest.problem, base.rota, change, {
            now,
            ...(timeLimitSeconds !== undefined ? { timeLimitMs: timeLimitSeconds * 1000 } : {}),
            ...(option !== undefined ? { option } : {}),
            ...proveOption(prove),
            onTiming: (timing) => metrics.resolveVersions.inc({ version: timing.sentVersion ? "sent" : "held" }),
          }),
        );
        // The engine's rota carries its diff too; here the diff lives beside it, in the version.
        const { diff: _diff, ...rota } = result.rota;
        const here = new URLSearchParams({
          now,
          ...(timeLimitSeconds ? { timeLimitSeconds: `${timeLimitSeconds}` } : {}),
        });
        const options = result.options.map((o) => ({
          ...o,
          apply: `/v1/rotas/${record.id}/changes?${here}&option=${o.id}`,
        }));
        const answer = {
          id: record.id,
          baseVersion: base.version,
          now,
          minimal: result.minimal,
          minimalReason: result.minimalReason,
          minimalWords: result.minimalWords,
          ...(result.proof ? { proof: result.proof } : {}),
          diff: result.diff,
          options,
          rota,
        };
        if (dryRun === "true") return reply.code(200).send({ ...answer, version: null });
        const stored = await rotas.addVersion(request.orgId, record.id, latest.version, {
          problem: applied.value,
          rota,
          change,
          baseVersion: base.version,
          diff: result.diff,
          minimal: result.minimal,
          minimalReason: result.minimalReason,
        });
        if (!stored) throw conflict(`another change to ${record.id} was recorded meanwhile; send this one again`);
        request.log.info(
          { rotaId: record.id, version: stored.version, changes: result.diff.changes, minimal: result.minimal },
          "change re-solved",
        );
        reply.header("location", `/v1/rotas/${record.id}/versions/${stored.version}`);
        return reply.code(201).send({ ...answer, version: stored.version });
      },
    );
  };
