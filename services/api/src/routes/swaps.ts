import { DeskrotaInputError } from "@deskrota/core";
import { swapCandidates } from "@deskrota/engine";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ApiError, ErrorBody, issuesIn } from "../http/errors";
import { SwapReport } from "@deskrota/core";
import { DateTimeText, RotaParams, VersionNumber } from "../http/schemas";
import type { Services } from "../services";
import { versionFor } from "./versions";

const SwapQuery = z.object({
  point: z.string().min(1).describe("the service point with the gap"),
  start: DateTimeText,
  end: DateTimeText,
  now: DateTimeText.optional().describe(
    "nothing that started before it changes (as in the re-solve that made the version: pass that change's " +
      "`now`); without it, nothing is frozen",
  ),
  version: VersionNumber.optional().describe(
    "default: the latest version (the plan as it stands, every change applied)",
  ),
});

export const swapRoutes =
  ({ rotas, lookups }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/rotas/:id/swap-candidates",
      {
        schema: {
          operationId: "listSwapCandidates",
          summary: "Who could take all or part of a gap, ranked, with what it costs; and why the others cannot",
          description:
            "Candidates can take it without breaking a hard rule, nor changing anything that started before `now`. " +
            "Each is applied and the rota checked: they are ranked by the net effect (uncovered minimum cover, " +
            "then time without a lead, then without a keyholder), then fewest knock-on changes, then the score; " +
            'one that leaves as much uncovered time as before is listed as `moves` ("moves the gap to …"), never ' +
            "as taking it. `summary` says what each does in words, `costs` what it costs; `unable` gives the main " +
            "reason for the people closest to taking it who cannot (a frozen past included); `frozen` names the " +
            "part of the gap before `now`.",
          params: RotaParams,
          querystring: SwapQuery,
          response: { 200: SwapReport, 400: ErrorBody, 401: ErrorBody, 404: ErrorBody, 409: ErrorBody },
        },
      },
      async (request) => {
        const { point, start, end, version } = request.query;
        const { version: found } = await versionFor(rotas, request.orgId, request.params.id, version, "latest");
        try {
          return await swapCandidates(
            found.problem,
            found.rota,
            { point, start, end },
            {
              pool: lookups,
              ...(request.query.now !== undefined ? { now: request.query.now } : {}),
            },
          );
        } catch (error) {
          // The core names the query's own fields (point, start, end) in its issues.
          if (error instanceof DeskrotaInputError)
            throw new ApiError(400, error.code, "the gap cannot be looked up as given", {
              issues: issuesIn("querystring", error.issues),
            });
          throw error;
        }
      },
    );
  };
