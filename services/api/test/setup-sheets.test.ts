import { setupFromProblem } from "@deskrota/core";
import { readCsv, readXlsx, writeCsv, writeXlsx } from "@deskrota/sheets";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { XLSX } from "../src/routes/setup-people";
import { example, testApp, type TestApp } from "./support/app";

// The people sheet through the API: export, import (dry run and apply), all or nothing.

const { setup } = setupFromProblem(example("small-campus"));
let t: TestApp;
let csv: string[][];

beforeAll(async () => {
  t = await testApp();
  expect((await t.app.inject({ method: "PUT", url: "/v1/setup", headers: t.auth, payload: setup })).statusCode).toBe(
    200,
  );
  const exported = await get("/v1/setup/people.csv");
  const read = readCsv(exported.rawPayload);
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  csv = read.rows;
});
afterAll(() => t.app.close());

function get(url: string, headers = t.auth) {
  return t.app.inject({ method: "GET", url, headers });
}
function upload(body: Uint8Array | string, type: string, query = "") {
  return t.app.inject({
    method: "POST",
    url: `/v1/setup/people${query}`,
    headers: { ...t.auth, "content-type": type },
    payload: typeof body === "string" ? body : Buffer.from(body),
  });
}
const revisions = async () => (await get("/v1/setup/revisions")).json().revisions.length;
const column = (name: string) => csv[0]?.indexOf(name) as number;
/** The exported rows with one cell changed (row 1 = the header). */
function edited(row: number, name: string, value: string): string[][] {
  const rows = structuredClone(csv);
  (rows[row - 1] as string[])[column(name)] = value;
  return rows;
}
const quoted = (c: string) => (/[;"\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
const semicolons = (rows: string[][]) => `\uFEFF${rows.map((r) => r.map(quoted).join(";")).join("\r\n")}\r\n\r\n\r\n`;

describe("export", () => {
  test("GET /v1/setup/people.csv: the template's header, then one row per person (UTF-8 with a BOM)", async () => {
    const res = await get("/v1/setup/people.csv");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/csv/);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv[0]?.slice(0, 3)).toEqual(["ID", "Name", "Role"]);
    expect(csv.slice(1).map((r) => r[0])).toEqual(setup.people.map((p) => p.id));
  });

  test("GET /v1/setup/people.xlsx: the same rows in a workbook", async () => {
    const res = await get("/v1/setup/people.xlsx");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe(XLSX);
    const read = await readXlsx(res.rawPayload);
    expect(read.ok && read.rows).toEqual(csv);
  });

  test("another organisation has no setup: 404", async () => {
    const other = { authorization: `Bearer ${(await t.services.orgs.createOrg("Another")).token}` };
    expect((await get("/v1/setup/people.csv", other)).statusCode).toBe(404);
    expect((await get("/v1/setup/people.xlsx", other)).statusCode).toBe(404);
  });
});

describe("import", () => {
  test("exported and imported unchanged (CSV and XLSX): nothing changes, no revision", async () => {
    const before = await revisions();
    for (const res of [await upload(writeCsv(csv), "text/csv"), await upload(await writeXlsx(csv, "People"), XLSX)]) {
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ dryRun: false, revision: 1, added: [], changed: [], removed: [], issues: [] });
    }
    expect(await revisions()).toBe(before);
  });

  test(
    "a dry run of a hand-edited sheet (BOM, `;`, blank rows, 9am) says what would change and changes " + "nothing",
    async () => {
      const rows = edited(2, "Hours target", "21");
      (rows[2] as string[])[column("Availability")] = "Mon 9am-5pm; tue 9:00-17:00";
      const res = await upload(semicolons(rows), "text/csv; charset=utf-8", "?dryRun=true");
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ dryRun: true, revision: null, added: [], removed: [], issues: [] });
      expect(body.changed).toEqual([
        { id: "s001", fields: [expect.objectContaining({ field: "Hours target", after: "21" })] },
        { id: "s002", fields: [expect.objectContaining({ field: "Availability" })] },
      ]);
      expect((await get("/v1/setup/people/s001")).json().hours.target).toBe(20);
    },
  );

  test("applied, every row is one new revision: rows changed, people left out removed", async () => {
    const rows = edited(2, "Hours target", "21").filter((r) => r[0] !== "u004");
    const res = await upload(writeCsv(rows), "text/csv", "?note=from%20HR");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ dryRun: false, revision: 2, removed: [{ id: "u004" }] });
    expect((await get("/v1/setup/people/s001")).json().hours.target).toBe(21);
    expect((await get("/v1/setup")).json()).toMatchObject({ revision: 2, kind: "import", note: "from HR" });
  });

  test.each([
    ["a wrong header", () => edited(1, "Hours target", "Hourz"), 1, "Hourz"],
    ["an unknown site", () => edited(3, "Sites", "nowhere"), 3, "Sites"],
    ["a bad time", () => edited(4, "Availability", "Mon 25:00-26:00"), 4, "Availability"],
    ["a duplicate id", () => edited(5, "ID", "s001"), 5, "ID"],
  ])("%s: the dry run lists it by row and column; applied, a 400 and nothing applied", async (_, rows, row, col) => {
    const dry = await upload(writeCsv(rows()), "text/csv", "?dryRun=true");
    expect(dry.statusCode).toBe(200);
    expect(dry.json().issues).toContainEqual(expect.objectContaining({ row, column: col }));
    const before = await revisions();
    const res = await upload(writeCsv(rows()), "text/csv");
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "DESKROTA_E_INPUT" });
    expect(res.json().issues).toContainEqual(expect.objectContaining({ in: "body", path: `${row}.${col}` }));
    expect(await revisions()).toBe(before);
  });

  test("an empty file is a 400 with its row; a 5 MB file a 413 in the error shape; neither applies", async () => {
    const empty = await upload("", "text/csv");
    expect(empty.statusCode).toBe(400);
    expect(empty.json().issues[0].message).toMatch(/empty/);
    const big = await upload(`${"ID,Name\n".repeat(1)}${"x,y\n".repeat(1_300_000)}`, "text/csv");
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ statusCode: 413, message: expect.stringMatching(/MB/) });
  });

  test("JSON or another media type is a 415", async () => {
    expect((await upload(JSON.stringify({ people: [] }), "application/json")).statusCode).toBe(415);
    expect((await upload("ID,Name", "text/plain")).statusCode).toBe(415);
  });

  test("a broken .xlsx is a 400 naming the file, never a 500", async () => {
    const res = await upload(Buffer.from("PK not really a workbook"), XLSX);
    expect(res.statusCode).toBe(400);
  });
});
