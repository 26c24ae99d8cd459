import { fork } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { engineFingerprint } from "../machine";
import type { ChildMessage, ChildTask } from "./protocol";

export interface ChildOutcome<T> {
  status: "ok" | "killed-time" | "killed-memory" | "error";
  value?: T;
  message?: string;
  /** peak resident set of the whole process (all its threads), MB */
  peakRssMb: number;
  /** resident set when the measured work began, MB */
  startRssMb: number;
  info?: Record<string, number>;
  /** wall time from "started" to the end, as the parent saw it, ms */
  wallMs: number;
}

export interface ChildLimits {
  /** the child is killed this long after it reports "started" */
  killAfterMs: number;
  /** the child is killed when its resident set passes this */
  rssLimitMb: number;
}

const ENTRY = fileURLToPath(new URL("./entry.ts", import.meta.url));
/** how `pnpm start` and `pnpm deskrota` run: plain Node, no loader thread (its ~40 MB would be measured too) */
const LAUNCHER = fileURLToPath(new URL("../../../scripts/launch.mjs", import.meta.url));
/**
 * The environment `pnpm deskrota` and `pnpm start` give the program: the variables their scripts in the root
 * package.json set before `node` (glibc's malloc settings, docs/decisions.md §15). Read from there, so
 * that the measured process starts as the product does.
 */
const PRODUCT_ENV = productEnv(
  JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")).scripts.deskrota,
);
const SAMPLE_MS = 100;
/** loading and model building are not measured, but must not hang the benchmark either */
const START_LIMIT_MS = 300_000;

/** Engine versions seen by the measured processes of this run (see `engineFingerprint`). */
export const enginesSeen = new Set<string>();

/**
 * Runs one task in a fresh Node process, started the way the product runs, and watches it from outside:
 * the peak RSS is the kernel's high-water mark of the child (worker threads included), sampled so
 * that it is known even for a child that has to be killed; a child past its time or memory limit
 * is killed, whatever it is doing.
 */
export function runChild<T>(task: ChildTask, limits: ChildLimits): Promise<ChildOutcome<T>> {
  enginesSeen.add(engineFingerprint());
  const child = fork(LAUNCHER, [ENTRY], {
    execArgv: [],
    env: { ...process.env, ...PRODUCT_ENV },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  child.send(task);
  const pid = child.pid;
  let peakKb = 0;
  let startRssMb = 0;
  let started: number | undefined;
  let info: Record<string, number> | undefined;
  return new Promise((resolve) => {
    let settled = false;
    let killTimer: NodeJS.Timeout | undefined;
    const finish = (outcome: Omit<ChildOutcome<T>, "peakRssMb" | "startRssMb" | "wallMs">, reportedMb = 0) => {
      if (settled) return;
      settled = true;
      clearInterval(sampler);
      clearTimeout(killTimer);
      sample();
      child.kill("SIGKILL");
      resolve({
        ...outcome,
        ...(info ? { info } : {}),
        peakRssMb: Math.max(reportedMb, peakKb / 1024),
        startRssMb,
        wallMs: started === undefined ? 0 : performance.now() - started,
      });
    };
    const sample = () => {
      const status = pid === undefined ? undefined : procStatus(pid);
      if (!status) return;
      peakKb = Math.max(peakKb, status.hwmKb);
      if (status.rssKb / 1024 > limits.rssLimitMb)
        finish({ status: "killed-memory", message: `killed at ${Math.round(status.rssKb / 1024)} MB resident` });
    };
    const sampler = setInterval(sample, SAMPLE_MS);
    killTimer = setTimeout(
      () => finish({ status: "error", message: `no start within ${START_LIMIT_MS} ms` }),
      START_LIMIT_MS,
    );
    child.on("message", (message: ChildMessage) => {
      if (message.type === "started") {
        started = performance.now();
        startRssMb = message.rssMb;
        info = message.info;
        clearTimeout(killTimer);
        killTimer = setTimeout(
          () => finish({ status: "killed-time", message: `killed ${limits.killAfterMs} ms after start` }),
          limits.killAfterMs,
        );
      } else if (message.type === "result") finish({ status: "ok", value: message.value as T }, message.maxRssMb);
      else finish({ status: "error", message: message.message });
    });
    child.on("exit", (code, signal) =>
      finish({ status: "error", message: `child exited (${signal ?? code}) without an answer` }),
    );
  });
}

/** VmHWM (peak) and VmRSS of a live process, in kB; undefined once it is gone. */
function procStatus(pid: number): { hwmKb: number; rssKb: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/status`, "utf8");
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(text)?.[1] ?? 0);
    return { hwmKb: field("VmHWM"), rssKb: field("VmRSS") };
  } catch {
    return undefined;
  }
}

/** The `NAME=value` words a script starts with. */
export function productEnv(script: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const word of script.split(/\s+/)) {
    const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=(\S*)$/.exec(word);
    if (!assignment) break;
    env[assignment[1] as string] = assignment[2] as string;
  }
  return env;
}
