import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";

const ENTRY = fileURLToPath(new URL("./worker.ts", import.meta.url));

/** HiGHS stays outside the bundle: it finds its .wasm file beside its own script, required by absolute path. */
const highsByPath: Plugin = {
  name: "highs-by-path",
  setup(esbuild) {
    const path = createRequire(import.meta.url).resolve("highs");
    esbuild.onResolve({ filter: /^highs$/ }, () => ({ path, external: true }));
  },
};

let script: Promise<string> | undefined;

/**
 * The worker threads' code: the engine and the core bundled into one CommonJS script, in memory,
 * once per process (~0.2 s), started with `eval`. A thread that loaded the TypeScript sources
 * through a loader had a loader thread of its own beside it, ~35 MB each, and took ~0.6 s to
 * start; one started from a data: URL kept four copies of that URL (~1 MB each) besides the source
 * it parsed (docs/decisions.md §15).
 */
export function workerScript(): Promise<string> {
  script ??= build({
    entryPoints: [ENTRY],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    write: false,
    logLevel: "silent",
    // Each thread keeps the source it parsed: minified, a worker starts ~8 MB smaller (docs/decisions.md §12).
    minify: true,
    plugins: [highsByPath],
  }).then((result) => {
    const file = result.outputFiles[0];
    if (!file) throw new Error("esbuild produced no output for the worker");
    return file.text;
  });
  return script;
}
