import { readFileSync } from "node:fs";
import { fc, it } from "@fast-check/vitest";
import {
  diffPeople,
  parseProblem,
  parseSetup,
  peopleToRows,
  rowsToPeople,
  type Setup,
  type SetupPerson,
  setupFromProblem,
} from "@deskrota/core";
import { describe, expect } from "vitest";
import { readCsv, readXlsx, writeCsv, writeXlsx } from "../src";

const typical = parseProblem(
  JSON.parse(readFileSync(new URL("../../../docs/examples/typical-week.json", import.meta.url), "utf8")),
);
if (!typical.ok) throw new Error("typical-week is not a valid problem");
const base = setupFromProblem(typical.value).setup;
const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const sites = base.sites.map((s) => s.id);
const trainingKeys = [...new Set(base.sites.flatMap((s) => s.servicePoints.flatMap((p) => [p.id, p.kind])))];

const time = (slot: number) => `${String(Math.floor(slot / 2)).padStart(2, "0")}:${slot % 2 ? "30" : "00"}`;
/** Sorted, non-touching windows on the 30-minute grid. */
const windows = fc
  .uniqueArray(fc.integer({ min: 0, max: 48 }), { minLength: 2, maxLength: 6 })
  .map((slots) => slots.sort((a, b) => a - b))
  .map((slots) =>
    Array.from({ length: Math.floor(slots.length / 2) }, (_, i) => [
      time(slots[2 * i] as number),
      time(slots[2 * i + 1] as number),
    ]),
  );
const someDays = fc.subarray([...DAYS], { minLength: 1 });
const halfHours = (max: number) => fc.integer({ min: 0, max: max * 2 }).map((n) => n / 2);
/** Readable text with the characters a spreadsheet's quoting must survive, no outer spaces. */
const words = fc
  .stringMatching(/^[A-Za-zÀ-ÿ0-9'"(),.;: -]{1,16}$/)
  .map((s) => s.trim())
  .filter((s) => s.length > 0);
const tag = fc.stringMatching(/^[a-z][a-z0-9-]{0,9}$/);

const person = (id: string, others: string[]) =>
  fc.record(
    {
      id: fc.constant(id),
      name: words,
      role: fc.constantFrom("staff" as const, "student" as const),
      sites: fc.subarray(sites, { minLength: 1 }),
      hours: fc
        .tuple(halfHours(40), halfHours(10), halfHours(10), fc.option(halfHours(12).map((h) => h + 0.5)))
        .chain(([target, below, above, perDay]) =>
          fc.record(
            {
              target: fc.constant(target),
              min: fc.constant(Math.max(0, target - below)),
              max: fc.constant(target + above),
              maxPerDay: fc.constant(perDay ?? 8),
            },
            { requiredKeys: ["target"] },
          ),
        ),
      shifts: fc.record(
        { minMinutes: fc.constantFrom(60, 90, 120, 240), maxPerDay: fc.integer({ min: 1, max: 3 }) },
        { requiredKeys: ["minMinutes"] },
      ),
      availability: fc
        .uniqueArray(fc.constantFrom(...DAYS), { minLength: 1 })
        .chain((days) => fc.tuple(...days.map((d) => windows.map((w) => [d, w] as const))))
        .map((entries) => Object.fromEntries(entries.filter(([, w]) => w.length > 0)))
        .filter((a) => Object.keys(a).length > 0),
      training: fc.dictionary(fc.constantFrom(...trainingKeys), fc.constantFrom("none", "shadowing", "independent"), {
        minKeys: 1,
      }),
      qualifications: fc.uniqueArray(tag, { minLength: 1, maxLength: 3 }),
      preferences: fc.array(
        fc
          .record({
            days: someDays,
            window: windows.filter((w) => w.length > 0).map((w) => w[0] as string[]),
            weight: fc
              .integer({ min: -20, max: 20 })
              .filter((w) => w !== 0)
              .map((w) => w / 2),
          })
          .map(({ days, window, weight }) => ({ days, from: window[0], to: window[1], weight })),
        { minLength: 1, maxLength: 3 },
      ),
      mentor: others.length ? fc.constantFrom(...others) : fc.constant(undefined),
    },
    { requiredKeys: ["id", "name", "role", "sites", "hours"] },
  );

/** Valid setups of the typical week's sites with one to eight generated people. */
const setups = fc
  .uniqueArray(tag, { minLength: 1, maxLength: 8 })
  .chain((ids) =>
    fc.tuple(
      ...ids.map((id) =>
        person(
          id,
          ids.filter((other) => other !== id),
        ),
      ),
    ),
  )
  .map((people) => {
    const clean = people.map((p) => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)));
    const parsed = parseSetup({ ...base, people: clean });
    if (!parsed.ok) throw new Error(`generated setup is invalid: ${JSON.stringify(parsed.issues)}`);
    return parsed.value;
  });

function readsBack(setup: Setup, rows: string[][]) {
  const unchanged = rowsToPeople(rows, setup);
  expect(unchanged.issues).toEqual([]);
  expect(unchanged.people).toEqual(setup.people);
  expect(diffPeople(setup.people, unchanged.people)).toEqual({ added: [], changed: [], removed: [] });
  // Into a setup with nobody yet, every person is read from their cells alone.
  const fresh = rowsToPeople(rows, { ...setup, people: [] });
  expect(fresh.issues).toEqual([]);
  expect(fresh.people).toEqual(setup.people as SetupPerson[]);
}

describe("people sheet round trip over generated setups", () => {
  it.prop([setups], { numRuns: 60 })("export to CSV, import: nothing changes", (setup) => {
    const read = readCsv(writeCsv(peopleToRows(setup)));
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    readsBack(setup, read.rows);
  });

  it.prop([setups], { numRuns: 25 })("export to XLSX, import: nothing changes", async (setup) => {
    const read = await readXlsx(await writeXlsx(peopleToRows(setup), "People"));
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    readsBack(setup, read.rows);
  });
});
