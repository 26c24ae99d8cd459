import { compare } from "@deskrota/engine";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ApiError, ErrorBody } from "../http/errors";
import { Comparison } from "@deskrota/core";
import type { Services } from "../services";
import { versionFor } from "./versions";

/** `rota_…` (its published version, else the latest) or `rota_…@N` (version N). */
const RotaRef = z.string().regex(/^[^@,\s]+(@[1-9]\d*)?$/, { message: "must be a rota id, or id@version" });

const CompareQuery = z.object({
  ids: z
    .string()
    .transform((s) => s.split(",").map((id) => id.trim()))
    .pipe(z.array(RotaRef).min(2, { message: "name at least two rotas" }).max(8, { message: "at most eight rotas" }))
    .describe("two to eight rotas, comma-separated: id (its published version, else the latest) or id@version"),
  reference: RotaRef.optional().describe("the rota changes are counted against (default: the first)"),
});

export const compareRoutes =
  ({ rotas, lookups }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/compare",
      {
        schema: {
          operationId: "compareRotas",
          summary:
            "Rotas side by side: metrics, score by rule, changes against a reference, and the diff of the first two",
          description:
            "All are measured against the first rota's problem, so they must be rotas of the same week and service " +
            "points (alternatives, or versions of one rota).",
          querystring: CompareQuery,
          response: { 200: Comparison, 400: ErrorBody, 401: ErrorBody, 404: ErrorBody, 409: ErrorBody },
        },
      },
      async (request) => {
        const { ids, reference } = request.query;
        if (reference !== undefined && !ids.includes(reference)) throw badQuery("reference", "must be one of ids");
        const found = await Promise.all(
          ids.map(async (ref) => {
            const [id = "", at] = ref.split("@");
            return {
              ref,
              ...(await versionFor(rotas, request.orgId, id, at === undefined ? undefined : Number(at))).version,
            };
          }),
        );
        const problem = (found[0] as (typeof found)[number]).problem;
        const points = (p: typeof problem) =>
          p.sites
            .flatMap((s) => s.servicePoints.map((k) => k.id))
            .sort()
            .join(",");
        const unlike = found.find(
          (f) => f.problem.weekStart !== problem.weekStart || points(f.problem) !== points(problem),
        );
        if (unlike)
          throw badQuery(
            "ids",
            `${unlike.ref} is a rota of another week or other service points than ${found[0]?.ref}`,
          );
        return compare(
          problem,
          found.map((f) => ({ id: f.ref, rota: f.rota })),
          reference,
          { pool: lookups },
        );
      },
    );
  };

function badQuery(path: string, message: string): ApiError {
  return new ApiError(400, "DESKROTA_E_INPUT", "the comparison cannot be made as asked", {
    issues: [{ in: "querystring", path, code: "custom", message }],
  });
}
