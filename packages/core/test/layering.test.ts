import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * Who may import whom (docs/architecture.md, "Layers"). Each rule names the files it governs and
 * what they may not import; a broken rule fails with the file, the import and the rule's reason.
 */
interface Layer {
  files: RegExp;
  forbidden: RegExp;
  why: string;
}

const LAYERS: Layer[] = [
  {
    files: /^packages\/core\/src\//,
    forbidden: /^(@deskrota\/|node:|(fs|path|os|child_process|worker_threads|url|crypto)$)|^services\//,
    why: "the core is pure: no service, no other workspace package, no I/O",
  },
  {
    files: /^packages\/core\/src\/(check|rules|model|time|compile)\//,
    forbidden: /^packages\/core\/src\/solve(\/|$)/,
    why: "the checker, the rules and what they stand on judge a rota without the search",
  },
  {
    files: /^packages\/core\/src\/(model|time)\//,
    forbidden: /^packages\/core\/src\/(check|rules|compile)(\/|$)/,
    why: "schemas and time are the bottom layer",
  },
  {
    files: /^packages\/(core|engine|sheets)\//,
    forbidden: /^(@deskrota\/(api|cli|web)|services\/)/,
    why: "packages import no service",
  },
  {
    files: /^services\//,
    forbidden: /^(@deskrota\/\w+\/.+|packages\/|benchmarks\/)/,
    why: "services import only the packages' public entries (@deskrota/core, not @deskrota/core/internal)",
  },
];

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const SOURCE = /\.(ts|mts|mjs)$/;

/** Every import, export-from and import() specifier in a source text. */
function specifiers(text: string): string[] {
  const found: string[] = [];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)["']([^"']+)["']/gm;
  for (const match of text.matchAll(pattern)) if (match[1]) found.push(match[1]);
  return found;
}

/** A relative specifier as a path from the repository root; a package name as it is. */
function target(file: string, specifier: string): string {
  return specifier.startsWith(".") ? relative(ROOT, resolve(ROOT, dirname(file), specifier)) : specifier;
}

/** "file imports x (why)" for each import that breaks a layer. */
function offences(files: { path: string; text: string }[], layers: readonly Layer[] = LAYERS): string[] {
  const out: string[] = [];
  for (const { path, text } of files)
    for (const layer of layers) {
      if (!layer.files.test(path)) continue;
      for (const specifier of specifiers(text))
        if (layer.forbidden.test(target(path, specifier))) out.push(`${path} imports ${specifier} (${layer.why})`);
    }
  return out;
}

function sources(dir: string): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  if (!existsSync(join(ROOT, dir))) return out;
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules") out.push(...sources(path));
    } else if (SOURCE.test(entry.name) && !entry.name.endsWith(".test.ts"))
      out.push({ path, text: readFileSync(join(ROOT, path), "utf8") });
  }
  return out;
}

describe("layering", () => {
  it("holds over the tree: every import is one its layer allows", () => {
    const files = ["packages", "services"].flatMap((dir) =>
      readdirSync(join(ROOT, dir)).flatMap((name) => sources(join(dir, name, "src"))),
    );
    expect(files.length).toBeGreaterThan(100);
    expect(offences(files)).toEqual([]);
  });

  it("names the file, the import and the rule when one is broken", () => {
    const files = [
      { path: "packages/core/src/rules/rest.ts", text: 'import type { Instance } from "../solve/search/state";' },
      { path: "packages/core/src/check/index.ts", text: 'import { readFileSync } from "node:fs";' },
      { path: "services/cli/src/main.ts", text: 'const api = await import("@deskrota/core/internal");' },
      { path: "packages/engine/src/run.ts", text: 'export { runWorker } from "@deskrota/api";' },
      { path: "packages/core/src/model/rota.ts", text: 'import { RULES } from "../rules";' },
    ];
    expect(offences(files)).toEqual([
      "packages/core/src/rules/rest.ts imports ../solve/search/state " +
        "(the checker, the rules and what they stand on judge a rota without the search)",
      "packages/core/src/check/index.ts imports node:fs " +
        "(the core is pure: no service, no other workspace package, no I/O)",
      "services/cli/src/main.ts imports @deskrota/core/internal " +
        "(services import only the packages' public entries (@deskrota/core, not @deskrota/core/internal))",
      "packages/engine/src/run.ts imports @deskrota/api (packages import no service)",
      "packages/core/src/model/rota.ts imports ../rules (schemas and time are the bottom layer)",
    ]);
  });
});
