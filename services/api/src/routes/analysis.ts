import { Analysis, Problem, RotaInput } from "@deskrota/core";
import { analyse } from "@deskrota/engine";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ErrorBody } from "../http/errors";
import type { Services } from "../services";

const AnalysisRequest = z
  .object({
    problem: Problem,
    rota: RotaInput.describe("any rota of the problem: a hand-edited one, one made elsewhere, or one of ours"),
  })
  .meta({ id: "AnalysisRequest" });

/** A rota judged against its problem, with nothing stored: the checker's verdict, the gaps, the score explained. */
export const analysisRoutes =
  ({ lookups }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/analysis",
      {
        schema: {
          operationId: "analyseRota",
          summary: "Every hard rule a rota breaks, every gap with its reason, and its score by rule with who and when",
          description:
            "The same analysis as `deskrota check PROBLEM ROTA`. Nothing is stored or searched: the rota is judged " +
            "as it is, so it may break hard rules (they are listed, and the answer is still 200 with `valid: false`).",
          body: AnalysisRequest,
          response: { 200: Analysis, 400: ErrorBody, 401: ErrorBody },
        },
      },
      async (request) => analyse(request.body.problem, request.body.rota, { pool: lookups }),
    );
  };
