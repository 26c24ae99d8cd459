import { z } from "zod";
import { Person, Rules, Site, SolverOptions } from "../model/problem";
import { checkProblemSemantics } from "../model/semantics";
import { TimeZone } from "../model/primitives";
import { Weights } from "../model/weights";

/** A person of the standing data: the problem's person without dated absences (those are entries). */
export const SetupPerson = Person.omit({ absences: true });
export type SetupPerson = z.infer<typeof SetupPerson>;

export const DEFAULT_SHADOWING_HOURS = 6;

/** When shadowing hours make a person a candidate for independent work (hours, per point id). */
export const TrainingPolicy = z.strictObject({
  shadowingHoursToIndependent: z.number().positive().optional(),
  byPoint: z.record(z.string(), z.number().positive()).optional(),
});
export type TrainingPolicy = z.infer<typeof TrainingPolicy>;

const SetupShape = z.strictObject({
  version: z.literal(1, { message: "this engine reads format version 1" }),
  timeZone: TimeZone,
  slotMinutes: z.union([z.literal(15), z.literal(30), z.literal(60)], { message: "must be 15, 30 or 60" }),
  sites: z.array(Site).min(1, { message: "a setup needs at least one site" }),
  people: z.array(SetupPerson),
  rules: Rules.optional(),
  weights: Weights.optional(),
  solver: SolverOptions.optional(),
  training: TrainingPolicy.optional(),
});

/**
 * The standing data (docs/setup.md): the v1 problem without `weekStart`, `pinned` and dated
 * absences, plus the training policy. The problem's semantic checks apply unchanged; the policy's
 * points must exist.
 */
export const Setup = SetupShape.superRefine(
  (setup, ctx) => {
    for (const issue of checkProblemSemantics(setup)) {
      ctx.addIssue({ code: "custom", path: issue.path, message: issue.message, params: { code: issue.code } });
    }
    const points = new Set(
      (Array.isArray(setup?.sites) ? setup.sites : []).flatMap((s) =>
        Array.isArray(s?.servicePoints) ? s.servicePoints.map((p) => p?.id) : [],
      ),
    );
    for (const key of Object.keys(setup?.training?.byPoint ?? {})) {
      if (!points.has(key)) {
        ctx.addIssue({
          code: "custom",
          path: ["training", "byPoint", key],
          message: `there is no service point ${key}`,
          params: { code: "unknown_reference" },
        });
      }
    }
  },
  { when: () => true },
);
export type Setup = z.infer<typeof SetupShape>;

/** Hours of shadowing at `point` after which a person is proposed as ready to work there alone. */
export function shadowingThreshold(setup: Pick<Setup, "training">, point: string): number {
  return setup.training?.byPoint?.[point] ?? setup.training?.shadowingHoursToIndependent ?? DEFAULT_SHADOWING_HOURS;
}
