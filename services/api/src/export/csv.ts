import type { Problem, Rota } from "@deskrota/core";
import { DateTime } from "luxon";
import { placesOf } from "./places";

const HEADER = ["date", "day", "site", "point", "start", "end", "hours", "person", "name", "shadowing", "note"];

/**
 * One row per assignment, then one per uncovered gap, in local site time: a sheet a coordinator
 * can sort and filter (by person, by day, by desk) without reshaping it. A UTF-8 byte-order mark
 * lets spreadsheet programs read names with accents correctly.
 */
export function rotaCsv(problem: Problem, rota: Rota): string {
  const places = placesOf(problem);
  const people = new Map(problem.people.map((p) => [p.id, p]));
  const sites = new Map(problem.sites.map((s) => [s.id, s]));
  const rows: Array<{ key: string; cells: string[] }> = [];
  const when = (start: string, end: string, zone: string) => {
    const from = DateTime.fromISO(start, { setZone: true }).setZone(zone);
    const to = DateTime.fromISO(end, { setZone: true }).setZone(zone);
    const hours = Math.round(to.diff(from, "hours").hours * 100) / 100;
    return {
      key: from.toUTC().toISO() ?? start,
      cells: [
        from.toISODate() ?? "",
        from.toFormat("ccc"),
        from.toFormat("HH:mm"),
        to.toFormat("HH:mm"),
        String(hours),
      ],
    };
  };
  for (const a of rota.assignments) {
    const place = places.get(a.point);
    const zone = place?.zone ?? problem.timeZone;
    const t = when(a.start, a.end, zone);
    const [date = "", day = "", start = "", end = "", hours = ""] = t.cells;
    rows.push({
      key: `${t.key} ${place?.site.id ?? ""} ${a.point} ${a.person}`,
      cells: [
        date,
        day,
        place?.site.name ?? "",
        place?.point.name ?? a.point,
        start,
        end,
        hours,
        a.person,
        people.get(a.person)?.name ?? "",
        a.shadowing ? "yes" : "",
        "",
      ],
    });
  }
  for (const gap of rota.uncovered) {
    const place = gap.point ? places.get(gap.point) : undefined;
    const site = place?.site ?? (gap.site ? sites.get(gap.site) : undefined);
    const zone = place?.zone ?? site?.timeZone ?? problem.timeZone;
    const t = when(gap.start, gap.end, zone);
    const [date = "", day = "", start = "", end = "", hours = ""] = t.cells;
    const what =
      gap.rule === "supervision"
        ? "no lead on site"
        : gap.rule === "keyholder"
          ? "no keyholder"
          : `${gap.missing} missing`;
    rows.push({
      key: `${t.key} ${site?.id ?? ""} ${gap.point ?? ""} ~`,
      cells: [
        date,
        day,
        site?.name ?? "",
        place?.point.name ?? "",
        start,
        end,
        hours,
        "",
        "",
        "",
        `UNCOVERED: ${what} (${gap.reason})`,
      ],
    });
  }
  rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return `\uFEFF${[HEADER, ...rows.map((r) => r.cells)].map((cells) => cells.map(cell).join(",")).join("\r\n")}\r\n`;
}

/** RFC 4180 quoting, and a leading apostrophe on text a spreadsheet would run as a formula. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
