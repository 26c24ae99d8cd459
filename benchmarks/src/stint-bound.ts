// The Lagrangian bound of `StintMaster` by subgradient steps: every row but each person's "one week" priced, each
// person's week then chosen alone by the day DP (decisions §19, round eight). The restricted master's own duals were
// too degenerate to price by; these steps also hand over every week they meet as a column.
import type { Column, StintMaster } from "./stint-master";

/** Steps without a better bound before the step is halved. */
const STALL = 100;

export interface BoundRun {
  bound: number;
  duals: Float64Array;
}

/**
 * Subgradient steps from duals 0 (Polyak's step aimed at `upper`, a rota's objective): the best bound and its duals.
 * `onColumn` receives each person's week of each step.
 */
export function subgradientBound(
  master: StintMaster,
  upper: number,
  iterations: number,
  onColumn: (column: Column) => void,
  trace?: (it: number, value: number, best: number) => void,
): BoundRun {
  const rows = master.numRows;
  const people = master.inst.people.length;
  const y = new Float64Array(rows);
  let best = -Infinity;
  let bestY = y.slice();
  let scale = 2;
  let since = 0;
  const activity = new Float64Array(rows);
  for (let it = 0; it < iterations; it++) {
    activity.fill(0);
    const least: number[] = [];
    for (const person of master.inst.people) {
      const [priced] = master.price(person.index, y);
      if (!priced) throw new Error(`no week for person ${person.index}`);
      least.push(priced.value);
      const column = master.columnOf(person.index, priced.week);
      onColumn(column);
      column.rows.forEach((r, i) => {
        activity[r] = (activity[r] as number) + (column.values[i] as number);
      });
    }
    for (const slack of master.slacks) {
      if (-(y[slack.row] as number) - (y[master.capRows[slack.cap]] as number) >= 0) continue;
      activity[slack.row] = (activity[slack.row] as number) + slack.upper;
      const cap = master.capRows[slack.cap];
      activity[cap] = (activity[cap] as number) + slack.upper;
    }
    const value = master.lagrangian(y, least);
    if (value > best + 1e-9) {
      best = value;
      bestY = y.slice();
      since = 0;
    } else if (++since >= STALL) {
      scale /= 2;
      since = 0;
    }
    trace?.(it, value, best);
    // The subgradient: how far each priced row is from holding, where its dual can still move that way.
    const g = new Float64Array(rows);
    let norm = 0;
    for (let r = people; r < rows; r++) {
      const a = activity[r] as number;
      const low = master.rowLower[r] as number;
      const high = master.rowUpper[r] as number;
      let d = a < low ? low - a : a > high ? high - a : 0;
      const v = y[r] as number;
      // Inside its bounds a row still pulls a dual back to 0 from the side of the bound it is not at.
      if (d === 0 && v > 0) d = low - a;
      if (d === 0 && v < 0) d = high - a;
      if ((high === Infinity && v <= 0 && d < 0) || (low === -Infinity && v >= 0 && d > 0)) d = 0;
      g[r] = d;
      norm += d * d;
    }
    if (norm === 0) break;
    const t = (scale * Math.max(1e-3, upper - value)) / norm;
    for (let r = people; r < rows; r++) {
      let v = (y[r] as number) + t * (g[r] as number);
      if (master.rowUpper[r] === Infinity) v = Math.max(0, v);
      if (master.rowLower[r] === -Infinity) v = Math.min(0, v);
      y[r] = v;
    }
  }
  return { bound: best, duals: bestY };
}
