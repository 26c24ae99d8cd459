import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, type Plugin } from "esbuild";

const ENTRY = fileURLToPath(new URL("./worker.ts", import.meta.url));

/**
 * HiGHS stays outside the bundle (it finds its .wasm file beside its own script) and is imported
 * by absolute URL: a module loaded from a data: URL has no folder to resolve a package name from.
 */
const highsByPath: Plugin = {
  name: "highs-by-path",
  setup(esbuild) {
    const path = createRequire(import.meta.url).resolve("highs");
    esbuild.onResolve({ filter: /^highs$/ }, () => ({ path: pathToFileURL(path).href, external: true }));
  },
};

let script: Promise<URL> | undefined;

/**
 * The worker threads' code: the engine and the core bundled into one ES module, in memory, once
 * per process (~0.2 s). A thread that loaded the TypeScript sources through a loader had a loader
 * thread of its own beside it, ~35 MB each, and took ~0.6 s to start.
 */
export function workerScript(): Promise<URL> {
  script ??= build({
    entryPoints: [ENTRY],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    write: false,
    logLevel: "silent",
    // Each thread keeps the source it parsed: minified, a worker starts ~8 MB smaller (docs/decisions.md §12).
    minify: true,
    plugins: [highsByPath],
  }).then((result) => {
    const file = result.outputFiles[0];
    if (!file) throw new Error("esbuild produced no output for the worker");
    return new URL(`data:text/javascript;base64,${Buffer.from(file.contents).toString("base64")}`);
  });
  return script;
}
