import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { example, testApp, type TestApp } from "./support/app";

// A gap in the grid, its swap candidates, one click: the candidate's day becomes the next version.

// The typical week on a small work budget leaves gaps that someone could still take.
const SOLVE = "wait=true&timeLimitSeconds=30&workBudget=200&seed=1";

interface Run {
  start: string;
  end: string;
}
interface Stint extends Run {
  person: string;
  point: string;
}
interface Gap extends Run {
  point?: string;
  missing: number;
}
interface Candidate {
  person: string;
  name: string;
  covers: Run;
  takes: "whole" | "part" | "moves";
  effect: { coverHours: number; supervisionHours: number; keyholderHours: number };
  summary: string;
}
/** Before the example week: nothing is frozen yet. */
const NOW = "2026-11-22T00:00";

let t: TestApp;
let id: string;
let gap: Gap & { point: string };
let candidate: Candidate;

/** Every swap is asked as of NOW unless the test says otherwise: the server's clock is past the example week. */
const inject = (method: "GET" | "POST", url: string, payload?: unknown, headers: Record<string, string> = t.auth) =>
  t.app.inject({
    method,
    url: url.includes("/swap-candidates?") && !url.includes("now=") ? `${url}&now=${NOW}` : url,
    headers,
    ...(payload === undefined
      ? {}
      : { payload: (url.endsWith("/swaps") ? { now: NOW, ...(payload as object) } : payload) as object }),
  });
const overlaps = (a: Run, b: Run) => Date.parse(a.start) < Date.parse(b.end) && Date.parse(b.start) < Date.parse(a.end);
const within = (inner: Run, outer: Run) =>
  Date.parse(outer.start) <= Date.parse(inner.start) && Date.parse(inner.end) <= Date.parse(outer.end);

beforeAll(async () => {
  t = await testApp();
  const res = await inject("POST", `/v1/rotas?${SOLVE}`, example("typical-week"));
  expect(res.statusCode, res.body).toBe(200);
  id = res.json().id;
  for (const g of res.json().rota.uncovered as Gap[]) {
    if (!g.point) continue;
    const query = new URLSearchParams({ point: g.point, start: g.start, end: g.end });
    const found = (await inject("GET", `/v1/rotas/${id}/swap-candidates?${query}`)).json().candidates as Candidate[];
    if (found[0] && found[0].takes !== "moves") {
      gap = { ...g, point: g.point };
      candidate = found[0];
      break;
    }
  }
  expect(candidate, "a cover gap someone could take").toBeDefined();
});
afterAll(() => t.app.close());

describe("POST /v1/rotas/:id/swaps", () => {
  test("the candidate takes the gap: the next version, checked, with its diff and Location", async () => {
    const res = await inject("POST", `/v1/rotas/${id}/swaps`, {
      point: gap.point,
      start: gap.start,
      end: gap.end,
      person: candidate.person,
      version: 1,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers.location).toBe(`/v1/rotas/${id}/versions/2`);
    const body = res.json();
    expect(body).toMatchObject({ id, version: 2, baseVersion: 1, person: candidate.person, covers: candidate.covers });
    expect(body.diff.changes).toBeGreaterThan(0);
    expect(body.diff.words.join("\n")).toContain(candidate.name);
    // They are on the point for the part they took, and that part is no longer a gap there.
    const theirs = (body.rota.assignments as Stint[]).filter(
      (a) => a.person === candidate.person && a.point === gap.point,
    );
    expect(theirs.some((a) => within(candidate.covers, a))).toBe(true);
    for (const u of body.rota.uncovered as Gap[])
      if (u.point === gap.point) expect(overlaps(u, candidate.covers)).toBe(false);
    // The net effect the list promised is what the stored rota shows.
    const hours = (gaps: Gap[], rule: string) =>
      gaps
        .filter((u) => ((u as { rule?: string }).rule ?? "cover") === rule)
        .reduce((h, u) => h + (u.missing * (Date.parse(u.end) - Date.parse(u.start))) / 3_600_000, 0);
    const before = (await inject("GET", `/v1/rotas/${id}/versions/1`)).json().rota.uncovered as Gap[];
    expect(hours(body.rota.uncovered, "cover") - hours(before, "cover")).toBeCloseTo(candidate.effect.coverHours, 6);
    expect(candidate.effect.coverHours).toBeLessThan(0);
    expect(candidate.summary).toMatch(/^takes /);

    const versions = (await inject("GET", `/v1/rotas/${id}/versions`)).json();
    expect(versions.versions[1]).toMatchObject({
      version: 2,
      kind: "change",
      baseVersion: 1,
      change: null,
      minimal: false,
      diff: { changes: body.diff.changes },
    });
    expect(versions.versions[1].minimalReason).toMatch(
      new RegExp(`\\(${candidate.name} takes .* \\w{3} \\d+ \\w{3} \\d\\d:\\d\\d–\\d\\d:\\d\\d\\)`),
    );
    expect((await inject("GET", `/v1/rotas/${id}/versions/2`)).json().rota).toEqual(body.rota);
  });

  test("a person who cannot take it (here: already on it) is a 409 saying why", async () => {
    const res = await inject("POST", `/v1/rotas/${id}/swaps`, {
      point: gap.point,
      start: candidate.covers.start,
      end: candidate.covers.end,
      person: candidate.person,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: "DESKROTA_E_CONFLICT",
      message: expect.stringContaining(`${candidate.name} cannot take this gap: `),
    });
  });

  test("candidates read from a version that is no longer the latest are a 409", async () => {
    const res = await inject("POST", `/v1/rotas/${id}/swaps`, {
      point: gap.point,
      start: gap.start,
      end: gap.end,
      person: candidate.person,
      version: 1,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toMatch(/v1 is not the latest version .*\(v2\)/);
  });

  test("an unknown person, point or time is a 400 naming the field", async () => {
    const person = await inject("POST", `/v1/rotas/${id}/swaps`, {
      point: gap.point,
      start: gap.start,
      end: gap.end,
      person: "nobody",
    });
    expect(person.statusCode).toBe(400);
    expect(person.json().issues).toEqual([
      { in: "body", path: "person", code: "unknown_reference", message: "there is no person nobody" },
    ]);
    const point = await inject("POST", `/v1/rotas/${id}/swaps`, {
      point: "nowhere",
      start: gap.start,
      end: gap.end,
      person: candidate.person,
    });
    expect(point.statusCode).toBe(400);
    expect(point.json().issues).toContainEqual(
      expect.objectContaining({ in: "body", path: "point", code: "unknown_reference" }),
    );
    const time = await inject("POST", `/v1/rotas/${id}/swaps`, {
      point: gap.point,
      start: "tuesday",
      end: gap.end,
      person: candidate.person,
      extra: 1,
    });
    expect(time.statusCode).toBe(400);
    expect(time.json().issues.map((i: { path: string }) => i.path)).toContain("start");
  });

  test("nothing before now is offered or changed, and the answer says so", async () => {
    const query = new URLSearchParams({ point: gap.point, start: gap.start, end: gap.end, now: gap.end });
    const report = (await inject("GET", `/v1/rotas/${id}/swap-candidates?${query}`)).json();
    expect(report.candidates).toEqual([]);
    expect(report.frozen).toMatch(/^the whole gap is before now/);
    const late = await inject("POST", `/v1/rotas/${id}/swaps`, {
      point: gap.point,
      start: gap.start,
      end: gap.end,
      person: candidate.person,
      now: gap.end,
    });
    expect(late.statusCode).toBe(409);
  });

  test("an unknown rota is a 404; no token is a 401", async () => {
    const body = { point: gap.point, start: gap.start, end: gap.end, person: candidate.person };
    expect((await inject("POST", "/v1/rotas/rota_unknown/swaps", body)).statusCode).toBe(404);
    expect((await inject("POST", `/v1/rotas/${id}/swaps`, body, {})).statusCode).toBe(401);
  });
});
