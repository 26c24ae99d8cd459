import { alternatives } from "@deskrota/engine";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ApiError, ErrorBody, notFound } from "../http/errors";
import { RotaMetrics as Metrics, PROFILES } from "@deskrota/core";
import { RotaParams } from "../http/schemas";
import type { Services } from "../services";
import { links } from "./rotas";

const AlternativesBody = z
  .object({
    k: z
      .number()
      .int()
      .min(2)
      .max(PROFILES.length)
      .default(3)
      .describe(
        "how many profiles to try, in order: balanced, coverage-first, fairness-first, preferences-first " +
          "(balanced is always kept; the others only when clearly better on their goal and not dominated)",
      ),
    timeLimitSeconds: z
      .number()
      .positive()
      .optional()
      .describe("for all k together (default: the server's time limit)"),
    seed: z.number().int().min(0).optional(),
    workBudget: z
      .number()
      .int()
      .positive()
      .optional()
      .describe("search moves per profile instead of time: with a seed, the same alternatives every time"),
  })
  .nullish();

const Alternatives = z
  .object({
    alternatives: z.array(
      z.object({
        id: z.string(),
        profile: z.string(),
        description: z.string(),
        differsFromFirst: z
          .number()
          .describe("share of worked person-hours placed differently from the balanced rota, 0–100"),
        changes: z.number().int().describe("stints added, removed or moved against the balanced rota"),
        goal: z
          .object({ clear: z.boolean(), words: z.string() })
          .optional()
          .describe("whether it is clearly better than the first on its profile's goal, by the margin asked"),
        tradeOff: z.string().describe("against the first, in one sentence: what it gains and at what cost"),
        metrics: Metrics,
        links: z.object({ self: z.string(), versions: z.string(), csv: z.string() }),
      }),
    ),
    dropped: z
      .array(z.object({ profile: z.string(), reason: z.string() }))
      .describe("profiles tried and not offered: not clearly better on their goal, or beaten on every headline figure"),
    compare: z.string().optional().describe("the URL comparing them side by side (when more than one is offered)"),
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
          summary: "rotas for the same problem that each show a real trade-off against the balanced one",
          description:
            "Solves the rota's problem (as of its latest version) with its own weights, then starts each other " +
            "profile from that balanced rota and changes it only as far as the profile's goal needs to be clearly " +
            "better. Profiles that are not, or that another rota beats on every headline figure, are listed in " +
            "`dropped` with the reason. Each rota offered is stored as a rota of its own (done, version 1, " +
            "`alternativeOf` this one), to compare, publish or export like any other. Answers once they are " +
            "solved; 503 when the solvers are busy.",
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
        const workBudget = request.body?.workBudget;
        const { alternatives: found, dropped } = await pool.run(() =>
          alternatives(problem, k, {
            timeLimitMs,
            ...(seed !== undefined ? { seed } : {}),
            ...(workBudget !== undefined ? { workBudget } : {}),
          }),
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
            changes: a.changes,
            ...(a.goal ? { goal: a.goal } : {}),
            tradeOff: a.tradeOff,
            metrics: a.metrics,
            links: links(ids[i] as string),
          })),
          dropped,
          ...(ids.length > 1 ? { compare: `/v1/compare?ids=${ids.join(",")}` } : {}),
        });
      },
    );
  };
