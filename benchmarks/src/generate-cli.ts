import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { parseProblem } from "@deskrota/core/internal";
import { generate } from "./generate";

/** `generate --sites 3 --people 60 --seed 1 [--dst fall|spring] [--out FILE]`: one problem as JSON. */
const { values } = parseArgs({
  options: {
    sites: { type: "string", default: "3" },
    people: { type: "string", default: "60" },
    seed: { type: "string", default: "1" },
    dst: { type: "string", default: "none" },
    out: { type: "string" },
  },
});
const dst = values.dst;
if (dst !== "none" && dst !== "fall" && dst !== "spring") {
  process.stderr.write("--dst must be none, fall or spring\n");
  process.exit(2);
}
const problem = generate({
  sites: Number(values.sites),
  people: Number(values.people),
  seed: Number(values.seed),
  dst,
});
// The generator's contract is a valid v1 problem: refuse to print one that is not.
const parsed = parseProblem(problem);
if (!parsed.ok) {
  process.stderr.write(
    `generated an invalid problem:\n${parsed.issues.map((i) => `  ${i.path}: ${i.message}`).join("\n")}\n`,
  );
  process.exit(1);
}
const text = `${JSON.stringify(problem, null, 1)}\n`;
if (values.out) writeFileSync(values.out, text);
else process.stdout.write(text);
