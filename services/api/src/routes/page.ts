import { dirname } from "node:path";
import fastifyStatic from "@fastify/static";
import { clientScript, PUBLIC_DIR } from "@deskrota/web";
import type { FastifyPluginAsync } from "fastify";
import { BUNDLED_EXAMPLE } from "../config";

/**
 * The coordinator's page (services/web) at `/`: its HTML and stylesheet, its script (bundled in
 * memory on first request), and the bundled example problems it offers. No token is needed for
 * these; the page sends the token with its API calls. The page's own responses forbid scripts
 * from anywhere else, so an injected tag could not reach the token in the page's session.
 */
export const pageRoutes: FastifyPluginAsync = async (app) => {
  app.addHook("onSend", async (_request, reply) => {
    reply.header(
      "content-security-policy",
      "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
    reply.header("x-content-type-options", "nosniff");
  });
  await app.register(fastifyStatic, { root: PUBLIC_DIR, wildcard: false, cacheControl: false, etag: true });
  app.get("/app.js", { schema: { hide: true } }, async (_request, reply) =>
    reply
      .type("text/javascript; charset=utf-8")
      .header("cache-control", "no-cache")
      .send(await clientScript()),
  );
  await app.register(fastifyStatic, {
    root: dirname(BUNDLED_EXAMPLE),
    prefix: "/examples/",
    wildcard: false,
    decorateReply: false,
  });
};
