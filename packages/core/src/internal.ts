// The engine's and the benchmarks' view of the core: the public entry and the machinery behind it
// (the compiled instance, the MILP and its backends, the search state, the bounds). Services use
// "@deskrota/core" only, so this can change with the solver.
export * from "./index";
export { RULES, HARD_RULES, GAP_RULES, SOFT_GOALS } from "./rules";
export { siteSlots, formatInstant, parseDated, localInstant, weekDates } from "./time/week";
export type { Slot } from "./time/week";
export { DEFAULT_WEIGHTS } from "./model/weights";
export { lowerBound, DEFAULT_TIME_LIMIT_MS } from "./solve/solve";
export { DEFAULT_RESOLVE_MS } from "./solve/resolve";
export { highsBackend, highsModel } from "./solve/backends/highs";
export { jslpBackend } from "./solve/backends/jslp";
export type { MilpBackend, BackendOptions, BackendResult } from "./solve/backends/backend";
export { Milp, verifySolution } from "./compile/milp";
export { compile } from "./compile/instance";
export type { Instance } from "./compile/instance";
export { buildModel } from "./compile/model";
export type { ModelContext } from "./compile/model";
export { SearchState } from "./solve/search/state";
export { dayOptions } from "./solve/search/dp";
export { DayPrices } from "./solve/search/day-prices";
export { exactOrBound, EXACT_MAX_PERSON_SLOTS } from "./solve/exact";
export type { ExactResult, ExactOptions } from "./solve/exact";
export { lagrangeBound } from "./solve/lagrange";
export { difference } from "./difference";
export { minimumChange, repairFigures } from "./solve/repair-exact";
export type { MinimumChange, MinimumChangeOptions } from "./solve/repair-exact";
export { fewestAlternativeChanges } from "./solve/alternative-exact";
export type { FewestAlternativeChanges } from "./solve/alternative-exact";
export type { GapLevels } from "./solve/search/gap-levels";
export { placementsOf } from "./compile/instance";
export { placementOf, assignmentsOf } from "./solve/decode";
export { search, bestPlacements } from "./solve/search/search";
export { loadPlacements } from "./solve/load";
