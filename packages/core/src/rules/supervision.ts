import { gapScore, reportFindings, type GapSlot } from "../check/gaps";
import type { Occupant, RotaView, SiteView } from "../check/view";
import type { ModelContext } from "../compile/model";
import { defineRule } from "./rule";

/** Rule 6: whenever a site is open, someone with `lead` is working there (shadowing or not). */
export const supervision = defineRule<{ site?: string; start: string; end: string; why: string }>({
  id: "supervision",
  kind: "gap",
  title: "A lead on site whenever it is open",
  addToModel(ctx) {
    addPresenceRows(
      ctx,
      "supervision",
      (p) => ctx.inst.people[p]?.lead ?? false,
      ctx.inst.sites.flatMap((s) => s.slots),
      ctx.inst.weights.supervision,
    );
  },
  check: (view) => reportFindings(view, "supervision", supervisionGaps(view)),
  explain: (v) => `${v.site} at ${v.start}: the rota ${v.why}`,
  score: (view) => gapScore(view, supervisionGaps(view), view.weights.supervision, () => "no lead on site"),
  search: {
    slot: (view, g) => ((view.leads[g] as number) === 0 ? view.w.supervision : 0),
  },
  day: {
    join: (view, p) =>
      view.inst.people[p]?.lead ? (_k, g) => ((view.leads[g] as number) === 0 ? -view.w.supervision : 0) : undefined,
  },
});

export function supervisionGaps(view: RotaView): GapSlot[] {
  const gaps: GapSlot[] = [];
  for (const site of view.sites.values()) {
    site.slots.forEach((slot, i) => {
      if (!hasQualified(view, site, i, "lead")) gaps.push({ site, target: site.site.id, slot, missing: 1 });
    });
  }
  return gaps;
}

export function hasQualified(view: RotaView, site: SiteView, slotIndex: number, qualification: string): boolean {
  return (site.occupancy[slotIndex] as Occupant[]).some((o) =>
    view.people.get(o.person)?.qualifications?.includes(qualification),
  );
}

/** In each given slot, Σ work of qualified people + shortfall ≥ 1, the shortfall costing `weight` per hour. */
export function addPresenceRows(
  ctx: ModelContext,
  rule: string,
  qualified: (person: number) => boolean,
  slots: number[],
  weight: number,
): void {
  const { inst, milp, workBySlot, slotHours } = ctx;
  for (const slot of slots) {
    const here = (workBySlot[slot] ?? []).filter((w) => qualified(w.person)).map((w) => w.variable);
    const cost = weight * slotHours;
    if (here.length === 0) {
      milp.offset += cost;
      continue;
    }
    const label = `${inst.sites[inst.slots[slot]?.site ?? 0]?.id}#${slot}`;
    const short = milp.continuous(`${rule}-gap[${label}]`, 0, 1, cost);
    milp.addRow(`${rule}[${label}]`, [short, ...here], [1, ...here.map(() => 1)], 1, Infinity);
  }
}
