export { solve } from "./solve";
export type { SolveOptions, SolveProgress } from "./solve";
export { highs } from "./highs";
export { runInWorker } from "./run";
