import type { FastifyInstance } from "fastify";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { SolveQueue } from "./jobs/queue";

/** The route whose answers are re-solves: timed from request to answer, as the coordinator waits. */
const RESOLVE_ROUTE = "/v1/rotas/:id/changes";

/**
 * What /metrics shows Prometheus: the queue (depth, solves running, read when scraped), how long
 * solves and re-solves take, and the process's own (memory, event-loop lag, handles). A registry
 * per process's services, not prom-client's global one, so that apps in one process keep apart.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly solveSeconds = new Histogram({
    name: "deskrota_solve_duration_seconds",
    help: "Time a solve job ran, from taking the job to storing its outcome",
    labelNames: ["outcome"] as const,
    buckets: [0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300, 600],
    registers: [this.registry],
  });
  readonly resolveSeconds = new Histogram({
    name: "deskrota_resolve_duration_seconds",
    help: "Time from a change's request to its answer (a re-solve), for changes that were stored",
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
    registers: [this.registry],
  });

  readonly warmUps = new Counter({
    name: "deskrota_publish_warmups_total",
    help: "Warm-ups of an engine thread on a version just published, by how they ended",
    labelNames: ["outcome"] as const,
    registers: [this.registry],
  });
  readonly resolveVersions = new Counter({
    name: "deskrota_resolves_total",
    help:
      "Re-solves by whether their thread already held the version they repair (`held`: warmed on it after the " +
      "publish, or an earlier re-solve of it) or was sent it (`sent`: the thread meets it cold)",
    labelNames: ["version"] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Queue gauges, read from the queue when scraped (for pg-boss: the shared queue in PostgreSQL). */
  watch(queue: SolveQueue): void {
    const stat = (name: string, help: string, read: (s: Awaited<ReturnType<SolveQueue["stats"]>>) => number) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        async collect() {
          this.set(read(await queue.stats()));
        },
      });
    stat("deskrota_queue_depth", "Solve jobs waiting for a solver", (s) => s.queued);
    stat("deskrota_solves_running", "Solves this process is running", (s) => s.running);
    stat("deskrota_solvers", "Solves this process may run at once", (s) => s.solvers);
  }

  /** Times re-solves as the app answers them. */
  observeResolves(app: FastifyInstance): void {
    app.addHook("onResponse", async (request, reply) => {
      if (request.routeOptions.url === RESOLVE_ROUTE && reply.statusCode === 201)
        this.resolveSeconds.observe(reply.elapsedTime / 1000);
    });
  }
}
