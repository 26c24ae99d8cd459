import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/** index.html, the stylesheet and the icon: served as they are. */
export const PUBLIC_DIR = fileURLToPath(new URL("../public/", import.meta.url));

const ENTRY = fileURLToPath(new URL("./client/main.ts", import.meta.url));

let bundle: Promise<string> | undefined;

/**
 * The page's script: the client modules bundled into one ES module, in memory. Built once per
 * process on first use (tens of milliseconds), so `pnpm start` needs no build step and nothing
 * built is ever committed or left stale on disk.
 */
export function clientScript(): Promise<string> {
  bundle ??= build({
    entryPoints: [ENTRY],
    bundle: true,
    format: "esm",
    target: "es2022",
    minify: true,
    write: false,
    logLevel: "silent",
  }).then((result) => {
    const file = result.outputFiles[0];
    if (!file) throw new Error("esbuild produced no output for the page's script");
    return file.text;
  });
  return bundle;
}
