// `pnpm --filter @deskrota/benchmarks api-resolve [instance] [absences] [publish moves] [--runs N]`: re-solves
// after an absence on the HTTP API's own path, with the warm-up after a publish (DESKROTA_WARM_ON_PUBLISH) off and
// on. Each run is a fresh process, started as `pnpm start` runs (the API in it, on a fresh embedded store, its
// engine threads warmed before the first request, as server.ts does; requests by `app.inject`, no socket). It
// solves the instance at a fixed work budget (default 3 000 moves, seed 1, as `resolve-cpu`; the quick bench
// publishes at 20 000) and publishes it. Where the warm-up is on, it waits for it to end. Then it asks for the
// bench's absences (seed 5, each said two hours ahead) as dry-run changes, one at a time, each a re-solve against
// the published version. Printed: the first re-solve's answer time, p50 and p95 over all, where the re-solves ran
// (a thread that held the version, or one sent it), and the medians over runs.
import { fork } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { loadConfig, startInProcess } from "@deskrota/api";
import { absenceFor } from "./child/resolve-task";
import { productEnv } from "./child/run";
import { EXAMPLE_INSTANCES, GENERATED_INSTANCES, loadProblem } from "./instances";
import { rng } from "./random";
import { median, percentile } from "./stats";

/** One run's figures, printed by the child as one JSON line. */
interface Run {
  warm: "on" | "off";
  firstMs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** the re-solves' CPU in this process (every thread), ms */
  cpuMs: number;
  /** from the publish's answer to the warm-up's end, and how it ended (on only) */
  warmUp?: { afterMs: number; outcome: string };
  /** re-solves whose thread held the published version, and those whose thread was sent it */
  held: number;
  sent: number;
}

const args = process.argv.slice(2);
const flag = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const [name = "typical-week", absences = "20", publishMoves = "3000"] = args.filter(
  (a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--"),
);
const PUBLISH = `workBudget=${publishMoves}&seed=1&timeLimitSeconds=600`;
const child = flag("--warm");
if (child === "on" || child === "off") {
  console.log(JSON.stringify(await measure(child)));
  process.exit(0);
}
const runs = Number(flag("--runs") ?? 1);
const results: Run[] = [];
// Off and on in turn, so that a change in the machine's load falls on both alike.
for (let k = 0; k < runs; k++) for (const warm of ["off", "on"] as const) results.push(await inChild(warm));
console.log(`${name}: ${absences} dry-run absences per run, published at ${PUBLISH}, load ${loadavg()[0]?.toFixed(1)}`);
for (const r of results) console.log(line(r));
for (const warm of ["off", "on"] as const) {
  const mine = results.filter((r) => r.warm === warm);
  const m = (pick: (r: Run) => number) => median(mine.map(pick))?.toFixed(0);
  console.log(
    `median of ${mine.length}, warm-up ${warm}: first ${m((r) => r.firstMs)} ms, p50 ${m((r) => r.p50Ms)}, ` +
      `p95 ${m((r) => r.p95Ms)}, CPU ${m((r) => r.cpuMs)} ms`,
  );
}

function line(r: Run): string {
  const warmUp = r.warmUp ? `, warm-up ${r.warmUp.outcome} ${r.warmUp.afterMs} ms after the publish` : "";
  return (
    `warm-up ${r.warm}: first ${r.firstMs} ms, p50 ${r.p50Ms}, p95 ${r.p95Ms}, max ${r.maxMs}, CPU ${r.cpuMs} ms; ` +
    `threads held the version ${r.held}, sent it ${r.sent}${warmUp}`
  );
}

/** One run in a fresh process started as the product starts (no loader thread, its environment). */
function inChild(warm: "on" | "off"): Promise<Run> {
  const launcher = fileURLToPath(new URL("../../scripts/launch.mjs", import.meta.url));
  const script = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).scripts.start;
  const run = fork(launcher, [fileURLToPath(import.meta.url), name, absences, publishMoves, "--warm", warm], {
    execArgv: [],
    env: { ...process.env, ...productEnv(script) },
    stdio: ["ignore", "pipe", "inherit", "ipc"],
  });
  let out = "";
  run.stdout?.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  return new Promise((resolve, reject) =>
    run.on("exit", (code) => {
      const last = out.trim().split("\n").pop() ?? "";
      if (code === 0) resolve(JSON.parse(last) as Run);
      else reject(new Error(`the ${warm} run exited ${code}: ${out}`));
    }),
  );
}

async function measure(warm: "on" | "off"): Promise<Run> {
  const instance = [...EXAMPLE_INSTANCES, ...GENERATED_INSTANCES].find((i) => i.id === name);
  if (!instance) throw new Error(`no benchmark instance ${name}`);
  const dataDir = mkdtempSync(join(tmpdir(), "deskrota-api-resolve-"));
  const config = loadConfig({
    DESKROTA_DATA_DIR: dataDir,
    DESKROTA_EXAMPLE: "none",
    LOG_LEVEL: "silent",
    DESKROTA_WARM_ON_PUBLISH: warm,
    // The publish's bound would only take a second thread from its search; re-solves have none.
    DESKROTA_LOWER_BOUND: "off",
    // Limits for many clients, not one: nothing here may be shed or refused.
    DESKROTA_RATE_LIMIT_PER_TOKEN: "0",
    DESKROTA_RATE_LIMIT_PER_ADDRESS: "0",
    DESKROTA_MAX_EVENT_LOOP_DELAY_MS: "0",
    DESKROTA_MAX_TIME_LIMIT_SECONDS: "600",
  });
  const began = performance.now();
  const say = (what: string) =>
    process.stderr.write(`${warm}: ${what} at ${((performance.now() - began) / 1000).toFixed(1)} s\n`);
  const { app, services } = await startInProcess(config);
  say("API started");
  try {
    const { token } = await services.orgs.createOrg("api-resolve");
    const call = async (url: string, payload?: object) => {
      const res = await app.inject({
        method: "POST",
        url,
        headers: { authorization: `Bearer ${token}` },
        ...(payload ? { payload } : {}),
      });
      if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      return res.json();
    };
    const solved = await call(`/v1/rotas?wait=true&${PUBLISH}`, loadProblem(instance.ref));
    say("solved");
    await call(`/v1/rotas/${solved.id}/publish`);
    const published = performance.now();
    const warmUp = warm === "on" ? await warmUpEnded(services.metrics.warmUps, published) : undefined;
    const r = rng(5);
    const changes = Array.from({ length: Number(absences) }, () => absenceFor(r.pick(solved.rota.assignments)));
    const times: number[] = [];
    const cpu = process.cpuUsage();
    for (const { change, now } of changes) {
      const t = performance.now();
      await call(`/v1/rotas/${solved.id}/changes?now=${encodeURIComponent(now)}&dryRun=true`, change);
      times.push(performance.now() - t);
    }
    const used = process.cpuUsage(cpu);
    const versions = await counts(services.metrics.resolveVersions);
    const ms = (x: number | null | undefined) => Math.round(x ?? Number.NaN);
    return {
      warm,
      firstMs: ms(times[0]),
      p50Ms: ms(percentile(times, 50)),
      p95Ms: ms(percentile(times, 95)),
      maxMs: ms(Math.max(...times)),
      cpuMs: ms((used.user + used.system) / 1000),
      ...(warmUp ? { warmUp } : {}),
      held: versions.held ?? 0,
      sent: versions.sent ?? 0,
    };
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

interface Counted {
  get(): Promise<{ values: { value: number; labels: Partial<Record<string, string | number>> }[] }>;
}

/** A counter's values by its one label's value. */
async function counts(counter: Counted): Promise<Record<string, number>> {
  const found: Record<string, number> = {};
  for (const { value, labels } of (await counter.get()).values) found[String(Object.values(labels)[0])] = value;
  return found;
}

/** Waits for the warm-up the publish started (the publish does not wait for it): how long after, and how it ended. */
async function warmUpEnded(warmUps: Counted, publishedAt: number): Promise<{ afterMs: number; outcome: string }> {
  for (;;) {
    const ended = Object.entries(await counts(warmUps));
    if (ended.length > 0)
      return { afterMs: Math.round(performance.now() - publishedAt), outcome: ended.map(([o]) => o).join("+") };
    await sleep(20);
  }
}
