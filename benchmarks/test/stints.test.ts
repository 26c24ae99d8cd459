import { readFileSync } from "node:fs";
import { parseProblem, type Problem } from "@deskrota/core/internal";
import { describe, expect, it } from "vitest";
import { idleShortStints, shortStints } from "../src/stints";

const parsed = parseProblem(
  JSON.parse(readFileSync(new URL("../../docs/examples/small-campus.json", import.meta.url), "utf8")),
);
if (!parsed.ok) throw new Error("small-campus.json does not parse");
const problem: Problem = parsed.value;
const at = (person: string, start: string, end: string) => ({ person, point: "campus-helpdesk", start, end });

describe("shortStints", () => {
  it("counts stints under an hour, and one closes a gap only where the rota without it has more unmet hours", () => {
    // The help desk needs one person all Monday: a lone 30-minute stint closes a gap; a second
    // person's 30 minutes beside someone already there does not; two hours are not short.
    const rota = {
      assignments: [
        at("s001", "2026-11-23T09:00", "2026-11-23T09:30"),
        at("s002", "2026-11-23T10:00", "2026-11-23T12:00"),
        at("s003", "2026-11-23T10:30", "2026-11-23T11:00"),
      ],
    };
    expect(shortStints(problem, rota)).toEqual({ stints: 3, short: 2, closingGap: 1 });
    expect(idleShortStints(problem, rota)).toEqual([rota.assignments[2]]);
  });
});
