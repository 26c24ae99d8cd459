import {
  type Analysis,
  explainScore,
  formatSpan,
  metrics,
  type Problem,
  type Rota,
  type Uncovered,
} from "@deskrota/core";

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
  for (const gap of rota.uncovered) lines.push(`  ${gapLine(problem, gap)}`);
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
  lines.push(...scoreLines(explainScore(problem, rota), 3));
  return lines.join("\n");
}

/** "Tue 24 Nov 16:00–17:00  Reception (Main Library), 1 missing — hour caps used up: …" */
export function gapLine(problem: Problem, gap: Uncovered): string {
  const site = problem.sites.find((s) => s.id === gap.site || s.servicePoints.some((p) => p.id === gap.point));
  const point = site?.servicePoints.find((p) => p.id === gap.point);
  const where = point
    ? `${point.name} (${site?.name})`
    : `${site?.name ?? gap.site}: ${gap.rule === "keyholder" ? "no keyholder" : "no lead on site"}`;
  const missing = gap.rule === "cover" || !gap.rule ? `, ${gap.missing} missing` : "";
  return `${formatSpan(gap.start, gap.end, site?.timeZone ?? problem.timeZone)}  ${where}${missing} — ${gap.reason}`;
}

/**
 * The score rule by rule, each with the `top` penalties that carry most of it ("Ben Walsh 15.5 h
 * under target (7 h of 22.5 h): 610"), and how many more there are.
 */
export function scoreLines(score: Analysis["score"], top = Infinity): string[] {
  const lines = [`Score: ${points(score.soft)}`];
  for (const rule of score.byRule) {
    if (rule.points === 0 && rule.penalties.length === 0) continue;
    lines.push(`  ${rule.rule} ${points(rule.points)} (${rule.title.toLowerCase()})`);
    for (const p of rule.penalties.slice(0, top)) lines.push(`    ${p.message}: ${points(p.points)}`);
    if (rule.penalties.length > top) lines.push(`    … and ${rule.penalties.length - top} more`);
  }
  return lines;
}

function points(value: number): string {
  return String(Math.round(value * 10) / 10);
}
