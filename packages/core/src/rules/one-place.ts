import { at } from "../check/view";
import type { SlotInfo } from "../compile/instance";
import { defineRule } from "./rule";

/** Rule 2: a person is at one service point at a time. */
export const onePlace = defineRule<{ person: string; start: string; end: string; points: string }>({
  id: "one-place",
  kind: "hard",
  title: "One place at a time",
  addToModel({ inst, milp, workByPerson }) {
    for (const person of inst.people) {
      const own = workByPerson[person.index];
      if (!own) continue;
      const slots = [...own.keys()].sort(
        (a, b) => (inst.slots[a] as SlotInfo).start - (inst.slots[b] as SlotInfo).start,
      );
      // Slots of different sites may overlap in time (zones with odd offsets): one row per slot
      // start over every slot of the person's that is under way at that instant.
      slots.forEach((slot, i) => {
        const t = (inst.slots[slot] as SlotInfo).start;
        const vars: number[] = [];
        // All slots last slotMinutes, so the ones under way at t are just before it in start order.
        for (let j = i; j >= 0 && (inst.slots[slots[j] as number] as SlotInfo).end > t; j--) {
          for (const w of own.get(slots[j] as number) ?? []) vars.push(w.variable);
        }
        if (vars.length > 1)
          milp.addRow(
            `one-place[${person.id}#${slot}]`,
            vars,
            vars.map(() => 1),
            -Infinity,
            1,
          );
      });
    }
  },
  check(view) {
    const findings = [];
    for (const [person, stints] of view.stintsByPerson) {
      for (let i = 0; i < stints.length; i++) {
        for (let j = i + 1; j < stints.length; j++) {
          const a = stints[i];
          const b = stints[j];
          if (!a || !b || b.start >= a.end) break;
          findings.push({
            person,
            start: at(view, b.site, b.start),
            end: at(view, a.site, Math.min(a.end, b.end)),
            points: `${a.point} and ${b.point}`,
          });
        }
      }
    }
    return findings;
  },
  explain: (v) => `${v.person} is in two places at once (${v.points}) from ${v.start}`,
  day: {
    builtIn: "a plan uses only slots the person is free in, and no slot of a shift of theirs on another date",
  },
});
