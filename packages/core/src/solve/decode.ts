import type { Assignment } from "../model/rota";
import { formatInstant } from "../time/week";
import type { Instance, SlotInfo } from "../compile/instance";
import type { ModelContext } from "../compile/model";

/** Where each person is in each slot: person → slot → point (and whether shadowing). */
export type Placement = Map<number, Map<number, { point: number; shadowing: boolean }>>;

export function placementOf(ctx: ModelContext, x: ArrayLike<number>): Placement {
  const placement: Placement = new Map();
  ctx.workByPerson.forEach((own, person) => {
    for (const [slot, here] of own) {
      for (const w of here) {
        if ((x[w.variable] ?? 0) < 0.5) continue;
        let mine = placement.get(person);
        if (!mine) {
          mine = new Map();
          placement.set(person, mine);
        }
        mine.set(slot, { point: w.point, shadowing: w.shadowing });
      }
    }
  });
  return placement;
}

/** Assignments: maximal runs of one person at one point, back to back, in the site's zone. */
export function assignmentsOf(inst: Instance, placement: Placement): Assignment[] {
  const out: Assignment[] = [];
  for (const [person, slots] of [...placement].sort((a, b) => a[0] - b[0])) {
    const ordered = [...slots.keys()].sort(
      (a, b) => (inst.slots[a] as SlotInfo).start - (inst.slots[b] as SlotInfo).start,
    );
    let run: { point: number; shadowing: boolean; first: number; last: number } | undefined;
    const flush = () => {
      if (!run) return;
      const first = inst.slots[run.first] as SlotInfo;
      const last = inst.slots[run.last] as SlotInfo;
      const point = inst.points[run.point];
      const zone = inst.sites[first.site]?.zone ?? inst.problem.timeZone;
      out.push({
        person: inst.people[person]?.id ?? "",
        point: point?.id ?? "",
        start: formatInstant(first.start, zone),
        end: formatInstant(last.end, zone),
        ...(run.shadowing ? { shadowing: true } : {}),
      });
    };
    for (const slot of ordered) {
      const at = slots.get(slot);
      if (!at) continue;
      const prev = (inst.slots[slot] as SlotInfo).prev;
      if (run && run.point === at.point && run.shadowing === at.shadowing && prev === run.last) run.last = slot;
      else {
        flush();
        run = { point: at.point, shadowing: at.shadowing, first: slot, last: slot };
      }
    }
    flush();
  }
  return out;
}
