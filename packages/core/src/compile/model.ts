import type { RuleModule } from "../rules/rule";
import { enumerateColumns, type Column } from "./columns";
import type { Instance, SlotInfo } from "./instance";
import { Milp } from "./milp";

/** A person may be at a point in a slot: the binary that says they are. */
export interface WorkVar {
  person: number;
  point: number;
  slot: number;
  shadowing: boolean;
  variable: number;
}

/**
 * The shift-column model under construction. Shared variable families live here; every rule adds
 * its own rows and objective terms through `addToModel`.
 *
 * - one binary per candidate shift (`columns`): the person works exactly these back-to-back slots;
 * - one binary per (person, point, slot) they could work (`work`): where they are inside the shift;
 * - a balance row per (person, slot) ties them: the number of the person's shifts covering a slot
 *   equals the number of points they are at then. Written as a running balance
 *   (present[t] = present[t−1] + shifts starting at t − shifts ended before t) it needs two
 *   non-zeros per shift instead of one per covered slot, and its LP relaxation is exactly as tight.
 */
export interface ModelContext {
  inst: Instance;
  milp: Milp;
  columns: Column[];
  columnsByPerson: Column[][];
  /** per person: slot → the person's work variables in that slot (one per point they could be at) */
  workByPerson: Map<number, WorkVar[]>[];
  /** per global slot: work variables of everyone in that slot */
  workBySlot: WorkVar[][];
  /** hours in one slot, to turn per-hour weights into per-slot costs */
  slotHours: number;
  work(person: number, slot: number): WorkVar[];
  /** counted (independent) work variables at a point in a slot */
  counted(point: number, slot: number): WorkVar[];
}

/** A placement that stays as it is in a model built for a few people: someone else at a point in a slot. */
export interface Held {
  person: number;
  slot: number;
  point: number;
}

export interface BuildOptions {
  /** restrict the model to these people (others are absent unless held); all when undefined */
  people?: ReadonlySet<number>;
  /**
   * Placements of people outside `people`, each a work variable for the caller to fix at 1. They are
   * in `workBySlot` and `counted`, so the rows that tie people together in a slot (cover, leads,
   * mentors) count them, and not in `workByPerson`: no shift, balance or rule of their own.
   */
  held?: readonly Held[];
  /** keep the labels of columns and rows (default); see `Milp` */
  labelled?: boolean;
}

export function buildModel(inst: Instance, rules: readonly RuleModule[], options: BuildOptions = {}): ModelContext {
  const milp = new Milp(options.labelled ?? true);
  const filters = rules.filter((r) => r.allows !== undefined);
  const workByPerson: Map<number, WorkVar[]>[] = inst.people.map(() => new Map());
  const workBySlot: WorkVar[][] = inst.slots.map(() => []);
  const countedBySlot = new Map<number, WorkVar[]>();

  const addWork = (person: Instance["people"][number], point: number, slot: number, held: boolean) => {
    const shadowing = person.training[point] === "shadowing";
    const variable = milp.binary(`work[${person.id}@${inst.points[point]?.id}#${slot}]`);
    const work: WorkVar = { person: person.index, point, slot, shadowing, variable };
    if (!held) push(workByPerson[person.index] as Map<number, WorkVar[]>, slot, work);
    (workBySlot[slot] as WorkVar[]).push(work);
    if (!shadowing) push(countedBySlot, point * inst.slots.length + slot, work);
  };
  for (const person of inst.people) {
    if (options.people && !options.people.has(person.index)) continue;
    for (const site of person.sites) {
      const info = inst.sites[site];
      if (!info) continue;
      for (const slot of info.slots) {
        for (const point of info.points) {
          if (filters.every((rule) => rule.allows?.(inst, person.index, point, slot)))
            addWork(person, point, slot, false);
        }
      }
    }
  }
  for (const { person, slot, point } of options.held ?? [])
    addWork(inst.people[person] as Instance["people"][number], point, slot, true);

  const workable = (person: number, slot: number) => (workByPerson[person]?.get(slot)?.length ?? 0) > 0;
  const columns: Column[] = enumerateColumns(inst, workable, (person, first, last) =>
    milp.binary(`shift[${inst.people[person]?.id}#${first}-${last}]`),
  );
  const columnsByPerson: Column[][] = inst.people.map(() => []);
  for (const column of columns) columnsByPerson[column.person]?.push(column);

  const ctx: ModelContext = {
    inst,
    milp,
    columns,
    columnsByPerson,
    workByPerson,
    workBySlot,
    slotHours: inst.slotMinutes / 60,
    work: (person, slot) => workByPerson[person]?.get(slot) ?? [],
    counted: (point, slot) => countedBySlot.get(point * inst.slots.length + slot) ?? [],
  };
  addShiftBalance(ctx);
  for (const rule of rules) rule.addToModel?.(ctx);
  return ctx;
}

/** present(p, t) = Σ shifts of p covering t, as a running balance along each run of workable slots. */
function addShiftBalance(ctx: ModelContext): void {
  const { inst, milp } = ctx;
  for (const person of inst.people) {
    const startsAt = new Map<number, number[]>();
    const endsAt = new Map<number, number[]>();
    for (const column of ctx.columnsByPerson[person.index] ?? []) {
      push(startsAt, column.first, column.variable);
      push(endsAt, column.last, column.variable);
    }
    for (const [slot, here] of ctx.workByPerson[person.index] ?? []) {
      const prev = (inst.slots[slot] as SlotInfo).prev;
      const before = prev >= 0 ? ctx.work(person.index, prev) : [];
      const indices: number[] = [];
      const values: number[] = [];
      const add = (variable: number, value: number) => {
        indices.push(variable);
        values.push(value);
      };
      for (const w of here) add(w.variable, 1);
      for (const w of before) add(w.variable, -1);
      for (const v of startsAt.get(slot) ?? []) add(v, -1);
      if (prev >= 0) for (const v of endsAt.get(prev) ?? []) add(v, 1);
      milp.addRow(`balance[${person.id}#${slot}]`, indices, values, 0, 0);
    }
  }
}

function push<T>(map: Map<number, T[]>, key: number, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
