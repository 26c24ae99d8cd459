import { defaultPool } from "@deskrota/engine";
import type { FastifyInstance } from "fastify";
import pino from "pino";
import { buildApp } from "./app";
import type { Config } from "./config";
import { logSerializers } from "./http/log";
import { startServices, type Services } from "./services";

/**
 * The API in the caller's process, started as server.ts starts it (the services, the app, the engine's
 * threads warmed before the first request) but without a socket: requests go through `app.inject`.
 * For measuring the API's own path (benchmarks' `api-resolve`); `app.close()` closes it all.
 */
export async function startInProcess(config: Config): Promise<{ app: FastifyInstance; services: Services }> {
  const log = pino({ level: config.logLevel, serializers: logSerializers });
  const services = await startServices(config, log, `in-process-${process.pid}`);
  const app = await buildApp(services, { logger: log });
  await defaultPool().warm();
  return { app, services };
}
