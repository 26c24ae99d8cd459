import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));

export interface RunningWorker {
  pid: number;
  child: ChildProcess;
  lines: string[];
  exited: Promise<number | null>;
}

/** Starts `deskrota worker` (the CLI entry, as `pnpm deskrota worker` runs it); ready once it says so. */
export function startWorker(env: Record<string, string>): Promise<RunningWorker> {
  const child = spawn(process.execPath, ["scripts/launch.mjs", "services/cli/src/main.ts", "worker"], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  createInterface({ input: child.stderr! }).on("line", (line) => lines.push(line));
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on("line", (line) => {
      lines.push(line);
      if (line.includes('"msg":"worker ready"')) resolve({ pid: child.pid as number, child, lines, exited });
    });
    void exited.then((code) => reject(new Error(`worker exited (${code}) before it was ready:\n${lines.join("\n")}`)));
  });
}
