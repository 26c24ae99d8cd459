import { defineRule } from "./rule";

/** Soft: fewer, longer shifts rather than fragments; each shift costs `shifts`. */
export const shiftShape = defineRule({
  id: "shift-shape",
  kind: "soft",
  title: "Fewer, longer shifts",
  addToModel({ inst, milp, columns }) {
    for (const column of columns) milp.addCost(column.variable, inst.weights.shifts);
  },
  score: (view) =>
    [...view.shiftsByPerson.values()].reduce((sum, shifts) => sum + shifts.length, 0) * view.weights.shifts,
});
