import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ErrorBody } from "../http/errors";
import { Health, Readiness } from "../http/schemas";
import type { Services } from "../services";

export const healthRoutes =
  ({ rotas, queue, db, metrics }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/health",
      {
        schema: {
          operationId: "getHealth",
          summary: "Process and database up (no token needed)",
          security: [],
          response: { 200: Health, "4xx": ErrorBody, 503: Health },
        },
      },
      async (request, reply) => {
        const up = await rotas.ping().then(
          () => true,
          (error: unknown) => {
            request.log.warn({ err: error }, "health: database unreachable");
            return false;
          },
        );
        const stats = up ? await queue.stats().catch(() => null) : null;
        return reply.code(up ? 200 : 503).send({
          status: up ? "ok" : "unavailable",
          database: { kind: db.kind, up },
          queue: stats,
          uptimeSeconds: Math.round(process.uptime()),
        });
      },
    );

    app.get(
      "/health/ready",
      {
        schema: {
          operationId: "getReadiness",
          summary: "Ready for traffic: the store and the solve queue answer (no token needed)",
          description: "For a load balancer's or orchestrator's readiness probe: 503 while either does not answer.",
          security: [],
          response: { 200: Readiness, "4xx": ErrorBody, 503: Readiness },
        },
      },
      async (request, reply) => {
        const reachable = (what: string) => (error: unknown) => {
          request.log.warn({ err: error }, `readiness: ${what} unreachable`);
          return false;
        };
        const [database, solveQueue] = await Promise.all([
          rotas.ping().then(() => true, reachable("database")),
          queue.stats().then(() => true, reachable("queue")),
        ]);
        const ready = database && solveQueue;
        return reply.code(ready ? 200 : 503).send({
          status: ready ? "ready" : "unavailable",
          database: { up: database },
          queue: { up: solveQueue },
        });
      },
    );

    app.get(
      "/metrics",
      {
        schema: {
          operationId: "getMetrics",
          summary: "Metrics in the Prometheus text format (no token needed)",
          description:
            "Queue depth, solves running, solve and re-solve duration histograms, and the process's memory " +
            "and event-loop lag.",
          security: [],
          produces: ["text/plain"],
          response: { 200: z.string().describe("Prometheus text exposition format 0.0.4"), "4xx": ErrorBody },
        },
      },
      async (_request, reply) => reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
    );
  };
