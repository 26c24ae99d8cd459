import { describe, expect, it } from "vitest";
import { example } from "../../test/support/examples";
import { setupChangeWords } from "./change-words";
import { coverChangeWords, daysInWords, weekHoursChangeWords } from "./cover-words";
import type { CoverBand } from "../model/problem";
import type { Setup } from "./schema";
import { setupFromProblem } from "./week";

// A revision's change in the names a coordinator knows, never a field name of the format.

const campus = (): Setup => structuredClone(setupFromProblem(example("small-campus")).setup);

describe("setupChangeWords", () => {
  it("names the site and the point added, not servicePoints", () => {
    const before = campus();
    const after = campus();
    const site = after.sites[0] as Setup["sites"][number];
    site.servicePoints.push({ id: "help", name: "Help Desk", kind: "helpdesk", cover: [] });
    expect(setupChangeWords(before, after)).toEqual([
      "Service points of Campus Library & Learning Centre changed: Help Desk added",
    ]);
  });

  it("says the shadowing threshold by the point's name, not as the setup stores it", () => {
    const before = campus();
    const after = campus();
    const desk = after.sites[0]?.servicePoints[0] as Setup["sites"][number]["servicePoints"][number];
    after.training = { shadowingHoursToIndependent: 8, byPoint: { [desk.id]: 0.5 } };
    expect(setupChangeWords(before, after)).toEqual([
      `Shadowing hours before independent work: every point none → 8 h, ${desk.name} none → 0.5 h`,
    ]);
  });

  it("says a person's availability day by day", () => {
    const before = campus();
    const after = campus();
    const chen = after.people.find((p) => p.id === "s001") as Setup["people"][number];
    chen.availability = { ...chen.availability, mon: [["08:30", "12:00"]], sat: [["09:00", "17:00"]] };
    delete chen.availability.fri;
    expect(setupChangeWords(before, after)).toEqual([
      "Chen Mensah: availability changed (Mon 08:30–16:30 → 08:30–12:00; Fri 08:30–16:30 removed; " +
        "Sat 09:00–17:00 added)",
    ]);
  });

  it("says each band of a point, each dated exception and the opening hours", () => {
    const before = campus();
    const after = campus();
    const site = after.sites[0] as Setup["sites"][number];
    const desk = site.servicePoints[0] as Setup["sites"][number]["servicePoints"][number];
    desk.cover = [...desk.cover.slice(1), { days: ["sat", "sun"], from: "12:00", to: "14:00", min: 2 }];
    site.exceptions = [{ date: "2026-12-25", open: [], note: "Christmas" }];
    site.open = { ...site.open, sun: [] };
    const words = setupChangeWords(before, after);
    expect(words[0]).toMatch(/^Opening hours of Campus Library & Learning Centre changed: Sun \d\d:\d\d–.* removed$/);
    expect(words[1]).toBe(
      "Dated exceptions of Campus Library & Learning Centre changed: Fri 25 Dec 2026 closed (Christmas) added",
    );
    expect(words[2]).toMatch(/^Service points of Campus Library & Learning Centre changed: Service Desk: cover .* → /);
    expect(words).toHaveLength(3);
  });

  it("people added, changed and removed by name; a shared name carries site and id", () => {
    const before = campus();
    const after = campus();
    const [first, second] = after.people as [Setup["people"][number], Setup["people"][number]];
    after.people = after.people.filter((p) => p.id !== second.id);
    after.people.push({ ...first, id: "s900", mentor: undefined });
    first.hours = { ...first.hours, target: first.hours.target + 1 };
    first.mentor = "s003";
    expect(setupChangeWords(before, after)).toEqual([
      "Added Chen Mensah (Campus Library & Learning Centre, s900)",
      `Chen Mensah (Campus Library & Learning Centre, s001): hours changed (contract ${first.hours.target - 1} → ` +
        `${first.hours.target}), mentor none → Kofi Okafor`,
      "Removed Mei Jones",
    ]);
  });

  it("settings by their names; the first revision in a sentence; nothing changed is no words", () => {
    const before = campus();
    const after = { ...campus(), slotMinutes: 15 as const, rules: { minRestMinutes: 600 } };
    expect(setupChangeWords(before, after)).toEqual([
      `Slot length (minutes) changed: ${before.slotMinutes} → 15`,
      `Rules changed: min rest minutes ${before.rules?.minRestMinutes ?? "none"} → 600`,
    ]);
    expect(setupChangeWords(null, before)).toEqual([
      `Setup started: 1 site (Campus Library & Learning Centre), ${before.people.length} people`,
    ]);
    expect(setupChangeWords(before, campus())).toEqual([]);
  });
});

describe("cover words", () => {
  const band = (from: string, to: string, days: CoverBand["days"] = ["mon"]): CoverBand => ({ days, from, to, min: 1 });

  it("days run together with a dash from three on", () => {
    expect(daysInWords(["mon", "tue", "wed", "thu", "fri"])).toBe("Mon–Fri");
    expect(daysInWords(["sat", "sun"])).toBe("Sat, Sun");
    expect(daysInWords(["mon", "wed", "thu", "fri"])).toBe("Mon, Wed–Fri");
    expect(daysInWords([])).toBe("no day");
  });

  it("each band changed, added or removed, in order", () => {
    const before = [band("08:30", "17:00", ["fri"]), band("11:00", "17:00", ["sat", "sun"])];
    const after = [band("09:30", "16:00", ["fri"]), band("11:00", "17:00", ["sat", "sun"]), band("16:00", "17:00")];
    expect(coverChangeWords(before, after)).toEqual([
      "Fri 08:30–17:00, min 1 → Fri 09:30–16:00, min 1",
      "added Mon 16:00–17:00, min 1",
    ]);
    expect(coverChangeWords(before, before.slice(1))).toEqual([
      "Fri 08:30–17:00, min 1 → Sat, Sun 11:00–17:00, min 1",
      "removed Sat, Sun 11:00–17:00, min 1",
    ]);
  });

  it("week hours day by day: added, removed, changed", () => {
    expect(weekHoursChangeWords(undefined, { tue: [["09:00", "17:00"]] })).toEqual(["Tue 09:00–17:00 added"]);
    expect(
      weekHoursChangeWords(
        { mon: [["09:00", "17:00"]] },
        {
          mon: [
            ["09:00", "12:00"],
            ["13:00", "17:00"],
          ],
        },
      ),
    ).toEqual(["Mon 09:00–17:00 → 09:00–12:00, 13:00–17:00"]);
  });
});

describe("training in words", () => {
  it("says the point whose state changed, whether the record is on its id or on its kind", () => {
    const before = campus();
    const after = campus();
    const [chen] = after.people as [Setup["people"][number]];
    chen.training = { ...chen.training, "campus-helpdesk": "shadowing" };
    expect(setupChangeWords(before, after)).toEqual([
      "Chen Mensah: training changed (Service Desk independent → shadowing)",
    ]);
    chen.training = { roving: "independent" };
    expect(setupChangeWords(before, after)).toEqual([
      "Chen Mensah: training changed (Service Desk independent → none)",
    ]);
    // An empty list saved where there was none, and records moved from a kind to its point, change
    // nothing a coordinator sees: nothing to say.
    chen.preferences = [];
    chen.qualifications = [...(before.people[0]?.qualifications ?? [])];
    chen.training = { "campus-helpdesk": "independent", "campus-roving": "independent" };
    expect(setupChangeWords(before, after)).toEqual([]);
  });
});
