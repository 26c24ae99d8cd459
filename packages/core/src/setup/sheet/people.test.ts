import { describe, expect, it } from "vitest";
import { example } from "../../../test/support/examples";
import { setupFromProblem } from "../week";
import { PEOPLE_COLUMNS } from "./columns";
import { diffPeople, peopleToRows, rowsToPeople } from "./people";

const { setup } = setupFromProblem(example("small-campus"));
const HEADER = PEOPLE_COLUMNS.map((c) => c.header);
const rows = () => peopleToRows(setup);
const at = (header: string) => HEADER.indexOf(header);
const edit = (table: string[][], row: number, header: string, value: string) => {
  (table[row] as string[])[at(header)] = value;
  return table;
};

describe("peopleToRows / rowsToPeople", () => {
  it.each(["small-campus", "typical-week", "dst-week", "large-system"])(
    "reads back the %s people unchanged, with no change to report",
    (name) => {
      const standing = setupFromProblem(example(name)).setup;
      const back = rowsToPeople(peopleToRows(standing), standing);
      expect(back.issues).toEqual([]);
      expect(back.people).toEqual(standing.people);
      expect(diffPeople(standing.people, back.people)).toEqual({ added: [], changed: [], removed: [] });
    },
  );

  it("names training by the points' names and reads names in any case, or ids", () => {
    const typical = setupFromProblem(example("typical-week")).setup;
    const table = peopleToRows(typical);
    const column = at("Training");
    const s012 = table.find((row) => row[0] === "s012") as string[];
    expect(s012[column]).toBe("Reception: independent; Help Desk: shadowing; Roving: independent");
    const duty = table.find((row) => row[0] === "s001") as string[];
    expect(duty[column]).toContain("Duty Manager: independent");
    s012[column] = "RECEPTION: independent; help desk: shadowing; main-roving: independent; duty manager: none";
    const read = rowsToPeople(table, typical);
    expect(read.issues).toEqual([]);
    expect(read.people.find((p) => p.id === "s012")?.training).toEqual({
      reception: "independent",
      helpdesk: "shadowing",
      "main-roving": "independent",
      duty: "none",
    });
    expect(diffPeople(typical.people, read.people, typical).changed).toEqual([
      {
        id: "s012",
        fields: [
          {
            field: "Training",
            before: "Reception: independent; Help Desk: shadowing; Roving: independent",
            after: "Reception: independent; Help Desk: shadowing; main-roving: independent; Duty Manager: none",
          },
        ],
      },
    ]);
  });

  it("reads a hand-made sheet: blank rows, header case and spaces, 9am and 9:00, day names in any case", () => {
    const table: string[][] = [
      [],
      ["id ", " NAME", "role", "Sites", "hours  TARGET", "Availability", "Training", "Qualifications", "Preferences"],
      [
        "n1 ",
        "New Person ",
        "Student",
        "Campus",
        "7,5",
        "monday 9am-1pm; TUE 9:00 - 17:30",
        "Help Desk: Shadowing",
        "",
        "",
      ],
      ["", "", "", "", "", "", "", "", ""],
      [
        "n2",
        "Other",
        "staff",
        "campus",
        "4",
        "Mon-Wed 9-12, 13:00-15:00",
        "roving: independent",
        "lead",
        "fri 16:00-18:00 -2",
      ],
    ];
    const read = rowsToPeople(table, setup);
    expect(read.issues).toEqual([]);
    expect(read.people).toEqual([
      {
        id: "n1",
        name: "New Person",
        role: "student",
        sites: ["campus"],
        hours: { target: 7.5 },
        availability: { mon: [["09:00", "13:00"]], tue: [["09:00", "17:30"]] },
        training: { helpdesk: "shadowing" },
      },
      {
        id: "n2",
        name: "Other",
        role: "staff",
        sites: ["campus"],
        hours: { target: 4 },
        availability: Object.fromEntries(
          ["mon", "tue", "wed"].map((d) => [
            d,
            [
              ["09:00", "12:00"],
              ["13:00", "15:00"],
            ],
          ]),
        ),
        training: { roving: "independent" },
        qualifications: ["lead"],
        preferences: [{ days: ["fri"], from: "16:00", to: "18:00", weight: -2 }],
      },
    ]);
    const diff = diffPeople(setup.people, read.people);
    expect(diff.added.map((p) => p.id)).toEqual(["n1", "n2"]);
    expect(diff.removed).toHaveLength(setup.people.length);
  });

  it("reads shop-hours shorthand: 9-5 in the afternoon, weekdays, weekends and daily", () => {
    const table = [
      ["ID", "Name", "Role", "Sites", "Hours target", "Availability"],
      ["n1", "A", "staff", "campus", "4", "weekdays 9-5; Weekend 10am-2"],
      ["n2", "B", "staff", "campus", "4", "daily 8:30 to 12:30"],
    ];
    const read = rowsToPeople(table, { ...setup, people: [] });
    expect(read.issues).toEqual([]);
    const nine = [["09:00", "17:00"]];
    const ten = [["10:00", "14:00"]];
    expect(read.people[0]?.availability).toEqual({
      mon: nine,
      tue: nine,
      wed: nine,
      thu: nine,
      fri: nine,
      sat: ten,
      sun: ten,
    });
    expect(Object.values(read.people[1]?.availability ?? {})).toEqual(Array(7).fill([["08:30", "12:30"]]));
  });

  it("keeps what the setup says for a column the sheet leaves out", () => {
    const table = rows().map((row) => row.filter((_, i) => i !== at("Availability")));
    const read = rowsToPeople(table, setup);
    expect(read.issues).toEqual([]);
    expect(read.people).toEqual(setup.people);
  });

  it("reports each changed field in the template's words", () => {
    const table = edit(edit(rows(), 1, "Hours max", "30"), 2, "Availability", "Mon 10:00-12:00");
    const read = rowsToPeople(table, setup);
    expect(read.issues).toEqual([]);
    const diff = diffPeople(setup.people, read.people);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed).toEqual([
      { id: "s001", fields: [{ field: "Hours max", before: "25", after: "30" }] },
      {
        id: setup.people[1]?.id,
        fields: [{ field: "Availability", before: expect.stringMatching(/^Mon/), after: "Mon 10:00-12:00" }],
      },
    ]);
  });
});

describe("malformed people sheets: every problem with its row and column", () => {
  const issues = (table: string[][]) => rowsToPeople(table, setup).issues;

  it("an empty sheet", () => {
    expect(issues([])).toEqual([{ row: 1, column: "", message: expect.stringMatching(/empty/) }]);
    expect(issues([[], [""]])).toEqual([{ row: 1, column: "", message: expect.stringMatching(/empty/) }]);
  });

  it("wrong and missing headers", () => {
    const table = rows();
    (table[0] as string[])[at("Name")] = "Full name";
    expect(issues(table)).toEqual([
      { row: 1, column: "Full name", message: expect.stringMatching(/not a column of the people template/) },
      { row: 1, column: "Name", message: 'the column "Name" is missing' },
    ]);
  });

  it("an unknown site, a bad time, a bad number and a bad training state", () => {
    const table = edit(
      edit(edit(rows(), 2, "Sites", "campus, annex"), 3, "Availability", "Mon 25:00-26:00"),
      4,
      "Hours target",
      "lots",
    );
    edit(table, 5, "Training", "helpdesk: expert");
    expect(issues(table)).toEqual([
      { row: 3, column: "Sites", message: 'there is no site "annex"' },
      { row: 4, column: "Availability", message: expect.stringMatching(/"25:00" is not a time/) },
      { row: 5, column: "Hours target", message: expect.stringMatching(/"lots" is not a number/) },
      { row: 6, column: "Training", message: expect.stringMatching(/"expert" is not a training state/) },
    ]);
  });

  it("a duplicate id, a blank required cell, an unknown mentor and max below target", () => {
    const table = rows();
    edit(table, 3, "ID", "s001");
    edit(table, 4, "Name", " ");
    edit(table, 5, "Mentor", "nobody");
    edit(table, 6, "Hours max", "1");
    expect(issues(table)).toEqual([
      { row: 4, column: "ID", message: "s001 is already the ID of row 2" },
      { row: 5, column: "Name", message: "must not be empty" },
    ]);
    const second = edit(edit(rows(), 5, "Mentor", "nobody"), 6, "Hours max", "1");
    expect(issues(second)).toEqual([
      { row: 6, column: "Mentor", message: "there is no person nobody" },
      { row: 7, column: "Hours max", message: expect.stringMatching(/below target/) },
    ]);
  });

  it("a value beyond the last column", () => {
    const table = rows();
    (table[2] as string[])[HEADER.length + 1] = "stray";
    expect(issues(table)).toEqual([
      { row: 3, column: `column ${HEADER.length + 2}`, message: "a value outside the template's columns" },
    ]);
  });
});
