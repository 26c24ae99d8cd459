import type { Setup, SetupPerson } from "../schema";
import {
  readAvailability,
  readList,
  readNumber,
  readPreferences,
  readTraining,
  writeAvailability,
  writeNumber,
  writePreferences,
  writeTraining,
  CellError,
} from "./cells";

/** A person as the sheet's reader builds it, before the setup's checks. */
export type Draft = Omit<Partial<SetupPerson>, "hours"> & { hours?: Partial<SetupPerson["hours"]> };

export interface Column {
  header: string;
  required: boolean;
  /** the person's fields this column holds, as dotted paths of the setup (to place the setup's issues) */
  fields: string[];
  help: string;
  write(person: SetupPerson): string;
  /** sets what the cell says on the draft; a blank cell leaves the field unset */
  read(cell: string, draft: Draft, setup: Setup): void;
}

const text = (cell: string) => cell.trim();

function setHours(draft: Draft, key: "target" | "min" | "max" | "maxPerDay", cell: string) {
  const n = readNumber(cell);
  if (n !== undefined) draft.hours = { ...draft.hours, [key]: n };
}

function setShifts(draft: Draft, key: "minMinutes" | "maxPerDay", cell: string) {
  const n = readNumber(cell, true);
  if (n !== undefined) draft.shifts = { ...draft.shifts, [key]: n };
}

/** Training keys: a kind or a point id as written, else a point's name or a kind ignoring case and spacing. */
function trainingKey(setup: Setup, label: string): string {
  const points = setup.sites.flatMap((s) => s.servicePoints);
  const exact = new Set([...points.map((p) => p.id), ...points.map((p) => p.kind)]);
  if (exact.has(label)) return label;
  const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");
  const wanted = squash(label);
  const matches = new Set([
    ...points.filter((p) => squash(p.kind) === wanted).map((p) => p.kind),
    ...points.filter((p) => squash(p.id) === wanted || squash(p.name) === wanted).map((p) => p.id),
  ]);
  if (matches.size === 1) return [...matches][0] as string;
  if (matches.size > 1) throw new CellError(`"${label}" could be ${[...matches].join(" or ")}: write the point's id`);
  throw new CellError(`"${label}" is neither a service point nor a kind of point`);
}

/** Site ids as written, else a site's name ignoring case. */
function siteIds(setup: Setup, cell: string): string[] {
  return readList(cell).map((label) => {
    const site =
      setup.sites.find((s) => s.id === label) ??
      setup.sites.find(
        (s) => s.id.toLowerCase() === label.toLowerCase() || s.name.toLowerCase() === label.toLowerCase(),
      );
    if (!site) throw new CellError(`there is no site "${label}"`);
    return site.id;
  });
}

/** The documented people template (docs/setup.md), in column order. */
export const PEOPLE_COLUMNS: readonly Column[] = [
  {
    header: "ID",
    required: true,
    fields: ["id"],
    help: "unique, kept from export to import",
    write: (p) => p.id,
    read: (cell, d) => {
      d.id = text(cell);
    },
  },
  {
    header: "Name",
    required: true,
    fields: ["name"],
    help: "as shown on the rota",
    write: (p) => p.name,
    read: (cell, d) => {
      d.name = text(cell);
    },
  },
  {
    header: "Role",
    required: true,
    fields: ["role"],
    help: "staff or student",
    write: (p) => p.role,
    read: (cell, d) => {
      const role = text(cell).toLowerCase();
      if (role !== "staff" && role !== "student") throw new CellError(`"${text(cell)}" is not staff or student`);
      d.role = role;
    },
  },
  {
    header: "Sites",
    required: true,
    fields: ["sites"],
    help: "site ids or names, comma-separated",
    write: (p) => p.sites.join(", "),
    read: (cell, d, setup) => {
      d.sites = siteIds(setup, cell);
    },
  },
  {
    header: "Hours target",
    required: true,
    fields: ["hours.target", "hours"],
    help: "contracted hours per week",
    write: (p) => writeNumber(p.hours.target),
    read: (cell, d) => setHours(d, "target", cell),
  },
  {
    header: "Hours min",
    required: false,
    fields: ["hours.min"],
    help: "fewest hours per week (blank: none)",
    write: (p) => writeNumber(p.hours.min),
    read: (cell, d) => setHours(d, "min", cell),
  },
  {
    header: "Hours max",
    required: false,
    fields: ["hours.max"],
    help: "most hours per week (blank: none)",
    write: (p) => writeNumber(p.hours.max),
    read: (cell, d) => setHours(d, "max", cell),
  },
  {
    header: "Hours per day max",
    required: false,
    fields: ["hours.maxPerDay"],
    help: "most hours in a day (blank: none)",
    write: (p) => writeNumber(p.hours.maxPerDay),
    read: (cell, d) => setHours(d, "maxPerDay", cell),
  },
  {
    header: "Shift min minutes",
    required: false,
    fields: ["shifts.minMinutes", "shifts"],
    help: "shortest shift in minutes (blank: 120)",
    write: (p) => writeNumber(p.shifts?.minMinutes),
    read: (cell, d) => setShifts(d, "minMinutes", cell),
  },
  {
    header: "Shifts per day max",
    required: false,
    fields: ["shifts.maxPerDay"],
    help: "most shifts in a day (blank: 1)",
    write: (p) => writeNumber(p.shifts?.maxPerDay),
    read: (cell, d) => setShifts(d, "maxPerDay", cell),
  },
  {
    header: "Availability",
    required: false,
    fields: ["availability"],
    help: "Mon 09:00-17:00; Tue 12:00-20:00 (a day not named: not available)",
    write: (p) => writeAvailability(p.availability),
    read: (cell, d) => {
      if (text(cell)) d.availability = readAvailability(cell);
    },
  },
  {
    header: "Training",
    required: false,
    fields: ["training"],
    help: "Reception: independent; Help Desk: shadowing (by kind or point; not named: none)",
    write: (p) => writeTraining(p.training),
    read: (cell, d, setup) => {
      if (text(cell)) d.training = readTraining(cell, (label) => trainingKey(setup, label));
    },
  },
  {
    header: "Qualifications",
    required: false,
    fields: ["qualifications"],
    help: "lead, keyholder, first-aid, …",
    write: (p) => (p.qualifications ?? []).join(", "),
    read: (cell, d) => {
      if (text(cell)) d.qualifications = readList(cell);
    },
  },
  {
    header: "Preferences",
    required: false,
    fields: ["preferences"],
    help: "Fri 16:00-22:00 -2; Mon/Wed 09:00-12:00 +1 (+ wants, - would rather not, up to 10)",
    write: (p) => writePreferences(p.preferences),
    read: (cell, d) => {
      if (text(cell)) d.preferences = readPreferences(cell);
    },
  },
  {
    header: "Mentor",
    required: false,
    fields: ["mentor"],
    help: "the ID of a preferred shadowing partner",
    write: (p) => p.mentor ?? "",
    read: (cell, d) => {
      if (text(cell)) d.mentor = text(cell);
    },
  },
];
