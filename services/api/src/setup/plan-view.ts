import { carryForward, type Carry, type Setup, type TermWeek, termSummary } from "@deskrota/core";
import { isDeepStrictEqual } from "node:util";
import type { RotaStore } from "../store/rotas";
import type { SetupStores } from "../store";
import type { PlanRecord } from "../store/plans";
import { carryBefore } from "./weeks";

export type PlanWeekStatus = "pending" | "queued" | "solving" | "done" | "failed";

export interface PlanWeekView {
  weekStart: string;
  rotaId: string | null;
  status: PlanWeekStatus;
  progress: { elapsedMs: number; objective: number | null; bestBound: number | null; gap: number | null } | null;
  version: number | null;
  publishedVersion: number | null;
  setupRevision: number | null;
  /** the weeks before it changed since it was built: re-solve it to follow the new carry-over */
  carryStale: boolean | null;
}

/**
 * Every week of a plan as it stands, and the term summary over the weeks that have a rota. The
 * carry-over is folded again from the plan's rotas (the published version, else the latest), so a
 * week changed or re-solved since shows which later weeks were built from an older carry-over.
 */
export async function planWeeks(
  rotas: RotaStore,
  stores: SetupStores,
  plan: PlanRecord,
  setup: Setup,
): Promise<{ weeks: PlanWeekView[]; solved: TermWeek[] }> {
  const setups = new Map<number, Setup>();
  const setupOf = async (n: number) => {
    if (!setups.has(n)) setups.set(n, (await stores.setups.revision(plan.orgId, n))?.setup ?? setup);
    return setups.get(n) as Setup;
  };
  let carry: Carry = await carryBefore(rotas, stores, plan.orgId, plan.from);
  const weeks: PlanWeekView[] = [];
  const solved: TermWeek[] = [];
  for (const week of plan.weeks) {
    const record = week.rotaId ? await rotas.findRota(plan.orgId, week.rotaId) : null;
    const link = week.rotaId ? await stores.weeks.ofRota(plan.orgId, week.rotaId) : null;
    const shown = record?.publishedVersion ?? record?.latestVersion ?? null;
    const version = record && shown ? await rotas.findVersion(plan.orgId, record.id, shown) : null;
    weeks.push({
      weekStart: week.weekStart,
      rotaId: week.rotaId,
      status: record?.status ?? "pending",
      progress: record?.status === "solving" ? record.progress : null,
      version: record?.latestVersion ?? null,
      publishedVersion: record?.publishedVersion ?? null,
      setupRevision: link?.setupRevision ?? null,
      // Compared as stored: through JSON, as the link's copy went (-0 becomes 0 there).
      carryStale: link ? !isDeepStrictEqual(link.carry, JSON.parse(JSON.stringify(carry))) : null,
    });
    if (version && link) {
      solved.push({ weekStart: week.weekStart, problem: version.problem, rota: version.rota });
      carry = carryForward(carry, version.problem, version.rota, await setupOf(link.setupRevision));
    }
  }
  return { weeks, solved };
}

export const summaryOf = (solved: TermWeek[], setup: Setup) => (solved.length ? termSummary(solved, setup) : null);
