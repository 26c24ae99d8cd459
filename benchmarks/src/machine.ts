import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
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

const ENGINE_SOURCES = ["packages/core/src", "packages/engine/src"].map(
  (dir) => new URL(`../../${dir}/`, import.meta.url),
);

/**
 * A hash of the engine's sources as they are on disk now. Others edit the working tree while a
 * benchmark runs; taken before every measured process, it shows whether all figures come from
 * one version of the engine.
 */
export function engineFingerprint(): string {
  const hash = createHash("sha1");
  for (const dir of ENGINE_SOURCES) {
    for (const file of (readdirSync(dir, { recursive: true }) as string[]).sort()) {
      if (!/\.(ts|mjs)$/.test(file)) continue;
      hash.update(file).update(readFileSync(new URL(file, dir)));
    }
  }
  return hash.digest("hex").slice(0, 12);
}

/** The commit under measurement; the engine is "dirty" when its packages have uncommitted changes. */
export function revision(): { commit: string; engineDirty: boolean } {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const git = (...args: string[]) => {
    try {
      return execFileSync("git", ["-C", root, ...args], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      }).trim();
    } catch {
      return "";
    }
  };
  return {
    commit: git("rev-parse", "--short", "HEAD") || "unknown",
    engineDirty: git("status", "--porcelain", "--", "packages").length > 0,
  };
}
