import closeWithGrace from "close-with-grace";
import pino from "pino";
import type { Config } from "./config";
import { startServices } from "./services";

/**
 * A solve worker without HTTP: takes jobs from the PostgreSQL queue that API processes fill, until
 * SIGTERM/SIGINT, which stops the running solves (their best rotas are kept) and returns.
 */
export async function runWorker(config: Config & { databaseUrl: string }): Promise<void> {
  const log = pino({ level: config.logLevel });
  const worker = `worker-${process.pid}`;
  const services = await startServices(config, log, worker);
  log.info({ worker, solvers: config.solvers }, "worker ready");
  await new Promise<void>((resolve) => {
    closeWithGrace({ delay: 30_000, logger: log }, async ({ signal, err }) => {
      if (err) log.error({ err }, "worker stopping after an uncaught error");
      else log.info({ signal }, "worker stopping: running solves keep their best rota");
      await services.queue.close();
      await services.db.close();
      log.info("worker stopped");
      resolve();
    });
  });
}
