import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { example, testApp, type TestApp } from "./support/app";
import { BEFORE_THE_WEEK as NOW, injector, publishedSmallCampus, QUICK, type Stint } from "./support/published";

// A coordinator's week after the first rota: someone is off sick, who could swap in, which of
// several rotas to prefer.

const small = example("small-campus");
let t: TestApp;
let id: string;
let stint: Stint;

beforeAll(async () => {
  t = await testApp();
  ({ id, stint } = await publishedSmallCampus(t, "week 48"));
});
afterAll(() => t.app.close());

const inject = injector(() => t);
const overlaps = (a: { start: string; end: string }, b: { start: string; end: string }) =>
  Date.parse(a.start) < Date.parse(b.end) && Date.parse(b.start) < Date.parse(a.end);

describe("POST /v1/rotas/:id/changes", () => {
  test("a change with nothing in it is refused, and creates nothing", async () => {
    const res = await inject("POST", `/v1/rotas/${id}/changes?now=${NOW}`, {});
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toEqual([expect.objectContaining({ in: "body", path: "", code: "empty_change" })]);
    expect((await inject("GET", `/v1/rotas/${id}/versions`)).json().versions).toHaveLength(1);
  });

  test("a dry run answers with the repair and the options to choose from, and records nothing", async () => {
    const absence = { person: stint.person, from: stint.start, to: stint.end, reason: "sick" };
    const res = await inject("POST", `/v1/rotas/${id}/changes?now=${NOW}&dryRun=true`, { absences: [absence] });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.version).toBeNull();
    expect(body.options.length).toBeGreaterThan(0);
    expect(body.options.filter((o: { chosen: boolean }) => o.chosen)).toHaveLength(1);
    for (const o of body.options) {
      expect(o.words).toMatch(/^(fills everything|leaves .*): \d+ (person|people), [\d.]+ h changed$/);
      expect(o.apply).toBe(`/v1/rotas/${id}/changes?now=${encodeURIComponent(NOW)}&option=${o.id}`);
      expect(o).toMatchObject({ minimal: expect.any(Boolean), minimalReason: expect.any(String) });
    }
    // The chosen repair's proof is the answer's own: the page shows it beside the option.
    const chosen = body.options.find((o: { chosen: boolean }) => o.chosen);
    expect([chosen.minimal, chosen.minimalReason]).toEqual([body.minimal, body.minimalReason]);
    expect((await inject("GET", `/v1/rotas/${id}/versions`)).json().versions).toHaveLength(1);
  });

  test("an absence: a new version that keeps the absent person off, with the diff against the published", async () => {
    const absence = { person: stint.person, from: stint.start, to: stint.end, reason: "sick" };
    const res = await inject("POST", `/v1/rotas/${id}/changes?now=${NOW}`, { absences: [absence] });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(res.headers.location).toBe(`/v1/rotas/${id}/versions/2`);
    expect(body).toMatchObject({
      id,
      version: 2,
      baseVersion: 1,
      now: NOW,
      minimal: expect.any(Boolean),
      minimalReason: expect.any(String),
    });
    expect(body.diff.changes).toBeGreaterThan(0);
    expect(body.diff.words.length).toBe(body.diff.changes);
    expect(body.rota).not.toHaveProperty("diff");
    const theirs = (body.rota.assignments as Stint[]).filter((a) => a.person === stint.person);
    for (const a of theirs) expect(overlaps(a, stint)).toBe(false);

    const versions = (await inject("GET", `/v1/rotas/${id}/versions`)).json();
    expect(versions.publishedVersion).toBe(1);
    expect(versions.versions[1]).toMatchObject({
      version: 2,
      kind: "change",
      baseVersion: 1,
      published: false,
      change: { absences: [absence] },
      diff: { changes: body.diff.changes },
    });
    // The absence is part of the problem from version 2 on.
    const problem = (await inject("GET", `/v1/rotas/${id}/versions/2/problem`)).json();
    expect(problem.people.find((p: { id: string }) => p.id === stint.person).absences).toContainEqual({
      from: stint.start,
      to: stint.end,
      reason: "sick",
    });
    // The status shows the latest version; exports keep to the published one until it is replaced.
    expect((await inject("GET", `/v1/rotas/${id}`)).json()).toMatchObject({ version: 2, publishedVersion: 1 });
    expect((await inject("GET", `/v1/rotas/${id}/export.csv`)).headers["content-disposition"]).toContain("-v1.csv");
  });

  test("changes that could change nothing or contradict the record are refused, and create nothing", async () => {
    const post = (change: unknown, now = NOW) => inject("POST", `/v1/rotas/${id}/changes?now=${now}`, change);
    const absence = { person: stint.person, from: stint.start, to: stint.end, reason: "sick" };
    const twice = await post({ absences: [absence] });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().issues).toEqual([
      expect.objectContaining({ in: "body", path: "absences.0", code: "duplicate_absence" }),
    ]);
    const far = await post({ absences: [{ ...absence, from: "9999-01-01T09:00", to: "9999-01-02T09:00" }] });
    expect(far.statusCode).toBe(400);
    expect(far.json().issues[0]).toMatchObject({ path: "absences.0", code: "outside_week" });
    const other = { person: stint.person, from: "2026-11-27T12:00", to: "2026-11-27T18:00" };
    const past = await post({ absences: [other] }, "2026-11-28T09:00");
    expect(past.statusCode).toBe(409);
    expect(past.json().issues[0]).toMatchObject({ path: "absences.0", code: "in_the_past" });
    const over = await post({ absences: [other] }, "2026-12-07T09:00");
    expect(over.statusCode).toBe(409);
    expect(over.json().issues[0]).toMatchObject({ path: "", code: "week_over" });
    const skipped = await post({ absences: [other] }, "2027-03-14T02:30");
    expect(skipped.statusCode).toBe(400);
    expect(skipped.json().issues[0]).toMatchObject({ in: "querystring", path: "now" });
    expect(skipped.json().issues[0].message).toContain("does not exist");
    expect((await inject("GET", `/v1/rotas/${id}/versions`)).json().versions).toHaveLength(2);
  });

  test("bad changes are 400s with paths into the change; a bad `now` into the query", async () => {
    const unknown = await inject("POST", `/v1/rotas/${id}/changes?now=${NOW}`, {
      absences: [{ person: "nobody", from: stint.start, to: stint.end }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().issues).toContainEqual(
      expect.objectContaining({ in: "body", path: "absences.0.person", code: "unknown_reference" }),
    );
    const typo = await inject("POST", `/v1/rotas/${id}/changes`, { absence: [] });
    expect(typo.statusCode).toBe(400);
    expect(typo.json().issues[0]).toMatchObject({ in: "body", path: "", code: "unrecognized_keys" });
    const now = await inject("POST", `/v1/rotas/${id}/changes?now=tuesday`, {});
    expect(now.statusCode).toBe(400);
    expect(now.json().issues[0]).toMatchObject({ in: "querystring", path: "now" });
    expect((await inject("POST", "/v1/rotas/rota_000000000000/changes", {})).statusCode).toBe(404);
  });
});

describe("GET /v1/rotas/:id/swap-candidates", () => {
  test("ranked candidates with their costs in words, and why the others cannot", async () => {
    const gap = new URLSearchParams({ point: stint.point, start: stint.start, end: stint.end, now: NOW });
    const res = await inject("GET", `/v1/rotas/${id}/swap-candidates?${gap}`);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report.gap).toEqual({ point: stint.point, start: stint.start, end: stint.end });
    for (const c of report.candidates)
      expect(c).toMatchObject({
        person: expect.any(String),
        whole: expect.any(Boolean),
        takes: expect.stringMatching(/^(whole|part|moves)$/),
        effect: { coverHours: expect.any(Number), supervisionHours: expect.any(Number) },
        summary: expect.any(String),
        knockOn: expect.any(Number),
        costs: expect.any(Array),
      });
    for (const u of report.unable) expect(u.reason).not.toBe("");
    expect(report.candidates.length + report.unable.length).toBeGreaterThan(0);
  });

  test("a gap that cannot be looked up is a 400 naming the query field", async () => {
    const base = `/v1/rotas/${id}/swap-candidates`;
    const unknown = await inject(
      "GET",
      `${base}?point=nowhere&start=${encodeURIComponent(stint.start)}&end=${encodeURIComponent(stint.end)}`,
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().issues).toEqual([
      expect.objectContaining({ in: "querystring", path: "point", code: "unknown_reference" }),
    ]);
    const backwards = await inject(
      "GET",
      `${base}?point=${stint.point}&start=${encodeURIComponent(stint.end)}&end=${encodeURIComponent(stint.start)}`,
    );
    expect(backwards.json().issues).toEqual([expect.objectContaining({ in: "querystring", path: "end" })]);
    const missing = await inject("GET", `${base}?point=${stint.point}`);
    expect(
      missing
        .json()
        .issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(["end", "start"]);
    expect(
      (await inject("GET", `/v1/rotas/rota_000000000000/swap-candidates?point=x&start=${NOW}&end=${NOW}`)).statusCode,
    ).toBe(404);
  });
});

describe("alternatives and comparison", () => {
  let alternatives: Array<{ id: string; profile: string; changes: number; goal?: { clear: boolean } }>;
  let dropped: Array<{ profile: string; reason: string }>;
  let compareUrl: string;
  // Its own rota: the file's shared one has versions by now, and the alternatives are of the latest.
  let base: string;

  beforeAll(async () => {
    const solved = await inject("POST", `/v1/rotas?wait=true&${QUICK}&name=week%2048`, small);
    expect(solved.statusCode, solved.body).toBe(200);
    base = solved.json().id;
    const res = await inject("POST", `/v1/rotas/${base}/alternatives`, {
      k: 4,
      timeLimitSeconds: 20,
      workBudget: 200,
      seed: 1,
    });
    expect(res.statusCode, res.body).toBe(201);
    ({ alternatives, dropped, compare: compareUrl } = res.json());
  });

  test("the balanced rota, then the profiles clearly better on their goal; the others dropped with the reason", () => {
    // At this budget the balanced rota leaves three people hours from their contracts that
    // fairness-first gives them; cover and wishes (the week has none) cannot be improved.
    expect(alternatives.map((a) => a.profile)).toEqual(["balanced", "fairness-first"]);
    expect(alternatives[1]).toMatchObject({ goal: { clear: true }, changes: expect.any(Number) });
    expect(alternatives[1]?.changes).toBeGreaterThan(0);
    expect(dropped).toEqual([
      { profile: "coverage-first", reason: expect.stringMatching(/^coverage-first: not clearly better on cover: /) },
      {
        profile: "preferences-first",
        reason: expect.stringMatching(/^preferences-first: not clearly better on preferences: /),
      },
    ]);
  });

  test("each offered alternative is a rota of its own that remembers where it came from", async () => {
    for (const a of alternatives) {
      expect((await inject("GET", `/v1/rotas/${a.id}`)).json()).toMatchObject({
        status: "done",
        version: 1,
        alternativeOf: base,
        profile: a.profile,
        name: `week 48: ${a.profile}`,
      });
    }
    expect(compareUrl).toBe(`/v1/compare?ids=${alternatives.map((a) => a.id).join(",")}`);
  });

  test("compare: metrics side by side and the diff of the first two", async () => {
    const res = await inject("GET", compareUrl);
    expect(res.statusCode, res.body).toBe(200);
    const table = res.json();
    expect(table.reference).toBe(alternatives[0]?.id);
    expect(table.rotas.map((r: { id: string }) => r.id)).toEqual(alternatives.map((a) => a.id));
    expect(table.rotas[0]).toMatchObject({
      changes: 0,
      metrics: { minCoverPct: expect.any(Number) },
      score: { byRule: expect.any(Object) },
    });
    expect(table.diff.changes).toBe(table.rotas[1].changes);
    // Led by one sentence per alternative that says its trade-off against the reference.
    expect(table.tradeOffs).toEqual([expect.stringMatching(new RegExp(`^${alternatives[1]?.id}: `))]);
  });

  test("versions compare too: the published rota against the re-solved one", async () => {
    const res = await inject("GET", `/v1/compare?ids=${id}@1,${id}@2&reference=${id}@1`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().rotas[1].changes).toBeGreaterThan(0);
  });

  test("comparisons that cannot be made are 400s; unknown rotas 404s", async () => {
    const one = await inject("GET", `/v1/compare?ids=${id}`);
    expect(one.statusCode).toBe(400);
    expect(one.json().issues[0]).toMatchObject({ in: "querystring", path: "ids" });
    expect((await inject("GET", `/v1/compare?ids=${id},${id}@first`)).statusCode).toBe(400);
    expect((await inject("GET", `/v1/compare?ids=${id}@1,${id}@2&reference=${id}@3`)).json().issues[0]).toMatchObject({
      path: "reference",
    });
    expect((await inject("GET", `/v1/compare?ids=${id},rota_000000000000`)).statusCode).toBe(404);
    expect((await inject("GET", `/v1/compare?ids=${id}@1,${id}@9`)).statusCode).toBe(404);
    const nextWeek = await inject("POST", `/v1/rotas?wait=true&${QUICK}`, { ...small, weekStart: "2026-11-30" });
    expect(nextWeek.statusCode, nextWeek.body).toBe(200);
    const mixed = await inject("GET", `/v1/compare?ids=${id},${nextWeek.json().id}`);
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().issues[0].message).toContain("another week");
  });

  test("alternatives need a known rota and a sensible k", async () => {
    expect((await inject("POST", `/v1/rotas/${id}/alternatives`, { k: 1 })).statusCode).toBe(400);
    expect((await inject("POST", `/v1/rotas/${id}/alternatives`, { k: 5 })).statusCode).toBe(400);
    expect((await inject("POST", "/v1/rotas/rota_000000000000/alternatives", { k: 2 })).statusCode).toBe(404);
  });
});

test("a profile weighs the problem as the alternatives do, and the stored problem says so", async () => {
  const res = await inject("POST", `/v1/rotas?wait=true&${QUICK}&profile=fairness-first`, small);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().profile).toBe("fairness-first");
  const problem = (await inject("GET", `/v1/rotas/${res.json().id}/versions/1/problem`)).json();
  expect(problem.weights.unsocial).toBeGreaterThan(1);
  const bad = await inject("POST", "/v1/rotas?profile=cheapest", small);
  expect(bad.statusCode).toBe(400);
  expect(bad.json().issues[0]).toMatchObject({ in: "querystring", path: "profile" });
});
