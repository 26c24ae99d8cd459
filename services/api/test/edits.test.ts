import { check } from "@deskrota/core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { example, type TestApp, testApp } from "./support/app";
import { injector, type Stint } from "./support/published";

// Editing by hand and undo: each action builds on the latest version, is judged by the checker,
// and becomes the next version with its diff; refused or dry-run actions store nothing.

let t: TestApp;
let id: string;
let first: Stint;
const small = example("small-campus");

const inject = injector(() => t);
const versions = async () => (await inject("GET", `/v1/rotas/${id}/versions`)).json().versions.length as number;
const stint = ({ person, point, start, end }: Stint) => ({ person, point, start, end });

beforeAll(async () => {
  t = await testApp();
  const res = await inject("POST", "/v1/rotas?wait=true&workBudget=100&seed=1", small);
  expect(res.statusCode, res.body).toBe(200);
  id = res.json().id;
  first = stint((res.json().rota.assignments as Stint[]).find((a) => !a.shadowing) as Stint);
});
afterAll(() => t.app.close());

describe("POST /v1/rotas/:id/edits", () => {
  test("a dry run shows the verdict, the soft costs and the diff, and stores nothing", async () => {
    const res = await inject("POST", `/v1/rotas/${id}/edits`, { basedOn: 1, remove: [first], dryRun: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: null, baseVersion: 1, publishedBase: false });
    expect(res.json().costs).toContainEqual({ rule: "cover", change: expect.any(Number) });
    expect(res.json().diff.changes).toBe(1);
    expect(await versions()).toBe(1);
  });

  test("taking someone out makes the next version, checked, with its diff", async () => {
    const res = await inject("POST", `/v1/rotas/${id}/edits`, { basedOn: 1, remove: [first] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().version).toBe(2);
    expect(res.headers.location).toBe(`/v1/rotas/${id}/versions/2`);
    const stored = (await inject("GET", `/v1/rotas/${id}/versions/2`)).json();
    expect(stored.minimalReason).toMatch(/^edited by hand: /);
    expect(check(small, stored.rota).valid).toBe(true);
  });

  test("an edit based on an older version is refused with 409", async () => {
    const res = await inject("POST", `/v1/rotas/${id}/edits`, { basedOn: 1, add: [first] });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toMatch(/v1 is not the latest/);
  });

  test("putting someone in when they are not available is refused with the rule in words", async () => {
    const mei = { person: "s002", point: "campus-helpdesk", start: "2026-11-23T09:00", end: "2026-11-23T11:00" };
    const res = await inject("POST", `/v1/rotas/${id}/edits`, { basedOn: 2, add: [mei] });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().code).toBe("DESKROTA_E_RULE");
    expect(res.json().issues).toContainEqual(expect.objectContaining({ code: "availability" }));
    expect(await versions()).toBe(2);
  });

  test("an unknown person and a stint not in the rota are named by their paths", async () => {
    const res = await inject("POST", `/v1/rotas/${id}/edits`, {
      basedOn: 2,
      add: [{ ...first, person: "nobody" }],
      remove: [first],
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(["add.0.person", "remove.0"]);
  });

  test("putting the stint back and pinning it; re-solving around the edits keeps the pin", async () => {
    const put = await inject("POST", `/v1/rotas/${id}/edits`, { basedOn: 2, add: [first], pin: [first] });
    expect(put.statusCode, put.body).toBe(201);
    const problem = (await inject("GET", `/v1/rotas/${id}/versions/3/problem`)).json();
    expect(problem.pinned).toEqual([first]);
    const res = await inject("POST", `/v1/rotas/${id}/resolve`, { basedOn: 3, now: "2026-11-22T12:00:00Z" });
    expect(res.statusCode, res.body).toBe(201);
    // A repair, not a new week: v3 already holds its pin, so nothing else has to move.
    expect(res.json().diff.changes).toBe(0);
    expect((await inject("GET", `/v1/rotas/${id}/versions/4`)).json().minimalReason).toMatch(
      /^re-solved around 1 pinned stint, all kept: /,
    );
    const at = (text: string) => Date.parse(text);
    const kept = (res.json().rota.assignments as Stint[]).some(
      (a) =>
        a.person === first.person &&
        a.point === first.point &&
        at(a.start) <= at(`${first.start}`) &&
        at(first.end) <= at(a.end),
    );
    expect(kept).toBe(true);
  });
  test("re-solving around the edits: refused when nothing is pinned, or when the week is over", async () => {
    const before = await versions();
    const over = await inject("POST", `/v1/rotas/${id}/resolve`, { basedOn: before, now: "2026-12-07T09:00:00Z" });
    expect(over.statusCode, over.body).toBe(409);
    expect(over.json().issues[0].message).toMatch(/before now/);
    const revert = await inject("POST", `/v1/rotas/${id}/versions/1/revert`, { basedOn: before });
    expect(revert.statusCode, revert.body).toBe(201);
    const none = await inject("POST", `/v1/rotas/${id}/resolve`, { basedOn: before + 1, now: "2026-11-22T12:00:00Z" });
    expect(none.statusCode, none.body).toBe(409);
    expect(none.json().message).toMatch(/nothing is pinned/);
    expect(await versions()).toBe(before + 1);
  });
});

describe("POST /v1/rotas/:id/versions/:n/revert", () => {
  test("restores an earlier version as a new one; the history keeps every version", async () => {
    const before = await versions();
    const res = await inject("POST", `/v1/rotas/${id}/versions/1/revert`, { basedOn: before });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().version).toBe(before + 1);
    const [v1, now] = await Promise.all(
      [1, before + 1].map(async (n) => (await inject("GET", `/v1/rotas/${id}/versions/${n}`)).json()),
    );
    expect(now.rota.assignments).toEqual(v1.rota.assignments);
    expect(now.minimalReason).toBe("restores v1 as it was");
    const again = await inject("POST", `/v1/rotas/${id}/versions/${before + 1}/revert`, { basedOn: before + 1 });
    expect(again.statusCode).toBe(409);
  });
});
