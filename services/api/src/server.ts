import { defaultPool } from "@deskrota/engine";
import closeWithGrace from "close-with-grace";
import pino from "pino";
import { buildApp } from "./app";
import { banner, bootstrap } from "./bootstrap";
import { type Config, ConfigError, loadConfig } from "./config";
import { logSerializers } from "./http/log";
import { startServices } from "./services";

// The process edge: read the environment, log with pino, listen, and close gracefully. Everything
// else (routes, errors, services) is in buildApp, which the tests use without a socket.
let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`deskrota: ${error.message}\n`);
  process.exit(2);
}

const log = pino({ level: config.logLevel, serializers: logSerializers });
let started: { close(): Promise<unknown> } | undefined;
try {
  const services = await startServices(config, log, `api-${process.pid}`);
  started = {
    close: () => Promise.all([services.queue.close(), services.lookups.close()]).then(() => services.db.close()),
  };
  const app = await buildApp(services, { logger: log });
  started = app;
  closeWithGrace({ delay: 30_000, logger: log }, async ({ signal, err }) => {
    if (err) log.error({ err }, "shutting down after an uncaught error");
    else log.info({ signal }, "shutting down: stopping solves (their best rotas are kept), then closing the store");
    await app.close();
    log.info("closed");
  });
  // Solves and re-solves run on the engine's shared pool: its threads warm up before the first request.
  await defaultPool().warm();
  const address = await app.listen({ port: config.port, host: config.host });
  const first = await bootstrap(services, log);
  if (first) process.stdout.write(`${banner(first, address)}\n`);
} catch (error) {
  log.fatal({ err: error }, "could not start");
  // Closing gives the data directory back (its pid file goes), so the next start is not refused.
  await started?.close().catch((err: unknown) => log.error({ err }, "could not close after failing to start"));
  process.exit(1);
}
