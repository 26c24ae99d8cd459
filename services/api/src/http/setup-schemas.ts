import { Carry, DatedEntry, Setup } from "@deskrota/core";
import { z } from "zod";
import { MAX_VERSION } from "./schemas";

const ItemChanges = z.object({
  added: z.array(z.string()),
  changed: z.array(z.object({ id: z.string(), fields: z.array(z.string()) })),
  removed: z.array(z.string()),
});

export const SetupChanges = z
  .object({
    people: ItemChanges,
    sites: ItemChanges,
    settings: z.array(z.string()).describe("other top-level fields changed: slotMinutes, rules, weights, training…"),
    words: z
      .array(z.string())
      .describe("the change in plain words with the setup's names, one sentence per site, person or setting"),
  })
  .meta({ id: "SetupChanges", description: "what a revision changed against the one before" });

export const RevisionSummary = z
  .object({
    revision: z.number().int(),
    kind: z.enum(["put", "person", "site", "import", "training", "restore"]).describe("what made the revision"),
    changes: SetupChanges,
    note: z.string().nullable(),
    author: z.string().describe("the organisation whose token made the change"),
    createdAt: z.string(),
  })
  .meta({ id: "SetupRevisionSummary" });

export const SetupView = RevisionSummary.extend({ setup: Setup }).meta({ id: "SetupRevision" });

export const NoteQuery = z.object({
  note: z.string().max(2000).optional().describe("why: kept with the revision in the setup's history"),
});

export const RevisionQuery = z.object({
  revision: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_VERSION)
    .optional()
    .describe("an earlier revision (default: the newest)"),
});

export const RevisionParams = z.object({ revision: z.coerce.number().int().min(1).max(MAX_VERSION) });

// Any id is accepted in a path: one the setup does not have is a 404, not a 400.
export const ItemParams = z.object({ id: z.string().min(1).max(100) });

export const IsoWeek = z.iso.date({ error: "must be an ISO date YYYY-MM-DD" });

export const EntryView = z
  .object({
    id: z.string(),
    kind: z.enum(["absence", "availability"]),
    person: z.string(),
    entry: DatedEntry,
    planId: z.string().nullable().describe("the plan whose request brought the entry"),
    createdBy: z.string(),
    createdAt: z.string(),
    removedBy: z.string().nullable(),
    removedAt: z.string().nullable().describe("removed entries are kept: the removal is the undo, on record"),
  })
  .meta({ id: "DatedEntryRecord" });

const Window = z.tuple([z.string(), z.string()]);

/** A new entry: the core's dated entry without its id (the server gives it one). */
export const NewAbsence = z.strictObject({
  kind: z.literal("absence"),
  person: z.string(),
  from: z.string(),
  to: z.string(),
  reason: z.string().optional(),
});
export const NewAvailability = z.strictObject({
  kind: z.literal("availability"),
  person: z.string(),
  date: z.string(),
  available: z.array(Window),
  note: z.string().optional(),
});
export const NewEntry = z
  .discriminatedUnion("kind", [NewAbsence, NewAvailability])
  .meta({ id: "NewDatedEntry", description: "an absence (from/to, local) or an availability exception (a date)" });
export type NewEntry = z.infer<typeof NewEntry>;

export const EntriesBody = z.object({ entries: z.array(NewEntry).min(1).max(1000) });

export const EntryQuery = z.object({
  week: IsoWeek.optional().describe("only entries touching the week starting on this Monday"),
  person: z.string().min(1).optional(),
  removed: z.stringbool().optional().describe("removed entries too"),
});

export const CarryView = Carry.meta({ id: "Carry" });
