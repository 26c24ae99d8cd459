import {
  buildWeekProblem,
  type Carry,
  carryForward,
  DeskrotaInputError,
  EMPTY_CARRY,
  type Problem,
  type Setup,
} from "@deskrota/core";
import { DateTime } from "luxon";
import { ApiError } from "../http/errors";
import type { RotaStore } from "../store/rotas";
import type { SetupStores } from "../store";
import type { EntryRecord } from "../store/entries";
import type { SetupRevision } from "../store/setup";
import { existing } from "./edit";

export const sundayOf = (weekStart: string) => DateTime.fromISO(weekStart).plus({ days: 6 }).toISODate() as string;

/** Reads setup revisions once each while folding many weeks. */
function revisions(stores: SetupStores, orgId: string) {
  const seen = new Map<number, Promise<SetupRevision | null>>();
  return async (n: number): Promise<Setup> => {
    if (!seen.has(n)) seen.set(n, stores.setups.revision(orgId, n));
    const found = await seen.get(n);
    if (!found) throw new Error(`setup revision ${n} of ${orgId} is missing`);
    return found.setup;
  };
}

/**
 * The carry-over into `weekStart`: every earlier week's published rota folded in, oldest first,
 * each with the setup revision it was built from.
 */
export async function carryBefore(
  rotas: RotaStore,
  stores: SetupStores,
  orgId: string,
  weekStart: string,
): Promise<Carry> {
  const setupOf = revisions(stores, orgId);
  let carry = EMPTY_CARRY;
  for (const week of await stores.weeks.publishedBefore(orgId, weekStart)) {
    const version = await rotas.findVersion(orgId, week.rotaId, week.version);
    if (version) carry = carryForward(carry, version.problem, version.rota, await setupOf(week.setupRevision));
  }
  return carry;
}

/** Folds a plan's own rotas (published or not) onto the carry of the weeks before the plan. */
export async function carryAfter(
  rotas: RotaStore,
  stores: SetupStores,
  orgId: string,
  start: Carry,
  weeks: readonly { rotaId: string; setupRevision: number }[],
): Promise<Carry> {
  const setupOf = revisions(stores, orgId);
  let carry = start;
  for (const week of weeks) {
    const record = await rotas.findRota(orgId, week.rotaId);
    const n = record?.publishedVersion ?? record?.latestVersion;
    const version = n ? await rotas.findVersion(orgId, week.rotaId, n) : null;
    if (version) carry = carryForward(carry, version.problem, version.rota, await setupOf(week.setupRevision));
  }
  return carry;
}

export interface BuiltWeek {
  problem: Problem;
  revision: SetupRevision;
  carry: Carry;
  entries: EntryRecord[];
}

/**
 * The problem a week is built from: the setup revision in force (the newest unless one is named),
 * that week's entries and the carry-over (from the published weeks before it unless given).
 */
export async function buildWeek(
  rotas: RotaStore,
  stores: SetupStores,
  orgId: string,
  weekStart: string,
  options: { revision?: number | undefined; carry?: Carry | undefined } = {},
): Promise<BuiltWeek> {
  const revision =
    options.revision === undefined
      ? existing(await stores.setups.latest(orgId))
      : await stores.setups.revision(orgId, options.revision);
  if (!revision) throw new ApiError(404, "DESKROTA_E_NOT_FOUND", `setup revision ${options.revision} not found`);
  const entries = await stores.entries.list(orgId, { from: weekStart, to: sundayOf(weekStart) });
  const carry = options.carry ?? (await carryBefore(rotas, stores, orgId, weekStart));
  try {
    const problem = buildWeekProblem({ setup: revision.setup, weekStart, entries: entries.map((e) => e.entry), carry });
    return { problem, revision, carry, entries };
  } catch (error) {
    if (!(error instanceof DeskrotaInputError)) throw error;
    // The week start is the caller's (the path); anything else is the setup's or its entries'.
    const issues = error.issues.map((i) =>
      i.path === "weekStart" ? { in: "params" as const, ...i } : { in: "body" as const, ...i },
    );
    throw new ApiError(400, "DESKROTA_E_INPUT", "the week cannot be built from the setup", {
      issues,
    });
  }
}
