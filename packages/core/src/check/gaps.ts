import type { Uncovered } from "../model/rota";
import type { Penalty } from "../rules/rule";
import { formatSpan } from "../time/span";
import { parseDated, type Slot } from "../time/week";
import { at, type RotaView, type SiteView } from "./view";

/** One slot where a gap rule's demand is unmet, found from the rota's assignments. */
export interface GapSlot {
  site: SiteView;
  /** the point for cover gaps, the site id otherwise */
  target: string;
  slot: Slot;
  missing: number;
}

/**
 * Compares the gaps a rota really has with the `uncovered` runs it reports for one rule: every gap
 * slot must be reported exactly once, with the right number missing, and nothing else reported.
 */
export function reportFindings(view: RotaView, rule: Uncovered["rule"] & string, gaps: GapSlot[]) {
  const findings: { point?: string; site?: string; start: string; end: string; why: string }[] = [];
  const reported = new Map<string, { site: string; target: string; start: number; missing: number[] }>();
  const key = (target: string, start: number) => `${target}@${start}`;
  for (const entry of view.uncovered) {
    if ((entry.rule ?? "cover") !== rule) continue;
    const target = rule === "cover" ? entry.point : entry.site;
    const place =
      target === undefined ? undefined : rule === "cover" ? view.points.get(target)?.site : view.sites.get(target);
    if (!place || target === undefined) {
      findings.push({
        start: entry.start,
        end: entry.end,
        why: `reports a ${rule} gap without a known ${rule === "cover" ? "point" : "site"}`,
      });
      continue;
    }
    const from = parseDated(entry.start, view.problem.timeZone);
    const to = parseDated(entry.end, view.problem.timeZone);
    // A run that spans no open slot reports nothing real (closed hours, or it ends before it starts).
    if (!place.slots.some((slot) => slot.start >= from && slot.end <= to)) {
      findings.push({
        ...(rule === "cover" ? { point: target } : { site: target }),
        start: entry.start,
        end: entry.end,
        why: "reports a gap while it is closed",
      });
      continue;
    }
    for (const slot of place.slots) {
      if (slot.start < from || slot.end > to) continue;
      const k = key(target, slot.start);
      const known = reported.get(k) ?? { site: place.site.id, target, start: slot.start, missing: [] };
      known.missing.push(entry.missing);
      reported.set(k, known);
    }
  }
  const isGap = new Set<string>();
  for (const gap of gaps) {
    const k = key(gap.target, gap.slot.start);
    isGap.add(k);
    const where = {
      ...(rule === "cover" ? { point: gap.target } : { site: gap.target }),
      start: at(view, gap.site.site.id, gap.slot.start),
      end: at(view, gap.site.site.id, gap.slot.end),
    };
    const said = reported.get(k)?.missing ?? [];
    if (said.length === 0)
      findings.push({ ...where, why: `leaves ${gap.missing} missing without reporting it as uncovered` });
    else if (said.length > 1) findings.push({ ...where, why: `reports the same gap ${said.length} times` });
    else if (said[0] !== gap.missing)
      findings.push({
        ...where,
        why: `reports ${said[0]} missing where ${gap.missing} ${gap.missing === 1 ? "is" : "are"}`,
      });
  }
  for (const [k, said] of reported) {
    if (isGap.has(k)) continue;
    const where = rule === "cover" ? { point: said.target } : { site: said.target };
    const when = at(view, said.site, said.start);
    findings.push({ ...where, start: when, end: when, why: `reports ${said.missing[0]} missing where nothing is` });
  }
  return findings;
}

/**
 * Gap hours of a rule, weighted: the rule's score, one penalty per run of touching slots at one
 * point (or site) with the same number missing, said by `words` ("1 short of the minimum").
 */
export function gapScore(
  view: RotaView,
  gaps: GapSlot[],
  weight: number,
  words: (missing: number) => string,
): Penalty[] {
  const runs: { first: GapSlot; end: number; missing: number; slots: number }[] = [];
  const open = new Map<string, (typeof runs)[number]>();
  for (const gap of gaps) {
    const run = open.get(gap.target);
    if (run && run.end === gap.slot.start && run.missing === gap.missing) {
      run.end = gap.slot.end;
      run.slots++;
    } else {
      const next = { first: gap, end: gap.slot.end, missing: gap.missing, slots: 1 };
      runs.push(next);
      open.set(gap.target, next);
    }
  }
  const hours = view.slotMinutes / 60;
  return runs.map(({ first, end, missing, slots }) => {
    const site = first.site.site;
    const point = first.target === site.id ? undefined : view.points.get(first.target)?.point;
    // The words and the times are written when read (an analysis, an API answer): the solver
    // scores every rota it posts and reads only the points.
    return {
      ...(point ? { point: point.id } : { site: site.id }),
      get start() {
        return at(view, site.id, first.slot.start);
      },
      get end() {
        return at(view, site.id, end);
      },
      points: missing * slots * hours * weight,
      get message() {
        return `${point?.name ?? site.name} ${formatSpan(first.slot.start, end, first.site.zone)}: ${words(missing)}`;
      },
    };
  });
}
