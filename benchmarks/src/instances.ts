import { readFileSync } from "node:fs";
import { parseProblem, type Problem } from "@deskrota/core/internal";
import { generate, type GenerateOptions } from "./generate";

/** How a child process finds its problem: by name or by generator settings, never by value. */
export type InstanceRef = { kind: "example"; name: string } | ({ kind: "generated" } & Required<GenerateOptions>);

export interface BenchInstance {
  id: string;
  ref: InstanceRef;
  sites: number;
  people: number;
  note: string;
}

const EXAMPLES = new URL("../../docs/examples/", import.meta.url);

export const EXAMPLE_INSTANCES: BenchInstance[] = [
  { id: "small-campus", ref: { kind: "example", name: "small-campus" }, sites: 1, people: 10, note: "example" },
  { id: "typical-week", ref: { kind: "example", name: "typical-week" }, sites: 3, people: 60, note: "example" },
  {
    id: "dst-week",
    ref: { kind: "example", name: "dst-week" },
    sites: 1,
    people: 40,
    note: "example, 24 h site, fall-back week",
  },
  { id: "large-system", ref: { kind: "example", name: "large-system" }, sites: 10, people: 300, note: "example" },
];

/** The scaling series: seed 1; two of them in a week with a clock change. */
export const GENERATED_INSTANCES: BenchInstance[] = (
  [
    [1, 10, "none"],
    [3, 60, "none"],
    [5, 120, "spring"],
    [10, 300, "none"],
    [20, 600, "fall"],
  ] as const
).map(([sites, people, dst]) => ({
  id: `gen-${sites}x${people}`,
  ref: { kind: "generated", sites, people, seed: 1, dst },
  sites,
  people,
  note: dst === "none" ? "generated" : `generated, ${dst === "fall" ? "fall-back" : "spring-forward"} week, 24 h site`,
}));

export function loadProblem(ref: InstanceRef): Problem {
  const input: unknown =
    ref.kind === "example" ? JSON.parse(readFileSync(new URL(`${ref.name}.json`, EXAMPLES), "utf8")) : generate(ref);
  const parsed = parseProblem(input);
  if (!parsed.ok)
    throw new Error(`invalid benchmark problem: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`);
  return parsed.value;
}
