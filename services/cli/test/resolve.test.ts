import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, test } from "vitest";

// `deskrota resolve` says whether its repair is proven the fewest changes in the words the API
// answers with (`minimalWords`, one formatter in the core), whether the proof was asked for or not.

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

const deskrota = async (args: string[]) =>
  (
    await promisify(execFile)(process.execPath, ["scripts/launch.mjs", "services/cli/src/main.ts", ...args], {
      cwd: ROOT,
      maxBuffer: 16 * 1024 * 1024,
    })
  ).stdout;

// A desk open Monday and Tuesday mornings; filling Ann's Monday takes a chain of two moves (Cal
// may work only 4 h, Dee only on Tuesdays): 32 person-slots, proven by the exact model.
const person = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: id,
  role: "staff",
  sites: ["main"],
  hours: { target: 4, max: 20 },
  training: { helpdesk: "independent" },
  qualifications: ["lead", "keyholder"],
  availability: { mon: [["00:00", "24:00"]], tue: [["00:00", "24:00"]] },
  ...extra,
});
const problem = {
  version: 1,
  weekStart: "2026-11-23",
  timeZone: "Europe/London",
  slotMinutes: 30,
  sites: [
    {
      id: "main",
      name: "Main",
      open: { mon: [["09:00", "13:00"]], tue: [["09:00", "13:00"]] },
      servicePoints: [
        {
          id: "desk",
          name: "Desk",
          kind: "helpdesk",
          cover: [{ days: ["mon", "tue"], from: "09:00", to: "13:00", min: 1 }],
        },
      ],
    },
  ],
  people: [
    person("ann"),
    person("cal", { hours: { target: 4, max: 4 } }),
    person("dee", { availability: { tue: [["00:00", "24:00"]] } }),
  ],
};
const published = {
  assignments: [
    { person: "ann", point: "desk", start: "2026-11-23T09:00", end: "2026-11-23T13:00" },
    { person: "cal", point: "desk", start: "2026-11-24T09:00", end: "2026-11-24T13:00" },
  ],
};
const change = { absences: [{ person: "ann", from: "2026-11-23T09:00", to: "2026-11-23T13:00", reason: "sick" }] };

test("the summary says proven minimal in the result's own words, asked or not", { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "deskrota-resolve-"));
  const files = ["problem", "rota", "change"].map((name) => join(dir, `${name}.json`));
  [problem, published, change].forEach((value, i) => {
    writeFileSync(files[i] as string, JSON.stringify(value));
  });
  const args = [...files, "--now", "2026-11-22T12:00"];
  const result = JSON.parse(await deskrota(["resolve", ...args, "--json"]));
  expect(result.minimalWords).toMatch(
    /^proven minimal: 32 person-slots \(16 h\) changed: proven the fewest by the exact/,
  );
  expect(result.proof).toMatchObject({ proven: true, timeLimitSeconds: 2 });
  const [summary] = (await deskrota(["resolve", ...args, "--prove"])).split("\n");
  expect(summary).toBe(`Re-solved as of 2026-11-22T12:00: ${result.diff.changes} changes (${result.minimalWords})`);
});
