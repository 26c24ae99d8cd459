export { Setup, SetupPerson, TrainingPolicy, DEFAULT_SHADOWING_HOURS, shadowingThreshold } from "./schema";
export { parseSetup } from "./parse";
export { DatedEntry, AbsenceEntry, AvailabilityEntry, checkEntries, parseEntries } from "./entries";
export { buildWeekProblem, setupFromProblem } from "./week";
export type { WeekRequest } from "./week";
export {
  Carry,
  PersonCarry,
  EMPTY_CARRY,
  carryForward,
  applyCarry,
  confirmTraining,
  hoursBalance,
  fairBalance,
  unsocialBalance,
} from "./carry";
export { weekFacts, availableHours } from "./facts";
export type { PersonWeek } from "./facts";
export { termSummary, termWeeks, planTerm } from "./term";
export type { TermWeek, TermPerson, TermPersonWeek, TermSummary, PlanRequest, Plan } from "./term";
export { PEOPLE_COLUMNS } from "./sheet/columns";
export type { Column } from "./sheet/columns";
export { peopleToRows, rowsToPeople, diffPeople } from "./sheet/people";
export type { SheetIssue, PeopleDiff } from "./sheet/people";
export { setupChangeWords } from "./change-words";
export {
  bandInWords,
  coverChangeWords,
  dateInWords,
  dayShort,
  daysInWords,
  numbersInWords,
  weekHoursChangeWords,
  windowsInWords,
} from "./cover-words";
