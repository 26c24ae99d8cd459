import { alternatives } from "@deskrota/engine";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ApiError, ErrorBody, notFound } from "../http/errors";
import { RotaMetrics as Metrics } from "@deskrota/core";
import { RotaParams } from "../http/schemas";
import type { Services } from "../services";
import { links } from "./rotas";

const AlternativesBody = z
  .object({
    k: z
      .number()
      .int()
      .min(2)
      .max(8)
      .default(3)
      .describe("how many (the named profiles first: balanced, coverage-first, fairness-first, preferences-first)"),
    timeLimitSeconds: z
      .number()
      .positive()
      .optional()
      .describe("for all k together (default: the server's time limit)"),
    seed: z.number().int().min(0).optional(),
  })
  .nullish();

const Alternatives = z
  .object({
    alternatives: z.array(
      z.object({
        id: z.string(),
        profile: z.string(),
        description: z.string(),
        differsFromFirst: z.number().describe("share of worked person-hours placed differently from the first, 0–100"),
        metrics: Metrics,
        links: z.object({ self: z.string(), versions: z.string(), csv: z.string() }),
      }),
    ),
    compare: z.string().describe("the URL comparing them side by side"),
  })
  .meta({ id: "Alternatives" });

export const alternativeRoutes =
  ({ rotas, pool, config }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/rotas/:id/alternatives",
      {
        schema: {
          operationId: "createAlternatives",
          summary: "k good rotas for the same problem that differ in a meaningful way",
          description:
            "Solves the rota's problem (as of its latest version) under different weight profiles and stores each " +
            "result as a rota of its own (done, version 1, `alternativeOf` this one), to compare, publish or " +
            "export like any other. Answers once they are solved; 503 when the solvers are busy.",
          params: RotaParams,
          body: AlternativesBody,
          response: { 201: Alternatives, 400: ErrorBody, 401: ErrorBody, 404: ErrorBody, 503: ErrorBody },
        },
      },
      async (request, reply) => {
        const k = request.body?.k ?? 3;
        const timeLimitMs = (request.body?.timeLimitSeconds ?? config.defaultTimeLimitMs / 1000) * 1000;
        if (timeLimitMs > config.maxTimeLimitMs) {
          throw new ApiError(400, "DESKROTA_E_INPUT", "the time limit is too long", {
            issues: [
              {
                in: "body",
                path: "timeLimitSeconds",
                code: "too_big",
                message: `at most ${config.maxTimeLimitMs / 1000} s on this server`,
              },
            ],
          });
        }
        const record = await rotas.findRota(request.orgId, request.params.id);
        if (!record) throw notFound(`rota ${request.params.id}`);
        // Changes recorded since the solve (an absence…) are part of the problem now.
        const problem =
          record.latestVersion === null
            ? await rotas.problemOf(request.orgId, record.id)
            : (await rotas.findVersion(request.orgId, record.id, record.latestVersion))?.problem;
        if (!problem) throw notFound(`rota ${record.id}`);
        const seed = request.body?.seed;
        const found = await pool.run(() =>
          alternatives(problem, k, { timeLimitMs, ...(seed !== undefined ? { seed } : {}) }),
        );
        const label = record.name ?? record.id;
        const stored = await rotas.createAlternatives(
          request.orgId,
          record.id,
          found.map((a) => ({
            name: `${label}: ${a.profile}`,
            profile: a.profile,
            problem,
            settings: { timeLimitMs: timeLimitMs / k, requestId: request.id },
            rota: a.rota,
          })),
        );
        const ids = stored.map((r) => r.id);
        return reply.code(201).send({
          alternatives: found.map((a, i) => ({
            id: ids[i] as string,
            profile: a.profile,
            description: a.description,
            differsFromFirst: a.differsFromFirst,
            metrics: a.metrics,
            links: links(ids[i] as string),
          })),
          compare: `/v1/compare?ids=${ids.join(",")}`,
        });
      },
    );
  };
