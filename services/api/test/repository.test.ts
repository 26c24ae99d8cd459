import type { Problem, Rota } from "@deskrota/core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "../src/db/database";
import { migrate } from "../src/db/migrate";
import { openDatabase } from "../src/db/database";
import { Repository } from "../src/repository";
import { example } from "./support/app";
import { freshDataDir } from "./support/pglite";
import { freshDatabase, stopOwnServer } from "./support/postgres";

const problem: Problem = example("small-campus");
const rota = (n: number): Rota => ({
  assignments: [
    {
      person: "s001",
      point: "campus-helpdesk",
      start: `2026-11-23T0${n}:00:00.000-05:00`,
      end: `2026-11-23T1${n}:00:00.000-05:00`,
    },
  ],
  uncovered: [],
  score: { hard: 0, soft: n, byRule: {} },
  people: [{ person: "s001", minutes: 600 }],
});
const settings = { timeLimitMs: 1000 };

// The same behaviour, whichever PostgreSQL is underneath.
const stores: Array<[string, () => Promise<Database>]> = [
  ["PGlite", async () => openDatabase({ dataDir: await freshDataDir() })],
  ["PostgreSQL", async () => openDatabase({ url: await freshDatabase(), dataDir: "" })],
];

afterAll(stopOwnServer);

describe.each(stores)("repository on %s", (_name, open) => {
  let db: Database;
  let repo: Repository;
  beforeAll(async () => {
    db = await open();
    await migrate(db);
    repo = new Repository(db);
  });
  afterAll(() => db.close());

  test("migrating again applies nothing", async () => {
    expect(await migrate(db)).toEqual([]);
  });

  test("a token finds its organisation; an unknown one finds none", async () => {
    const { org, token } = await repo.createOrg("Main Library");
    expect(await repo.orgByToken(token)).toEqual(org);
    expect(await repo.orgByToken(`${token}x`)).toBeNull();
    const stored = await db.query<{ hash: string }>("SELECT hash FROM tokens WHERE org_id = $1", [org.id]);
    expect(stored.map((r) => r.hash)).not.toContain(token);
  });

  test("the first organisation is created once", async () => {
    // Other tests have created organisations already: nothing more is created.
    await repo.createOrg("Existing");
    expect(await repo.createFirstOrg("default")).toBeNull();
  });

  test("an organisation sees only its own rotas", async () => {
    const a = (await repo.createOrg("A")).org.id;
    const b = (await repo.createOrg("B")).org.id;
    const mine = await repo.createRota(a, { name: "week 48", problem, settings });
    expect(mine).toMatchObject({ orgId: a, name: "week 48", status: "queued", latestVersion: null, settings });
    expect(await repo.findRota(b, mine.id)).toBeNull();
    expect(await repo.problemOf(b, mine.id)).toBeNull();
    expect(await repo.requestStop(b, mine.id)).toBeNull();
    expect((await repo.listRotas(b, 10)).map((r) => r.id)).not.toContain(mine.id);
    expect((await repo.listRotas(a, 10)).map((r) => r.id)).toEqual([mine.id]);
  });

  test("a rota whose job cannot be queued is not stored either", async () => {
    const org = (await repo.createOrg("C")).org.id;
    await expect(
      repo.createRota(org, { problem, settings }, async () => {
        throw new Error("queue down");
      }),
    ).rejects.toThrow("queue down");
    expect(await repo.listRotas(org, 10)).toEqual([]);
  });

  test("a job runs for the worker holding the latest claim; its result and status land together", async () => {
    const org = (await repo.createOrg("D")).org.id;
    const { id } = await repo.createRota(org, { problem, settings });
    const first = await repo.claim(id, "w1/a");
    expect(first).toMatchObject({ rotaId: id, orgId: org, stopRequested: false, attempts: 1 });
    expect(first?.problem).toEqual(problem);
    await repo.recordProgress(id, "w1/a", { elapsedMs: 10, objective: 5, bestBound: null, gap: null });
    expect((await repo.findRota(org, id))?.progress).toEqual({
      elapsedMs: 10,
      objective: 5,
      bestBound: null,
      gap: null,
    });
    // A second worker takes the job over (its first worker presumed dead): the first may no longer write.
    expect((await repo.claim(id, "w2/b"))?.attempts).toBe(2);
    expect(await repo.recordProgress(id, "w1/a", { elapsedMs: 20, objective: 4, bestBound: null, gap: null })).toEqual({
      stop: true,
    });
    expect(await repo.complete(id, "w1/a", problem, rota(1))).toBe(false);
    expect(await repo.complete(id, "w2/b", problem, rota(2))).toBe(true);
    const done = await repo.findRota(org, id);
    expect(done).toMatchObject({ status: "done", latestVersion: 1, progress: null });
    expect((await repo.findVersion(org, id, 1))?.rota).toEqual(rota(2));
    // Finished jobs are not claimed again, however often the queue delivers them.
    expect(await repo.claim(id, "w3/c")).toBeNull();
    expect(await repo.fail(id, null, "late")).toBe(false);
  });

  test("stopping: a queued rota fails at once, a solving one is flagged for its worker", async () => {
    const org = (await repo.createOrg("E")).org.id;
    const queued = await repo.createRota(org, { problem, settings });
    expect(await repo.requestStop(org, queued.id)).toMatchObject({
      status: "failed",
      stopRequested: true,
      reason: "stopped before the solve started",
    });
    const solving = await repo.createRota(org, { problem, settings });
    await repo.claim(solving.id, "w/1");
    expect(await repo.requestStop(org, solving.id)).toMatchObject({ status: "solving", stopRequested: true });
    expect(
      await repo.recordProgress(solving.id, "w/1", { elapsedMs: 1, objective: null, bestBound: null, gap: null }),
    ).toEqual({ stop: true });
  });

  test("failing keeps the reason and the issues", async () => {
    const org = (await repo.createOrg("F")).org.id;
    const { id } = await repo.createRota(org, { problem, settings });
    await repo.claim(id, "w/1");
    const issues = [{ path: "pinned", code: "pin_conflict", message: "cannot be kept" }];
    expect(await repo.fail(id, "w/1", "the problem cannot be solved as given", issues)).toBe(true);
    expect(await repo.findRota(org, id)).toMatchObject({
      status: "failed",
      reason: "the problem cannot be solved as given",
      issues,
    });
  });

  test("versions are numbered in order, immutable, and publishable", async () => {
    const org = (await repo.createOrg("G")).org.id;
    const { id } = await repo.createRota(org, { problem, settings });
    await repo.claim(id, "w/1");
    await repo.complete(id, "w/1", problem, rota(1));
    const next = {
      problem,
      rota: rota(2),
      change: { absences: [] },
      baseVersion: 1,
      diff: { changes: 1 },
      minimal: true,
      minimalReason: "one change was needed",
    };
    expect(await repo.addVersion(org, id, 1, next)).toMatchObject({
      version: 2,
      kind: "change",
      baseVersion: 1,
      minimal: true,
      minimalReason: "one change was needed",
      diff: { changes: 1 },
    });
    // Re-solved against version 1 while version 2 already exists: refused rather than stacked wrongly.
    expect(await repo.addVersion(org, id, 1, next)).toBeNull();
    expect((await repo.listVersions(org, id)).map((v) => [v.version, v.kind])).toEqual([
      [1, "solve"],
      [2, "change"],
    ]);
    await expect(db.query("UPDATE rota_versions SET rota = '{}'::jsonb WHERE rota_id = $1", [id])).rejects.toThrow(
      /immutable/,
    );
    await expect(db.query("DELETE FROM rota_versions WHERE rota_id = $1", [id])).rejects.toThrow(/immutable/);
    expect(await repo.publish(org, id, 3)).toBeNull();
    expect(await repo.publish(org, id, 1)).toMatchObject({ publishedVersion: 1, latestVersion: 2 });
    const other = (await repo.createOrg("H")).org.id;
    expect(await repo.publish(other, id, 2)).toBeNull();
    expect(await repo.findVersion(other, id, 1)).toBeNull();
    expect(await repo.listVersions(other, id)).toEqual([]);
  });

  test("two changes at once get consecutive versions", async () => {
    const org = (await repo.createOrg("I")).org.id;
    const { id } = await repo.createRota(org, { problem, settings });
    await repo.claim(id, "w/1");
    await repo.complete(id, "w/1", problem, rota(1));
    const next = (n: number) => ({
      problem,
      rota: rota(n),
      change: {},
      baseVersion: n - 1,
      diff: {},
      minimal: false,
      minimalReason: "",
    });
    const [a, b] = await Promise.all([repo.addVersion(org, id, 1, next(2)), repo.addVersion(org, id, 1, next(2))]);
    // Exactly one of two changes computed against version 1 lands; the other learns it is stale.
    expect([a, b].filter(Boolean).map((v) => v?.version)).toEqual([2]);
  });

  test("alternatives are stored as finished rotas of their own, all at once", async () => {
    const org = (await repo.createOrg("K")).org.id;
    const parent = await repo.createRota(org, { problem, settings });
    const made = await repo.createAlternatives(org, parent.id, [
      { name: "week 48: balanced", profile: "balanced", problem, settings, rota: rota(1) },
      { name: "week 48: fairness-first", profile: "fairness-first", problem, settings, rota: rota(2) },
    ]);
    expect(made.map((r) => [r.status, r.alternativeOf, r.profile, r.latestVersion])).toEqual([
      ["done", parent.id, "balanced", 1],
      ["done", parent.id, "fairness-first", 1],
    ]);
    expect((await repo.findVersion(org, made[1]?.id as string, 1))?.rota).toEqual(rota(2));
    const other = (await repo.createOrg("L")).org.id;
    expect(await repo.findRota(other, made[0]?.id as string)).toBeNull();
  });

  test("after a restart, interrupted solves fail and queued ones are handed back", async () => {
    const org = (await repo.createOrg("J")).org.id;
    const running = await repo.createRota(org, { problem, settings });
    await repo.claim(running.id, "w/1");
    const waiting = await repo.createRota(org, { problem, settings });
    const { failed, queued } = await repo.recoverAfterRestart("interrupted");
    expect(failed).toContain(running.id);
    expect(queued.map((j) => j.id)).toContain(waiting.id);
    expect(await repo.findRota(org, running.id)).toMatchObject({ status: "failed", reason: "interrupted" });
    expect(await repo.findRota(org, waiting.id)).toMatchObject({ status: "queued" });
  });
});
