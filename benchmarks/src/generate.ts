import type { CoverBand, Person, Preference, Problem, ServicePoint, Site } from "@deskrota/core/internal";
import { DateTime } from "luxon";
import { rng, type Rng } from "./random";

/**
 * Seeded generator of realistic weekly rota problems (format v1), shaped after the four bundled
 * examples: main libraries, science libraries, branches and galleries with their own hours and
 * points; staff with early/late/weekend patterns, leads and keyholders; student staff with
 * fragmented availability around a fixed cohort slot, in every training state, with mentors; a
 * duty point; preferences; some absences; and, on request, a week with a daylight-saving change
 * in which the first site is open 24 hours (exam season), so that the 23- or 25-hour Sunday matters.
 */
export interface GenerateOptions {
  sites: number;
  people: number;
  seed: number;
  /** a week with a clock change in Europe/London ("fall": 25 Oct 2026, "spring": 29 Mar 2026) */
  dst?: "none" | "fall" | "spring";
}

type Day = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";
type Window = [string, string];
type Open = Partial<Record<Day, Window[]>>;
type Archetype = "campus" | "main" | "science" | "branch" | "gallery" | "allhours";

const DAYS: readonly Day[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const WEEKDAYS: readonly Day[] = ["mon", "tue", "wed", "thu", "fri"];
const ZONE = "Europe/London";
/** A campus abroad: its own zone and its own (different) daylight-saving dates. */
const FAR_ZONE = "America/Toronto";
const WEEK_START = { none: "2026-11-23", fall: "2026-10-19", spring: "2026-03-23" } as const;
const STUDENT_SHARE = 0.3;
const STAFF_TARGETS = [7.5, 9, 9.5, 11, 13.5, 15, 18, 19, 22.5] as const;
/** Two cohorts of students, each with a fixed weekly activity during which nobody of it is free. */
const COHORT_SLOTS: readonly { day: Day; from: number; to: number }[] = [
  { day: "wed", from: 13 * 60, to: 17 * 60 },
  { day: "thu", from: 9 * 60, to: 12 * 60 },
];
const FIRST = [
  "Ada",
  "Alex",
  "Chen",
  "Fatima",
  "Kofi",
  "Leila",
  "Marek",
  "Maria",
  "Mei",
  "Nadia",
  "Niamh",
  "Priya",
  "Rhys",
  "Sam",
  "Tomas",
  "Yusuf",
  "Ines",
  "Olu",
  "Hana",
  "Jonas",
] as const;
const LAST = [
  "Ahmed",
  "Byrne",
  "Hughes",
  "Jones",
  "Khan",
  "Kim",
  "Li",
  "Mensah",
  "Okafor",
  "Patel",
  "Reid",
  "Silva",
  "Smith",
  "Walsh",
  "Novak",
  "Costa",
  "Berg",
  "Sato",
  "Owusu",
  "Dubois",
] as const;

export function generate(options: GenerateOptions): Problem {
  const { sites: siteCount, people: peopleCount, seed } = options;
  if (!Number.isInteger(siteCount) || siteCount < 1) throw new Error("--sites must be a positive integer");
  if (!Number.isInteger(peopleCount) || peopleCount < 5 * siteCount)
    throw new Error("--people must be at least 5 per site (a lead, a keyholder and cover for their days off)");
  const dst = options.dst ?? "none";
  const r = rng(seed * 7919 + siteCount * 31 + peopleCount);
  const weekStart = WEEK_START[dst];

  const archetypes = Array.from({ length: siteCount }, (_, s) => archetypeOf(s, siteCount, dst));
  const sites = archetypes.map((kind, s) => buildSite(r, kind, s, siteCount, weekStart));
  const headcount = shareOut(peopleCount, sites.map(demandHours), 5);

  const staff: Person[] = [];
  const students: Person[] = [];
  sites.forEach((site, s) => {
    const n = headcount[s] as number;
    const studentsHere = Math.round(n * STUDENT_SHARE);
    const mine: Person[] = [];
    for (let i = 0; i < n - studentsHere; i++) {
      const person = makeStaff(r, `s${pad(staff.length + 1, 3)}`, sites, s, archetypes[s] as Archetype, i);
      staff.push(person);
      mine.push(person);
    }
    for (let i = 0; i < studentsHere; i++) {
      students.push(makeStudent(r, `u${pad(students.length + 1, 3)}`, site, mine, students.length));
    }
  });
  const people = [...staff, ...students];
  addAbsences(r, people, sites, weekStart);
  return { version: 1, weekStart, timeZone: ZONE, slotMinutes: 30, sites, people };
}

function archetypeOf(s: number, count: number, dst: string): Archetype {
  if (dst !== "none" && s === 0) return "allhours";
  if (count === 1) return "campus";
  return (["main", "science", "branch", "gallery", "science"] as const)[s % 5] as Archetype;
}

/** Opening hours and service points of one site, with cover bands derived from the hours. */
function buildSite(r: Rng, kind: Archetype, s: number, count: number, weekStart: string): Site {
  const id = `site${pad(s + 1, 2)}`;
  // Late closing varies between sites so that no two of a kind are identical.
  const late = r.pick([20 * 60, 21 * 60, 22 * 60]);
  const open: Open = {};
  const set = (days: readonly Day[], from: number, to: number) => {
    for (const d of days) open[d] = [[hhmm(from), hhmm(to)]];
  };
  const points: ServicePoint[] = [];
  const point = (suffix: string, name: string, pointKind: string, cover: CoverBand[], maxStintMinutes?: number) =>
    points.push({
      id: `${id}-${suffix}`,
      name,
      kind: pointKind,
      ...(maxStintMinutes ? { maxStintMinutes } : {}),
      cover,
    });
  switch (kind) {
    case "campus":
      set(["mon", "tue", "wed", "thu"], 8 * 60 + 30, 21 * 60);
      set(["fri"], 8 * 60 + 30, 17 * 60);
      set(["sat", "sun"], 11 * 60, 17 * 60);
      point("helpdesk", "Service Desk", "helpdesk", bands(open, 1));
      point("roving", "Roving", "roving", bands(open, 1, { days: WEEKDAYS, from: 12 * 60, to: 16 * 60 }), 120);
      break;
    case "main":
    case "allhours":
      if (kind === "main") {
        set(WEEKDAYS, 8 * 60, late);
        set(["sat", "sun"], 10 * 60, 18 * 60);
      } else set(DAYS, 0, 24 * 60);
      point("reception", "Reception", "reception", bands(open, 1), 120);
      point("helpdesk", "Help Desk", "helpdesk", [
        ...bands(open, 1, { days: WEEKDAYS, from: 9 * 60, to: 17 * 60 }),
        ...bands(open, 1, { days: WEEKDAYS, from: 11 * 60, to: 14 * 60 }, 2),
        ...bands(open, 1, { days: ["sat"], from: 10 * 60, to: 18 * 60 }),
      ]);
      point("roving", "Roving", "roving", bands(open, 1, { days: WEEKDAYS, from: 10 * 60, to: 18 * 60 }), 120);
      point("duty", "Duty Manager", "duty", bands(open, 0, undefined, undefined, 1));
      break;
    case "science":
      set(WEEKDAYS, 8 * 60 + 30, late - 60);
      set(["sat"], 10 * 60, 17 * 60);
      point("reception", "Reception", "reception", bands(open, 1), 120);
      point("helpdesk", "Help Desk", "helpdesk", [
        ...bands(open, 1, { days: WEEKDAYS, from: 9 * 60, to: 17 * 60 }),
        ...bands(open, 1, { days: WEEKDAYS, from: 11 * 60, to: 14 * 60 }, 2),
        ...bands(open, 1, { days: ["sat"], from: 10 * 60, to: 17 * 60 }),
      ]);
      point("roving", "Roving", "roving", bands(open, 1, { days: WEEKDAYS, from: 10 * 60, to: 16 * 60 }), 120);
      break;
    case "branch":
      set(WEEKDAYS, 9 * 60, 17 * 60);
      point("reception", "Reception", "reception", bands(open, 1), 120);
      point("helpdesk", "Help Desk", "helpdesk", [
        ...bands(open, 1),
        ...bands(open, 1, { days: WEEKDAYS, from: 11 * 60, to: 14 * 60 }, 2),
      ]);
      break;
    case "gallery":
      set(["tue", "wed", "fri", "sat", "sun"], 10 * 60, 17 * 60 + 30);
      set(["thu"], 10 * 60, 21 * 60);
      point("admissions", "Admissions", "reception", bands(open, 1), 120);
      point("info", "Information Desk", "helpdesk", bands(open, 1, { days: DAYS, from: 10 * 60, to: 17 * 60 }));
      point("floor", "Gallery Floor", "roving", bands(open, 1, { days: DAYS, from: 11 * 60, to: 16 * 60 }, 2), 90);
      point(
        "cloakroom",
        "Cloakroom",
        "cloakroom",
        bands(open, 0, { days: ["sat", "sun"], from: 11 * 60, to: 16 * 60 }, 1),
      );
      break;
  }
  const exceptions = siteExceptions(kind, s, open, weekStart);
  return {
    id,
    name: `${siteName(kind)} ${s + 1}`,
    timeZone: zoneOf(s, count),
    open,
    ...(exceptions.length > 0 ? { exceptions } : {}),
    servicePoints: points,
  };
}

/** Every tenth site (from the fifth) is a campus abroad; a lone site never is. */
function zoneOf(s: number, count: number): string {
  return count >= 10 && s % 5 === 4 ? FAR_ZONE : ZONE;
}

function siteName(kind: Archetype): string {
  return {
    campus: "Campus Library",
    main: "Main Library",
    science: "Science Library",
    branch: "Branch Library",
    gallery: "Gallery",
    allhours: "Main Library (24 h exam season)",
  }[kind];
}

/** A staff training morning at the second site and a closure at the third, as real weeks have. */
function siteExceptions(
  kind: Archetype,
  s: number,
  open: Open,
  weekStart: string,
): { date: string; open: Window[]; note: string }[] {
  if (kind === "allhours") return [];
  const date = (offset: number) =>
    DateTime.fromISO(weekStart, { zone: "UTC" }).plus({ days: offset }).toISODate() as string;
  const thu = open.thu?.[0];
  if (s === 1 && thu) return [{ date: date(3), open: [["12:00", thu[1]]], note: "staff training morning" }];
  if (s === 2 && open.mon) return [{ date: date(0), open: [], note: "closed for building works" }];
  return [];
}

/**
 * Cover bands of `min` (and `target`/`max`) over the open hours, or over `within` clipped to the
 * open hours; days with the same hours share one band.
 */
function bands(
  open: Open,
  min: number,
  within?: { days: readonly Day[]; from: number; to: number },
  target?: number,
  max?: number,
): CoverBand[] {
  const byWindow = new Map<string, Day[]>();
  for (const day of within?.days ?? DAYS) {
    for (const [from, to] of open[day] ?? []) {
      const a = Math.max(minutes(from), within?.from ?? 0);
      const b = Math.min(minutes(to), within?.to ?? 24 * 60);
      if (a >= b) continue;
      const key = `${hhmm(a)}-${hhmm(b)}`;
      byWindow.set(key, [...(byWindow.get(key) ?? []), day]);
    }
  }
  return [...byWindow].map(([key, days]) => {
    const [from, to] = key.split("-") as [string, string];
    return { days, from, to, min, ...(target !== undefined ? { target } : {}), ...(max !== undefined ? { max } : {}) };
  });
}

/** Minimum-cover person-hours of a site: what its headcount is shared out by. */
function demandHours(site: Site): number {
  let hours = 0;
  for (const point of site.servicePoints) {
    for (const band of point.cover)
      hours += (Math.max(band.min, band.target ?? 0) * band.days.length * (minutes(band.to) - minutes(band.from))) / 60;
  }
  return hours;
}

/** `total` shared in proportion to `weights` (largest remainder), each share at least `floor`. */
function shareOut(total: number, weights: number[], floor: number): number[] {
  const spare = total - floor * weights.length;
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (spare * w) / sum);
  const shares = exact.map((x) => Math.floor(x));
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  const left = spare - shares.reduce((a, b) => a + b, 0);
  for (const [, i] of order.slice(0, left)) shares[i] = (shares[i] ?? 0) + 1;
  return shares.map((x) => x + floor);
}

type Pattern = "early" | "late" | "mixed" | "night";

/**
 * A staff member of site `s`. The first three of every site are leads and keyholders who cover
 * evenings and weekends (someone must); the rest mix early, late and mixed weeks.
 */
function makeStaff(r: Rng, id: string, sites: Site[], s: number, kind: Archetype, i: number): Person {
  const site = sites[s] as Site;
  const lead = i < 3 || r.chance(0.45);
  const keyholder = i < 3 || (lead ? r.chance(0.85) : r.chance(0.05));
  const pattern: Pattern =
    i === 0
      ? "late"
      : i === 1
        ? "early"
        : kind === "allhours" && r.chance(0.25)
          ? "night"
          : r.pick(["early", "early", "late", "mixed"]);
  const weekend = i < 3 || r.chance(0.35);
  const second = sites.length > 1 && r.chance(0.15) ? neighbour(sites, s) : undefined;
  const kinds = new Set([site, ...(second ? [second] : [])].flatMap((x) => x.servicePoints.map((p) => p.kind)));
  const shadowKind = r.chance(0.1) ? r.pick([...kinds].filter((k) => k !== "duty")) : undefined;
  const training: Record<string, "independent" | "shadowing"> = {};
  for (const k of kinds) {
    if (k === "duty" && !lead) continue;
    training[k] = k === shadowKind ? "shadowing" : "independent";
  }
  const night = pattern === "night";
  const target = night ? 24 : r.pick(STAFF_TARGETS);
  const preferences = r.chance(0.4) ? [staffPreference(r, pattern)] : [];
  return {
    id,
    name: nameOf(r),
    role: "staff",
    sites: [site.id, ...(second ? [second.id] : [])],
    hours: { target, min: r.chance(0.25) ? Math.floor(target) / 2 : 0, max: target + 6, maxPerDay: night ? 10 : 8 },
    training,
    qualifications: [
      ...(lead ? ["lead"] : []),
      ...(keyholder ? ["keyholder"] : []),
      ...(r.chance(0.25) ? ["first-aid"] : []),
    ],
    availability: staffAvailability(r, site.open as Open, pattern, weekend),
    ...(preferences.length > 0 ? { preferences } : {}),
  };
}

/** Another site in the same zone: people who work at two sites work nearby. */
function neighbour(sites: Site[], s: number): Site | undefined {
  const zone = sites[s]?.timeZone;
  return [sites[s + 1], sites[s - 1]].find((x) => x !== undefined && x.timeZone === zone);
}

function staffAvailability(r: Rng, open: Open, pattern: Pattern, weekend: boolean): Open {
  const weekdays = WEEKDAYS.filter((d) => open[d]);
  const days = r.sample(weekdays, Math.min(weekdays.length, r.int(3, 5)));
  if (weekend) days.push(...(["sat", "sun"] as const).filter((d) => open[d] && r.chance(0.7)));
  const availability: Open = {};
  for (const day of DAYS.filter((d) => days.includes(d))) {
    const [from, to] = (open[day]?.[0] ?? ["09:00", "17:00"]).map(minutes) as [number, number];
    const shape = pattern === "mixed" ? r.pick(["early", "late"] as const) : pattern;
    if (shape === "night")
      availability[day] = [
        ["00:00", "07:00"],
        ["21:00", "24:00"],
      ];
    else if (day === "sat" || day === "sun" || to - from <= 9 * 60) availability[day] = [[hhmm(from), hhmm(to)]];
    else if (shape === "early") {
      const start = Math.max(from, 8 * 60) + 30 * r.int(0, 2);
      availability[day] = [[hhmm(start), hhmm(Math.min(to, start + 60 * r.int(7, 9)))]];
    } else availability[day] = [[hhmm(Math.max(from, to - 60 * r.int(8, 9))), hhmm(to)]];
  }
  return availability;
}

function staffPreference(r: Rng, pattern: Pattern): Preference {
  const day = r.pick(WEEKDAYS);
  if (pattern === "late") return { days: [day], from: "18:00", to: "22:00", weight: r.pick([1, 2]) };
  return r.chance(0.5)
    ? { days: [day], from: "09:00", to: "12:00", weight: r.pick([1, 2]) }
    : { days: ["fri"], from: "17:00", to: "22:00", weight: -2 };
}

/**
 * A student: 2–3 desk hours, fragmented free time around lectures (one or two windows on three or
 * four days) and never during the cohort's fixed weekly slot; new (shadowing, with a mentor),
 * progressing (independent on Reception only) or experienced (independent everywhere).
 */
function makeStudent(r: Rng, id: string, site: Site, staffHere: Person[], n: number): Person {
  const kinds = [...new Set(site.servicePoints.map((p) => p.kind))].filter((k) => k !== "duty");
  const stage = r.pick(["new", "progressing", "experienced"] as const);
  const training: Record<string, "independent" | "shadowing"> = {};
  for (const k of kinds) {
    if (k === "cloakroom" || stage === "experienced") training[k] = "independent";
    else if (stage === "progressing") training[k] = k === "reception" ? "independent" : "shadowing";
    else if (k !== "roving") training[k] = "shadowing";
  }
  const shadowed = Object.keys(training).filter((k) => training[k] === "shadowing");
  const mentors = staffHere.filter((p) => shadowed.every((k) => p.training?.[k] === "independent"));
  const mentor = shadowed.length > 0 && mentors.length > 0 ? r.pick(mentors).id : undefined;
  const target = r.pick([2, 2.5, 3]);
  const preferences: Preference[] = r.chance(0.3)
    ? [
        r.chance(0.5)
          ? { days: ["fri"], from: "17:00", to: "22:00", weight: -2 }
          : { days: [r.pick(WEEKDAYS)], from: "09:00", to: "12:00", weight: 1 },
      ]
    : [];
  return {
    id,
    name: nameOf(r),
    role: "student",
    sites: [site.id],
    hours: { target, min: 0, max: r.chance(0.3) ? target : 3, maxPerDay: 3 },
    shifts: { minMinutes: 60, maxPerDay: 1 },
    training,
    qualifications: [],
    availability: studentAvailability(
      r,
      site.open as Open,
      COHORT_SLOTS[n % COHORT_SLOTS.length] as (typeof COHORT_SLOTS)[number],
    ),
    ...(preferences.length > 0 ? { preferences } : {}),
    ...(mentor ? { mentor } : {}),
  };
}

function studentAvailability(r: Rng, open: Open, cohort: (typeof COHORT_SLOTS)[number]): Open {
  const openDays = DAYS.filter((d) => d !== "sun" && open[d]);
  const availability: Open = {};
  for (const day of DAYS.filter((d) => r.sample(openDays, r.int(3, 4)).includes(d))) {
    const [opens, closes] = (open[day]?.[0] ?? ["09:00", "17:00"]).map(minutes) as [number, number];
    const lo = Math.max(opens, 9 * 60);
    const hi = Math.min(closes, 20 * 60);
    let windows: [number, number][] = [];
    let at = lo + 30 * r.int(0, 4);
    for (let k = r.int(1, 2); k > 0 && at + 60 <= hi; k--) {
      const end = Math.min(hi, at + 30 * r.int(3, 8));
      windows.push([at, end]);
      at = end + 30 * r.int(2, 6);
    }
    if (day === cohort.day) windows = windows.flatMap(([a, b]) => cut([a, b], cohort.from, cohort.to));
    windows = windows.filter(([a, b]) => b - a >= 60);
    if (windows.length > 0) availability[day] = windows.map(([a, b]) => [hhmm(a), hhmm(b)]);
  }
  return availability;
}

/** `[a, b]` minus `[from, to]`. */
function cut([a, b]: [number, number], from: number, to: number): [number, number][] {
  return [
    ...(a < from ? [[a, Math.min(b, from)] as [number, number]] : []),
    ...(b > to ? [[Math.max(a, to), b] as [number, number]] : []),
  ];
}

/** A few days of leave and appointments, in the problem's zone (people at sites abroad have none). */
function addAbsences(r: Rng, people: Person[], sites: Site[], weekStart: string): void {
  const zoneOfSite = new Map(sites.map((s) => [s.id, s.timeZone ?? ZONE]));
  for (const person of people) {
    if (!person.sites.every((s) => zoneOfSite.get(s) === ZONE) || !r.chance(0.06)) continue;
    const day = DateTime.fromISO(weekStart, { zone: ZONE }).plus({ days: r.int(0, 6) });
    const date = day.toISODate() as string;
    person.absences = r.chance(0.5)
      ? [{ from: `${date}T00:00`, to: `${day.plus({ days: 1 }).toISODate()}T00:00`, reason: "annual leave" }]
      : [{ from: `${date}T13:00`, to: `${date}T17:00`, reason: "appointment" }];
  }
}

function nameOf(r: Rng): string {
  return `${r.pick(FIRST)} ${r.pick(LAST)}`;
}

function minutes(time: string): number {
  const [h, m] = time.split(":");
  return Number(h) * 60 + Number(m);
}

function hhmm(total: number): string {
  return `${pad(Math.floor(total / 60), 2)}:${pad(total % 60, 2)}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}
