import fastifyRateLimit from "@fastify/rate-limit";
import fastifyUnderPressure from "@fastify/under-pressure";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Config } from "../config";
import { ApiError } from "./errors";

/** Probes and scrapes are never limited or shed: they are how an operator sees the trouble. */
const exempt = (request: FastifyRequest) => /^\/(health(\/ready)?|metrics)(\?|$)/.test(request.url);

const limited = (window: number) => (_request: FastifyRequest, context: { max: number; after: string }) =>
  new ApiError(
    429,
    "DESKROTA_E_RATE_LIMITED",
    `too many requests: at most ${context.max} in ${window} s; try again in ${context.after}`,
  );

/**
 * Per address, before anything else runs (so failed authentications count too), and shedding load
 * with a 503 before the process is in trouble: event loop too slow, heap or resident memory too big.
 */
export async function registerAddressLimits(app: FastifyInstance, config: Config): Promise<void> {
  const { perAddress, windowSeconds } = config.rateLimit;
  await app.register(fastifyRateLimit, { global: false });
  if (perAddress > 0)
    app.addHook(
      "onRequest",
      app.rateLimit({
        max: perAddress,
        timeWindow: windowSeconds * 1000,
        keyGenerator: (request) => `address:${request.ip}`,
        allowList: (request) => exempt(request),
        errorResponseBuilder: limited(windowSeconds),
      }),
    );
  const { maxEventLoopDelayMs, maxHeapUsedBytes, maxRssBytes } = config.pressure;
  await app.register(fastifyUnderPressure, {
    maxEventLoopDelay: maxEventLoopDelayMs,
    maxHeapUsedBytes,
    maxRssBytes,
    pressureHandler: async (request, reply, type) => {
      if (exempt(request)) return;
      request.log.warn({ type }, "shedding load");
      reply.header("retry-after", "10");
      throw new ApiError(503, "DESKROTA_E_OVERLOADED", "the server is under too much load; try again shortly");
    },
  });
}

/** Per token, inside the authenticated scope (after the token is known): one client cannot take every solver's time. */
export async function registerTokenLimit(scope: FastifyInstance, config: Config): Promise<void> {
  const { perToken, windowSeconds } = config.rateLimit;
  if (perToken === 0) return;
  await scope.register(fastifyRateLimit, {
    global: true,
    max: perToken,
    timeWindow: windowSeconds * 1000,
    keyGenerator: (request) => `token:${request.tokenId}`,
    errorResponseBuilder: limited(windowSeconds),
  });
}
