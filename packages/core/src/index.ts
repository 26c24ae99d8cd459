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
  BoundKind,
  SolveStatus,
  GAP_RULE_IDS,
  GAP_CAUSES,
} from "./model/rota";
export type { GapRule, GapCause } from "./model/rota";
export { resolveWeights } from "./model/weights";
export type { WeightName, WeightTable } from "./model/weights";
export { parseProblem, toIssues } from "./model/parse";
export type { Issue, Parsed } from "./model/parse";
export { formatSpan } from "./time/span";
export { parseDated } from "./time/week";
export { check, scoreRota } from "./check";
export { analyse, explainScore } from "./analysis";
export {
  Analysis,
  Penalty,
  RuleScore,
  Violation,
  Diff,
  SwapReport,
  RotaMetrics,
  Comparison,
  RepairOption,
  RepairProof,
} from "./model/results";
export type { PersonDiff, StintRef, GapQuery, SwapCandidate, Unable, ComparedRota } from "./model/results";
export type { CheckReport } from "./check";
export { metrics } from "./metrics";
export { solve } from "./solve/solve";
export { gapOf, certificateOf } from "./solve/certificate";
export type { SolveOptions, Progress } from "./solve/solve";
export { DeskrotaInputError, DeskrotaInternalError, DeskrotaTimeoutError } from "./solve/errors";
export { Change, parseChange, applyChange, isEmptyChange } from "./model/change";
export { changeIssues } from "./model/change-checks";
export { springForwardGap } from "./model/semantics";
export { diff } from "./diff";
export { resolve } from "./solve/resolve";
export type { ResolveOptions, ResolveResult } from "./solve/resolve";
export type { RepairOptionId } from "./solve/repair-options";
export { swapCandidates, applySwap } from "./solve/swaps";
export { alternatives, PROFILES, profileWeights } from "./solve/alternatives";
export type {
  Alternative,
  AlternativesOptions,
  AlternativesResult,
  DroppedAlternative,
  Profile,
} from "./solve/alternatives";
export { compare } from "./compare";
export * from "./setup";
export { Edit, parseEdit, applyEdit } from "./edit";
export type { EditOutcome, Broken, SoftCost } from "./edit";
