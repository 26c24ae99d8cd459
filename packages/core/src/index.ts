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
export { DEFAULT_WEIGHTS, resolveWeights } from "./model/weights";
export type { WeightName, WeightTable } from "./model/weights";
export { parseProblem, toIssues } from "./model/parse";
export type { Issue, Parsed } from "./model/parse";
export { siteSlots, formatInstant, parseDated, localInstant, weekDates } from "./time/week";
export type { Slot } from "./time/week";
export { check, scoreRota } from "./check";
export { metrics } from "./metrics";
export type { RotaMetrics } from "./metrics";
export type { CheckReport } from "./check";
export type { Violation } from "./rules/rule";
export { RULES, HARD_RULES, GAP_RULES, SOFT_GOALS } from "./rules";
export { solve, lowerBound, DEFAULT_TIME_LIMIT_MS } from "./solve/solve";
export { gapOf, certificateOf } from "./solve/certificate";
export type { SolveOptions, Progress } from "./solve/solve";
export { DeskrotaInputError, DeskrotaInternalError, DeskrotaTimeoutError } from "./solve/errors";
export { highsBackend } from "./solve/backends/highs";
export type { MilpBackend, BackendOptions, BackendResult } from "./solve/backends/backend";
export { Milp, verifySolution } from "./solve/milp";
export { jslpBackend } from "./solve/backends/jslp";
export { compile } from "./solve/instance";
export type { Instance } from "./solve/instance";
export { buildModel } from "./solve/model";
export type { ModelContext } from "./solve/model";
export { SearchState } from "./solve/search/state";
export { Change, parseChange, applyChange, isEmptyChange } from "./model/change";
export { changeIssues } from "./model/change-checks";
export { springForwardGap } from "./model/semantics";
export { diff } from "./diff";
export type { Diff, PersonDiff, StintRef } from "./diff";
export { resolve, DEFAULT_RESOLVE_MS } from "./solve/resolve";
export type { ResolveOptions, ResolveResult } from "./solve/resolve";
export { swapCandidates, applySwap } from "./solve/swaps";
export type { GapQuery, SwapCandidate, SwapReport, Unable } from "./solve/swaps";
export { alternatives, PROFILES, profileWeights } from "./solve/alternatives";
export type { Alternative, AlternativesOptions, Profile } from "./solve/alternatives";
export { compare } from "./compare";
export type { Comparison, ComparedRota } from "./compare";
export { exactOrBound, EXACT_MAX_PERSON_SLOTS } from "./solve/exact";
export type { ExactResult, ExactOptions } from "./solve/exact";
export { lagrangeBound } from "./solve/lagrange";
