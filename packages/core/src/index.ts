export { Problem, Person, Site, ServicePoint, CoverBand, Pin, Absence, Preference, TrainingState } from "./model/problem";
export { Rota, RotaInput, Assignment, Uncovered, Score, PersonSummary, SolverReport, SolveStatus, GAP_RULES, GAP_CAUSES } from "./model/rota";
export type { GapRule, GapCause } from "./model/rota";
export { DEFAULT_WEIGHTS, resolveWeights } from "./model/weights";
export type { WeightName, WeightTable } from "./model/weights";
export { parseProblem, toIssues } from "./model/parse";
export type { Issue, Parsed } from "./model/parse";
export { siteSlots, formatInstant, parseDated, localInstant, weekDates } from "./time/week";
export type { Slot } from "./time/week";
