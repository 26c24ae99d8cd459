import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { example, testApp, type TestApp } from "./support/app";

const small = example("small-campus");
// Chen Mensah on the service desk on Monday morning, and in two places at once on Tuesday.
const handMade = {
  assignments: [
    { person: "s001", point: "campus-helpdesk", start: "2026-11-23T08:30-05:00", end: "2026-11-23T12:30-05:00" },
    { person: "s001", point: "campus-helpdesk", start: "2026-11-24T09:00-05:00", end: "2026-11-24T12:00-05:00" },
    { person: "s001", point: "campus-roving", start: "2026-11-24T09:00-05:00", end: "2026-11-24T12:00-05:00" },
  ],
};
let t: TestApp;

beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.app.close());

const analyse = (payload: unknown, headers: Record<string, string> = t.auth) =>
  t.app.inject({ method: "POST", url: "/v1/analysis", headers, payload: payload as object });

describe("POST /v1/analysis", () => {
  test("a hand-made rota: every hard rule broken, every gap with its reason, the score explained", async () => {
    const res = await analyse({ problem: small, rota: handMade });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.valid).toBe(false);
    expect(body.broken).toContainEqual(
      expect.objectContaining({
        rule: "one-place",
        violations: [expect.objectContaining({ rule: "one-place", person: "s001" })],
      }),
    );
    expect(body.gaps.length).toBeGreaterThan(0);
    for (const gap of body.gaps) expect(gap.reason).not.toBe("");
    // The rota lists no gaps, so each is misreported.
    expect(body.misreported.length).toBeGreaterThan(0);
    const fairness = body.score.byRule.find((r: { rule: string }) => r.rule === "hours-fairness");
    expect(fairness.penalties).toContainEqual(
      expect.objectContaining({
        person: "s002",
        message: expect.stringMatching(/^Mei Jones \d+(\.\d+)? h under target/),
      }),
    );
    const total = body.score.byRule.reduce((sum: number, r: { points: number }) => sum + r.points, 0);
    expect(total).toBeCloseTo(body.score.soft, 2);
  });

  test("a problem or rota that is not one is a 400 listing every issue by its path; no token is a 401", async () => {
    const res = await analyse({ problem: { ...small, slotMinutes: 7 }, rota: { assignments: [{ person: "s001" }] } });
    expect(res.statusCode).toBe(400);
    const paths = res.json().issues.map((i: { in: string; path: string }) => `${i.in}:${i.path}`);
    expect(paths).toEqual(expect.arrayContaining(["body:problem.slotMinutes", "body:rota.assignments.0.point"]));
    expect((await analyse({ problem: small, rota: handMade }, {})).statusCode).toBe(401);
  });
});
