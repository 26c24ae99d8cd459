export { solve } from "./solve";
export type { BoundProgress, SolveOptions, SolveProgress } from "./solve";
export { resolve, prepare, alternatives, swapCandidates, compare, analyse } from "./repair";
export type { ResolveOptions, AlternativesOptions, Prepared } from "./repair";
export { WorkerPool, defaultPool } from "./run";
export type { RunOptions, RunOutcome, TaskTiming } from "./run";
export { highs } from "./highs";
