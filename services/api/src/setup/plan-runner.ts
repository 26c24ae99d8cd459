import { setTimeout as sleep } from "node:timers/promises";
import type { FastifyBaseLogger } from "fastify";
import { ApiError } from "../http/errors";
import { BusyError } from "../jobs/pool";
import { INTERRUPTED } from "../jobs/runner";
import type { Services } from "../services";
import type { SetupStores } from "../store";
import type { PlanRecord } from "../store/plans";
import { carryAfter, carryBefore, buildWeek } from "./weeks";

const POLL_MS = 200;

/** The plan's weeks before `index` that have a rota, with the setup revision each was built from. */
export async function earlierWeeks(stores: SetupStores, plan: PlanRecord, index: number) {
  const weeks: { rotaId: string; setupRevision: number }[] = [];
  for (const week of plan.weeks.slice(0, index)) {
    const link = week.rotaId && (await stores.weeks.ofRota(plan.orgId, week.rotaId));
    if (link) weeks.push({ rotaId: link.rotaId, setupRevision: link.setupRevision });
  }
  return weeks;
}

/**
 * Drives plans: one week at a time, each built with the carry-over of the plan's weeks before it
 * and solved through the same queue as any rota. Every step reads the plan from the store, so a
 * plan cut off by a restart is taken up where it was (the week whose solve was lost is submitted
 * again).
 */
export class PlanRunner {
  private readonly running = new Map<string, Promise<void>>();
  private readonly closing = new AbortController();

  constructor(
    private readonly services: Services,
    private readonly stores: SetupStores,
    private readonly log: FastifyBaseLogger,
  ) {}

  start(orgId: string, planId: string): void {
    if (this.closing.signal.aborted || this.running.has(planId)) return;
    const run = this.drive(orgId, planId)
      .catch(async (error: unknown) => {
        this.log.error({ err: error, planId }, "plan failed");
        await this.stores.plans.finish(planId, "failed", "internal error while planning").catch(() => undefined);
      })
      .finally(() => this.running.delete(planId));
    this.running.set(planId, run);
  }

  /** Takes up the plans a previous run of the service left unfinished. */
  async resume(): Promise<void> {
    for (const { id, orgId } of await this.stores.plans.unfinished()) this.start(orgId, id);
  }

  /** Stops driving plans (they stay solving in the store and are resumed on the next start). */
  async close(): Promise<void> {
    this.closing.abort();
    await Promise.allSettled([...this.running.values()]);
  }

  /** Waits, or less when the runner closes. */
  private pause(ms: number): Promise<void> {
    return sleep(ms, undefined, { signal: this.closing.signal }).catch(() => undefined);
  }

  private async drive(orgId: string, planId: string): Promise<void> {
    const { rotas } = this.services;
    while (!this.closing.signal.aborted) {
      const plan = await this.stores.plans.find(orgId, planId);
      if (plan?.status !== "solving") return;
      const next = plan.weeks.findIndex((w) => w.rotaId === null);
      const lastIndex = next < 0 ? plan.weeks.length - 1 : next - 1;
      const last = plan.weeks[lastIndex];
      const current = last?.rotaId ? await rotas.findRota(orgId, last.rotaId) : null;
      if (current && (current.status === "queued" || current.status === "solving")) {
        await this.pause(POLL_MS);
        continue;
      }
      if (plan.stopRequested) {
        await this.stores.plans.finish(planId, "stopped", "stopped on request");
        return;
      }
      // A solve cut off by a crash is the server's failure, not the week's: it is solved again.
      if (current?.status === "failed" && current.reason === INTERRUPTED) {
        await this.submitWeek(plan, lastIndex);
        continue;
      }
      if (current?.status === "failed") {
        await this.stores.plans.finish(planId, "failed", `the week of ${last?.weekStart} failed: ${current.reason}`);
        return;
      }
      if (next < 0) {
        await this.stores.plans.finish(planId, "done", null);
        return;
      }
      await this.submitWeek(plan, next);
    }
  }

  private async submitWeek(plan: PlanRecord, index: number): Promise<void> {
    const { rotas, queue } = this.services;
    const week = plan.weeks[index] as PlanRecord["weeks"][number];
    const start = await carryBefore(rotas, this.stores, plan.orgId, plan.from);
    const carry = await carryAfter(rotas, this.stores, plan.orgId, start, await earlierWeeks(this.stores, plan, index));
    let built: Awaited<ReturnType<typeof buildWeek>>;
    try {
      built = await buildWeek(rotas, this.stores, plan.orgId, week.weekStart, {
        revision: plan.options.setupRevision,
        carry,
      });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const detail = error.details.issues?.map((i) => `${i.path}: ${i.message}`).join("; ") ?? error.message;
      await this.stores.plans.finish(plan.id, "failed", `the week of ${week.weekStart} cannot be built: ${detail}`);
      return;
    }
    const { timeLimitMs, seed, workBudget } = plan.options;
    let record: Awaited<ReturnType<typeof queue.submit>>;
    try {
      record = await queue.submit(plan.orgId, {
        name: `${plan.options.name ?? plan.id}: week of ${week.weekStart}`,
        problem: built.problem,
        settings: {
          timeLimitMs,
          ...(seed !== undefined ? { seed } : {}),
          ...(workBudget !== undefined ? { workBudget } : {}),
        },
      });
    } catch (error) {
      // A full queue is a reason to wait, not to give up a term.
      if (!(error instanceof BusyError)) throw error;
      await this.pause(error.retryAfterSeconds * 1000);
      return;
    }
    await this.stores.weeks.link(plan.orgId, record.id, {
      weekStart: week.weekStart,
      setupRevision: built.revision.revision,
      carry: built.carry,
      planId: plan.id,
    });
    await this.stores.plans.setWeekRota(plan.id, index, record.id);
  }
}
