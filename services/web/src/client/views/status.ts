import type { RotaSummary } from "../types";
import { elapsed } from "../time";

/** A rota's status in a few words. */
export function statusText(r: Pick<RotaSummary, "status" | "progress" | "reason">): string {
  switch (r.status) {
    case "queued":
      return "Queued";
    case "solving":
      return r.progress ? `Solving (${elapsed(r.progress.elapsedMs)})` : "Solving";
    case "done":
      return "Ready";
    case "failed":
      return `Failed: ${r.reason ?? "no reason given"}`;
  }
}

/** A score (lower is better) as people read it. */
export function scoreText(objective: number | null): string {
  return objective === null ? "none yet" : Math.round(objective).toLocaleString("en-GB");
}
