import { DateTime } from "luxon";
import { metrics, type Problem, type Rota } from "@deskrota/core";

const hours = (minutes: number) => (minutes / 60).toFixed(1);

/** The readable summary of a rota: cover, gaps with reasons, hours per person, solver status. */
export function summary(problem: Problem, rota: Rota): string {
  const m = metrics(problem, rota);
  const lines: string[] = [];
  const s = rota.solver;
  lines.push(
    `Rota for the week of ${problem.weekStart}: ${rota.assignments.length} stints for ${problem.people.length} ` +
      `people at ${problem.sites.length} ${problem.sites.length === 1 ? "site" : "sites"}`,
  );
  if (s) {
    const gap = s.gap === null ? "no bound yet" : `gap to bound ${(s.gap * 100).toFixed(2)} %`;
    lines.push(
      `Solver: ${s.status} after ${(s.timeMs / 1000).toFixed(1)} s (first rota at ` +
        `${((s.firstRotaMs ?? 0) / 1000).toFixed(2)} s) · objective ${s.objective.toFixed(1)} · bound ` +
        `${s.bestBound === null ? "—" : s.bestBound.toFixed(1)} · ${gap}`,
    );
  }
  lines.push(`Cover: ${m.minCoverPct.toFixed(1)} % of minimum, ${m.targetCoverPct.toFixed(1)} % of target`);
  lines.push(
    `Gaps: ${m.gapHours.cover} h below minimum cover · ${m.gapHours.supervision} h without a lead · ` +
      `${m.gapHours.keyholder} h without a keyholder at opening/closing`,
  );
  const names = new Map(problem.people.map((p) => [p.id, p.name]));
  const points = new Map(
    problem.sites.flatMap((site) => site.servicePoints.map((p) => [p.id, `${p.name} (${site.name})`] as const)),
  );
  const sites = new Map(problem.sites.map((site) => [site.id, site.name]));
  for (const gap of rota.uncovered) {
    const start = DateTime.fromISO(gap.start, { setZone: true });
    const end = DateTime.fromISO(gap.end, { setZone: true });
    const where = gap.point
      ? (points.get(gap.point) ?? gap.point)
      : `${sites.get(gap.site ?? "") ?? gap.site}: ${gap.rule === "keyholder" ? "no keyholder" : "no lead on site"}`;
    lines.push(
      `  ${start.toFormat("ccc dd LLL HH:mm")}–${end.toFormat("HH:mm")}  ` +
        `${where}${gap.rule === "cover" || !gap.rule ? `, ${gap.missing} missing` : ""} — ${gap.reason}`,
    );
  }
  lines.push("Hours per person (worked / target; evening, weekend):");
  const width = Math.max(...problem.people.map((p) => `${p.id} ${p.name}`.length));
  for (const person of rota.people) {
    const label = `${person.person} ${names.get(person.person) ?? ""}`.padEnd(width);
    const note = [
      person.eveningMinutes ? `${hours(person.eveningMinutes)} h evening` : "",
      person.weekendMinutes ? `${hours(person.weekendMinutes)} h weekend` : "",
      person.shadowingMinutes ? `${hours(person.shadowingMinutes)} h shadowing` : "",
    ]
      .filter(Boolean)
      .join(", ");
    lines.push(
      `  ${label}  ${hours(person.minutes).padStart(5)} / ` +
        `${hours(person.targetMinutes ?? 0).padStart(5)}${note ? `   ${note}` : ""}`,
    );
  }
  lines.push(
    `Score: ${rota.score.soft.toFixed(1)} (${Object.entries(rota.score.byRule)
      .filter(([, v]) => v !== 0)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")})`,
  );
  return lines.join("\n");
}
