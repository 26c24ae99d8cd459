import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { Health } from "../http/schemas";
import type { Services } from "../services";

export const healthRoutes =
  ({ repo, queue, db }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/health",
      {
        schema: {
          summary: "Process and database up (no token needed)",
          security: [],
          response: { 200: Health, 503: Health },
        },
      },
      async (request, reply) => {
        const up = await repo.ping().then(
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
  };
