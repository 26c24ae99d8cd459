import type { ServicePoint } from "../model/problem";
import { DAYS, minutesOf } from "../model/primitives";
import type { Slot } from "../time/week";

export interface SlotDemand {
  min: number;
  target: number;
  max: number;
}

/**
 * The checker's own reading of the cover bands (FORMAT.md): bands may overlap and the larger
 * min/target/max holds; max defaults to the target, else the min. Undefined: the point is closed.
 */
export function demandAt(point: ServicePoint, slot: Slot, slotMinutes: number): SlotDemand | undefined {
  let demand: SlotDemand | undefined;
  for (const band of point.cover) {
    if (!band.days.includes(DAYS[slot.day] as (typeof DAYS)[number])) continue;
    if (slot.minute < minutesOf(band.from) || slot.minute + slotMinutes > minutesOf(band.to)) continue;
    const target = band.target ?? band.min;
    const max = band.max ?? target;
    demand = demand
      ? { min: Math.max(demand.min, band.min), target: Math.max(demand.target, target), max: Math.max(demand.max, max) }
      : { min: band.min, target, max };
  }
  return demand;
}
