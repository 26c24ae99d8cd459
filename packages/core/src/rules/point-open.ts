import { at } from "../check/view";
import { demandAt } from "../check/demand";
import { defineRule } from "./rule";

/**
 * Rule 8: nobody works a point outside its cover bands (no band = point closed), and every stint
 * lies on the site's open slots.
 */
export const pointOpen = defineRule<{ person: string; point: string; start: string; end: string; why: string }>({
  id: "point-open",
  kind: "hard",
  title: "Points are worked only while open",
  allows: (inst, _person, point, slot) => inst.points[point]?.demand[slot] !== undefined,
  check(view) {
    const findings = [];
    const step = view.slotMinutes * 60_000;
    for (const stint of view.stints) {
      const place = view.points.get(stint.point);
      if (!place) continue;
      // Times in words only for a finding: formatting every stint's was most of this check.
      const where = () => ({
        person: stint.person,
        point: stint.point,
        start: at(view, stint.site, stint.start),
        end: at(view, stint.site, stint.end),
      });
      if (stint.end <= stint.start) {
        findings.push({ ...where(), why: "ends before it starts" });
        continue;
      }
      for (let t = stint.start; t < stint.end; t += step) {
        const index = place.site.slotAt.get(t);
        const slot = index === undefined ? undefined : place.site.slots[index];
        if (!slot || slot.end > stint.end) {
          findings.push({
            ...where(),
            start: at(view, stint.site, t),
            why: `the site is not open then (or the time is off its ${view.slotMinutes}-minute slots)`,
          });
          break;
        }
        if (!demandAt(place.point, slot, view.slotMinutes)) {
          findings.push({ ...where(), start: at(view, stint.site, t), why: "no cover band opens the point then" });
          break;
        }
      }
    }
    return findings;
  },
  explain: (v) => `${v.person} is on ${v.point} at ${v.start} but ${v.why}`,
});
