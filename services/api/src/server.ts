import closeWithGrace from "close-with-grace";
import pino from "pino";
import { buildApp } from "./app";
import { banner, bootstrap } from "./bootstrap";
import { ConfigError, loadConfig } from "./config";
import { startServices } from "./services";

// The process edge: read the environment, log with pino, listen, and close gracefully. Everything
// else (routes, errors, services) is in buildApp, which the tests use without a socket.
let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`deskrota: ${error.message}\n`);
  process.exit(2);
}

const log = pino({ level: config.logLevel });
try {
  const services = await startServices(config, log, `api-${process.pid}`);
  const app = await buildApp(services, { logger: log });
  closeWithGrace({ delay: 30_000, logger: log }, async ({ signal, err }) => {
    if (err) log.error({ err }, "shutting down after an uncaught error");
    else log.info({ signal }, "shutting down: stopping solves (their best rotas are kept), then closing the store");
    await app.close();
    log.info("closed");
  });
  const address = await app.listen({ port: config.port, host: config.host });
  const first = await bootstrap(services, log);
  if (first) process.stdout.write(`${banner(first, address)}\n`);
} catch (error) {
  log.fatal({ err: error }, "could not start");
  process.exit(1);
}
