import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { requireToken } from "./http/auth";
import { frameworkError, installErrorHandler } from "./http/errors";
import { openapiDocument } from "./http/openapi";
import { requestId } from "./http/request-id";
import { registerAddressLimits, registerTokenLimit } from "./http/limits";
import { docsPolicy, registerSecurity } from "./http/security";
import { rejectUnstorableText } from "./http/text";
import { alternativeRoutes } from "./routes/alternatives";
import { analysisRoutes } from "./routes/analysis";
import { applySwapRoutes } from "./routes/apply-swap";
import { changeRoutes } from "./routes/changes";
import { compareRoutes } from "./routes/compare";
import { editRoutes } from "./routes/edits";
import { exportRoutes } from "./routes/exports";
import { feedRoutes, publicFeedRoutes } from "./routes/feeds";
import { healthRoutes } from "./routes/health";
import { pageRoutes } from "./routes/page";
import { planRoutes } from "./routes/plans";
import { rotaRoutes } from "./routes/rotas";
import { setupRoutes } from "./routes/setup";
import { setupEntryRoutes } from "./routes/setup-entries";
import { setupItemRoutes } from "./routes/setup-items";
import { setupPeopleRoutes } from "./routes/setup-people";
import { swapRoutes } from "./routes/swaps";
import { tokenRoutes } from "./routes/tokens";
import { versionRoutes } from "./routes/versions";
import { weekRoutes } from "./routes/weeks";
import type { Services } from "./services";

export interface AppOptions {
  /** the process's pino logger; none: the app logs nothing (tests) */
  logger?: FastifyBaseLogger;
}

/**
 * The HTTP service around the given services: plugins, routes, the one error handler. Closing the
 * app closes the services too: solves stop and keep their best rota before the database closes.
 */
export async function buildApp(services: Services, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    bodyLimit: services.config.bodyLimitBytes,
    genReqId: requestId,
    // Long ids reach their schema (a 400 naming the field); only absurd ones stop at the router.
    routerOptions: { maxParamLength: 1000 },
    frameworkErrors: frameworkError,
    trustProxy: services.config.trustProxy,
  });
  // Bodies are JSON (or a type a route declares, e.g. a sheet): text/plain is a 415, not a string.
  app.removeContentTypeParser("text/plain");
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  app.addHook("preValidation", rejectUnstorableText);
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
  await registerSecurity(app, services.config.corsOrigins);
  await registerAddressLimits(app, services.config);
  services.metrics.observeResolves(app);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "deskrota",
        version: "1",
        description:
          "Service-desk rota scheduling: solve weekly rotas, re-solve on absence, compare alternatives. Every /v1 " +
          "route needs `Authorization: Bearer <token>`.",
      },
      // Relative: the document is served by the API it describes, wherever that is reached.
      servers: [{ url: "/", description: "the server this document is served by" }],
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: openapiDocument,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/docs", staticCSP: true, transformStaticCSP: docsPolicy });

  await app.register(healthRoutes(services));
  await app.register(pageRoutes);
  await app.register(publicFeedRoutes(services));
  await app.register(
    async (v1) => {
      requireToken(v1, services.orgs);
      await registerTokenLimit(v1, services.config);
      await v1.register(rotaRoutes(services));
      await v1.register(versionRoutes(services));
      await v1.register(changeRoutes(services));
      await v1.register(swapRoutes(services));
      await v1.register(applySwapRoutes(services));
      await v1.register(alternativeRoutes(services));
      await v1.register(compareRoutes(services));
      await v1.register(analysisRoutes(services));
      await v1.register(exportRoutes(services));
      await v1.register(setupRoutes(services));
      await v1.register(setupItemRoutes(services));
      await v1.register(setupPeopleRoutes(services));
      await v1.register(setupEntryRoutes(services));
      await v1.register(weekRoutes(services));
      await v1.register(planRoutes(services));
      await v1.register(tokenRoutes(services));
      await v1.register(feedRoutes(services));
      await v1.register(editRoutes(services));
    },
    { prefix: "/v1" },
  );

  app.addHook("preClose", async () => {
    await services.warmUps.close();
    await services.queue.close();
  });
  app.addHook("onClose", async () => {
    await services.lookups.close();
    await services.db.close();
  });
  return app;
}
