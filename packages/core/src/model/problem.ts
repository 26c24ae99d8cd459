import { z } from "zod";
import { DateTimeText, Day, Id, IsoDate, LocalTime, TimeZone, WeekHours, Window } from "./primitives";
import { Weights } from "./weights";
import { checkProblemSemantics } from "./semantics";

export const TrainingState = z.enum(["none", "shadowing", "independent"]);
export type TrainingState = z.infer<typeof TrainingState>;

export const CoverBand = z
  .strictObject({
    days: z.array(Day).min(1, { message: "name at least one day" }),
    from: LocalTime,
    to: LocalTime,
    min: z.number().int().min(0),
    target: z.number().int().min(0).optional(),
    max: z.number().int().min(0).optional(),
  })
  .superRefine((band, ctx) => {
    if (band.target !== undefined && band.target < band.min) {
      ctx.addIssue({ code: "custom", path: ["target"], message: `target ${band.target} is below min ${band.min}` });
    }
    const floor = Math.max(band.min, band.target ?? 0);
    if (band.max !== undefined && band.max < floor) {
      ctx.addIssue({ code: "custom", path: ["max"], message: `max ${band.max} is below min/target ${floor}` });
    }
  });
export type CoverBand = z.infer<typeof CoverBand>;

export const ServicePoint = z.strictObject({
  id: Id,
  name: z.string(),
  kind: z.string().min(1),
  maxStintMinutes: z.number().int().positive().optional(),
  cover: z.array(CoverBand),
});
export type ServicePoint = z.infer<typeof ServicePoint>;

export const SiteException = z.strictObject({
  date: IsoDate,
  open: z.array(Window),
  note: z.string().optional(),
});

export const Site = z.strictObject({
  id: Id,
  name: z.string(),
  timeZone: TimeZone.optional(),
  open: WeekHours,
  exceptions: z.array(SiteException).optional(),
  servicePoints: z.array(ServicePoint).min(1, { message: "a site needs at least one service point" }),
});
export type Site = z.infer<typeof Site>;

export const Hours = z
  .strictObject({
    target: z.number().min(0),
    min: z.number().min(0).optional(),
    max: z.number().min(0).optional(),
    maxPerDay: z.number().positive().optional(),
  })
  .superRefine((h, ctx) => {
    if (h.max !== undefined && h.max < h.target) {
      ctx.addIssue({ code: "custom", path: ["max"], message: `max ${h.max} h is below target ${h.target} h` });
    }
    if (h.min !== undefined && h.min > h.target) {
      ctx.addIssue({ code: "custom", path: ["min"], message: `min ${h.min} h is above target ${h.target} h` });
    }
  });

export const ShiftLimits = z.strictObject({
  minMinutes: z.number().int().positive().optional(),
  maxPerDay: z.number().int().positive().optional(),
});

export const Absence = z.strictObject({
  from: DateTimeText,
  to: DateTimeText,
  reason: z.string().optional(),
});
export type Absence = z.infer<typeof Absence>;

export const Preference = z.strictObject({
  days: z.array(Day).min(1, { message: "name at least one day" }),
  from: LocalTime,
  to: LocalTime,
  weight: z.number().refine((w) => w !== 0 && Math.abs(w) <= 10, {
    message: "must be non-zero, from -10 (would rather not) to 10 (wants)",
  }),
});
export type Preference = z.infer<typeof Preference>;

export const Person = z.strictObject({
  id: Id,
  name: z.string(),
  role: z.enum(["staff", "student"]),
  sites: z.array(Id).min(1, { message: "a person works at one site or more" }),
  hours: Hours,
  shifts: ShiftLimits.optional(),
  training: z.record(z.string(), TrainingState).optional(),
  qualifications: z.array(z.string()).optional(),
  availability: WeekHours.optional(),
  absences: z.array(Absence).optional(),
  preferences: z.array(Preference).optional(),
  mentor: Id.optional(),
});
export type Person = z.infer<typeof Person>;

export const Pin = z.strictObject({
  person: Id,
  point: Id,
  start: DateTimeText,
  end: DateTimeText,
});
export type Pin = z.infer<typeof Pin>;

export const Rules = z.strictObject({
  minRestMinutes: z.number().int().min(0).optional(),
  studentAloneAllowed: z.boolean().optional(),
  eveningFrom: LocalTime.optional(),
});

export const SolverOptions = z.strictObject({
  timeLimitSeconds: z.number().positive().max(3600).optional(),
  backend: z.enum(["highs", "jslp"]).optional(),
  seed: z.number().int().min(0).optional(),
  workBudget: z.number().int().positive().optional(),
});

const ProblemShape = z.strictObject({
  version: z.literal(1, { message: "this engine reads format version 1" }),
  weekStart: IsoDate,
  timeZone: TimeZone,
  slotMinutes: z.union([z.literal(15), z.literal(30), z.literal(60)], { message: "must be 15, 30 or 60" }),
  sites: z.array(Site).min(1, { message: "a problem needs at least one site" }),
  people: z.array(Person),
  pinned: z.array(Pin).optional(),
  rules: Rules.optional(),
  weights: Weights.optional(),
  solver: SolverOptions.optional(),
});

/**
 * Format v1 (FORMAT.md): structure first, then every cross-reference and grid rule. The semantic
 * checks read their input defensively, so they run even after a field failed in a way zod treats
 * as aborting (a misspelt day, a wrong type): every problem is listed at once.
 */
export const Problem = ProblemShape.superRefine(
  (problem, ctx) => {
    for (const issue of checkProblemSemantics(problem)) {
      ctx.addIssue({ code: "custom", path: issue.path, message: issue.message, params: { code: issue.code } });
    }
  },
  { when: () => true },
);
export type Problem = z.infer<typeof ProblemShape>;
