// The public entry: what a service needs to read a problem, solve, repair and judge a rota, and
// say what happened. The solver's machinery is in "@deskrota/core/internal", for the engine and the
// benchmarks only (a layering test keeps services on this entry).
export {
  Problem,
  Person,
  Site,
  ServicePoint,
  CoverBand,
  Pin,
  Absence,
  Preference,
  TrainingState,
  SolverOptions,
} from "./model/problem";
export {
  Rota,
  RotaInput,
  Assignment,
  Uncovered,
  Score,
  PersonSummary,
  SolverReport,
  SolveStatus,
  GAP_RULE_IDS,
  GAP_CAUSES,
} from "./model/rota";
export type { GapRule, GapCause } from "./model/rota";
export { resolveWeights } from "./model/weights";
export type { WeightName, WeightTable } from "./model/weights";
export { parseProblem, toIssues } from "./model/parse";
export type { Issue, Parsed } from "./model/parse";
export { check, scoreRota } from "./check";
export type { CheckReport } from "./check";
export type { Violation } from "./rules/rule";
export { metrics } from "./metrics";
export type { RotaMetrics } from "./metrics";
export { solve, gapOf } from "./solve/solve";
export type { SolveOptions, Progress } from "./solve/solve";
export { DeskrotaInputError, DeskrotaInternalError, DeskrotaTimeoutError } from "./solve/errors";
export { Change, parseChange, applyChange, isEmptyChange } from "./model/change";
export { diff } from "./diff";
export type { Diff, PersonDiff, StintRef } from "./diff";
export { resolve } from "./solve/resolve";
export type { ResolveOptions, ResolveResult } from "./solve/resolve";
export { swapCandidates, applySwap } from "./solve/swaps";
export type { GapQuery, SwapCandidate, SwapReport, Unable } from "./solve/swaps";
export { alternatives, PROFILES, profileWeights } from "./solve/alternatives";
export type { Alternative, AlternativesOptions, Profile } from "./solve/alternatives";
export { compare } from "./compare";
export type { Comparison, ComparedRota } from "./compare";
export * from "./setup";
// A local date-time in a zone, as every dated field of the problem and the setup reads it.
export { parseDated } from "./time/week";
