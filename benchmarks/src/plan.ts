import { EXAMPLE_INSTANCES, GENERATED_INSTANCES, type BenchInstance } from "./instances";
import type { BackendCase, BackendName, BackendSettings } from "./sections/backends";
import type { SolveSettings } from "./sections/solves";

/** What one benchmark run measures, and with which limits. */
export interface Plan {
  mode: "quick" | "full";
  solves: { instance: BenchInstance; settings: SolveSettings }[];
  /**
   * The LP relaxation of every solve instance (the engine's lower bound, and the bound the gaps are
   * measured against) by each backend, with its limit; `only` restricts a backend to some instances.
   */
  lp: { backend: BackendName; limitSeconds: number; only?: string[] }[];
  /** MILP models and parts of models, each solved by both backends */
  milps: BackendCase[];
  backend: BackendSettings;
}

const byId = (id: string): BenchInstance => {
  const found = [...EXAMPLE_INSTANCES, ...GENERATED_INSTANCES].find((i) => i.id === id);
  if (!found) throw new Error(`no benchmark instance ${id}`);
  return found;
};

/**
 * The parts of a week the search could hand to a MILP backend, from a few hundred variables to a
 * whole small week: one site for one day (typical-week's main library on Tuesday, and the 25-hour
 * Sunday of dst-week), one person's week with the rest of the rota empty, one small site's week,
 * and the whole week of the two smallest instances.
 */
function milpCases(limit: number, quick: boolean): BackendCase[] {
  const all: BackendCase[] = [
    { id: "person-week", instance: byId("typical-week"), part: { kind: "person-week", person: "s008" }, label: "typical-week: one person's week (s008, two sites)", relaxation: false, timeLimitSeconds: limit },
    { id: "site-day", instance: byId("typical-week"), part: { kind: "site-day", site: "main", day: 1 }, label: "typical-week: Main Library, Tuesday", relaxation: false, timeLimitSeconds: limit },
    { id: "site-day-25h", instance: byId("dst-week"), part: { kind: "site-day", site: "main", day: 6 }, label: "dst-week: the 25-hour Sunday (24 h site)", relaxation: false, timeLimitSeconds: limit },
    { id: "site-week", instance: byId("typical-week"), part: { kind: "site-week", site: "health" }, label: "typical-week: Health Library, whole week", relaxation: false, timeLimitSeconds: limit },
    { id: "small-campus-week", instance: byId("small-campus"), part: { kind: "week" }, label: "small-campus: whole week", relaxation: false, timeLimitSeconds: limit },
    { id: "gen-1x10-week", instance: byId("gen-1x10"), part: { kind: "week" }, label: "gen-1x10: whole week", relaxation: false, timeLimitSeconds: limit },
  ];
  return quick ? all.filter((c) => ["site-day", "small-campus-week"].includes(c.id)) : all;
}

export function planFor(mode: "quick" | "full"): Plan {
  if (mode === "quick") {
    return {
      mode,
      solves: [
        { instance: byId("small-campus"), settings: { runs: 3, timeLimitMs: 3_000 } },
        { instance: byId("typical-week"), settings: { runs: 2, timeLimitMs: 10_000 } },
        { instance: byId("gen-1x10"), settings: { runs: 1, timeLimitMs: 5_000 } },
      ],
      lp: [
        { backend: "highs-ipm", limitSeconds: 60 },
        { backend: "jslp", limitSeconds: 2, only: ["small-campus"] },
      ],
      milps: milpCases(3, true),
      backend: { runs: 1, graceSeconds: 2, repeatBelowSeconds: 0, denseLimitBytes: 2 * 2 ** 30, rssLimitMb: 3000 },
    };
  }
  return {
    mode,
    solves: [...EXAMPLE_INSTANCES, ...GENERATED_INSTANCES].map((instance) => ({ instance, settings: { runs: 3, timeLimitMs: 60_000 } })),
    // The engine's default (dual simplex) only matters if it ends within a solve's time limit;
    // interior point gives the reference bound.
    lp: [
      { backend: "highs", limitSeconds: 120 },
      { backend: "highs-ipm", limitSeconds: 600 },
      { backend: "jslp", limitSeconds: 60 },
    ],
    milps: milpCases(30, false),
    backend: { runs: 3, graceSeconds: 5, repeatBelowSeconds: 20, denseLimitBytes: 2 * 2 ** 30, rssLimitMb: 3000 },
  };
}
