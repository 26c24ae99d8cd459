import { download } from "../api";
import { focusHeading, h, render } from "../dom";
import type { View } from "../main";
import { hours, local, longDayLabel, timeRange } from "../time";
import type { Assignment } from "../types";
import { getRota, loadVersion, rotaPath } from "./load";
import { versionHash } from "./rota";

/** One person's week: every stint in its site's zone, hours against target, and their calendar feed. */
export const personView: View = async (main, route, signal) => {
  const [, id = "", , n, , personId = ""] = route.path;
  const record = await getRota(id);
  const loaded = await loadVersion(record, Number(n));
  if (signal.aborted) return;
  const { problem, version } = loaded;
  const person = problem.people.find((p) => p.id === personId);
  const back = h(
    "a",
    { href: versionHash(record.id, version.version) },
    `Back to ${record.name ?? record.id} (v${version.version})`,
  );
  if (!person) {
    render(main, h("h1", {}, "Unknown person"), h("p", {}, `${personId} is not in this version's problem.`), back);
    focusHeading(main);
    return;
  }
  const points = new Map(
    problem.sites.flatMap((s) =>
      s.servicePoints.map(
        (p) => [p.id, { point: p.name, site: s.name, zone: s.timeZone ?? problem.timeZone }] as const,
      ),
    ),
  );
  const stints = version.rota.assignments
    .filter((a) => a.person === person.id)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const byDay = new Map<string, Assignment[]>();
  for (const a of stints) {
    const date = local(a.start, points.get(a.point)?.zone ?? problem.timeZone).date;
    byDay.set(date, [...(byDay.get(date) ?? []), a]);
  }
  const summary = version.rota.people.find((p) => p.person === person.id);
  const status = h("span", { role: "status", class: "hint" });
  const fact = (term: string, value: string) => [h("dt", {}, term), h("dd", {}, value)];
  render(
    main,
    h("p", {}, back),
    h("h1", {}, person.name),
    h(
      "p",
      { class: "hint" },
      `${person.role === "student" ? "Student staff" : "Staff"} · ` +
        person.sites.map((s) => problem.sites.find((x) => x.id === s)?.name ?? s).join(", ") +
        (person.qualifications?.length ? ` · ${person.qualifications.join(", ")}` : ""),
    ),
    h(
      "dl",
      { class: "facts" },
      fact(
        "Hours",
        `${hours(summary?.minutes ?? 0)} of a ${hours(summary?.targetMinutes ?? person.hours.target * 60)} target`,
      ),
      fact("Evening", hours(summary?.eveningMinutes ?? 0)),
      fact("Weekend", hours(summary?.weekendMinutes ?? 0)),
      fact("Shadowing", hours(summary?.shadowingMinutes ?? 0)),
      fact("Shifts", String(summary?.shifts ?? 0)),
    ),
    h(
      "div",
      { class: "toolbar" },
      h(
        "button",
        {
          type: "button",
          onclick: async () => {
            const name = await download(
              `${rotaPath(record.id)}/people/${encodeURIComponent(person.id)}.ics?version=${version.version}`,
              `${person.id}.ics`,
            );
            status.textContent = `Downloaded ${name}: add it to a calendar.`;
          },
        },
        "Download calendar (iCal)",
      ),
      status,
    ),
    h("h2", {}, "Stints"),
    stints.length
      ? h(
          "ul",
          { class: "stints" },
          [...byDay].map(([date, list]) =>
            h(
              "li",
              {},
              h("h3", {}, longDayLabel(date)),
              h(
                "ul",
                {},
                list.map((a) => {
                  const where = points.get(a.point);
                  return h(
                    "li",
                    {},
                    `${timeRange(a.start, a.end, where?.zone ?? problem.timeZone)} ${where?.point ?? a.point} ` +
                      `(${where?.site ?? ""})`,
                    a.shadowing && h("span", { class: "tag" }, " shadowing"),
                  );
                }),
              ),
            ),
          ),
        )
      : h("p", {}, "Not on any desk this week."),
  );
  focusHeading(main);
};
