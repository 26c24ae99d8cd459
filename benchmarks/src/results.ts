import type { BenchInstance } from "./instances";
import type { Machine } from "./machine";
import type { Plan } from "./plan";
import type { BackendSummary } from "./sections/backends";
import type { RepairsSummary } from "./sections/repairs";
import type { ResolveSummary } from "./sections/resolve";
import type { Growth, ScalingRow } from "./sections/scaling";
import type { RunRecord, SolveSummary } from "./sections/solves";
import type { CertificateRow } from "./sections/certificate";
import type { BestKnownRow } from "./sections/goals";
import type { TargetRow } from "./sections/targets";
import type { ImportResult, TermResult } from "./sections/term";

/** Everything one benchmark run found: latest.json holds it, latest.md renders it. */
export interface Results {
  mode: "quick" | "full";
  machine: Machine;
  /**
   * The commit measured, whether the engine's sources differed from it, and the fingerprints of
   * the engine sources the measured processes ran (more than one: the engine changed mid-run).
   */
  revision: { commit: string; engineDirty: boolean; engineVersions: string[] };
  /** 1-minute load average sampled during the run */
  load: { median: number; max: number; samples: number };
  durationS: number;
  settings: { lp: Plan["lp"]; graceSeconds: number; rssLimitMb: number; denseLimitGb: number; backendRuns: number };
  instances: Pick<BenchInstance, "id" | "sites" | "people" | "note" | "ref">[];
  targets: TargetRow[];
  /** issue 19's goals; absent in results written before they were judged */
  goals?: TargetRow[];
  bestKnown?: BestKnownRow[];
  /** issue 16's goals and the certificate per instance; absent in results written before them */
  certificateGoals?: TargetRow[];
  certificate?: CertificateRow[];
  solves: SolveSummary[];
  solveRuns: Record<string, RunRecord[]>;
  lp: BackendSummary[];
  milp: BackendSummary[];
  scaling: { rows: ScalingRow[]; growth: Growth };
  resolves: ResolveSummary[];
  /** absent from results written before issue 16's repair benchmark */
  repairs?: RepairsSummary[];
  /** absent from results written before issue 14 */
  terms?: TermResult[];
  imports?: ImportResult[];
}
