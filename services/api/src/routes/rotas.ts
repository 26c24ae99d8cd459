import { setTimeout as sleep } from "node:timers/promises";
import { Problem, type Rota } from "@deskrota/core";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ApiError, conflict, ErrorBody, issuesIn, notFound } from "../http/errors";
import { CreateQuery, ListQuery, RotaParams, RotaSummary, RotaView } from "../http/schemas";
import { withProfile } from "../profiles";
import type { RotaRecord } from "../store/rota-records";
import type { RotaStore } from "../store/rotas";
import type { Services } from "../services";

/** Beyond the time limit, what a `?wait=true` allows for starting the workers and storing the result. */
const WAIT_SLACK_MS = 5000;
const WAIT_POLL_MS = 200;

export function links(id: string): RotaView["links"] {
  return { self: `/v1/rotas/${id}`, versions: `/v1/rotas/${id}/versions`, csv: `/v1/rotas/${id}/export.csv` };
}

export function viewOf(record: RotaRecord, rota?: Rota): RotaView {
  return {
    id: record.id,
    name: record.name,
    alternativeOf: record.alternativeOf,
    profile: record.profile,
    status: record.status,
    progress: record.status === "solving" ? record.progress : null,
    reason: record.reason,
    issues: record.issues && issuesIn("body", record.issues),
    timeLimitSeconds: record.settings.timeLimitMs / 1000,
    version: record.latestVersion,
    publishedVersion: record.publishedVersion,
    publishedAt: record.publishedAt,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    ...(rota ? { rota } : {}),
    links: links(record.id),
  };
}

/** The status, with the latest version's rota once there is one. */
async function fullView(rotas: RotaStore, record: RotaRecord): Promise<RotaView> {
  if (record.latestVersion === null) return viewOf(record);
  const version = await rotas.findVersion(record.orgId, record.id, record.latestVersion);
  return viewOf(record, version?.rota);
}

/** Polls the store (the solve may run in another process) until the rota settles or time is up. */
async function settled(rotas: RotaStore, record: RotaRecord, waitMs: number): Promise<RotaRecord> {
  const until = performance.now() + waitMs;
  let current = record;
  while ((current.status === "queued" || current.status === "solving") && performance.now() < until) {
    await sleep(WAIT_POLL_MS);
    current = (await rotas.findRota(record.orgId, record.id)) ?? current;
  }
  return current;
}

type CreateRequest = Pick<FastifyRequest, "orgId" | "id"> & { query: z.infer<typeof CreateQuery> };

/**
 * How POST /v1/rotas answers, for any route that makes a rota from a problem (a week built from the
 * setup too): queue the solve, then 202, or with ?wait=true the result. `created` runs once the rota
 * exists (a week records what it was built from).
 */
export async function submitRota(
  { rotas, queue, config }: Pick<Services, "rotas" | "queue" | "config">,
  request: CreateRequest,
  reply: FastifyReply,
  body: Problem,
  created?: (record: RotaRecord) => Promise<void>,
): Promise<FastifyReply> {
  const { wait, timeLimitSeconds, seed, workBudget, name, profile } = request.query;
  const problem = profile ? withProfile(body, profile) : body;
  const timeLimitMs =
    timeLimitSeconds !== undefined
      ? timeLimitSeconds * 1000
      : (problem.solver?.timeLimitSeconds ?? config.defaultTimeLimitMs / 1000) * 1000;
  if (timeLimitMs > config.maxTimeLimitMs) {
    const where =
      timeLimitSeconds !== undefined
        ? { in: "querystring" as const, path: "timeLimitSeconds" }
        : { in: "body" as const, path: "solver.timeLimitSeconds" };
    throw new ApiError(400, "DESKROTA_E_INPUT", "the time limit is too long", {
      issues: [{ ...where, code: "too_big", message: `at most ${config.maxTimeLimitMs / 1000} s on this server` }],
    });
  }
  const record = await queue.submit(request.orgId, {
    name,
    profile,
    problem,
    settings: {
      timeLimitMs,
      ...(seed !== undefined ? { seed } : {}),
      ...(workBudget !== undefined ? { workBudget } : {}),
      requestId: request.id,
    },
  });
  await created?.(record);
  reply.header("location", `/v1/rotas/${record.id}`);
  if (!wait) return reply.code(202).send(viewOf(record));
  const final = await settled(rotas, record, timeLimitMs + WAIT_SLACK_MS);
  if (final.status === "failed" && final.issues) {
    throw new ApiError(400, "DESKROTA_E_INPUT", final.reason ?? "the problem cannot be solved as given", {
      issues: issuesIn("body", final.issues),
      rotaId: final.id,
    });
  }
  const done = final.status === "done" || final.status === "failed";
  return reply.code(done ? 200 : 202).send(await fullView(rotas, final));
}

const errors = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody };

export const rotaRoutes =
  ({ rotas, queue, config }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/rotas",
      {
        schema: {
          operationId: "createRota",
          summary: "Solve a problem (format v1) into a rota",
          description:
            "Queues the solve and answers 202 with the rota's id and status URL (also in Location). With ?wait=true " +
            "it waits up to the time limit and answers 200 with the result (still 202 if it is not done by then). " +
            "A full queue answers 503 with Retry-After.",
          querystring: CreateQuery,
          body: Problem,
          response: { 200: RotaView, 202: RotaView, ...errors, 413: ErrorBody, 503: ErrorBody },
        },
      },
      async (request, reply) => submitRota({ rotas, queue, config }, request, reply, request.body),
    );

    app.get(
      "/rotas",
      {
        schema: {
          operationId: "listRotas",
          summary: "This organisation's rotas, newest first",
          querystring: ListQuery,
          response: { 200: z.object({ rotas: z.array(RotaSummary) }), ...errors },
        },
      },
      async (request) => {
        const listed = await rotas.listRotas(request.orgId, request.query.limit);
        return { rotas: listed.map((r) => viewOf(r)) };
      },
    );

    app.get(
      "/rotas/:id",
      {
        schema: {
          operationId: "getRota",
          summary: "A rota's status, and the rota once solved",
          description:
            "queued; solving (with progress: best score so far, bound, gap, elapsed); done (with the latest " +
            "version's rota: assignments, uncovered gaps with reasons, score by rule); failed (with the reason, " +
            "and the issues when the problem was at fault).",
          params: RotaParams,
          response: { 200: RotaView, ...errors },
        },
      },
      async (request) => {
        const record = await rotas.findRota(request.orgId, request.params.id);
        if (!record) throw notFound(`rota ${request.params.id}`);
        return fullView(rotas, record);
      },
    );

    app.delete(
      "/rotas/:id/solve",
      {
        schema: {
          operationId: "stopSolve",
          summary: "Stop a solve early, keeping the best rota found so far",
          description:
            "202 while the solve stops (poll the status URL); a rota still queued fails at once, as there is nothing " +
            "to keep; 409 when the solve has already ended.",
          params: RotaParams,
          response: { 202: RotaView, ...errors, 409: ErrorBody },
        },
      },
      async (request, reply) => {
        const record = await rotas.requestStop(request.orgId, request.params.id);
        if (!record) throw notFound(`rota ${request.params.id}`);
        if (record.status === "done" || (record.status === "failed" && !record.stopRequested))
          throw conflict(`the solve of ${record.id} has already ended (${record.status})`);
        reply.header("location", `/v1/rotas/${record.id}`);
        return reply.code(202).send(viewOf(record));
      },
    );
  };
