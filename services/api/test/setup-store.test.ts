import { EMPTY_CARRY, type Rota, setupFromProblem } from "@deskrota/core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type Database, openDatabase } from "../src/db/database";
import { migrate } from "../src/db/migrate";
import { setupChanges } from "../src/setup/changes";
import { type SetupStores, setupStores } from "../src/store";
import { JobStore } from "../src/store/jobs";
import { OrgStore } from "../src/store/orgs";
import { RotaStore } from "../src/store/rotas";
import { example } from "./support/app";
import { freshDataDir } from "./support/pglite";
import { freshDatabase, stopOwnServer } from "./support/postgres";

// The standing data's stores behave the same whichever PostgreSQL is underneath.

const problem = example("small-campus");
const { setup } = setupFromProblem(problem);
const rota: Rota = { assignments: [], uncovered: [], score: { hard: 0, soft: 0, byRule: {} }, people: [] };

const backends: Array<[string, () => Promise<Database>]> = [
  ["PGlite", async () => openDatabase({ dataDir: await freshDataDir() })],
  ["PostgreSQL", async () => openDatabase({ url: await freshDatabase(), dataDir: "" })],
];

afterAll(stopOwnServer);

describe.each(backends)("setup stores on %s", (_name, open) => {
  let db: Database;
  let repo: RotaStore;
  let jobs: JobStore;
  let s: SetupStores;
  let orgId: string;
  beforeAll(async () => {
    db = await open();
    await migrate(db);
    repo = new RotaStore(db);
    jobs = new JobStore(db);
    s = setupStores(db);
    orgId = (await new OrgStore(db).createOrg("Main Library")).org.id;
  });
  afterAll(() => db.close());

  const renamed = (name: string) => ({ ...setup, people: setup.people.map((p, i) => (i ? p : { ...p, name })) });

  test("revisions are appended in order, even written at once; a write that changes nothing makes none", async () => {
    const first = await s.setups.write(orgId, orgId, (c) => ({
      setup,
      kind: "put",
      changes: setupChanges(c?.setup ?? null, setup),
    }));
    expect(first).toMatchObject({ created: true, revision: { revision: 1 } });
    const again = await s.setups.write(orgId, orgId, (c) => ({
      setup,
      kind: "put",
      changes: setupChanges(c?.setup ?? null, setup),
    }));
    expect(again.created).toBe(false);
    await Promise.all(
      ["A", "B", "C", "D"].map((name) =>
        s.setups.write(orgId, orgId, (c) => ({
          setup: renamed(name),
          kind: "person",
          changes: setupChanges(c?.setup ?? null, renamed(name)),
        })),
      ),
    );
    expect((await s.setups.list(orgId)).map((r) => r.revision)).toEqual([5, 4, 3, 2, 1]);
    expect((await s.setups.revision(orgId, 1))?.setup).toEqual(setup);
  });

  test("a revision stored before changes carried words is read with them, worked out from the setups", async () => {
    const { words: _, ...bare } = setupChanges(renamed("D"), renamed("Eve"));
    const made = await s.setups.write(orgId, orgId, () => ({
      setup: renamed("Eve"),
      kind: "person",
      changes: bare as ReturnType<typeof setupChanges>,
    }));
    const n = made.revision.revision;
    const said = [`Eve: renamed from ${(await s.setups.revision(orgId, n - 1))?.setup.people[0]?.name}`];
    expect((await s.setups.list(orgId))[0]?.changes.words).toEqual(said);
    expect((await s.setups.revision(orgId, n))?.changes.words).toEqual(said);
    expect((await s.setups.latest(orgId))?.changes.words).toEqual(said);
  });

  test("a revision can be neither changed nor deleted", async () => {
    await expect(db.query("UPDATE setup_revisions SET note = 'x' WHERE org_id = $1", [orgId])).rejects.toThrow(
      /immutable/,
    );
    await expect(db.query("DELETE FROM setup_revisions WHERE org_id = $1", [orgId])).rejects.toThrow(/immutable/);
  });

  test("entries are found by the local days they touch; removing one keeps it on record", async () => {
    const [a, b] = await s.entries.add(orgId, orgId, [
      {
        kind: "absence",
        person: "s001",
        firstDay: "2026-11-29",
        lastDay: "2026-12-01",
        entry: { kind: "absence", person: "s001", from: "2026-11-29T09:00", to: "2026-12-01T17:00" },
      },
      {
        kind: "availability",
        person: "s002",
        firstDay: "2026-12-07",
        lastDay: "2026-12-07",
        entry: { kind: "availability", person: "s002", date: "2026-12-07", available: [] },
      },
    ]);
    const ids = async (from: string, to: string) => (await s.entries.list(orgId, { from, to })).map((e) => e.id);
    expect(await ids("2026-11-23", "2026-11-29")).toEqual([a?.id]);
    expect(await ids("2026-11-30", "2026-12-06")).toEqual([a?.id]);
    expect(await ids("2026-12-07", "2026-12-13")).toEqual([b?.id]);
    expect(a?.entry).toMatchObject({ id: a?.id, person: "s001" });
    const removed = await s.entries.remove(orgId, a?.id as string, orgId);
    expect(removed?.removedAt).not.toBeNull();
    expect(await ids("2026-11-30", "2026-12-06")).toEqual([]);
    expect((await s.entries.list(orgId, { removed: true })).length).toBe(2);
    expect(await s.entries.remove("org_other", b?.id as string, orgId)).toBeNull();
  });

  test("the published rota of each earlier week is the one published last (alternatives count)", async () => {
    const made = async (week: string) => {
      const r = await repo.createRota(orgId, { problem, settings: { timeLimitMs: 1000 } });
      await s.weeks.link(orgId, r.id, { weekStart: week, setupRevision: 1, carry: EMPTY_CARRY });
      await jobs.claim(r.id, "test");
      await jobs.complete(r.id, "test", problem, rota);
      return r.id;
    };
    const w1a = await made("2026-11-23");
    const w1b = await made("2026-11-23");
    const w2 = await made("2026-11-30");
    expect(await s.weeks.publishedBefore(orgId, "2026-12-07")).toEqual([]);
    await repo.publish(orgId, w1b, 1);
    await repo.publish(orgId, w1a, 1);
    await repo.publish(orgId, w2, 1);
    expect(await s.weeks.publishedBefore(orgId, "2026-11-30")).toEqual([
      { weekStart: "2026-11-23", rotaId: w1a, version: 1, setupRevision: 1 },
    ]);
    const [alternative] = await repo.createAlternatives(orgId, w2, [
      { name: "alt", profile: "balanced", problem, settings: { timeLimitMs: 1000 }, rota },
    ]);
    await repo.publish(orgId, alternative?.id as string, 1);
    expect((await s.weeks.publishedBefore(orgId, "2026-12-07")).map((w) => w.rotaId)).toEqual([w1a, alternative?.id]);
    expect((await s.weeks.ofWeek(orgId, "2026-11-23")).map((w) => w.rotaId)).toEqual([w1a, w1b]);
  });

  test("a plan: its weeks, a rota per week, stop, end; unfinished plans are found after a restart", async () => {
    const plan = await s.plans.create(orgId, {
      weekStarts: ["2027-01-11", "2027-01-18"],
      options: { timeLimitMs: 1000, setupRevision: 1 },
    });
    expect(plan).toMatchObject({ from: "2027-01-11", status: "solving", stopRequested: false });
    expect(plan.weeks).toEqual([
      { index: 0, weekStart: "2027-01-11", rotaId: null },
      { index: 1, weekStart: "2027-01-18", rotaId: null },
    ]);
    expect(await s.plans.unfinished()).toEqual([{ id: plan.id, orgId }]);
    // One driver at a time: a lease until it is released (or grows old).
    expect(await s.plans.drive(plan.id, "api-1", 30)).toBe(true);
    expect(await s.plans.drive(plan.id, "api-2", 30)).toBe(false);
    expect(await s.plans.drive(plan.id, "api-1", 30)).toBe(true);
    expect(await s.plans.drive(plan.id, "api-2", 0)).toBe(true);
    await s.plans.release("api-2");
    expect(await s.plans.drive(plan.id, "api-1", 30)).toBe(true);
    const r = await repo.createRota(orgId, { problem, settings: { timeLimitMs: 1000 } });
    await s.plans.setWeekRota(plan.id, 0, r.id);
    expect((await s.plans.requestStop(orgId, plan.id))?.stopRequested).toBe(true);
    expect(await s.plans.finish(plan.id, "stopped", "asked")).toBe(true);
    expect(await s.plans.finish(plan.id, "done", null)).toBe(false);
    expect(await s.plans.find(orgId, plan.id)).toMatchObject({ status: "stopped", weeks: [{ rotaId: r.id }, {}] });
    expect(await s.plans.unfinished()).toEqual([]);
    expect(await s.plans.drive(plan.id, "api-1", 30)).toBe(false);
    expect(await s.plans.find("org_other", plan.id)).toBeNull();
  });
});
