import { gapScore, reportFindings, type GapSlot } from "../check/gaps";
import type { RotaView } from "../check/view";
import type { Slot } from "../time/week";
import { addPresenceRows, hasQualified } from "./supervision";
import { defineRule } from "./rule";

/**
 * Rule 6: the first and the last slot of every maximal run of open slots (touching windows merge;
 * midnight inside a 24-hour opening is no edge) need a `keyholder` working at the site.
 */
export const keyholder = defineRule<{ site?: string; start: string; end: string; why: string }>({
  id: "keyholder",
  kind: "gap",
  title: "A keyholder at every opening and closing",
  addToModel(ctx) {
    const edges = ctx.inst.sites.flatMap((s) =>
      s.runs.flatMap((run) => [...new Set([run[0] as number, run[run.length - 1] as number])]),
    );
    addPresenceRows(ctx, "keyholder", (p) => ctx.inst.people[p]?.keyholder ?? false, edges, ctx.inst.weights.keyholder);
  },
  check: (view) => reportFindings(view, "keyholder", keyholderGaps(view)),
  explain: (v) => `${v.site} at ${v.start}: the rota ${v.why}`,
  score: (view) =>
    gapScore(view, keyholderGaps(view), view.weights.keyholder, () => "no keyholder at opening or closing"),
});

export function keyholderGaps(view: RotaView): GapSlot[] {
  const gaps: GapSlot[] = [];
  for (const site of view.sites.values()) {
    const edges = new Set<number>();
    site.slots.forEach((slot, i) => {
      const prev = site.slots[i - 1];
      const next = site.slots[i + 1];
      if (!prev || prev.end !== slot.start) edges.add(i);
      if (!next || next.start !== slot.end) edges.add(i);
    });
    for (const i of edges) {
      if (!hasQualified(view, site, i, "keyholder"))
        gaps.push({ site, target: site.site.id, slot: site.slots[i] as Slot, missing: 1 });
    }
  }
  return gaps;
}
