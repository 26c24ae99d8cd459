import { describe, expect, it } from "vitest";
import { columnRows, Milp, restrict } from "./milp";

describe("restricting a model to a neighbourhood", () => {
  // x0 + x1 ≥ 1, x1 + x2 ≤ 1, x2 + x3 = 1; x0 is held at 0, x3 at 1.
  const milp = new Milp();
  for (let j = 0; j < 4; j++) milp.binary(`x${j}`, j + 1);
  milp.addRow("a", [0, 1], [1, 1], 1, Infinity);
  milp.addRow("b", [1, 2], [1, 1], -Infinity, 1);
  milp.addRow("c", [2, 3], [1, 1], 1, 1);

  it("reads the matrix by column", () => {
    const { start, rows } = columnRows(milp);
    const of = (j: number) => [...rows.subarray(start[j], start[j + 1])];
    expect([0, 1, 2, 3].map(of)).toEqual([[0], [0, 1], [1, 2], [2]]);
  });

  it("keeps the rows a free column reaches, with the held columns' values in their bounds", () => {
    const fixed = Uint8Array.from([1, 0, 0, 1]);
    const { sub, columns } = restrict(milp, columnRows(milp), fixed, [0, NaN, NaN, 1], [1]);
    expect([...columns]).toEqual([1, 2]);
    expect(sub.cost).toEqual([2, 3]);
    // a: x1 ≥ 1 − 0; b: x1 + x2 ≤ 1; c: x2 = 1 − 1.
    expect({ lower: sub.rowLower, upper: sub.rowUpper }).toEqual({ lower: [1, -Infinity, 0], upper: [Infinity, 1, 0] });
  });
});
