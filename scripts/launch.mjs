// Runs a TypeScript entry point of the workspace on plain Node: esbuild bundles the workspace's own
// sources in memory and the packages from node_modules are imported from where they are installed.
// tsx's loader runs in a thread of its own beside the program, ~40 MB resident for the life of an
// API server or a solve, to compile what this compiles once at start (docs/decisions.md §10).
//
//   node scripts/launch.mjs services/api/src/server.ts [arguments for it]
import { readFile } from "node:fs/promises";
import { isBuiltin } from "node:module";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
import { build } from "esbuild";

// The start scripts cap this thread's young generation (NODE_OPTIONS=--max-semi-space-size=2): V8 had
// grown it to 32 MB while the program loaded and parsed, and kept it for a thread that then mostly waits
// (docs/decisions.md §15). V8 reads the flag for each isolate it creates, so it is cleared here: the
// engine's worker threads keep V8's default (with a smaller one their searches promoted more and ran slower).
setFlagsFromString("--max-semi-space-size=0");

const [entry] = process.argv.slice(2);
if (!entry) {
  process.stderr.write("usage: node scripts/launch.mjs <entry.ts> [arguments]\n");
  process.exit(2);
}
// The program reads its arguments from process.argv[2] on, as it would under tsx.
process.argv.splice(2, 1);

const resolving = Symbol("resolving");
/**
 * Packages outside the workspace stay external, imported by absolute URL (a data: module has no folder to resolve
 * from).
 */
const installedPackages = {
  name: "installed-packages",
  setup(esbuild) {
    esbuild.onResolve({ filter: /^[^./]/ }, async (found) => {
      if (found.pluginData === resolving || found.path.startsWith("@deskrota/")) return undefined;
      if (isBuiltin(found.path)) return { path: found.path, external: true };
      const target = await esbuild.resolve(found.path, {
        kind: found.kind,
        resolveDir: found.resolveDir,
        importer: found.importer,
        pluginData: resolving,
      });
      if (target.errors.length > 0) return { errors: target.errors };
      return { path: pathToFileURL(target.path).href, external: true };
    });
  },
};
/** `import.meta.url` keeps naming the source file it is written in (the engine finds its worker script by it). */
const ownUrl = {
  name: "own-url",
  setup(esbuild) {
    esbuild.onLoad({ filter: /\.ts$/ }, async (file) => {
      const source = await readFile(file.path, "utf8");
      return {
        contents: source.replaceAll("import.meta.url", JSON.stringify(pathToFileURL(file.path).href)),
        loader: "ts",
      };
    });
  },
};

const OUT = "/launch";
const result = await build({
  entryPoints: [resolve(entry)],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  write: false,
  logLevel: "error",
  // A dynamic import() stays lazy: its module (and the packages only it needs, e.g. the CLI's
  // `@deskrota/api` with pg-boss and pino) becomes a chunk of its own, loaded when it is called.
  splitting: true,
  outdir: OUT,
  metafile: true,
  // Resolve packages the way Node does: no "module" condition, only "main".
  conditions: [],
  mainFields: ["main"],
  plugins: [installedPackages, ownUrl],
});

// Each chunk becomes a data: URL with the chunks it imports replaced by theirs (leaves first), so
// nothing is written to disk and each chunk is one module however many chunks import it.
const outputs = new Map(result.outputFiles.map((file) => [file.path, file.text]));
const urls = new Map();
function urlOf(path, seen = new Set()) {
  const known = urls.get(path);
  if (known) return known;
  if (seen.has(path)) throw new Error(`launch: chunks import each other in a cycle at ${path}`);
  seen.add(path);
  let text = outputs.get(path) ?? "";
  for (const other of outputs.keys()) {
    const name = `./${other.slice(OUT.length + 1)}`;
    if (other !== path && text.includes(`"${name}"`))
      text = text.replaceAll(`"${name}"`, JSON.stringify(urlOf(other, seen)));
  }
  const url = `data:text/javascript;base64,${Buffer.from(text).toString("base64")}`;
  urls.set(path, url);
  return url;
}
const main = Object.entries(result.metafile.outputs).find(([, output]) => output.entryPoint)?.[0];
await import(urlOf(resolve(main ?? "")));
