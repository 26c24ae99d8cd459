import { execFileSync } from "node:child_process";
import { cpus, loadavg, totalmem } from "node:os";
import { fileURLToPath } from "node:url";

export interface Machine {
  date: string;
  cores: number;
  cpu: string;
  node: string;
  memoryGb: number;
  /** 1, 5 and 15 minute load averages when the benchmark started */
  loadAtStart: [number, number, number];
}

export function machine(): Machine {
  const [one, five, fifteen] = loadavg();
  const r = (x: number | undefined) => Math.round((x ?? 0) * 100) / 100;
  return {
    date: new Date().toISOString(),
    cores: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? "unknown",
    node: process.version,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    loadAtStart: [r(one), r(five), r(fifteen)],
  };
}

/** The commit under measurement; the engine is "dirty" when its packages have uncommitted changes. */
export function revision(): { commit: string; engineDirty: boolean } {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const git = (...args: string[]) => {
    try {
      return execFileSync("git", ["-C", root, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    } catch {
      return "";
    }
  };
  return { commit: git("rev-parse", "--short", "HEAD") || "unknown", engineDirty: git("status", "--porcelain", "--", "packages").length > 0 };
}
