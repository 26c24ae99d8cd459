import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { testApp, type TestApp } from "./support/app";
import { BEFORE_THE_WEEK as NOW, injector, publishedSmallCampus, QUICK, type Stint } from "./support/published";

// A mistaken absence taken out again as a change: the re-solve repairs the published rota with the
// person available again, and every version stays.

let t: TestApp;
let id: string;
let stint: Stint;
let absence: { person: string; from: string; to: string };

const inject = injector(() => t);
const holds = (assignments: Stint[]) =>
  assignments.some((a) => a.person === stint.person && Date.parse(a.start) === Date.parse(stint.start));

beforeAll(async () => {
  t = await testApp();
  ({ id, stint } = await publishedSmallCampus(t, "undo"));
  absence = { person: stint.person, from: stint.start, to: stint.end };
  const sick = await inject("POST", `/v1/rotas/${id}/changes?now=${NOW}&${QUICK}`, {
    absences: [{ ...absence, reason: "sick" }],
  });
  expect(sick.statusCode, sick.body).toBe(201);
  expect(holds(sick.json().rota.assignments)).toBe(false);
});
afterAll(() => t.app.close());

describe("POST /v1/rotas/:id/changes with removeAbsences", () => {
  test("a dry run gives the person's stint back with no change to the published rota", async () => {
    const res = await inject("POST", `/v1/rotas/${id}/changes?now=${NOW}&dryRun=true&${QUICK}`, {
      removeAbsences: [absence],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: null, baseVersion: 1, diff: { changes: 0 } });
    expect(holds(res.json().rota.assignments)).toBe(true);
  });

  test("recorded, it is the next version: the absence is gone and the later versions are kept", async () => {
    const res = await inject("POST", `/v1/rotas/${id}/changes?now=${NOW}&${QUICK}`, { removeAbsences: [absence] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().version).toBe(3);
    expect(holds(res.json().rota.assignments)).toBe(true);
    const problem = (await inject("GET", `/v1/rotas/${id}/versions/3/problem`)).json();
    const person = problem.people.find((p: { id: string }) => p.id === stint.person);
    expect(person.absences ?? []).not.toContainEqual(expect.objectContaining({ reason: "sick" }));
    expect((await inject("GET", `/v1/rotas/${id}/versions`)).json().versions).toHaveLength(3);
  });

  test("an absence that is not recorded is refused with its path, and creates nothing", async () => {
    const res = await inject("POST", `/v1/rotas/${id}/changes?now=${NOW}`, { removeAbsences: [absence] });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toEqual([
      expect.objectContaining({ in: "body", path: "removeAbsences.0", code: "unknown_reference" }),
    ]);
    expect((await inject("GET", `/v1/rotas/${id}/versions`)).json().versions).toHaveLength(3);
  });
});
