import type { Problem } from "@deskrota/core";
import type { RotaRecord, SolveSettings } from "../store/rota-records";

export interface NewRota {
  name?: string | undefined;
  profile?: string | undefined;
  problem: Problem;
  settings: SolveSettings;
}

export interface QueueStats {
  kind: "local" | "pg-boss";
  /** solves this process runs at once (0: it only queues; `deskrota worker` processes solve) */
  solvers: number;
  running: number;
  /** jobs waiting: in this process (local) or across every process (pg-boss) */
  queued: number;
}

/** Where solve jobs wait and who runs them: this process alone, or every process sharing PostgreSQL. */
export interface SolveQueue {
  /** Stores the rota and queues its solve as one step; BusyError when the queue is full. */
  submit(orgId: string, rota: NewRota): Promise<RotaRecord>;
  stats(): Promise<QueueStats>;
  /** Stops taking jobs; running solves stop early and keep their best rota; queued ones stay queued. */
  close(): Promise<void>;
}
