import type { Problem, Rota } from "@deskrota/core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "../src/db/database";
import { migrate } from "../src/db/migrate";
import { openDatabase } from "../src/db/database";
import { JobStore } from "../src/store/jobs";
import { OrgStore } from "../src/store/orgs";
import { RotaStore } from "../src/store/rotas";
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
  let orgs: OrgStore;
  let rotas: RotaStore;
  let jobs: JobStore;
  beforeAll(async () => {
    db = await open();
    await migrate(db);
    orgs = new OrgStore(db);
    rotas = new RotaStore(db);
    jobs = new JobStore(db);
  });
  afterAll(() => db.close());

  test("migrating again applies nothing", async () => {
    expect(await migrate(db)).toEqual([]);
  });

  test("a token finds its organisation; an unknown one finds none", async () => {
    const { org, token } = await orgs.createOrg("Main Library");
    expect(await orgs.authenticate(token)).toEqual({ orgId: org.id, tokenId: expect.stringMatching(/^tok_/) });
    expect(await orgs.authenticate(`${token}x`)).toEqual({ refused: "unknown" });
    const stored = await db.query<{ hash: string }>("SELECT hash FROM tokens WHERE org_id = $1", [org.id]);
    expect(stored.map((r) => r.hash)).not.toContain(token);
  });

  test("the first organisation is created once", async () => {
    // Other tests have created organisations already: nothing more is created.
    await orgs.createOrg("Existing");
    expect(await orgs.createFirstOrg("default")).toBeNull();
  });

  test("an organisation sees only its own rotas", async () => {
    const a = (await orgs.createOrg("A")).org.id;
    const b = (await orgs.createOrg("B")).org.id;
    const mine = await rotas.createRota(a, { name: "week 48", problem, settings });
    expect(mine).toMatchObject({ orgId: a, name: "week 48", status: "queued", latestVersion: null, settings });
    expect(await rotas.findRota(b, mine.id)).toBeNull();
    expect(await rotas.problemOf(b, mine.id)).toBeNull();
    expect(await rotas.requestStop(b, mine.id)).toBeNull();
    expect((await rotas.listRotas(b, 10)).map((r) => r.id)).not.toContain(mine.id);
    expect((await rotas.listRotas(a, 10)).map((r) => r.id)).toEqual([mine.id]);
  });

  test("a rota whose job cannot be queued is not stored either", async () => {
    const org = (await orgs.createOrg("C")).org.id;
    await expect(
      rotas.createRota(org, { problem, settings }, async () => {
        throw new Error("queue down");
      }),
    ).rejects.toThrow("queue down");
    expect(await rotas.listRotas(org, 10)).toEqual([]);
  });

  test("a job runs for the worker holding the latest claim; its result and status land together", async () => {
    const org = (await orgs.createOrg("D")).org.id;
    const { id } = await rotas.createRota(org, { problem, settings });
    const first = await jobs.claim(id, "w1/a");
    expect(first).toMatchObject({ rotaId: id, orgId: org, stopRequested: false, attempts: 1 });
    expect(first?.problem).toEqual(problem);
    await jobs.recordProgress(id, "w1/a", { elapsedMs: 10, objective: 5, bestBound: null, gap: null });
    expect((await rotas.findRota(org, id))?.progress).toEqual({
      elapsedMs: 10,
      objective: 5,
      bestBound: null,
      gap: null,
    });
    // A second worker takes the job over (its first worker presumed dead): the first may no longer write.
    expect((await jobs.claim(id, "w2/b"))?.attempts).toBe(2);
    expect(await jobs.recordProgress(id, "w1/a", { elapsedMs: 20, objective: 4, bestBound: null, gap: null })).toEqual({
      stop: true,
    });
    expect(await jobs.complete(id, "w1/a", problem, rota(1))).toBe(false);
    expect(await jobs.complete(id, "w2/b", problem, rota(2))).toBe(true);
    const done = await rotas.findRota(org, id);
    expect(done).toMatchObject({ status: "done", latestVersion: 1, progress: null });
    expect((await rotas.findVersion(org, id, 1))?.rota).toEqual(rota(2));
    // Finished jobs are not claimed again, however often the queue delivers them.
    expect(await jobs.claim(id, "w3/c")).toBeNull();
    expect(await jobs.fail(id, null, "late")).toBe(false);
  });

  test("stopping: a queued rota fails at once, a solving one is flagged for its worker", async () => {
    const org = (await orgs.createOrg("E")).org.id;
    const queued = await rotas.createRota(org, { problem, settings });
    expect(await rotas.requestStop(org, queued.id)).toMatchObject({
      status: "failed",
      stopRequested: true,
      reason: "stopped before the solve started",
    });
    const solving = await rotas.createRota(org, { problem, settings });
    await jobs.claim(solving.id, "w/1");
    expect(await rotas.requestStop(org, solving.id)).toMatchObject({ status: "solving", stopRequested: true });
    expect(
      await jobs.recordProgress(solving.id, "w/1", { elapsedMs: 1, objective: null, bestBound: null, gap: null }),
    ).toEqual({ stop: true });
  });

  test("failing keeps the reason and the issues", async () => {
    const org = (await orgs.createOrg("F")).org.id;
    const { id } = await rotas.createRota(org, { problem, settings });
    await jobs.claim(id, "w/1");
    const issues = [{ path: "pinned", code: "pin_conflict", message: "cannot be kept" }];
    expect(await jobs.fail(id, "w/1", "the problem cannot be solved as given", issues)).toBe(true);
    expect(await rotas.findRota(org, id)).toMatchObject({
      status: "failed",
      reason: "the problem cannot be solved as given",
      issues,
    });
  });

  test("versions are numbered in order, immutable, and publishable", async () => {
    const org = (await orgs.createOrg("G")).org.id;
    const { id } = await rotas.createRota(org, { problem, settings });
    await jobs.claim(id, "w/1");
    await jobs.complete(id, "w/1", problem, rota(1));
    const next = {
      problem,
      rota: rota(2),
      change: { absences: [] },
      baseVersion: 1,
      diff: { changes: 1 },
      minimal: true,
      minimalReason: "one change was needed",
    };
    expect(await rotas.addVersion(org, id, 1, next)).toMatchObject({
      version: 2,
      kind: "change",
      baseVersion: 1,
      minimal: true,
      minimalReason: "one change was needed",
      diff: { changes: 1 },
    });
    // Re-solved against version 1 while version 2 already exists: refused rather than stacked wrongly.
    expect(await rotas.addVersion(org, id, 1, next)).toBeNull();
    expect((await rotas.listVersions(org, id)).map((v) => [v.version, v.kind])).toEqual([
      [1, "solve"],
      [2, "change"],
    ]);
    await expect(db.query("UPDATE rota_versions SET rota = '{}'::jsonb WHERE rota_id = $1", [id])).rejects.toThrow(
      /immutable/,
    );
    await expect(db.query("DELETE FROM rota_versions WHERE rota_id = $1", [id])).rejects.toThrow(/immutable/);
    expect(await rotas.publish(org, id, 3)).toBeNull();
    expect(await rotas.publish(org, id, 1)).toMatchObject({ publishedVersion: 1, latestVersion: 2 });
    const other = (await orgs.createOrg("H")).org.id;
    expect(await rotas.publish(other, id, 2)).toBeNull();
    expect(await rotas.findVersion(other, id, 1)).toBeNull();
    expect(await rotas.listVersions(other, id)).toEqual([]);
  });

  test("two changes at once get consecutive versions", async () => {
    const org = (await orgs.createOrg("I")).org.id;
    const { id } = await rotas.createRota(org, { problem, settings });
    await jobs.claim(id, "w/1");
    await jobs.complete(id, "w/1", problem, rota(1));
    const next = (n: number) => ({
      problem,
      rota: rota(n),
      change: {},
      baseVersion: n - 1,
      diff: {},
      minimal: false,
      minimalReason: "",
    });
    const [a, b] = await Promise.all([rotas.addVersion(org, id, 1, next(2)), rotas.addVersion(org, id, 1, next(2))]);
    // Exactly one of two changes computed against version 1 lands; the other learns it is stale.
    expect([a, b].filter(Boolean).map((v) => v?.version)).toEqual([2]);
  });

  test("alternatives are stored as finished rotas of their own, all at once", async () => {
    const org = (await orgs.createOrg("K")).org.id;
    const parent = await rotas.createRota(org, { problem, settings });
    const made = await rotas.createAlternatives(org, parent.id, [
      { name: "week 48: balanced", profile: "balanced", problem, settings, rota: rota(1) },
      { name: "week 48: fairness-first", profile: "fairness-first", problem, settings, rota: rota(2) },
    ]);
    expect(made.map((r) => [r.status, r.alternativeOf, r.profile, r.latestVersion])).toEqual([
      ["done", parent.id, "balanced", 1],
      ["done", parent.id, "fairness-first", 1],
    ]);
    expect((await rotas.findVersion(org, made[1]?.id as string, 1))?.rota).toEqual(rota(2));
    const other = (await orgs.createOrg("L")).org.id;
    expect(await rotas.findRota(other, made[0]?.id as string)).toBeNull();
  });

  test("after a restart, interrupted solves fail and queued ones are handed back", async () => {
    const org = (await orgs.createOrg("J")).org.id;
    const running = await rotas.createRota(org, { problem, settings });
    await jobs.claim(running.id, "w/1");
    const waiting = await rotas.createRota(org, { problem, settings });
    const { failed, queued } = await jobs.recoverAfterRestart("interrupted");
    expect(failed).toContain(running.id);
    expect(queued.map((j) => j.id)).toContain(waiting.id);
    expect(await rotas.findRota(org, running.id)).toMatchObject({ status: "failed", reason: "interrupted" });
    expect(await rotas.findRota(org, waiting.id)).toMatchObject({ status: "queued" });
  });
});
