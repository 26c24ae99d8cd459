import { applyChange, Change, DeskrotaInputError, Rota } from "@deskrota/core";
import { resolve } from "@deskrota/engine";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ApiError, conflict, ErrorBody } from "../http/errors";
import { Diff } from "@deskrota/core";
import { DateTimeText, RotaParams } from "../http/schemas";
import type { Services } from "../services";
import { versionFor } from "./versions";

const ChangeQuery = z.object({
  now: DateTimeText.optional().describe(
    "the moment of the change (default: the server's clock); nothing before it changes",
  ),
  timeLimitSeconds: z.coerce
    .number()
    .positive()
    .optional()
    .describe("search time after the repair (default: well under a second)"),
});

const ChangeResult = z
  .object({
    id: z.string(),
    version: z.number().int(),
    baseVersion: z.number().int().describe("the version repaired: the published one, else the latest"),
    now: z.string(),
    minimal: z.boolean().describe("whether no rota could make fewer changes and fill as much"),
    minimalReason: z.string(),
    diff: Diff,
    rota: Rota,
  })
  .meta({ id: "ChangeResult" });

export const changeRoutes =
  ({ rotas, pool, config }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/rotas/:id/changes",
      {
        schema: {
          operationId: "recordChange",
          summary:
            "Record a change (an absence, availability, people, pins, cover) and re-solve with the fewest changes",
          description:
            'The change uses the problem format\'s own shapes, e.g. { "absences": [{ "person": "s004", "from": ' +
            '"2026-11-24T12:00", "to": "2026-11-24T18:00", "reason": "sick" }] }. The published version (else the ' +
            "latest) is repaired against the latest problem with the change applied: nothing before `now` moves, " +
            "every other stint stays unless moving it fills a gap or keeps a hard rule. The result is stored " +
            "as the next version, with its diff against the repaired one.",
          params: RotaParams,
          querystring: ChangeQuery,
          body: Change,
          response: {
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
        const { record, version: latest } = await versionFor(
          rotas,
          request.orgId,
          request.params.id,
          undefined,
          "latest",
        );
        const base =
          record.publishedVersion === null || record.publishedVersion === latest.version
            ? latest
            : (await versionFor(rotas, request.orgId, record.id, record.publishedVersion)).version;
        const change = request.body;
        const applied = applyChange(latest.problem, change);
        if (!applied.ok) throw new DeskrotaInputError(applied.issues);
        const now = request.query.now ?? new Date().toISOString();
        const result = await pool.run(() =>
          resolve(latest.problem, base.rota, change, {
            now,
            ...(timeLimitSeconds !== undefined ? { timeLimitMs: timeLimitSeconds * 1000 } : {}),
          }),
        );
        // The engine's rota carries its diff too; here the diff lives beside it, in the version.
        const { diff: _diff, ...rota } = result.rota;
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
        return reply.code(201).send({
          id: record.id,
          version: stored.version,
          baseVersion: base.version,
          now,
          minimal: result.minimal,
          minimalReason: result.minimalReason,
          diff: result.diff,
          rota,
        });
      },
    );
  };
