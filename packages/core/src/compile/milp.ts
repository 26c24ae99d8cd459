/**
 * A backend-neutral mixed-integer linear program, stored row-wise (CSR) because the model is built
 * one rule at a time, row by row. Columns and rows carry labels (rule, person, point, slot) that
 * name what is wrong when a solver's answer fails verification; a model kept for a whole solve
 * leaves them out (`labelled: false`): on the large system they are a third of its memory.
 */
export class Milp {
  readonly lower: number[] = [];
  readonly upper: number[] = [];
  readonly cost: number[] = [];
  readonly integer: boolean[] = [];
  readonly labels: string[] = [];
  readonly rowLower: number[] = [];
  readonly rowUpper: number[] = [];
  readonly rowLabels: string[] = [];
  readonly rowStart: number[] = [0];
  readonly rowIndex: number[] = [];
  readonly rowValue: number[] = [];
  /** constant term of the objective */
  offset = 0;

  constructor(private readonly labelled = true) {}

  get numCols(): number {
    return this.cost.length;
  }

  get numRows(): number {
    return this.rowLower.length;
  }

  get numNonzeros(): number {
    return this.rowIndex.length;
  }

  addVar(label: string, lower: number, upper: number, cost: number, integer: boolean): number {
    this.lower.push(lower);
    this.upper.push(upper);
    this.cost.push(cost);
    this.integer.push(integer);
    if (this.labelled) this.labels.push(label);
    return this.cost.length - 1;
  }

  binary(label: string, cost = 0): number {
    return this.addVar(label, 0, 1, cost, true);
  }

  continuous(label: string, lower: number, upper: number, cost = 0): number {
    return this.addVar(label, lower, upper, cost, false);
  }

  addCost(column: number, amount: number): void {
    this.cost[column] = (this.cost[column] ?? 0) + amount;
  }

  /** Adds `lower ≤ Σ values·x[indices] ≤ upper`; repeated indices are merged, zero terms dropped. */
  addRow(label: string, indices: readonly number[], values: readonly number[], lower: number, upper: number): number {
    const merged = new Map<number, number>();
    indices.forEach((column, i) => {
      merged.set(column, (merged.get(column) ?? 0) + (values[i] ?? 0));
    });
    for (const [column, value] of merged) {
      if (value === 0) continue;
      this.rowIndex.push(column);
      this.rowValue.push(value);
    }
    this.rowStart.push(this.rowIndex.length);
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
    if (this.labelled) this.rowLabels.push(label);
    return this.rowLower.length - 1;
  }

  row(i: number): { indices: number[]; values: number[] } {
    const from = this.rowStart[i] ?? 0;
    const to = this.rowStart[i + 1] ?? from;
    return { indices: this.rowIndex.slice(from, to), values: this.rowValue.slice(from, to) };
  }

  objectiveOf(x: ArrayLike<number>): number {
    let total = this.offset;
    for (let j = 0; j < this.cost.length; j++) total += (this.cost[j] ?? 0) * (x[j] ?? 0);
    return total;
  }
}

export interface Infeasibility {
  kind: "bound" | "row" | "integrality";
  label: string;
  value: number;
}

/**
 * Every backend answer is checked before use: a solver that stops on a timeout may return a
 * relaxation (binaries at 0.5) or a point that breaks a row. Returns what is wrong, or nothing.
 */
export function verifySolution(milp: Milp, x: ArrayLike<number>, tolerance = 1e-6): Infeasibility[] {
  const problems: Infeasibility[] = [];
  for (let j = 0; j < milp.numCols; j++) {
    const value = x[j] ?? NaN;
    if (!(value >= (milp.lower[j] ?? 0) - tolerance && value <= (milp.upper[j] ?? 0) + tolerance)) {
      problems.push({ kind: "bound", label: milp.labels[j] ?? `x${j}`, value });
    } else if (milp.integer[j] && Math.abs(value - Math.round(value)) > tolerance) {
      problems.push({ kind: "integrality", label: milp.labels[j] ?? `x${j}`, value });
    }
  }
  for (let i = 0; i < milp.numRows; i++) {
    let activity = 0;
    for (let k = milp.rowStart[i] ?? 0; k < (milp.rowStart[i + 1] ?? 0); k++) {
      activity += (milp.rowValue[k] ?? 0) * (x[milp.rowIndex[k] ?? 0] ?? 0);
    }
    if (
      activity < (milp.rowLower[i] ?? -Infinity) - tolerance * 10 ||
      activity > (milp.rowUpper[i] ?? Infinity) + tolerance * 10
    ) {
      problems.push({ kind: "row", label: milp.rowLabels[i] ?? `r${i}`, value: activity });
    }
  }
  return problems;
}

export interface Restriction {
  sub: Milp;
  /** sub column → original column */
  columns: Int32Array;
}

/** For each column, the rows it appears in: the matrix read by column, built once per model. */
export interface ColumnRows {
  /** the rows of column j are rows[start[j]] … rows[start[j + 1] − 1] */
  start: Int32Array;
  rows: Int32Array;
}

export function columnRows(milp: Milp): ColumnRows {
  const start = new Int32Array(milp.numCols + 1);
  for (const j of milp.rowIndex) start[j + 1] = (start[j + 1] as number) + 1;
  for (let j = 0; j < milp.numCols; j++) start[j + 1] = (start[j + 1] as number) + (start[j] as number);
  const rows = new Int32Array(milp.rowIndex.length);
  const next = start.slice(0, milp.numCols);
  for (let i = 0; i < milp.numRows; i++) {
    for (let k = milp.rowStart[i] as number; k < (milp.rowStart[i + 1] as number); k++) {
      const j = milp.rowIndex[k] as number;
      rows[next[j] as number] = i;
      next[j] = (next[j] as number) + 1;
    }
  }
  return { start, rows };
}

/**
 * The model with the columns marked in `fixed` held at `values`: fixed terms move into the row
 * bounds, and only rows that involve a column left free by the caller are kept (plus,
 * transitively, the rows of the other unfixed columns they pull in). Used for large-neighbourhood
 * search, where a few person-days are re-optimised exactly and the rest of the rota stays put;
 * `byColumn` is the model's `columnRows`, which a search making many moves builds once.
 */
export function restrict(
  milp: Milp,
  byColumn: ColumnRows,
  fixed: Uint8Array,
  values: ArrayLike<number>,
  seeds: readonly number[],
): Restriction {
  const n = milp.numCols;
  const m = milp.numRows;
  const isFree = (j: number) => fixed[j] !== 1;
  // Rows touching a free binary, then the continuous columns they use and those columns' rows.
  const keepRow = new Uint8Array(m);
  const keepCol = new Uint8Array(n);
  const stack: number[] = [];
  for (const j of seeds) {
    keepCol[j] = 1;
    stack.push(j);
  }
  while (stack.length > 0) {
    const j = stack.pop() as number;
    for (let r = byColumn.start[j] as number; r < (byColumn.start[j + 1] as number); r++) {
      const i = byColumn.rows[r] as number;
      if (keepRow[i]) continue;
      keepRow[i] = 1;
      for (let k = milp.rowStart[i] as number; k < (milp.rowStart[i + 1] as number); k++) {
        const c = milp.rowIndex[k] as number;
        if (isFree(c) && !keepCol[c]) {
          keepCol[c] = 1;
          stack.push(c);
        }
      }
    }
  }
  const sub = new Milp();
  const map = new Int32Array(n).fill(-1);
  const columns: number[] = [];
  for (let j = 0; j < n; j++) {
    if (!keepCol[j]) continue;
    map[j] = columns.length;
    columns.push(j);
    sub.addVar(
      milp.labels[j] ?? `x${j}`,
      milp.lower[j] ?? 0,
      milp.upper[j] ?? 0,
      milp.cost[j] ?? 0,
      milp.integer[j] ?? false,
    );
  }
  for (let i = 0; i < m; i++) {
    if (!keepRow[i]) continue;
    let fixed = 0;
    const indices: number[] = [];
    const coefficients: number[] = [];
    for (let k = milp.rowStart[i] as number; k < (milp.rowStart[i + 1] as number); k++) {
      const j = milp.rowIndex[k] as number;
      const v = milp.rowValue[k] as number;
      if (keepCol[j]) {
        indices.push(map[j] as number);
        coefficients.push(v);
      } else fixed += v * (values[j] ?? 0);
    }
    sub.addRow(
      milp.rowLabels[i] ?? `r${i}`,
      indices,
      coefficients,
      (milp.rowLower[i] ?? -Infinity) - fixed,
      (milp.rowUpper[i] ?? Infinity) - fixed,
    );
  }
  return { sub, columns: Int32Array.from(columns) };
}
