import type { Carry, Setup } from "@deskrota/core";

export type { Carry };

/**
 * The core's DEFAULT_SHADOWING_HOURS: the page takes only types from the core, so the number is
 * repeated here, and test/training.test.ts fails when the two part.
 */
export const DEFAULT_SHADOWING_HOURS = 6;

/** Hours shadowed at a point in the published weeks so far, and the hours after which the carry-over proposes them. */
export function shadowingHours(
  setup: Pick<Setup, "training">,
  carried: Carry["people"][string] | undefined,
  point: string,
): { done: number; needed: number } {
  const needed =
    setup.training?.byPoint?.[point] ?? setup.training?.shadowingHoursToIndependent ?? DEFAULT_SHADOWING_HOURS;
  return { done: Math.round(((carried?.shadowingMinutes[point] ?? 0) / 60) * 10) / 10, needed };
}
