import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

/** Data directories this process holds: a pid file with our own pid is ours only if listed here. */
const held = new Set<string>();

/** Another live process has the embedded store open. */
export class DataDirInUseError extends Error {
  readonly code = "DESKROTA_E_DATA_DIR_IN_USE";
  constructor(dataDir: string, pid: number) {
    super(`the data directory ${dataDir} is in use by process ${pid}`);
  }
}

/** Takes the data directory for this process; the function returned gives it back. */
export function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, "deskrota.pid");
  const key = resolve(dataDir);
  for (;;) {
    try {
      writeFileSync(file, String(process.pid), { flag: "wx" });
      held.add(key);
      return () => {
        held.delete(key);
        rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = Number(readFileSync(file, "utf8"));
    // Our own pid but not ours: an earlier life of this pid (a container restarts as pid 1) crashed.
    const inUse = holder === process.pid ? held.has(key) : alive(holder);
    if (inUse) throw new DataDirInUseError(dataDir, holder);
    // Left by a process that is gone (killed, crashed): take it over.
    rmSync(file, { force: true });
  }
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
