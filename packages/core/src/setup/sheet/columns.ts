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
  /** the cell's text; `setup` (its sites) lets a cell name points and kinds as people read them */
  write(person: SetupPerson, setup?: Pick<Setup, "sites">): string;
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

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");

/** A kind's readable name: the name every point of that kind shares (Help Desk for helpdesk), else none. */
function kindName(setup: Pick<Setup, "sites">, kind: string): string | undefined {
  const names = new Set(setup.sites.flatMap((s) => s.servicePoints.filter((p) => p.kind === kind).map((p) => p.name)));
  return names.size === 1 ? [...names][0] : undefined;
}

/**
 * Training keys: a kind or a point id as written; else, ignoring case and spacing, a kind or its
 * readable name (a kind before the points that bear its name), else a point's id or name.
 */
function trainingKey(setup: Pick<Setup, "sites">, label: string): string {
  const points = setup.sites.flatMap((s) => s.servicePoints);
  const kinds = [...new Set(points.map((p) => p.kind))];
  if (points.some((p) => p.id === label) || kinds.includes(label)) return label;
  const wanted = squash(label);
  const byKind = kinds.filter((k) => squash(k) === wanted || squash(kindName(setup, k) ?? "") === wanted);
  if (byKind.length === 1) return byKind[0] as string;
  const matches = new Set([
    ...byKind,
    ...points.filter((p) => squash(p.id) === wanted || squash(p.name) === wanted).map((p) => p.id),
  ]);
  if (matches.size === 1) return [...matches][0] as string;
  if (matches.size > 1) throw new CellError(`"${label}" could be ${[...matches].join(" or ")}: write the point's id`);
  throw new CellError(`"${label}" is neither a service point nor a kind of point`);
}

/**
 * How the sheet names a training key: a kind by its readable name, a point by its name, when that
 * name reads back as the same key; else the key itself (the round trip changes nothing).
 */
function trainingLabel(setup: Pick<Setup, "sites"> | undefined, key: string): string {
  if (!setup) return key;
  const point = setup.sites.flatMap((s) => s.servicePoints).find((p) => p.id === key);
  const name = point ? point.name : kindName(setup, key);
  if (name === undefined || name === "" || /[:;=\n]/.test(name) || name.trim() !== name) return key;
  try {
    return trainingKey(setup, name) === key ? name : key;
  } catch {
    return key;
  }
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
    write: (p, setup) => writeTraining(p.training, (key) => trainingLabel(setup, key)),
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
