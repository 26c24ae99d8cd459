import type { RotaView } from "../check/view";
import type { Instance, SlotInfo } from "../compile/instance";
import { defineRule, type Penalty } from "./rule";

const SHORT_MINUTES = 60;

/**
 * Soft: steady desks. Each change of service point inside a shift costs `pointChanges`, each stint
 * shorter than an hour costs `shortStints` (so it happens only where it closes a gap).
 */
export const steadyDesks = defineRule({
  id: "steady-desks",
  kind: "soft",
  title: "Steady desks: few point changes, no short stints",
  addToModel({ inst, milp, columns, workByPerson }) {
    const { pointChanges, shortStints } = inst.weights;
    // Σ stint starts − Σ shifts = point changes, so each shift's first stint is paid back here.
    for (const column of columns) milp.addCost(column.variable, -pointChanges);
    const shortSlots = shortSlotsOf(inst);
    for (const person of inst.people) {
      const own = workByPerson[person.index];
      if (!own) continue;
      const at = (slot: number, point: number) =>
        slot < 0 ? undefined : own.get(slot)?.find((w) => w.point === point);
      for (const [slot, here] of own) {
        const info = inst.slots[slot] as SlotInfo;
        for (const w of here) {
          const before = at(info.prev, w.point);
          const start = milp.continuous(`stint-start[${milp.labels[w.variable]}]`, 0, 1, pointChanges);
          milp.addRow(
            `stint-start[${milp.labels[w.variable]}]`,
            before ? [start, w.variable, before.variable] : [start, w.variable],
            before ? [1, -1, 1] : [1, -1],
            0,
            Infinity,
          );
          if (shortSlots <= 1 || shortStints === 0) continue;
          const short = milp.continuous(`short-stint[${milp.labels[w.variable]}]`, 0, 1, shortStints);
          let cursor = info.next;
          for (let j = 1; j < shortSlots; j++) {
            const later = at(cursor, w.point);
            // A stint starting here that is not still at the point j slots later is short.
            milp.addRow(
              `short-stint[${milp.labels[w.variable]}+${j}]`,
              later ? [short, start, later.variable] : [short, start],
              later ? [1, -1, 1] : [1, -1],
              0,
              Infinity,
            );
            if (!later) break;
            cursor = (inst.slots[cursor] as SlotInfo).next;
          }
        }
      }
    }
  },
  score(view: RotaView) {
    const out: Penalty[] = [];
    for (const [id, shifts] of view.shiftsByPerson) {
      let changes = 0;
      let short = 0;
      for (const shift of shifts) {
        const runs: { point: string; start: number; end: number }[] = [];
        for (const s of shift.stints) {
          const last = runs[runs.length - 1];
          if (last && last.point === s.point && last.end === s.start) last.end = s.end;
          else runs.push({ point: s.point, start: s.start, end: s.end });
        }
        changes += runs.length - 1;
        short += runs.filter((r) => r.end - r.start < SHORT_MINUTES * 60_000).length;
      }
      const points = changes * view.weights.pointChanges + short * view.weights.shortStints;
      if (points === 0) continue;
      const said = [
        changes > 0 ? `${changes} ${changes === 1 ? "change" : "changes"} of desk within a shift` : "",
        short > 0 ? `${short} ${short === 1 ? "stint" : "stints"} under ${SHORT_MINUTES} min` : "",
      ];
      out.push({
        person: id,
        points,
        message: `${view.people.get(id)?.name ?? id} ${said.filter(Boolean).join(", ")}`,
      });
    }
    return out;
  },
  search: {
    shift(view, p, run) {
      const at = view.at[p] as Int16Array;
      let stints = 0;
      let short = 0;
      let length = 0;
      let current = -1;
      for (let g = run.first; g >= 0; g = (view.inst.slots[g] as SlotInfo).next) {
        const k = at[g] as number;
        if (k !== current) {
          if (current !== -1 && length < view.shortSlots) short++;
          stints++;
          current = k;
          length = 0;
        }
        length++;
        if (g === run.last) break;
      }
      if (length < view.shortSlots) short++;
      return view.w.pointChanges * (stints - 1) + view.w.shortStints * short;
    },
  },
  day: {
    pointChange: (view) => view.w.pointChanges,
    shortStint: (view) => view.w.shortStints,
  },
});

/** Stints shorter than this many slots are short. */
export function shortSlotsOf(inst: Pick<Instance, "slotMinutes">): number {
  return Math.ceil(SHORT_MINUTES / inst.slotMinutes);
}
