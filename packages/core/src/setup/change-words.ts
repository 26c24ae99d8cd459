import type { ServicePoint, Site } from "../model/problem";
import { coverChangeWords, dateInWords, daysInWords, weekHoursChangeWords, windowsInWords } from "./cover-words";
import type { Setup, SetupPerson } from "./schema";

// What a setup revision changed, in the words and names a coordinator knows: "Service points of
// Campus Library changed: Help Desk added", "Chen Mensah: availability changed (Tue 09:00–17:00
// added)". The API keeps these with each revision and the page shows them as they come.

type Person = SetupPerson;
type Point = ServicePoint;

/** JSON values compared by content, key order aside (a setup is plain JSON). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return (
    ka.length === kb.length &&
    ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

const list = (items: readonly string[]) => items.join(", ") || "none";

/** "fewer changes" from "fewerChanges": a setting's key as words when no better name is known. */
const spaced = (key: string) => key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();

const valueText = (v: unknown): string =>
  v === undefined || v === null ? "none" : typeof v === "object" ? JSON.stringify(v) : String(v);

/** "target 20 → 25, max none → 30": the keys of two flat records that differ. */
function recordWords(
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown> | undefined,
  names: Record<string, string> = {},
): string {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return keys
    .filter((k) => !same(before?.[k], after?.[k]))
    .map((k) => `${names[k] ?? spaced(k)} ${valueText(before?.[k])} → ${valueText(after?.[k])}`)
    .join(", ");
}

function setWords(before: readonly string[], after: readonly string[]): string {
  const added = after.filter((x) => !before.includes(x));
  const removed = before.filter((x) => !after.includes(x));
  return [added.length && `${list(added)} added`, removed.length && `${list(removed)} removed`]
    .filter(Boolean)
    .join("; ");
}

/** Names as the page shows them: a name two people share carries their sites and id. */
function personLabels(people: readonly Person[], siteName: (id: string) => string): (p: Person) => string {
  const count = new Map<string, number>();
  for (const p of people) count.set(p.name, (count.get(p.name) ?? 0) + 1);
  return (p) => ((count.get(p.name) ?? 0) > 1 ? `${p.name} (${p.sites.map(siteName).join(" & ")}, ${p.id})` : p.name);
}

interface Names {
  person: (id: string) => string;
  site: (id: string) => string;
  /** the service points of the setup after the change */
  points: readonly Point[];
}

// The person editor's own labels for these numbers.
const HOURS = { target: "contract", min: "at least", max: "at most", maxPerDay: "at most per day" };
const SHIFTS = { minMinutes: "shortest stint (minutes)", maxPerDay: "most stints a day" };

/** A person's state at a point: a record on the point's id wins over one on its kind. */
const stateAt = (p: Person, point: Point) => p.training?.[point.id] ?? p.training?.[point.kind] ?? "none";

/**
 * "Service Desk shadowing → independent": each point where the person's state changed, whether the
 * record is on the point or on its kind. Records moved from a kind to its points (as the person
 * editor saves them) change no point's state, and are not said.
 */
function trainingWords(was: Person, now: Person, names: Names): string[] {
  return names.points
    .filter((point) => stateAt(was, point) !== stateAt(now, point))
    .map((point) => `${point.name} ${stateAt(was, point)} → ${stateAt(now, point)}`);
}

const preferenceTexts = (ps: Person["preferences"]) =>
  (ps ?? []).map((p) => `${daysInWords(p.days)} ${p.from}–${p.to} ${p.weight > 0 ? "liked" : "avoided"} (${p.weight})`);

/**
 * One person's changed fields, each in words. A field is said only where its words say something:
 * an empty list saved where there was none ("preferences": []) changes nothing a coordinator sees.
 */
function personFieldWords(was: Person, now: Person, names: Names): string[] {
  const mentor = (p: Person) => (p.mentor ? names.person(p.mentor) : "none");
  const said: [string, string][] = [
    ["renamed from", was.name !== now.name ? was.name : ""],
    ["role", was.role !== now.role ? `${was.role} → ${now.role}` : ""],
    ["sites", setWords(was.sites.map(names.site), now.sites.map(names.site))],
    ["hours changed", recordWords(was.hours, now.hours, HOURS)],
    ["stints changed", recordWords(was.shifts, now.shifts, SHIFTS)],
    ["availability changed", weekHoursChangeWords(was.availability, now.availability).join("; ")],
    ["training changed", trainingWords(was, now, names).join(", ")],
    ["qualifications changed", setWords(was.qualifications ?? [], now.qualifications ?? [])],
    ["preferences changed", setWords(preferenceTexts(was.preferences), preferenceTexts(now.preferences))],
    ["mentor", was.mentor !== now.mentor ? `${mentor(was)} → ${mentor(now)}` : ""],
  ];
  return said
    .filter(([, detail]) => detail)
    .map(([what, detail]) => (what.endsWith("changed") ? `${what} (${detail})` : `${what} ${detail}`));
}

function pointWords(before: readonly Point[], after: readonly Point[]): string[] {
  const words: string[] = [];
  for (const point of after) {
    const was = before.find((p) => p.id === point.id);
    if (!was) {
      words.push(`${point.name} added`);
      continue;
    }
    const parts: string[] = [];
    if (was.name !== point.name) parts.push(`renamed from ${was.name}`);
    if (was.kind !== point.kind) parts.push(`kind ${was.kind} → ${point.kind}`);
    if (was.maxStintMinutes !== point.maxStintMinutes)
      parts.push(`longest stint ${valueText(was.maxStintMinutes)} → ${valueText(point.maxStintMinutes)} min`);
    const cover = coverChangeWords(was.cover, point.cover);
    if (cover.length) parts.push(`cover ${cover.join("; ")}`);
    if (parts.length) words.push(`${point.name}: ${parts.join(", ")}`);
  }
  for (const was of before) if (!after.some((p) => p.id === was.id)) words.push(`${was.name} removed`);
  return words;
}

type Exception = NonNullable<Site["exceptions"]>[number];
const exceptionText = (e: Exception) =>
  `${dateInWords(e.date)} ${e.open.length ? `open ${windowsInWords(e.open)}` : "closed"}` +
  `${e.note ? ` (${e.note})` : ""}`;

function siteWords(was: Site, now: Site): string[] {
  const words: string[] = [];
  if (was.name !== now.name) words.push(`Site ${was.name} renamed ${now.name}`);
  if (was.timeZone !== now.timeZone)
    words.push(`Time zone of ${now.name} changed: ${valueText(was.timeZone)} → ${valueText(now.timeZone)}`);
  if (!same(was.open, now.open))
    words.push(`Opening hours of ${now.name} changed: ${weekHoursChangeWords(was.open, now.open).join("; ")}`);
  if (!same(was.exceptions, now.exceptions)) {
    const text = (es: Site["exceptions"]) => (es ?? []).map(exceptionText);
    words.push(`Dated exceptions of ${now.name} changed: ${setWords(text(was.exceptions), text(now.exceptions))}`);
  }
  const points = pointWords(was.servicePoints, now.servicePoints);
  if (points.length) words.push(`Service points of ${now.name} changed: ${points.join("; ")}`);
  return words;
}

const SETTINGS: Record<string, string> = {
  timeZone: "Time zone",
  slotMinutes: "Slot length (minutes)",
  rules: "Rules",
  weights: "Weights",
  solver: "Solver settings",
};

/**
 * "Shadowing hours before independent work: Help Desk none → 0.5 h": the threshold per point by the
 * point's name, since the setup keys it by the point's id.
 */
function trainingPolicyWords(was: Setup["training"], now: Setup["training"], names: Names): string {
  const hours = (h: number | undefined) => (h === undefined ? "none" : `${h} h`);
  const all = was?.shadowingHoursToIndependent !== now?.shadowingHoursToIndependent;
  const everywhere = all
    ? [`every point ${hours(was?.shadowingHoursToIndependent)} → ${hours(now?.shadowingHoursToIndependent)}`]
    : [];
  const ids = [...new Set([...Object.keys(was?.byPoint ?? {}), ...Object.keys(now?.byPoint ?? {})])];
  const byPoint = ids
    .filter((id) => was?.byPoint?.[id] !== now?.byPoint?.[id])
    .map((id) => {
      const name = names.points.find((point) => point.id === id)?.name ?? id;
      return `${name} ${hours(was?.byPoint?.[id])} → ${hours(now?.byPoint?.[id])}`;
    });
  return `Shadowing hours before independent work: ${[...everywhere, ...byPoint].join(", ")}`;
}

function settingWords(before: Setup, after: Setup, names: Names): string[] {
  const words: string[] = [];
  if (!same(before.training, after.training)) words.push(trainingPolicyWords(before.training, after.training, names));
  for (const key of Object.keys(SETTINGS) as (keyof typeof SETTINGS & keyof Setup)[]) {
    const was = before[key];
    const now = after[key];
    if (same(was, now)) continue;
    const flat = typeof was !== "object" && typeof now !== "object";
    const detail = flat
      ? `${valueText(was)} → ${valueText(now)}`
      : recordWords(was as Record<string, unknown>, now as Record<string, unknown>);
    words.push(`${SETTINGS[key]} changed: ${detail}`);
  }
  return words;
}

/**
 * What `after` changed against `before` (null: the first revision, which adds everything), one
 * sentence per person, site or setting, in the setup's own names.
 */
export function setupChangeWords(before: Setup | null, after: Setup): string[] {
  const sites = new Map([...(before?.sites ?? []), ...after.sites].map((s) => [s.id, s.name]));
  const siteName = (id: string) => sites.get(id) ?? id;
  const everyone = [
    ...(before?.people ?? []),
    ...after.people.filter((p) => !before?.people.some((q) => q.id === p.id)),
  ];
  const label = personLabels(everyone, siteName);
  const byId = new Map(everyone.map((p) => [p.id, p]));
  const names: Names = {
    site: siteName,
    points: after.sites.flatMap((s) => s.servicePoints),
    person: (id) => {
      const p = byId.get(id);
      return p ? label(p) : id;
    },
  };
  if (!before) {
    return [
      `Setup started: ${after.sites.length} site${after.sites.length === 1 ? "" : "s"} ` +
        `(${after.sites.map((s) => s.name).join(", ")}), ${after.people.length} ` +
        `${after.people.length === 1 ? "person" : "people"}`,
    ];
  }
  const words: string[] = [];
  for (const site of after.sites) {
    const was = before.sites.find((s) => s.id === site.id);
    if (!was) words.push(`Site ${site.name} added`);
    else words.push(...siteWords(was, site));
  }
  for (const was of before.sites) if (!after.sites.some((s) => s.id === was.id)) words.push(`Site ${was.name} removed`);
  const added = after.people.filter((p) => !before.people.some((q) => q.id === p.id));
  const removed = before.people.filter((p) => !after.people.some((q) => q.id === p.id));
  if (added.length) words.push(`Added ${added.map(label).join(", ")}`);
  for (const person of after.people) {
    const was = before.people.find((q) => q.id === person.id);
    const fields = was ? personFieldWords(was, person, names) : [];
    if (fields.length) words.push(`${label(person)}: ${fields.join(", ")}`);
  }
  if (removed.length) words.push(`Removed ${removed.map(label).join(", ")}`);
  words.push(...settingWords(before, after, names));
  return words;
}
