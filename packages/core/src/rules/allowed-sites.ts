import { at } from "../check/view";
import { defineRule } from "./rule";

/** Rule 1: nobody works at a site they don't work at. */
export const allowedSites = defineRule({
  id: "allowed-sites",
  kind: "hard",
  title: "People work only at their own sites",
  allows: (inst, person, point) => inst.people[person]?.sites.includes(inst.points[point]?.site ?? -1) ?? false,
  check(view) {
    return view.stints
      .filter((s) => !view.people.get(s.person)?.sites.includes(s.site))
      .map((s) => ({
        person: s.person,
        point: s.point,
        site: s.site,
        start: at(view, s.site, s.start),
        end: at(view, s.site, s.end),
      }));
  },
  explain: (v) => `${v.person} is on ${v.point} but does not work at ${v.site}`,
});
