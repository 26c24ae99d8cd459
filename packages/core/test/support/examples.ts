import { readFileSync } from "node:fs";
import { parseProblem } from "../../src/model/parse";
import type { Problem } from "../../src/model/problem";

/** One of the bundled examples (docs/examples), parsed. */
export function example(name: string): Problem {
  const parsed = parseProblem(
    JSON.parse(readFileSync(new URL(`../../../../docs/examples/${name}.json`, import.meta.url), "utf8")),
  );
  if (!parsed.ok) throw new Error(`${name} is not a valid problem: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
  return parsed.value;
}
