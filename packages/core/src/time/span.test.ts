import { describe, expect, it } from "vitest";
import { formatSpan } from "./span";

describe("formatSpan", () => {
  it("says a span on the site's wall clock, with its day", () => {
    expect(formatSpan("2026-11-24T09:00:00.000+00:00", "2026-11-24T11:30:00.000+00:00", "Europe/London")).toBe(
      "Tue 24 Nov 09:00–11:30",
    );
    // The same instants read in another zone.
    expect(formatSpan(Date.parse("2026-11-24T09:00Z"), Date.parse("2026-11-24T11:30Z"), "America/New_York")).toBe(
      "Tue 24 Nov 04:00–06:30",
    );
  });

  it("ends at 24:00 at midnight and names the end's day past it", () => {
    expect(formatSpan("2026-11-24T20:00+00:00", "2026-11-25T00:00+00:00", "Europe/London")).toBe(
      "Tue 24 Nov 20:00–24:00",
    );
    expect(formatSpan("2026-11-24T22:00+00:00", "2026-11-25T02:00+00:00", "Europe/London")).toBe(
      "Tue 24 Nov 22:00–Wed 25 Nov 02:00",
    );
  });

  it("reads the wall clock across a DST change", () => {
    // Europe/London leaves summer time at 02:00 BST on Sunday 25 October 2026: 00:00–03:00 local is 4 hours.
    expect(formatSpan("2026-10-24T23:00Z", "2026-10-25T03:00Z", "Europe/London")).toBe("Sun 25 Oct 00:00–03:00");
  });
});
