import type { Instance } from "../compile/instance";
import type { RepairOption } from "../model/results";
import { gapLevelsOf, type GapLevels } from "./search/gap-levels";
import type { SearchState } from "./search/state";
import { placesOf } from "./swaps";

export type RepairOptionId = RepairOption["id"];

/**
 * Gaps weighed far above changes, each rule far above the next: minimum cover, then a lead, then
 * a keyholder, and only then the fewest changes. Only the search's weights change; every figure
 * reported is judged by the problem's own.
 */
const FILL_FIRST = { cover: 1e6, supervision: 1e3, keyholder: 1e3 } as const;

export function fillFirst(inst: Instance): Instance {
  const w = inst.weights;
  return {
    ...inst,
    weights: {
      ...w,
      cover: w.cover * FILL_FIRST.cover,
      supervision: w.supervision * FILL_FIRST.supervision,
      keyholder: w.keyholder * FILL_FIRST.keyholder,
    },
  };
}

/**
 * The take-back's pricing (decisions.md §25): gaps as in fill-first, and each person-slot changed
 * priced this many times the problem's change cost, so that keeping the published rota outweighs
 * every soft goal; the take-back checks the gap levels itself, as changes within a day of `now`
 * can outweigh a lead's slot at this price.
 */
const CHANGES_FIRST = 30;

export function changesFirst(inst: Instance): Instance {
  const reference = inst.reference;
  const filled = fillFirst(inst);
  if (!reference) return filled;
  return { ...filled, reference: { ...reference, changeCost: reference.changeCost.map((c) => c * CHANGES_FIRST) } };
}

/** Unmet minimum cover, then slots without a lead, then without a keyholder, as one comparable number. */
export function gapTotalsOf(state: SearchState): number {
  return totalsOf(gapLevelsOf(state));
}

export function totalsOf({ cover, lead, keyholder }: GapLevels): number {
  return cover * 1e10 + lead * 1e5 + keyholder;
}

/**
 * The option in figures and words; `open` are the gaps the change opened that it leaves ("k@g",
 * "lead@g", "key@g"); `proof` whether its number of changes is proven the fewest, as resolve found.
 */
export function describeOption(
  id: RepairOptionId,
  chosen: boolean,
  state: SearchState,
  published: readonly Int16Array[],
  open: string[],
  proof: Pick<RepairOption, "minimal" | "minimalReason">,
): RepairOption {
  const inst = state.inst;
  const hours = (slots: number) => Math.round(((slots * inst.slotMinutes) / 60) * 100) / 100;
  let people = 0;
  let changed = 0;
  state.at.forEach((at, p) => {
    const before = published[p];
    let mine = 0;
    for (let g = 0; g < at.length; g++) if (at[g] !== (before?.[g] ?? -1)) mine++;
    if (mine > 0) people++;
    changed += mine;
  });
  const cover = open.filter((gap) => !gap.startsWith("lead@") && !gap.startsWith("key@"));
  const leftOpen = {
    coverHours: hours(cover.length),
    supervisionHours: hours(open.filter((gap) => gap.startsWith("lead@")).length),
    keyholderHours: hours(open.filter((gap) => gap.startsWith("key@")).length),
  };
  const without = [
    ...(leftOpen.supervisionHours > 0 ? [`${fmt(leftOpen.supervisionHours)} h without a lead`] : []),
    ...(leftOpen.keyholderHours > 0 ? [`${fmt(leftOpen.keyholderHours)} h without a keyholder`] : []),
  ].join(" and ");
  const cost = `${people} ${people === 1 ? "person" : "people"}, ${fmt(hours(changed))} h changed`;
  const what =
    cover.length > 0
      ? `leaves ${placesOf(inst, cover)} open${without ? `, with ${without}` : ""}`
      : without
        ? `leaves ${without}`
        : "fills everything";
  const words = `${what}: ${cost}`;
  return { id, chosen, people, changedHours: hours(changed), leftOpen, words, ...proof };
}

function fmt(h: number): string {
  return Number.isInteger(h) ? String(h) : h.toFixed(1);
}
