import type { BackendRun } from "../child/backend-task";
import type { ModelPart } from "../child/protocol";
import { runChild } from "../child/run";
import type { BenchInstance } from "../instances";
import { median } from "../stats";

export type BackendName = "highs" | "highs-simplex" | "jslp";

/** One model deskrota builds, to be solved by each backend. */
export interface BackendCase {
  id: string;
  instance: BenchInstance;
  part: ModelPart;
  label: string;
  relaxation: boolean;
  timeLimitSeconds: number;
}

export interface BackendSettings {
  runs: number;
  /** a backend past its limit is killed this much later */
  graceSeconds: number;
  /** stop repeating a case once one run took longer than this (the figure will not move much) */
  repeatBelowSeconds: number;
  denseLimitBytes: number;
  rssLimitMb: number;
}

export interface BackendSummary {
  case: string;
  label: string;
  instance: string;
  part: ModelPart["kind"];
  relaxation: boolean;
  backend: BackendName;
  timeLimitSeconds: number;
  runs: number;
  /** model size as built: columns, rows, non-zeros, and javascript-lp-solver's dense tableau in MB */
  size: Record<string, number> | null;
  /** what happened, per run: the backend's status, or killed-time / killed-memory / skipped / error */
  outcomes: string[];
  timeMs: number | null;
  objective: number | null;
  bound: number | null;
  peakRssMb: number | null;
  /** peak RSS above the process's RSS once the model was built: what the backend itself used */
  solverRssMb: number | null;
  /** longest time past the limit until the answer (or the kill), ms */
  overrunMaxMs: number | null;
  warmupMs: number | null;
  message?: string;
}

/** Each backend on each case, each run in a fresh process that is killed at limit + grace or at the memory limit. */
export async function measureBackend(
  c: BackendCase,
  backend: BackendName,
  settings: BackendSettings,
  log: (line: string) => void,
): Promise<BackendSummary> {
  const outcomes: string[] = [];
  const runs: { time: number; run?: BackendRun; peak: number; start: number; size?: Record<string, number> }[] = [];
  let message: string | undefined;
  for (let i = 0; i < settings.runs; i++) {
    const outcome = await runChild<BackendRun>(
      {
        kind: "backend",
        backend,
        instance: c.instance.ref,
        part: c.part,
        relaxation: c.relaxation,
        timeLimitSeconds: c.timeLimitSeconds,
        denseLimitBytes: settings.denseLimitBytes,
      },
      { killAfterMs: (c.timeLimitSeconds + settings.graceSeconds) * 1000, rssLimitMb: settings.rssLimitMb },
    );
    const run = outcome.value;
    const label = outcome.status === "ok" && run ? run.status : outcome.status;
    outcomes.push(label);
    message ??= run?.message ?? (outcome.status === "ok" ? undefined : outcome.message);
    runs.push({
      time: run ? run.timeMs : outcome.wallMs,
      ...(run ? { run } : {}),
      peak: outcome.peakRssMb,
      start: outcome.startRssMb,
      ...(outcome.info ? { size: outcome.info } : {}),
    });
    log(
      `backend ${c.id} ${backend}: ${label}` +
        `${run ? ` ${run.timeMs} ms, objective ${run.objective ?? "—"}, bound ${run.bound ?? "—"}` : ""}, ` +
        `${Math.round(outcome.peakRssMb)} MB${message ? ` (${message})` : ""}`,
    );
    // A skipped, killed or failed run, or a slow one, would only repeat itself.
    if (outcome.status !== "ok" || run?.status === "skipped" || (run?.timeMs ?? 0) > settings.repeatBelowSeconds * 1000)
      break;
  }
  const answered = runs.filter((r) => r.run && r.run.status !== "skipped");
  const measured = runs.filter((r) => r.run?.status !== "skipped");
  return {
    case: c.id,
    label: c.label,
    instance: c.instance.id,
    part: c.part.kind,
    relaxation: c.relaxation,
    backend,
    timeLimitSeconds: c.timeLimitSeconds,
    runs: runs.length,
    size: runs[0]?.size ?? null,
    outcomes,
    timeMs: median(measured.map((r) => r.time)),
    objective: median(answered.map((r) => r.run?.objective)),
    bound: median(answered.map((r) => r.run?.bound)),
    peakRssMb: median(measured.map((r) => Math.round(r.peak))),
    solverRssMb: median(measured.map((r) => Math.max(0, Math.round(r.peak - r.start)))),
    overrunMaxMs: measured.length
      ? Math.max(...measured.map((r) => Math.round(r.time - c.timeLimitSeconds * 1000)))
      : null,
    warmupMs: median(answered.map((r) => r.run?.warmupMs)),
    ...(message ? { message } : {}),
  };
}
