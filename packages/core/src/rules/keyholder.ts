import { gapScore, reportFindings, type GapSlot } from "../check/gaps";
import type { RotaView, SiteView } from "../check/view";
import type { Instance } from "../compile/instance";
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
    const edges = edgeSlots(ctx.inst);
    addPresenceRows(ctx, "keyholder", (p) => ctx.inst.people[p]?.keyholder ?? false, edges, ctx.inst.weights.keyholder);
  },
  check: (view) => reportFindings(view, "keyholder", keyholderGaps(view)),
  explain: (v) => `${v.site} at ${v.start}: the rota ${v.why}`,
  score: (view) =>
    gapScore(view, keyholderGaps(view), view.weights.keyholder, () => "no keyholder at opening or closing"),
  search: {
    slot: (view, g) => (view.edge[g] && (view.keys[g] as number) === 0 ? view.w.keyholder : 0),
  },
  day: {
    join: (view, p) =>
      view.inst.people[p]?.keyholder
        ? (_k, g) => (view.edge[g] && (view.keys[g] as number) === 0 ? -view.w.keyholder : 0)
        : undefined,
  },
});

/**
 * The opening and closing slots of the compiled instance (global slot indices, each once): the
 * first and last of every run of open slots. The model's rows and the search's tables read these;
 * the checker finds the same slots from the problem alone (`viewEdges`), and the per-rule verifier
 * holds the two to agreeing.
 */
export function edgeSlots(inst: Pick<Instance, "sites">): number[] {
  return inst.sites.flatMap((s) =>
    s.runs.flatMap((run) => [...new Set([run[0] as number, run[run.length - 1] as number])]),
  );
}

/** The opening and closing slots of a site in the checker's view (indices into its slots). */
function viewEdges(site: SiteView): Set<number> {
  const edges = new Set<number>();
  site.slots.forEach((slot, i) => {
    const prev = site.slots[i - 1];
    const next = site.slots[i + 1];
    if (!prev || prev.end !== slot.start) edges.add(i);
    if (!next || next.start !== slot.end) edges.add(i);
  });
  return edges;
}

export function keyholderGaps(view: RotaView): GapSlot[] {
  const gaps: GapSlot[] = [];
  for (const site of view.sites.values()) {
    for (const i of viewEdges(site)) {
      if (!hasQualified(view, site, i, "keyholder"))
        gaps.push({ site, target: site.site.id, slot: site.slots[i] as Slot, missing: 1 });
    }
  }
  return gaps;
}
