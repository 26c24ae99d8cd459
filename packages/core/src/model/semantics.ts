import { DateTime } from "luxon";
import { DAYS, minutesOf } from "./primitives";

/** An input problem that is not acceptable: where it is, a stable code, and words for the coordinator. */
export interface InputIssue {
  code: string;
  path: (string | number)[];
  message: string;
}

type Loose = Record<string, unknown>;

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const asObject = (v: unknown): Loose => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Loose) : {});
const isTime = (v: unknown): v is string => typeof v === "string" && /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/.test(v);

/**
 * The rules of FORMAT.md that one field cannot check alone: ids that must exist and be unique,
 * the slot grid, a Monday week start, dated intervals. It runs even when some fields failed their
 * own checks (so that every problem is listed at once), hence it reads its input defensively.
 */
export function checkProblemSemantics(input: unknown): InputIssue[] {
  const problem = asObject(input);
  const issues: InputIssue[] = [];
  const add = (code: string, path: (string | number)[], message: string) => issues.push({ code, path, message });
  const slot =
    typeof problem.slotMinutes === "number" && [15, 30, 60].includes(problem.slotMinutes)
      ? problem.slotMinutes
      : undefined;
  const zone = typeof problem.timeZone === "string" ? problem.timeZone : "UTC";

  const week = typeof problem.weekStart === "string" ? DateTime.fromISO(problem.weekStart, { zone: "UTC" }) : undefined;
  if (week?.isValid && week.weekday !== 1) {
    add(
      "not_monday",
      ["weekStart"],
      `${problem.weekStart} is a ${week.toFormat("cccc")}; the week must start on a Monday`,
    );
  }

  const onGrid = (time: unknown, path: (string | number)[]) => {
    if (slot !== undefined && isTime(time) && minutesOf(time) % slot !== 0) {
      add("off_grid", path, `${time} is not on the ${slot}-minute slot grid`);
    }
  };
  const windowsOnGrid = (windows: unknown, path: (string | number)[]) => {
    asArray(windows).forEach((w, i) => {
      asArray(w).forEach((t, j) => {
        onGrid(t, [...path, i, j]);
      });
    });
  };
  const weekOnGrid = (hours: unknown, path: (string | number)[]) => {
    for (const day of DAYS) windowsOnGrid(asObject(hours)[day], [...path, day]);
  };

  const siteIds = new Map<string, number>();
  const pointSite = new Map<string, string>();
  const kinds = new Set<string>();
  asArray(problem.sites).forEach((siteValue, s) => {
    const site = asObject(siteValue);
    unique(site.id, siteIds, s, ["sites", s, "id"], "site", add);
    weekOnGrid(site.open, ["sites", s, "open"]);
    const dates = new Set<string>();
    asArray(site.exceptions).forEach((exValue, e) => {
      const ex = asObject(exValue);
      windowsOnGrid(ex.open, ["sites", s, "exceptions", e, "open"]);
      if (typeof ex.date === "string") {
        if (dates.has(ex.date))
          add("duplicate_date", ["sites", s, "exceptions", e, "date"], `${ex.date} has two exceptions`);
        dates.add(ex.date);
      }
    });
    asArray(site.servicePoints).forEach((pointValue, k) => {
      const point = asObject(pointValue);
      if (typeof point.id === "string") {
        if (pointSite.has(point.id))
          add("duplicate_id", ["sites", s, "servicePoints", k, "id"], `service point id ${point.id} is used twice`);
        else pointSite.set(point.id, String(site.id));
      }
      if (typeof point.kind === "string") kinds.add(point.kind);
      if (slot !== undefined && typeof point.maxStintMinutes === "number" && point.maxStintMinutes < slot) {
        add(
          "off_grid",
          ["sites", s, "servicePoints", k, "maxStintMinutes"],
          `a stint limit of ${point.maxStintMinutes} min is shorter than one ${slot}-minute slot`,
        );
      }
      asArray(point.cover).forEach((bandValue, b) => {
        const band = asObject(bandValue);
        const path = ["sites", s, "servicePoints", k, "cover", b];
        onGrid(band.from, [...path, "from"]);
        onGrid(band.to, [...path, "to"]);
        if (isTime(band.from) && isTime(band.to) && minutesOf(band.from) >= minutesOf(band.to)) {
          add("bad_interval", [...path, "to"], `the band must start before it ends (${band.from}–${band.to})`);
        }
      });
    });
  });

  const personIds = new Map<string, number>();
  asArray(problem.people).forEach((personValue, p) => {
    unique(asObject(personValue).id, personIds, p, ["people", p, "id"], "person", add);
  });

  asArray(problem.people).forEach((personValue, p) => {
    const person = asObject(personValue);
    const path = ["people", p];
    asArray(person.sites).forEach((site, i) => {
      if (typeof site === "string" && !siteIds.has(site))
        add("unknown_reference", [...path, "sites", i], `there is no site ${site}`);
    });
    if (typeof person.mentor === "string") {
      if (!personIds.has(person.mentor))
        add("unknown_reference", [...path, "mentor"], `there is no person ${person.mentor}`);
      else if (person.mentor === person.id)
        add("bad_reference", [...path, "mentor"], "a person cannot mentor themselves");
    }
    for (const key of Object.keys(asObject(person.training))) {
      if (!kinds.has(key) && !pointSite.has(key)) {
        add(
          "unknown_reference",
          [...path, "training", key],
          `${key} is neither a service-point kind nor a service-point id`,
        );
      }
    }
    weekOnGrid(person.availability, [...path, "availability"]);
    asArray(person.preferences).forEach((prefValue, i) => {
      const pref = asObject(prefValue);
      onGrid(pref.from, [...path, "preferences", i, "from"]);
      onGrid(pref.to, [...path, "preferences", i, "to"]);
      if (isTime(pref.from) && isTime(pref.to) && minutesOf(pref.from) >= minutesOf(pref.to)) {
        add(
          "bad_interval",
          [...path, "preferences", i, "to"],
          `the preference must start before it ends (${pref.from}–${pref.to})`,
        );
      }
    });
    asArray(person.absences).forEach((absValue, i) => {
      const abs = asObject(absValue);
      datedInterval(abs.from, abs.to, zone, [...path, "absences", i], "absence", add);
    });
  });

  asArray(problem.pinned).forEach((pinValue, i) => {
    const pin = asObject(pinValue);
    const path = ["pinned", i];
    const person = typeof pin.person === "string" ? pin.person : undefined;
    const point = typeof pin.point === "string" ? pin.point : undefined;
    if (person !== undefined && !personIds.has(person))
      add("unknown_reference", [...path, "person"], `there is no person ${person}`);
    if (point !== undefined && !pointSite.has(point))
      add("unknown_reference", [...path, "point"], `there is no service point ${point}`);
    datedInterval(pin.start, pin.end, zone, path, "pinned stint", add, ["start", "end"]);
  });
  return issues;
}

function unique(
  id: unknown,
  seen: Map<string, number>,
  index: number,
  path: (string | number)[],
  what: string,
  add: (code: string, path: (string | number)[], message: string) => void,
) {
  if (typeof id !== "string") return;
  if (seen.has(id)) add("duplicate_id", path, `${what} id ${id} is used twice`);
  else seen.set(id, index);
}

/** An absence's own dated interval, as the problem's validation checks each recorded one. */
export function absenceIssues(
  absence: { from: string; to: string },
  zone: string,
  path: (string | number)[],
): InputIssue[] {
  const issues: InputIssue[] = [];
  datedInterval(absence.from, absence.to, zone, path, "absence", (code, at, message) =>
    issues.push({ code, path: at, message }),
  );
  return issues;
}

function datedInterval(
  from: unknown,
  to: unknown,
  zone: string,
  path: (string | number)[],
  what: string,
  add: (code: string, path: (string | number)[], message: string) => void,
  keys: [string, string] = ["from", "to"],
) {
  if (typeof from !== "string" || typeof to !== "string") return;
  const a = DateTime.fromISO(from, { zone, setZone: true });
  const b = DateTime.fromISO(to, { zone, setZone: true });
  const missing = [
    [from, keys[0]],
    [to, keys[1]],
  ].filter(([text, key]) => {
    const gap = springForwardGap(text as string, zone);
    if (gap) add("nonexistent_time", [...path, key as string], gap);
    return gap !== undefined;
  });
  if (missing.length > 0) return;
  if (a.isValid && b.isValid && a.toMillis() >= b.toMillis()) {
    add("bad_interval", [...path, keys[1]], `the ${what} must start before it ends (${from} – ${to})`);
  }
}

/**
 * Why a local date and time without an offset does not exist in `zone` (the hour the clocks skip
 * in spring), or undefined when it exists. Luxon would silently move it an hour on; a coordinator
 * who wrote 02:30 on that night meant something the clock never shows, so they are asked instead.
 */
export function springForwardGap(text: string, zone: string): string | undefined {
  const local = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d{1,3})?)?$/.exec(text);
  if (!local) return undefined;
  const parsed = DateTime.fromISO(text, { zone });
  if (!parsed.isValid) return undefined;
  const [, date, hour, minute] = local;
  if (parsed.toISODate() === date && parsed.hour === Number(hour) && parsed.minute === Number(minute)) return undefined;
  // The first instant on the new offset, read on the old clock and the new one.
  let jump = parsed;
  while (jump.minus({ minutes: 1 }).offset === parsed.offset) jump = jump.minus({ minutes: 1 });
  const before = jump.setZone(`UTC${offsetText(jump.minus({ minutes: 1 }).offset)}`).toFormat("HH:mm");
  const after = jump.toFormat("HH:mm");
  return (
    `${hour}:${minute} does not exist on ${date} in ${zone}: the clocks go forward from ${before} to ${after}; ` +
    `give a time outside that hour, or an explicit offset`
  );
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, "0")}`;
}
