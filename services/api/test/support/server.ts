import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));

export interface RunningServer {
  url: string;
  /** printed once, on the first start of an empty store */
  token: string | undefined;
  exampleRotaId: string | undefined;
  child: ChildProcess;
  /** every line the process printed so far (pino JSON or the banner) */
  lines: string[];
  exited: Promise<number | null>;
}

/**
 * Starts the real server (server.ts, as `pnpm start` does) on a free loopback port. Ready when it
 * listens — on the first start of an empty store, once it has printed the token too.
 */
export function startServer(env: Record<string, string>, firstStart: boolean): Promise<RunningServer> {
  const child = spawn(process.execPath, ["scripts/launch.mjs", "services/api/src/server.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", DESKROTA_EXAMPLE: "none", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  createInterface({ input: child.stderr! }).on("line", (line) => lines.push(line));
  return new Promise((resolve, reject) => {
    let url: string | undefined;
    let token: string | undefined;
    let exampleRotaId: string | undefined;
    createInterface({ input: child.stdout! }).on("line", (line) => {
      lines.push(line);
      url ??= /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1];
      token ??= /token \(shown once, keep it\):\s+(\S+)/.exec(line)?.[1];
      exampleRotaId ??= /example rota .*\/v1\/rotas\/(rota_\w+)/.exec(line)?.[1];
      // The banner ends with the documentation line.
      const ready = firstStart ? /API documentation/.test(line) : url !== undefined;
      if (ready && url) resolve({ url, token, exampleRotaId, child, lines, exited });
    });
    void exited.then((code) => reject(new Error(`server exited (${code}) before it was ready:\n${lines.join("\n")}`)));
  });
}
