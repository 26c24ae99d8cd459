import { h } from "../dom";
import { nameLookup } from "../people";
import { elapsed } from "../time";
import type { Problem, Rota } from "../types";
import { scoreText } from "./status";

// What a coordinator asks of a rota first, in words: is every desk covered, and is it fair on
// people's hours. The solver's score and bound are for whoever tunes it: kept behind a disclosure,
// and the bound only where it says something (a distance of hundreds of per cent reads as a broken
// rota when it only means the bound is weak).

/** Beyond this distance from the proven bound, the bound says nothing useful about the rota. */
const USEFUL_GAP = 0.2;
const FAIR_MINUTES = 60;

const hoursOf = (minutes: number) => `${Math.round(minutes / 6) / 10} h`;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function gapWords(rota: Rota): string {
  if (!rota.uncovered.length) return "No gaps: every desk is covered and every site has a lead and a keyholder.";
  const minutes = { cover: 0, supervision: 0, keyholder: 0 };
  for (const u of rota.uncovered) {
    const length = (Date.parse(u.end) - Date.parse(u.start)) / 60_000;
    const rule = u.rule ?? "cover";
    if (rule === "cover") minutes.cover += length * u.missing;
    else if (rule === "keyholder") minutes.keyholder += length;
    else minutes.supervision += length;
  }
  const parts = [
    minutes.cover && `${hoursOf(minutes.cover)} of desk time uncovered`,
    minutes.supervision && `${hoursOf(minutes.supervision)} without a lead on site`,
    minutes.keyholder && `${hoursOf(minutes.keyholder)} without a keyholder`,
  ].filter(Boolean);
  return `${plural(rota.uncovered.length, "gap", "gaps")}: ${parts.join(", ")}.`;
}

function fairnessWords(problem: Problem, rota: Rota): string {
  const summaries = new Map(rota.people.map((p) => [p.person, p]));
  const name = nameLookup(problem);
  const offs = problem.people.map((p) => {
    const s = summaries.get(p.id);
    return { id: p.id, off: (s?.minutes ?? 0) - (s?.targetMinutes ?? p.hours.target * 60) };
  });
  const fair = offs.filter((o) => Math.abs(o.off) <= FAIR_MINUTES).length;
  const worst = [...offs].sort((a, b) => Math.abs(b.off) - Math.abs(a.off))[0];
  const furthest =
    worst && Math.abs(worst.off) > FAIR_MINUTES
      ? `; furthest: ${name(worst.id)}, ${hoursOf(Math.abs(worst.off))} ${worst.off < 0 ? "under" : "over"}`
      : "";
  return `Hours: ${fair} of ${problem.people.length} people within 1 h of their target${furthest}.`;
}

/** The two sentences under the rota's title. */
export function headline(problem: Problem, rota: Rota): HTMLElement {
  return h(
    "p",
    { class: rota.uncovered.length ? "headline has-gaps" : "headline" },
    h("strong", {}, gapWords(rota)),
    " ",
    fairnessWords(problem, rota),
  );
}

/** How the solver did, for those who ask: status, time, score, and the bound where it means something. */
export function solverDetails(rota: Rota): HTMLElement | null {
  const s = rota.solver;
  if (!s) return null;
  // The core's own certificate (which bound, and why none) where the server gives one.
  const certificate = (s as { certificate?: string }).certificate;
  const bound = certificate
    ? certificate
    : s.gap === null
      ? "No bound on the best possible score was computed."
      : s.gap <= USEFUL_GAP
        ? `Its score is within ${Math.round(s.gap * 1000) / 10} % of a proven bound on the best possible.`
        : "No useful bound yet: the proven bound is too far below this score to say how close to the best it is.";
  return h(
    "details",
    { class: "solver-details" },
    h("summary", {}, "Solver details"),
    h(
      "p",
      { class: "hint" },
      `The solver ${s.status === "optimal" ? "proved this rota the best" : `ended (${s.status})`} after `,
      `${elapsed(s.timeMs)}; score ${scoreText(s.objective)} (lower is better). ${bound}`,
    ),
  );
}
