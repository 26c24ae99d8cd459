import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { check, parseProblem, parseSetup, RotaInput } from "@deskrota/core";
import { describe, expect, test } from "vitest";

// The setup, week and plan commands as a coordinator who scripts runs them (scripts/launch.mjs).

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const EXAMPLE = (name: string) => join(ROOT, "docs/examples", `${name}.json`);

async function deskrota(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ["scripts/launch.mjs", "services/cli/src/main.ts", ...args],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const json = (file: string) => JSON.parse(readFileSync(file, "utf8"));
const ok = (res: { code: number; stderr: string }) => expect(res.code, res.stderr).toBe(0);

describe("deskrota setup", () => {
  test("from-problem, export to CSV and XLSX, import unchanged: no change; an edit shows field by field", async () => {
    const dir = mkdtempSync(join(tmpdir(), "deskrota-setup-"));
    const setupFile = join(dir, "setup.json");
    ok(await deskrota(["setup", "from-problem", EXAMPLE("typical-week"), "--out", setupFile]));
    expect(parseSetup(json(setupFile)).ok).toBe(true);
    ok(await deskrota(["setup", "export", setupFile, "--csv", join(dir, "people.csv")]));
    ok(await deskrota(["setup", "export", setupFile, "--xlsx", join(dir, "people.xlsx")]));
    const before = readFileSync(setupFile, "utf8");
    for (const sheet of ["people.csv", "people.xlsx"]) {
      const res = await deskrota(["setup", "import", join(dir, sheet), "--setup", setupFile, "--json"]);
      ok(res);
      expect(JSON.parse(res.stdout)).toEqual({ applied: true, added: [], changed: [], removed: [], issues: [] });
    }
    expect(readFileSync(setupFile, "utf8")).toBe(before);

    const csv = readFileSync(join(dir, "people.csv"), "utf8").replace(
      "s001,Kofi Patel,staff,main,15,",
      "s001,Kofi Patel,staff,main,18,",
    );
    writeFileSync(join(dir, "edited.csv"), csv);
    const dry = await deskrota(["setup", "import", join(dir, "edited.csv"), "--setup", setupFile, "--dry-run"]);
    ok(dry);
    expect(dry.stdout).toContain("0 people would be added, 1 would be changed, 0 would be removed");
    expect(dry.stdout).toContain('Hours target: "15" → "18"');
    expect(readFileSync(setupFile, "utf8")).toBe(before);
    ok(await deskrota(["setup", "import", join(dir, "edited.csv"), "--setup", setupFile]));
    expect(json(setupFile).people[0].hours.target).toBe(18);
  });

  test("a malformed sheet changes nothing and names each bad cell by row and column", async () => {
    const dir = mkdtempSync(join(tmpdir(), "deskrota-setup-"));
    const setupFile = join(dir, "setup.json");
    ok(await deskrota(["setup", "from-problem", EXAMPLE("small-campus"), "--out", setupFile]));
    const before = readFileSync(setupFile, "utf8");
    const sheet = join(dir, "people.csv");
    writeFileSync(
      sheet,
      [
        "\uFEFFID;Name;Role;Sites;Hours target;Availability",
        "",
        "n1;Ann;staff;annex;10;Mon 9am-5pm",
        "n1;Bo;staff;campus;10;Tue 9:00-25:00",
        "",
      ].join("\n"),
    );
    const res = await deskrota(["setup", "import", sheet, "--setup", setupFile]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain("nothing imported (3 problems");
    expect(res.stderr).toContain('row 3, Sites: there is no site "annex"');
    expect(res.stderr).toContain("row 4, ID: n1 is already the ID of row 3");
    expect(res.stderr).toContain('row 4, Availability: "25:00" is not a time');
    expect(res.stderr).not.toMatch(/\bat \S+\.ts:\d+/);
    writeFileSync(join(dir, "empty.csv"), "");
    const empty = await deskrota(["setup", "import", join(dir, "empty.csv"), "--setup", setupFile, "--json"]);
    expect(empty.code).toBe(2);
    expect(JSON.parse(empty.stdout).issues).toEqual([{ row: 1, column: "", message: expect.stringMatching(/empty/) }]);
    expect(readFileSync(setupFile, "utf8")).toBe(before);
  });
});

describe("deskrota week", () => {
  test("builds the example's own week back from its setup, and refuses a Tuesday", async () => {
    const dir = mkdtempSync(join(tmpdir(), "deskrota-week-"));
    ok(await deskrota(["setup", "from-problem", EXAMPLE("dst-week"), "--out", join(dir, "setup.json")]));
    const res = await deskrota(["week", join(dir, "setup.json"), "2026-10-19", "--out", join(dir, "problem.json")]);
    ok(res);
    expect(json(join(dir, "problem.json"))).toEqual(json(EXAMPLE("dst-week")));
    const tuesday = await deskrota(["week", join(dir, "setup.json"), "2026-10-20", "--out", join(dir, "x.json")]);
    expect(tuesday.code).toBe(2);
    expect(tuesday.stderr).toContain("weekStart: 2026-10-20 is a Tuesday");
  });
});

describe("deskrota plan", () => {
  test("solves three weeks in order with the carry-over; every rota passes the independent checker", async () => {
    const dir = mkdtempSync(join(tmpdir(), "deskrota-plan-"));
    const setupFile = join(dir, "setup.json");
    ok(await deskrota(["setup", "from-problem", EXAMPLE("small-campus"), "--out", setupFile]));
    const entries = [{ id: "flu", kind: "absence", person: "s002", from: "2027-01-18T00:00", to: "2027-01-21T00:00" }];
    writeFileSync(join(dir, "entries.json"), JSON.stringify(entries));
    const out = join(dir, "term");
    const res = await deskrota([
      ...["plan", setupFile, "--from", "2027-01-11", "--weeks", "3", "--out-dir", out],
      ...["--entries", join(dir, "entries.json"), "--work", "20000", "--seed", "1"],
    ]);
    ok(res);
    expect(res.stdout).toMatch(/Uncovered over the term: [\d.]+ h/);
    const weeks = ["2027-01-11", "2027-01-18", "2027-01-25"];
    for (const week of weeks) {
      const problem = parseProblem(json(join(out, `${week}.problem.json`)));
      if (!problem.ok) throw new Error(`${week}: ${JSON.stringify(problem.issues)}`);
      const rota = RotaInput.parse(json(join(out, `${week}.rota.json`)));
      expect(
        check(problem.value, rota).violations.filter((v) => !["cover", "supervision", "keyholder"].includes(v.rule)),
      ).toEqual([]);
      expect(check(problem.value, rota).valid).toBe(true);
    }
    const second = json(join(out, "2027-01-18.problem.json"));
    expect(second.people.find((p: { id: string }) => p.id === "s002").absences).toEqual([
      { from: "2027-01-18T00:00", to: "2027-01-21T00:00" },
    ]);
    const carry = json(join(out, "carry.json"));
    expect(carry.weeks).toEqual(weeks);
    const summary = json(join(out, "summary.json"));
    expect(summary.weeks.map((w: { weekStart: string }) => w.weekStart)).toEqual(weeks);
  });
});
