import type { Instance, SlotInfo } from "../compile/instance";
import type { Pins } from "./search/search";
import type { SearchState } from "./search/state";

/** person → slot → point that may not change: pins, and published stints that started before `now`. */
export function frozenPins(inst: Instance, state: SearchState): Pins {
  const pins: Pins = new Map();
  const hold = (p: number, g: number, k: number) => {
    if (!state.options[p]?.[g]?.includes(k)) return;
    const mine = pins.get(p) ?? new Map<number, number>();
    mine.set(g, k);
    pins.set(p, mine);
  };
  for (const pin of inst.pins) for (const g of pin.slots) hold(pin.person, g, pin.point);
  const reference = inst.reference;
  if (!reference) return pins;
  reference.at.forEach((at, p) => {
    // A stint under way at `now` is kept whole: find each stint's start, freeze it if before now.
    let stintStart = -1;
    for (let g = 0; g < at.length; g++) {
      const k = at[g] as number;
      if (k < 0) continue;
      const slot = inst.slots[g] as SlotInfo;
      const continues = slot.prev >= 0 && at[slot.prev] === k;
      if (!continues) stintStart = slot.start;
      if (stintStart < reference.now) hold(p, g, k);
    }
  });
  return pins;
}
