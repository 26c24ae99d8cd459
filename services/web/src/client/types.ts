// The shapes the page reads from the API (docs/api.md). The engine's own types come from the core
// as types only: nothing of the core is bundled into the page.
export type {
  Setup,
  SetupPerson,
  TermSummary,
  Assignment,
  Comparison,
  Diff,
  Problem,
  Rota,
  RotaMetrics,
  SwapCandidate,
  SwapReport,
  Uncovered,
} from "@deskrota/core";
import type { Diff, Rota, Setup } from "@deskrota/core";

interface ItemChanges {
  added: string[];
  changed: { id: string; fields: string[] }[];
  removed: string[];
}

/** One revision of the organisation's setup (docs/api.md, Standing data). */
export interface SetupRevision {
  revision: number;
  kind: "put" | "person" | "site" | "import" | "training" | "restore";
  changes: { people: ItemChanges; sites: ItemChanges; settings: string[]; words: string[] };
  note: string | null;
  author: string;
  createdAt: string;
}

export interface SetupView extends SetupRevision {
  setup: Setup;
}

export type RotaStatus = "queued" | "solving" | "done" | "failed";

export interface ApiIssue {
  in: string;
  path: string;
  code: string;
  message: string;
}

export interface Progress {
  elapsedMs: number;
  objective: number | null;
  bestBound: number | null;
  gap: number | null;
}

export interface RotaSummary {
  id: string;
  name: string | null;
  status: RotaStatus;
  progress: Progress | null;
  reason: string | null;
  timeLimitSeconds: number;
  version: number | null;
  publishedVersion: number | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface RotaView extends RotaSummary {
  issues: ApiIssue[] | null;
  rota?: Rota;
}

export interface VersionSummary {
  version: number;
  kind: "solve" | "change";
  baseVersion: number | null;
  change: unknown;
  diff: Diff | null;
  minimal: boolean | null;
  /** why the number of changes is or is not proven minimal */
  minimalReason?: string | null;
  published: boolean;
  createdAt: string;
}

export interface VersionView extends VersionSummary {
  rota: Rota;
}
