import { applyEdit, changeIssues, DeskrotaInputError, Diff, diff, Edit, RepairProof, Rota } from "@deskrota/core";
import { resolve } from "@deskrota/engine";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ApiError, conflict, ErrorBody, issuesIn } from "../http/errors";
import { Prove, proveOption } from "../http/prove";
import { DateTimeText, RotaParams, VersionNumber } from "../http/schemas";
import type { RotaRecord, VersionRecord } from "../store/rota-records";
import type { Services } from "../services";
import { versionFor } from "./versions";

// Editing by hand and undo (docs/api.md): every action names the version it builds on (409 when
// that is no longer the latest), is judged by the independent checker, and is stored as the next
// version with its diff. Nothing is stored by a dry run or a refused edit.

const BasedOn = z
  .number()
  .int()
  .min(1)
  .describe("the version the coordinator is looking at: 409 unless it is the latest");

const EditBody = Edit.extend({
  basedOn: BasedOn,
  dryRun: z.boolean().optional().describe("judge the edit and show its effect without storing anything"),
});

const SoftCost = z.object({ rule: z.string(), change: z.number().describe("points; positive is worse") });

const EditResult = z
  .object({
    id: z.string(),
    version: z.number().int().nullable().describe("the new version; null on a dry run"),
    baseVersion: z.number().int(),
    publishedBase: z.boolean().describe("the edit changes the published version: tell whoever reads the rota"),
    costs: z.array(SoftCost).describe("soft goals the edit makes better (negative) or worse (positive)"),
    diff: Diff,
    rota: Rota,
  })
  .meta({ id: "EditResult" });

const RevertParams = RotaParams.extend({ n: VersionNumber });
const ResolveBody = z.object({
  basedOn: BasedOn,
  now: DateTimeText.optional().describe(
    "the moment of the re-solve (default: the server's clock); nothing before it moves",
  ),
  timeLimitSeconds: z
    .number()
    .positive()
    .max(60)
    .optional()
    .describe("search time after the repair (default: well under a second)"),
  prove: Prove.optional(),
});

const ResolveResult = EditResult.extend({
  minimal: z.boolean().describe("whether no repair keeping every pin could make fewer changes and fill as much"),
  minimalReason: z.string(),
  minimalWords: z.string().describe('`minimal` and its reason in one line: "proven minimal: …" or "not proven: …"'),
  proof: RepairProof.optional(),
}).meta({ id: "ResolveResult" });

const errors = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };

async function latestFor(services: Services, orgId: string, id: string, basedOn: number) {
  const { record, version } = await versionFor(services.rotas, orgId, id, undefined, "latest");
  if (basedOn !== version.version)
    throw conflict(`v${basedOn} is not the latest version of ${record.id} (v${version.version}); look at it again`);
  return { record, latest: version };
}

const stored = (record: RotaRecord, next: VersionRecord | null) => {
  if (!next) throw conflict(`another change to ${record.id} was recorded meanwhile; look at it again`);
  return next;
};

export const editRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const { rotas } = services;
    app.post(
      "/rotas/:id/edits",
      {
        schema: {
          operationId: "editRota",
          summary: "Edit the latest version by hand: add, remove, move or pin stints",
          description:
            "Stints are `{ person, point, start, end }` as in the rota. The edited rota " +
            "is judged by the independent checker: a hard rule broken answers 422 with " +
            "each rule in words (nothing stored); soft costs are listed. Pinned stints " +
            "join the problem, so re-solves keep them. `dryRun` shows the verdict and " +
            "the diff without storing.",
          params: RotaParams,
          body: EditBody,
          response: { 200: EditResult, 201: EditResult, ...errors },
        },
      },
      async (request, reply) => {
        const { basedOn, dryRun, ...edit } = request.body;
        const { record, latest } = await latestFor(services, request.orgId, request.params.id, basedOn);
        const outcome = applyEdit(latest.problem, latest.rota, edit);
        if (!outcome.ok && outcome.issues.length)
          throw new ApiError(400, "DESKROTA_E_INPUT", "the edit cannot be made as asked", {
            issues: issuesIn("body", outcome.issues),
          });
        if (!outcome.ok)
          throw new ApiError(
            422,
            "DESKROTA_E_RULE",
            `the edit would break a hard rule: ${outcome.broken[0]?.message}`,
            {
              issues: outcome.broken.map((b) => ({ in: "body", path: "", code: b.rule, message: b.message })),
            },
          );
        const changes = diff(latest.problem, latest.rota, outcome.rota);
        const answer = {
          id: record.id,
          baseVersion: latest.version,
          publishedBase: record.publishedVersion === latest.version,
          costs: outcome.costs,
          diff: changes,
          rota: outcome.rota,
        };
        if (dryRun) return reply.code(200).send({ ...answer, version: null });
        const next = stored(
          record,
          await rotas.addVersion(request.orgId, record.id, latest.version, {
            problem: outcome.problem,
            rota: outcome.rota,
            change: edit.pin?.length ? { pin: edit.pin } : null,
            baseVersion: latest.version,
            diff: changes,
            minimal: false,
            minimalReason: `edited by hand: ${changes.words.join("; ") || "stints pinned"}`,
          }),
        );
        request.log.info({ rotaId: record.id, version: next.version, changes: changes.changes }, "edited by hand");
        reply.header("location", `/v1/rotas/${record.id}/versions/${next.version}`);
        return reply.code(201).send({ ...answer, version: next.version });
      },
    );

    app.post(
      "/rotas/:id/versions/:n/revert",
      {
        schema: {
          operationId: "revertToVersion",
          summary: "Undo: make an earlier version the latest again, as a new version",
          description:
            "The new version holds version n's problem and rota exactly (absences recorded " +
            "since are undone too); its diff is against the latest. Nothing is deleted: " +
            "the history keeps every version.",
          params: RevertParams,
          body: z.object({ basedOn: BasedOn }),
          response: { 201: EditResult, ...errors },
        },
      },
      async (request, reply) => {
        const { record, latest } = await latestFor(services, request.orgId, request.params.id, request.body.basedOn);
        const { version: target } = await versionFor(rotas, request.orgId, record.id, request.params.n);
        if (target.version === latest.version) throw conflict(`v${target.version} is already the latest version`);
        const changes = diff(target.problem, latest.rota, target.rota);
        const next = stored(
          record,
          await rotas.addVersion(request.orgId, record.id, latest.version, {
            problem: target.problem,
            rota: target.rota,
            change: null,
            baseVersion: latest.version,
            diff: changes,
            minimal: false,
            minimalReason: `restores v${target.version} as it was`,
          }),
        );
        reply.header("location", `/v1/rotas/${record.id}/versions/${next.version}`);
        return reply.code(201).send({
          id: record.id,
          version: next.version,
          baseVersion: latest.version,
          publishedBase: record.publishedVersion === latest.version,
          costs: [],
          diff: changes,
          rota: target.rota,
        });
      },
    );

    app.post(
      "/rotas/:id/resolve",
      {
        schema: {
          operationId: "resolveAroundPins",
          summary: "Re-solve around my edits: repair the week with the fewest changes, keeping every pinned stint",
          description:
            "The latest version is repaired as a change that pins its pinned stints (those pinned by hand among " +
            "them), as POST /v1/rotas/{id}/changes repairs: nothing before `now` moves, every pin stays, and every " +
            "other stint stays unless moving it fills a gap. Nothing pinned: 409 (pin the stints to keep first). " +
            "Stored as the next version, with its diff against the latest. `prove` (`true` or " +
            '{ "timeLimitSeconds": 1–60 }) asks the exact model to prove the repair makes the fewest changes; ' +
            "`minimalWords` and `proof` say whether it did, or why not.",
          params: RotaParams,
          body: ResolveBody,
          response: { 201: ResolveResult, ...errors, 503: ErrorBody },
        },
      },
      async (request, reply) => {
        const { basedOn, timeLimitSeconds, prove } = request.body;
        const { record, latest } = await latestFor(services, request.orgId, request.params.id, basedOn);
        const { pinned, ...unpinned } = latest.problem;
        if (!pinned?.length) throw conflict("nothing is pinned: pin the stints to keep, then re-solve around them");
        const change = { pin: pinned };
        const now = request.body.now ?? new Date().toISOString();
        const { invalid, conflicts } = changeIssues(unpinned, change, now);
        if (invalid.length + conflicts.length > 0)
          throw new ApiError(409, "DESKROTA_E_CONFLICT", "the week cannot be re-solved now", {
            issues: issuesIn("body", [...invalid, ...conflicts]),
          });
        let repaired: Awaited<ReturnType<typeof resolve>>;
        try {
          repaired = await services.pool.run(() =>
            resolve(unpinned, latest.rota, change, {
              now,
              ...(timeLimitSeconds !== undefined ? { timeLimitMs: timeLimitSeconds * 1000 } : {}),
              ...proveOption(prove),
            }),
          );
        } catch (error) {
          if (error instanceof DeskrotaInputError)
            throw new ApiError(409, "DESKROTA_E_CONFLICT", "the pinned stints cannot all be kept", {
              issues: issuesIn("body", error.issues),
            });
          throw error;
        }
        // The engine's rota carries its diff too; here the diff lives beside it, in the version.
        const { diff: _diff, ...rota } = repaired.rota;
        const changes = repaired.diff;
        const next = stored(
          record,
          await rotas.addVersion(request.orgId, record.id, latest.version, {
            problem: latest.problem,
            rota,
            change: null,
            baseVersion: latest.version,
            diff: changes,
            minimal: repaired.minimal,
            minimalReason: `re-solved around ${pinnedStints(pinned.length)}, all kept: ${repaired.minimalReason}`,
          }),
        );
        reply.header("location", `/v1/rotas/${record.id}/versions/${next.version}`);
        return reply.code(201).send({
          id: record.id,
          version: next.version,
          baseVersion: latest.version,
          publishedBase: record.publishedVersion === latest.version,
          costs: [],
          minimal: repaired.minimal,
          minimalReason: repaired.minimalReason,
          minimalWords: repaired.minimalWords,
          ...(repaired.proof ? { proof: repaired.proof } : {}),
          diff: changes,
          rota,
        });
      },
    );
  };

function pinnedStints(count: number): string {
  return `${count} pinned ${count === 1 ? "stint" : "stints"}`;
}
