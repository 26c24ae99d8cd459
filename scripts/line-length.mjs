// Source lines of at most 120 characters (biome's formatter wraps code there, but not strings or
// comments): prints each longer line as file:line and fails, so `pnpm lint` and CI catch them.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const LIMIT = 120;
const SOURCE = /\.(ts|mts|mjs|js|css|html)$/;
// Written by a generator (openapi-typescript), checked by a test against what it would write now.
const GENERATED = /(^|\/)openapi\.d\.ts$/;
const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], { encoding: "utf8" })
  .split("\n")
  .filter((file) => SOURCE.test(file) && !file.startsWith("benchmarks/results/") && !GENERATED.test(file));
const long = [];
for (const file of files) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    continue; // listed by git but deleted in the working tree
  }
  text.split("\n").forEach((line, i) => {
    // Characters, not UTF-16 units: "–" and "λ" count once, as the formatter counts them.
    const length = [...line].length;
    if (length > LIMIT) long.push(`${file}:${i + 1}: ${length} characters`);
  });
}
if (long.length > 0) {
  process.stderr.write(`Lines longer than ${LIMIT} characters (wrap the string or comment):\n${long.join("\n")}\n`);
  process.exit(1);
}
