import type { Person, Problem, Rota } from "@deskrota/core";
import { DateTime } from "luxon";
import { placesOf } from "./places";

/**
 * An iCalendar (RFC 5545) feed of one person's stints. Times are UTC, so no VTIMEZONE is needed and
 * every calendar shows them in its own zone. A stint's UID depends on what it is (person, point,
 * start), not on the version, so a calendar refreshing the feed after a change updates in place.
 * `meta.sequence` must rise whenever the feed may serve other times under the same UIDs.
 */
export function personIcs(
  problem: Problem,
  rota: Rota,
  person: Person,
  meta: { rotaId: string; version: number; stamp: string; sequence: number },
): string {
  const places = placesOf(problem);
  const stamp = utc(meta.stamp);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//deskrota//rota feed//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${text(`Desk rota: ${person.name}`)}`,
  ];
  const stints = rota.assignments
    .filter((a) => a.person === person.id)
    .sort((a, b) => utc(a.start).localeCompare(utc(b.start)));
  for (const a of stints) {
    const place = places.get(a.point);
    const where = place ? `${place.point.name} (${place.site.name})` : a.point;
    lines.push(
      "BEGIN:VEVENT",
      `UID:${text(`${meta.rotaId}-${person.id}-${a.point}-${utc(a.start)}`)}@deskrota`,
      `DTSTAMP:${stamp}`,
      `SEQUENCE:${meta.sequence}`,
      `DTSTART:${utc(a.start)}`,
      `DTEND:${utc(a.end)}`,
      `SUMMARY:${text(`${where}${a.shadowing ? ", shadowing" : ""}`)}`,
      ...(place ? [`LOCATION:${text(place.site.name)}`] : []),
      `DESCRIPTION:${text(`Rota ${meta.rotaId}, version ${meta.version}.`)}`,
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return `${lines.flatMap(fold).join("\r\n")}\r\n`;
}

function utc(instant: string): string {
  return DateTime.fromISO(instant, { setZone: true }).toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'");
}

/** TEXT escaping (RFC 5545 §3.3.11). */
function text(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, "\\n");
}

/** Lines longer than 75 octets continue on the next line after a space (§3.1), never inside a character. */
function fold(line: string): string[] {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.map((part, i) => (i === 0 ? part : ` ${part}`));
}
