import { applySwap, DeskrotaInputError, Diff, diff, formatSpan, Rota } from "@deskrota/core";
import { swapCandidates } from "@deskrota/engine";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ApiError, conflict, ErrorBody, issuesIn } from "../http/errors";
import { DateTimeText, RotaParams } from "../http/schemas";
import type { Services } from "../services";
import { versionFor } from "./versions";

const SwapBody = z.object({
  point: z.string().min(1).describe("the service point with the gap, as in GET …/swap-candidates"),
  start: DateTimeText,
  end: DateTimeText,
  person: z.string().min(1).describe("the candidate who takes it"),
  now: DateTimeText.optional().describe(
    "nothing that started before it changes (as in the re-solve that made the version: pass that change's " +
      "`now`); without it, nothing is frozen",
  ),
  version: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe("the version the candidates were read from (default: the latest); 409 if it is no longer the latest"),
});

const SwapResult = z
  .object({
    id: z.string(),
    version: z.number().int(),
    baseVersion: z.number().int().describe("the version the swap was applied to: the latest"),
    person: z.string(),
    covers: z.object({ start: z.string(), end: z.string() }).describe("the part of the gap the person now takes"),
    diff: Diff,
    rota: Rota,
  })
  .meta({ id: "SwapResult" });

export const applySwapRoutes =
  ({ rotas, lookups }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/rotas/:id/swaps",
      {
        schema: {
          operationId: "applySwap",
          summary: "Give a gap to one of its swap candidates: the next version, with its diff",
          description:
            "The candidates are worked out again on the latest version (never taken from the request), and the " +
            "person's day is replaced by the one the candidate list described; the result is checked like every " +
            "rota and stored as the next version. 409 when the person is not (or no longer) a candidate, or " +
            "`version` is not the latest.",
          params: RotaParams,
          body: SwapBody,
          response: { 201: SwapResult, 400: ErrorBody, 401: ErrorBody, 404: ErrorBody, 409: ErrorBody },
        },
      },
      async (request, reply) => {
        const { point, start, end, person, version } = request.body;
        const { record, version: latest } = await versionFor(
          rotas,
          request.orgId,
          request.params.id,
          undefined,
          "latest",
        );
        if (version !== undefined && version !== latest.version)
          throw conflict(
            `v${version} is not the latest version of ${record.id} (v${latest.version}); look at the candidates again`,
          );
        const who = latest.problem.people.find((p) => p.id === person);
        if (!who)
          throw new ApiError(400, "DESKROTA_E_INPUT", "the swap cannot be made as asked", {
            issues: [
              { in: "body", path: "person", code: "unknown_reference", message: `there is no person ${person}` },
            ],
          });
        let report: Awaited<ReturnType<typeof swapCandidates>>;
        try {
          report = await swapCandidates(
            latest.problem,
            latest.rota,
            { point, start, end },
            {
              pool: lookups,
              ...(request.body.now !== undefined ? { now: request.body.now } : {}),
            },
          );
        } catch (error) {
          // The core names the request's own fields (point, start, end) in its issues.
          if (error instanceof DeskrotaInputError)
            throw new ApiError(400, error.code, "the gap cannot be looked up as given", {
              issues: issuesIn("body", error.issues),
            });
          throw error;
        }
        const candidate = report.candidates.find((c) => c.person === person);
        if (!candidate) {
          const why =
            report.unable.find((u) => u.person === person)?.reason ??
            report.frozen ??
            "not among those who could take it";
          throw conflict(`${who.name} cannot take this gap: ${why}`);
        }
        const pointName =
          latest.problem.sites.flatMap((s) => s.servicePoints).find((k) => k.id === point)?.name ?? point;
        const site = latest.problem.sites.find((s) => s.servicePoints.some((k) => k.id === point));
        const when = formatSpan(
          candidate.covers.start,
          candidate.covers.end,
          site?.timeZone ?? latest.problem.timeZone,
        );
        const rota = applySwap(latest.problem, latest.rota, candidate);
        const changes = diff(latest.problem, latest.rota, rota);
        const stored = await rotas.addVersion(request.orgId, record.id, latest.version, {
          problem: latest.problem,
          rota,
          // Not a change to the problem: the version's diff says who took what.
          change: null,
          baseVersion: latest.version,
          diff: changes,
          minimal: false,
          minimalReason:
            `a swap chosen from the candidates (${who.name} takes ${pointName} ${when}), applied as it ` +
            `is rather than searched for fewer changes`,
        });
        if (!stored)
          throw conflict(`another change to ${record.id} was recorded meanwhile; look at the candidates again`);
        request.log.info(
          { rotaId: record.id, version: stored.version, person, point, changes: changes.changes },
          "swap applied",
        );
        reply.header("location", `/v1/rotas/${record.id}/versions/${stored.version}`);
        return reply.code(201).send({
          id: record.id,
          version: stored.version,
          baseVersion: latest.version,
          person,
          covers: candidate.covers,
          diff: changes,
          rota,
        });
      },
    );
  };
