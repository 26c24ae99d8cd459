// `pnpm --filter @deskrota/benchmarks term-score <file.json>…`: the figures of terms `term-work … <out-dir>` wrote,
// judged again by today's core without solving anything: per file the distance from each share over the term
// (median, largest, people within 2 h), uncovered hours per week, and everyone more than 2 h from the fair or
// slot share with their forced and attainable hours (`PersonWeek`), their balance, the target each week was
// solved with, and their hours and fair share, week by week. A change to
// the shares' definition is measured on the same rotas; a change to the carry-over needs `term-work` again.
import { readFileSync } from "node:fs";
import { setupFromProblem, type TermWeek, termSummary, weekFacts } from "@deskrota/core";
import { EXAMPLE_INSTANCES, loadProblem } from "./instances";
import { median } from "./stats";

const instance = EXAMPLE_INSTANCES.find((i) => i.id === "typical-week");
if (!instance) throw new Error("no typical-week instance");
const { setup } = setupFromProblem(loadProblem(instance.ref));
const round = (x: number) => Math.round(x * 100) / 100;
const shares = ["Fair", "Slot", "Plain", "Clamped"] as const;

for (const file of process.argv.slice(2)) {
  const weeks = JSON.parse(readFileSync(file, "utf8")) as TermWeek[];
  const summary = termSummary(weeks, setup);
  const distance = (p: (typeof summary.people)[number], share: (typeof shares)[number]) =>
    Math.abs(p[`from${share}Share`]);
  const figures = shares.map((share) => {
    const d = summary.people.map((p) => distance(p, share));
    const within = (100 * d.filter((x) => x <= 2).length) / Math.max(1, d.length);
    return `${share.toLowerCase()} ${round(median(d) ?? 0)} / ${round(Math.max(0, ...d))} / ${round(within)} %`;
  });
  const uncovered = summary.weeks.map((w) => w.uncoveredHours);
  const mean = uncovered.reduce((sum, h) => sum + h, 0) / Math.max(1, uncovered.length);
  console.log(`${file}: median / max / within 2 h: ${figures.join(" | ")} | uncovered a week ${round(mean)}`);
  const bounds = new Map<string, { forced: number; attainable: number }>();
  let belowForced = 0;
  for (const { problem, rota } of weeks) {
    for (const f of weekFacts(problem, rota, setup)) {
      if (f.fairShare < f.forced - 0.01) belowForced++;
      const b = bounds.get(f.person) ?? { forced: 0, attainable: 0 };
      bounds.set(f.person, { forced: b.forced + f.forced, attainable: b.attainable + f.attainable });
    }
  }
  console.log(`  person-weeks whose fair share is below what the week forces on them: ${belowForced}`);
  // The plain and clamped shares put most people far off (a full site): list the ones the fair share does.
  const far = summary.people.filter((p) => distance(p, "Fair") > 2 || distance(p, "Slot") > 2);
  for (const p of far.sort((a, b) => distance(b, "Fair") - distance(a, "Fair"))) {
    const b = bounds.get(p.person);
    console.log(
      `  ${p.person} worked ${round(p.worked)} contract ${p.contract} | fair ${p.fromFairShare} ` +
        `slot ${p.fromSlotShare} plain ${p.fromPlainShare} clamped ${p.fromClampedShare} | ` +
        `forced ${round(b?.forced ?? 0)} attainable ${round(b?.attainable ?? 0)}`,
    );
    const path = p.weeks.map((_, w) =>
      round(p.weeks.slice(0, w + 1).reduce((sum, week) => sum + week.worked - week.fairShare, 0)),
    );
    console.log(`    worked − fair share so far, week by week: ${path.join(" ")}`);
    // What the carry asked of them against what the weeks gave: a target far from the share it is meant to
    // reach, week after week, is the carry's limit or the search's; a share that moves is the weeks'.
    const targets = weeks.map(({ problem }) => problem.people.find((x) => x.id === p.person)?.hours.target ?? "-");
    console.log(`    target solved with, week by week: ${targets.join(" ")}`);
    console.log(`    worked / fair share, week by week: ${p.weeks.map((w) => `${w.worked}/${w.fairShare}`).join(" ")}`);
  }
}
