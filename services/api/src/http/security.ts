import fastifyCors from "@fastify/cors";
import fastifyHelmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";

/**
 * The browser-facing headers. The API's answers may load nothing and be framed nowhere; the page
 * and the documentation set policies of their own for their scripts. No Strict-Transport-Security:
 * the server speaks plain HTTP (on loopback by default), and the TLS proxy in front decides that.
 */
export async function registerSecurity(app: FastifyInstance, corsOrigins: string[]): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
    },
    strictTransportSecurity: false,
    referrerPolicy: { policy: "no-referrer" },
    frameguard: { action: "deny" },
  });
  // JSON answers are one organisation's data or a moment's state: never kept by a browser or proxy.
  app.addHook("onSend", async (_request, reply) => {
    if (String(reply.getHeader("content-type") ?? "").startsWith("application/json"))
      reply.header("cache-control", "no-store");
  });
  // Off unless an operator names the origins (another site's page calling the API with a token).
  if (corsOrigins.length)
    await app.register(fastifyCors, {
      origin: corsOrigins,
      methods: ["GET", "POST", "DELETE"],
      allowedHeaders: ["authorization", "content-type", "x-request-id"],
      exposedHeaders: ["location", "retry-after", "x-request-id", "content-disposition"],
      maxAge: 600,
    });
}

/** The documentation's own policy (its inline scripts allowed by hash), framed nowhere, on plain HTTP too. */
export function docsPolicy(header: string): string {
  return header
    .replace("frame-ancestors 'self'", "frame-ancestors 'none'")
    .replace(/\s*upgrade-insecure-requests;/, "");
}
