import { fc } from "@fast-check/vitest";
import { parseProblem } from "../../src/model/parse";
import type { Problem } from "../../src/model/problem";

/**
 * Small but varied valid problems: one or two sites open on a few days (sometimes around the clock),
 * one or two points each with overlapping bands (min, target, max), two to eight people mixing
 * staff and students, leads and keyholders, independent and shadowing training with mentors,
 * stint limits, hour caps, split shifts, partial availability, absences and preferences — and
 * sometimes a daylight-saving week. Small enough that a solve with a small work budget takes
 * a fraction of a second.
 */
export interface ProblemShape {
  /** 24-hour sites only when true: the MILP property keeps to daytime sites to stay tiny */
  allowAllDay?: boolean;
  maxPeople?: number;
  maxDays?: number;
}

const WEEKS = [
  { weekStart: "2026-11-23", label: "winter" },
  { weekStart: "2026-10-19", label: "fall-back (Sunday 25 October has 25 hours)" },
  { weekStart: "2026-03-23", label: "spring-forward (Sunday 29 March has 23 hours)" },
] as const;
const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const KINDS = ["helpdesk", "roving", "reception"] as const;
const hhmm = (hour: number) => `${String(hour).padStart(2, "0")}:00`;

type Json = Record<string, unknown>;

export function problems(shape: ProblemShape = {}): fc.Arbitrary<Problem> {
  const { allowAllDay = true, maxPeople = 8, maxDays = 3 } = shape;
  return fc.gen().map((g) => {
    const week = g(fc.constantFrom, ...WEEKS);
    const slotMinutes = g(fc.constantFrom, 30, 30, 60);
    // The DST weeks always open on Sunday, where the change is.
    const days =
      week.label === "winter"
        ? g(fc.subarray, [...DAYS], { minLength: 1, maxLength: maxDays })
        : ["sun", ...g(fc.subarray, ["sat", "mon"], { maxLength: maxDays - 1 })];

    const siteCount = g(fc.integer, { min: 1, max: 2 });
    const sites: Json[] = [];
    const kinds = new Set<string>();
    for (let s = 0; s < siteCount; s++) {
      const id = `s${s}`;
      const allDay = allowAllDay && g(fc.integer, { min: 0, max: 4 }) === 0;
      const from = allDay ? 0 : g(fc.integer, { min: 7, max: 11 });
      const to = allDay ? 24 : from + g(fc.integer, { min: 3, max: 7 });
      const open = Object.fromEntries(days.map((d) => [d, [[hhmm(from), hhmm(to)]]]));
      const points: Json[] = [];
      const pointCount = g(fc.integer, { min: 1, max: 2 });
      for (let k = 0; k < pointCount; k++) {
        const kind = g(fc.constantFrom, ...KINDS);
        kinds.add(kind);
        const bands: Json[] = [];
        const bandCount = g(fc.integer, { min: 1, max: 2 });
        for (let b = 0; b < bandCount; b++) {
          // As in real rotas, the first band keeps the point open whenever the site is; a second
          // one narrows to a busy spell (and may need more people).
          const bandDays = b === 0 ? days : g(fc.subarray, days, { minLength: 1 });
          const start = b === 0 ? from : g(fc.integer, { min: from, max: to - 1 });
          const end = b === 0 ? to : g(fc.integer, { min: start + 1, max: to });
          const min = g(fc.constantFrom, 0, 1, 1, 1, 2);
          const target = g(fc.option, fc.integer({ min, max: min + 1 }), { nil: undefined });
          const max = g(
            fc.option,
            fc.integer({ min: Math.max(min, target ?? 0), max: Math.max(min, target ?? 0) + 1 }),
            { nil: undefined },
          );
          bands.push({
            days: bandDays,
            from: hhmm(start),
            to: hhmm(end),
            min,
            ...(target !== undefined ? { target } : {}),
            ...(max !== undefined ? { max } : {}),
          });
        }
        const stint = g(fc.option, fc.constantFrom(60, 120, 120, 180), { nil: undefined, freq: 2 });
        points.push({
          id: `${id}-p${k}`,
          name: `${kind} ${k} at ${id}`,
          kind,
          cover: bands,
          ...(stint !== undefined ? { maxStintMinutes: stint } : {}),
        });
      }
      sites.push({
        id,
        name: `Site ${s}`,
        open,
        servicePoints: points,
        ...(g(fc.boolean) ? { timeZone: "Europe/London" } : {}),
      });
    }

    const peopleCount = g(fc.integer, { min: 2, max: maxPeople });
    const people: Json[] = [];
    for (let i = 0; i < peopleCount; i++) {
      const id = `p${i}`;
      const student = g(fc.integer, { min: 0, max: 9 }) < 3;
      const personSites = g(
        fc.subarray,
        sites.map((s) => s.id as string),
        { minLength: 1 },
      );
      const target = g(fc.constantFrom, 2, 4, 6, 8, 12);
      const min = g(fc.option, fc.integer({ min: 0, max: target }), { nil: undefined, freq: 2 });
      const max = target + g(fc.constantFrom, 0, 2, 4);
      const maxPerDay = g(fc.option, fc.constantFrom(4, 6, 8), { nil: undefined, freq: 2 });
      const minMinutes = g(fc.option, fc.constantFrom(60, 120, 180), { nil: undefined });
      const shiftsPerDay = g(fc.option, fc.constantFrom(1, 2), { nil: undefined, freq: 2 });
      const training = Object.fromEntries(
        [...kinds].map((kind) => [
          kind,
          g(fc.constantFrom, "independent", "independent", "independent", "shadowing", "none"),
        ]),
      );
      const qualifications = student ? [] : g(fc.subarray, ["lead", "keyholder", "first-aid"]);
      const availability: Json = {};
      for (const d of DAYS) {
        const roll = g(fc.integer, { min: 0, max: 9 });
        if (roll < 6) availability[d] = [["00:00", "24:00"]];
        else if (roll < 9) {
          const a = g(fc.integer, { min: 6, max: 16 });
          availability[d] = [[hhmm(a), hhmm(a + g(fc.integer, { min: 2, max: 8 }))]];
        }
      }
      const person: Json = {
        id,
        name: `Person ${i}`,
        role: student ? "student" : "staff",
        sites: personSites,
        hours: {
          target,
          max,
          ...(min !== undefined ? { min } : {}),
          ...(maxPerDay !== undefined ? { maxPerDay } : {}),
        },
        training,
        qualifications,
        availability,
      };
      if (minMinutes !== undefined || shiftsPerDay !== undefined)
        person.shifts = {
          ...(minMinutes !== undefined ? { minMinutes } : {}),
          ...(shiftsPerDay !== undefined ? { maxPerDay: shiftsPerDay } : {}),
        };
      if (g(fc.integer, { min: 0, max: 4 }) === 0) {
        // An absence need not lie on the grid: a dentist at 10:15 takes the whole slot.
        const day = DAYS.indexOf(g(fc.constantFrom, ...days) as (typeof DAYS)[number]);
        const date = addDays(week.weekStart, day);
        const startMinute = g(fc.integer, { min: 6 * 60, max: 18 * 60 });
        const length = g(fc.integer, { min: 30, max: 8 * 60 });
        person.absences = [
          {
            from: `${date}T${clock(startMinute)}`,
            to: `${date}T${clock(Math.min(startMinute + length, 23 * 60 + 59))}`,
            reason: "appointment",
          },
        ];
      }
      if (g(fc.integer, { min: 0, max: 2 }) === 0) {
        const a = g(fc.integer, { min: 6, max: 18 });
        person.preferences = [
          {
            days: g(fc.subarray, days, { minLength: 1 }),
            from: hhmm(a),
            to: hhmm(a + g(fc.integer, { min: 1, max: 5 })),
            weight: g(fc.constantFrom, -3, -1, 2, 5),
          },
        ];
      }
      people.push(person);
    }
    for (const person of people) {
      const shadows = Object.values(person.training as Json).includes("shadowing");
      const others = people.filter((p) => p !== person && p.role === "staff").map((p) => p.id as string);
      if (shadows && others.length > 0 && g(fc.boolean)) person.mentor = g(fc.constantFrom, ...others);
    }

    const rules: Json = {};
    if (g(fc.integer, { min: 0, max: 9 }) === 0) rules.studentAloneAllowed = true;
    const rest = g(fc.option, fc.constantFrom(480, 660), { nil: undefined });
    if (rest !== undefined) rules.minRestMinutes = rest;

    const input = {
      version: 1,
      weekStart: week.weekStart,
      timeZone: "Europe/London",
      slotMinutes,
      sites,
      people,
      ...(Object.keys(rules).length > 0 ? { rules } : {}),
    };
    const parsed = parseProblem(input);
    if (!parsed.ok) throw new Error(`the generator built an invalid problem: ${JSON.stringify(parsed.issues)}`);
    return parsed.value;
  });
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}
