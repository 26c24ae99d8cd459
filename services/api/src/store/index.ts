import type { Database } from "../db/database";
import { EntryStore } from "./entries";
import { PlanStore } from "./plans";
import { SetupStore } from "./setup";
import { WeekStore } from "./weeks";

/** The stores of the standing data, its weeks and plans (one per aggregate). */
export interface SetupStores {
  setups: SetupStore;
  entries: EntryStore;
  weeks: WeekStore;
  plans: PlanStore;
}

export const setupStores = (db: Database): SetupStores => ({
  setups: new SetupStore(db),
  entries: new EntryStore(db),
  weeks: new WeekStore(db),
  plans: new PlanStore(db),
});
