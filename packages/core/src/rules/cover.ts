import { demandAt } from "../check/demand";
import { gapScore, reportFindings, type GapSlot } from "../check/gaps";
import type { Occupant, RotaView } from "../check/view";
import type { ModelContext } from "../compile/model";
import { trainingFor } from "./training";
import { defineRule } from "./rule";
import type { SearchView } from "./search-view";

/**
 * Minimum cover: at every slot, the people counted at a point (independent, not shadowing) reach
 * the band's `min`. Where they cannot, the rota lists the gap as `uncovered` with its reason.
 */
export const cover = defineRule<{ point?: string; start: string; end: string; why: string }>({
  id: "cover",
  kind: "gap",
  title: "Minimum cover at every point",
  addToModel(ctx) {
    addCoverRows(ctx, "cover", (d) => d.min, ctx.inst.weights.cover);
  },
  check: (view) =>
    reportFindings(
      view,
      "cover",
      coverGaps(view, (d) => d.min),
    ),
  explain: (v) => `${v.point} at ${v.start}: the rota ${v.why}`,
  score: (view) =>
    gapScore(
      view,
      coverGaps(view, (d) => d.min),
      view.weights.cover,
      (missing) => `${missing} short of the minimum`,
    ),
  search: {
    point: (view, k, g) => shortOf(view, view.demandMin, k, g) * view.w.cover,
  },
  day: {
    join: (view, p) => (k, g) => (!view.isShadow(p, k) && shortOf(view, view.demandMin, k, g) > 0 ? -view.w.cover : 0),
  },
});

/** How many more people a point needs counted in a slot to reach `level` (0 where it is closed). */
export function shortOf(view: SearchView, level: Int16Array, k: number, g: number): number {
  const i = k * view.G + g;
  if ((view.demandMax[i] as number) < 0) return 0;
  return Math.max(0, (level[i] as number) - (view.counted[i] as number));
}

/** Σ counted + shortfall ≥ level, the shortfall costing `weight` per person-hour. */
export function addCoverRows(
  ctx: ModelContext,
  rule: string,
  level: (d: { min: number; target: number }) => number,
  weight: number,
): void {
  const { inst, milp, counted, slotHours } = ctx;
  for (const point of inst.points) {
    for (const slot of inst.sites[point.site]?.slots ?? []) {
      const demand = point.demand[slot];
      const need = demand ? level(demand) : 0;
      if (need <= 0) continue;
      const here = counted(point.index, slot);
      const cost = weight * slotHours;
      if (here.length === 0) {
        milp.offset += need * cost;
        continue;
      }
      const short = milp.continuous(`${rule}-gap[${point.id}#${slot}]`, 0, need, cost);
      milp.addRow(
        `${rule}[${point.id}#${slot}]`,
        [short, ...here.map((w) => w.variable)],
        [1, ...here.map(() => 1)],
        need,
        Infinity,
      );
    }
  }
}

/** Slots where fewer people are counted at a point than `level` asks for. */
export function coverGaps(view: RotaView, level: (d: { min: number; target: number }) => number): GapSlot[] {
  const gaps: GapSlot[] = [];
  for (const site of view.sites.values()) {
    for (const point of site.site.servicePoints) {
      site.slots.forEach((slot, i) => {
        const demand = demandAt(point, slot, view.slotMinutes);
        if (!demand) return;
        // Counted, not filtered into a list: this runs for every point-slot of the week, twice per score.
        let counted = 0;
        for (const o of site.occupancy[i] as Occupant[]) {
          const person = o.point === point.id && !o.shadowing ? view.people.get(o.person) : undefined;
          if (person !== undefined && trainingFor(person, point) === "independent") counted++;
        }
        const missing = level(demand) - counted;
        if (missing > 0) gaps.push({ site, target: point.id, slot, missing });
      });
    }
  }
  return gaps;
}
