import type { Person } from "../model/problem";
import type { DeskSlot } from "./desk-slots";

/** Back-to-back slots of a site and date that look the same to the fair share, with whom the rules need there. */
export interface ShareBlock {
  desk: DeskSlot;
  hours: number;
  /** the block's end (ms): the next block of the run starts there */
  end: number;
  /** who the supervision (keyholder) rule needs here: one of them must have a place; empty: no one */
  qualified: Person[];
  /** what `qualified` are needed for: "lead", "keyholder" or both */
  needs: string[];
}

export interface BlockOptions {
  slots: DeskSlot[];
  /** `site slotStart` where the rota had a lead shadowing: the supervision rule asks no one else there */
  ledBy?: Set<string>;
  /** `person day` (0 = Monday) → the site where the rota had them shadowing that day */
  shadowedAt?: Map<string, string>;
  supervision: boolean;
  keyholder: boolean;
}

/**
 * Back-to-back slots of a site and date that look the same to the network (same places, same people,
 * same rules' needs) as one block of their hours: the flow over a block is the flow over its slots
 * (one place per person per slot becomes a block's hours per person), on a fraction of the nodes.
 */
export function shareBlocks({ slots, ledBy, shadowedAt, supervision, keyholder }: BlockOptions): ShareBlock[] {
  const out: (ShareBlock & { key: string })[] = [];
  for (const slot of slots) {
    const led = ledBy?.has(`${slot.site} ${slot.slot.start}`) ?? false;
    const people = slot.points.map((p) => `${p.max}:${p.people.map((q) => q.id).join(",")}`).join(";");
    const key = `${slot.site}|${slot.slot.date}|${slot.edge}|${led}|${people}`;
    const last = out[out.length - 1];
    if (last && last.key === key && last.end === slot.slot.start) {
      last.hours += slot.hours;
      last.end = slot.slot.end;
      continue;
    }
    const desk = shadowedAt ? sameSiteAsShadowing(slot, shadowedAt) : slot;
    const here = [...new Set(desk.points.flatMap((point) => point.people))];
    const { qualified, needs } = mustHave(desk, here, supervision && !led, keyholder);
    out.push({ desk, hours: slot.hours, end: slot.slot.end, qualified, needs, key });
  }
  return out.map(({ key, ...block }) => block);
}

/**
 * The slot without the people the rota had shadowing at another site that day: one site a day is a
 * rule, and where they shadowed is the rota's (their shadowing counts in their own share).
 */
function sameSiteAsShadowing(desk: DeskSlot, shadowedAt: Map<string, string>): DeskSlot {
  const here = (p: Person) => (shadowedAt.get(`${p.id} ${desk.slot.day}`) ?? desk.site) === desk.site;
  return { ...desk, points: desk.points.map((point) => ({ ...point, people: point.people.filter(here) })) };
}

/**
 * Who the rules need in this slot: a lead (supervision), at an opening or closing also a keyholder;
 * one person with both if there is one, else whichever the slot can have. Empty: no one is needed.
 */
function mustHave(
  desk: DeskSlot,
  people: Person[],
  supervision: boolean,
  keyholder: boolean,
): { qualified: Person[]; needs: string[] } {
  const needs = [...(supervision ? ["lead"] : []), ...(desk.edge && keyholder ? ["keyholder"] : [])];
  for (const wanted of [needs, ...needs.map((n) => [n])]) {
    const found = people.filter((p) => wanted.every((q) => p.qualifications?.includes(q)));
    if (wanted.length > 0 && found.length > 0) return { qualified: found, needs: wanted };
  }
  return { qualified: [], needs: [] };
}
