import { defineRule, type Penalty } from "./rule";

/** Soft: fewer, longer shifts rather than fragments; each shift costs `shifts`. */
export const shiftShape = defineRule({
  id: "shift-shape",
  kind: "soft",
  title: "Fewer, longer shifts",
  addToModel({ inst, milp, columns }) {
    for (const column of columns) milp.addCost(column.variable, inst.weights.shifts);
  },
  score: (view) =>
    [...view.shiftsByPerson].flatMap(([id, shifts]): Penalty[] =>
      shifts.length === 0
        ? []
        : [
            {
              person: id,
              points: shifts.length * view.weights.shifts,
              message: `${view.people.get(id)?.name ?? id} ${shifts.length} shift${shifts.length === 1 ? "" : "s"}`,
            },
          ],
    ),
  search: {
    shift: (view) => view.w.shifts,
  },
  day: {
    shift: (view) => view.w.shifts,
  },
});
