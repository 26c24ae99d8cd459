import { at, type Occupant } from "../check/view";
import type { InputIssue } from "../model/semantics";
import type { Instance, SlotInfo } from "../compile/instance";
import { parseDated } from "../time/week";
import { defineRule, type RuleModule } from "./rule";

/** Rule 7: stints pinned by the coordinator are kept as they are. */
export const pinned = defineRule<{ person: string; point: string; start: string; end: string }>({
  id: "pinned",
  kind: "hard",
  title: "Pinned stints are kept",
  addToModel({ inst, milp, work }) {
    for (const pin of inst.pins) {
      for (const slot of pin.slots) {
        const w = work(pin.person, slot).find((v) => v.point === pin.point);
        if (w) milp.lower[w.variable] = 1;
      }
    }
  },
  check(view) {
    const findings = [];
    for (const pin of view.problem.pinned ?? []) {
      const place = view.points.get(pin.point);
      if (!place) continue;
      const start = parseDated(pin.start, view.problem.timeZone);
      const end = parseDated(pin.end, view.problem.timeZone);
      const { slots, occupancy } = place.site;
      const missing = slots.findIndex(
        (slot, i) =>
          slot.start >= start &&
          slot.end <= end &&
          !(occupancy[i] as Occupant[]).some((o) => o.person === pin.person && o.point === pin.point),
      );
      const slot = slots[missing];
      if (slot)
        findings.push({
          person: pin.person,
          point: pin.point,
          start: at(view, place.site.site.id, slot.start),
          end: at(view, place.site.site.id, end),
        });
    }
    return findings;
  },
  explain: (v) => `${v.person} was pinned to ${v.point} from ${v.start} but is not there`,
  day: {
    builtIn: "the search passes pins to the DP as required slots (`requiredOf`)",
  },
});

/**
 * A pin must be workable on its own: on the point's open slots, inside the week, and allowed by
 * every structural rule (site, availability, training, point open). Pins are the coordinator's
 * word, so a pin that cannot be kept is an input error, not something to drop silently.
 */
export function pinIssues(inst: Instance, rules: readonly RuleModule[]): InputIssue[] {
  const issues: InputIssue[] = [];
  const filters = rules.filter((r) => r.allows);
  const taken = new Map<string, number>();
  (inst.problem.pinned ?? []).forEach((pin, i) => {
    const info = inst.pins[i];
    const point = inst.points[info?.point ?? -1];
    const person = inst.people[info?.person ?? -1];
    if (!info || !point || !person) return;
    const site = inst.sites[point.site];
    const from = parseDated(pin.start, inst.problem.timeZone);
    const to = parseDated(pin.end, inst.problem.timeZone);
    const covered = info.slots.map((g) => inst.slots[g] as SlotInfo);
    const contiguous = covered.every((s, j) => j === 0 || (covered[j - 1] as SlotInfo).end === s.start);
    if (covered.length === 0 || covered[0]?.start !== from || covered[covered.length - 1]?.end !== to || !contiguous) {
      issues.push({
        code: "pin_off_grid",
        path: ["pinned", i],
        message:
          `${pin.person} is pinned to ${pin.point} from ${pin.start} to ${pin.end}, which is not a run of ` +
          `open ${inst.slotMinutes}-minute slots of ${site?.name} in this week`,
      });
      return;
    }
    const refused = covered.find(
      (s) => !filters.every((rule) => rule.allows?.(inst, person.index, point.index, s.index)),
    );
    if (refused) {
      const rule = filters.find((r) => !r.allows?.(inst, person.index, point.index, refused.index));
      issues.push({
        code: "pin_conflict",
        path: ["pinned", i],
        message:
          `${pin.person} cannot be pinned to ${pin.point} at ${pin.start}: it breaks rule ${rule?.id} ` +
          `(${rule?.title.toLowerCase()})`,
      });
      return;
    }
    if (covered.length > point.maxStintSlots) {
      issues.push({
        code: "pin_conflict",
        path: ["pinned", i],
        message: `the pin of ${pin.person} is longer than ${point.name}'s stint limit`,
      });
    }
    for (const s of covered) {
      const key = `${person.index}@${s.start}`;
      const other = taken.get(key);
      if (other !== undefined) {
        issues.push({
          code: "pin_conflict",
          path: ["pinned", i],
          message: `${pin.person} is pinned twice at the same time (pins ${other} and ${i})`,
        });
        break;
      }
      taken.set(key, i);
    }
  });
  return issues;
}
