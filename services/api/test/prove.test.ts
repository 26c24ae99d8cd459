import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { example, type TestApp, testApp } from "./support/app";
import { BEFORE_THE_WEEK, injector, type Stint } from "./support/published";

// Asking for a proof that a repair makes the fewest changes (`prove` in the body of the re-solve
// routes): the answer says it is proven only when the exact model proved it, and otherwise why not.

const NOW = BEFORE_THE_WEEK;
let t: TestApp;
const inject = injector(() => t);
const stintOf = ({ person, point, start, end }: Stint) => ({ person, point, start, end });
const absenceIn = ({ person, start, end }: Stint) => ({ absences: [{ person, from: start, to: end, reason: "sick" }] });

async function solved(name: "small-campus" | "typical-week"): Promise<{ id: string; stints: Stint[] }> {
  const res = await inject("POST", "/v1/rotas?wait=true&timeLimitSeconds=60&workBudget=200&seed=1", example(name));
  expect(res.statusCode, res.body).toBe(200);
  return { id: res.json().id, stints: res.json().rota.assignments };
}

beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.app.close());

describe("prove over the API", () => {
  test("a small week: the answer says proven minimal, with the exact model's reason", async () => {
    const { id, stints } = await solved("small-campus");
    const change = absenceIn(stints.find((s) => !s.shadowing) as Stint);
    const res = await inject("POST", `/v1/rotas/${id}/changes?now=${NOW}&dryRun=true`, {
      ...change,
      prove: { timeLimitSeconds: 20 },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.proof).toMatchObject({ proven: true, timedOut: false, timeLimitSeconds: 20 });
    expect(body.proof.changedSlots).toBe(body.proof.minimum);
    expect(body.minimal).toBe(true);
    expect(body.minimalWords).toBe(`proven minimal: ${body.minimalReason}`);
    expect(body.minimalReason).toMatch(/^\d+ person-slots \([\d.]+ h\) changed: proven the fewest by the exact model/);
  });

  test("bad values are 400s naming the field in the body, and create nothing", async () => {
    const { id, stints } = await solved("small-campus");
    const change = absenceIn(stints[0] as Stint);
    const tooLong = await inject("POST", `/v1/rotas/${id}/changes?now=${NOW}`, {
      ...change,
      prove: { timeLimitSeconds: 600 },
    });
    expect(tooLong.statusCode, tooLong.body).toBe(400);
    expect(tooLong.json().issues).toEqual([
      expect.objectContaining({ in: "body", path: "prove.timeLimitSeconds", code: "too_big" }),
    ]);
    const words = await inject("POST", `/v1/rotas/${id}/changes?now=${NOW}`, { ...change, prove: "yes" });
    expect(words.statusCode, words.body).toBe(400);
    expect(words.json().issues).toEqual([expect.objectContaining({ in: "body", path: "prove" })]);
    expect(words.json().issues[0].message).toMatch(/timeLimitSeconds/);
    const resolve = await inject("POST", `/v1/rotas/${id}/resolve`, { basedOn: 1, prove: { timeLimitSeconds: 0 } });
    expect(resolve.statusCode, resolve.body).toBe(400);
    expect(resolve.json().issues).toEqual([
      expect.objectContaining({ in: "body", path: "prove.timeLimitSeconds", code: "too_small" }),
    ]);
    expect((await inject("GET", `/v1/rotas/${id}/versions`)).json().versions).toHaveLength(1);
  });

  test("re-solving around the edits takes `prove` too, and says what the proof found", async () => {
    const { id, stints } = await solved("small-campus");
    const [gone, kept] = stints.filter((s) => !s.shadowing).map(stintOf) as [Stint, Stint];
    expect(
      (await inject("POST", `/v1/rotas/${id}/edits`, { basedOn: 1, remove: [gone], pin: [kept] })).statusCode,
    ).toBe(201);
    const res = await inject("POST", `/v1/rotas/${id}/resolve`, {
      basedOn: 2,
      now: NOW,
      prove: { timeLimitSeconds: 20 },
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.proof).toMatchObject({ timeLimitSeconds: 20, timedOut: false });
    expect(body.minimal).toBe(body.proof.proven && body.proof.changedSlots === body.proof.minimum);
    expect(body.minimalWords).toBe(`${body.minimal ? "proven minimal" : "not proven"}: ${body.minimalReason}`);
  });

  test("a large week whose proof runs out of time says 'not proven: time limit' rather than claiming it", async () => {
    const { id, stints } = await solved("typical-week");
    const afternoon = stints.find((s) => !s.shadowing && s.start.slice(11, 13) >= "12") as Stint;
    const res = await inject("POST", `/v1/rotas/${id}/changes?now=${NOW}&dryRun=true`, {
      ...absenceIn(afternoon),
      prove: { timeLimitSeconds: 1 },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.proof).toMatchObject({ proven: false, timedOut: true, timeLimitSeconds: 1 });
    expect(body.minimal).toBe(false);
    expect(body.minimalWords).toMatch(/^not proven: time limit: the exact model stopped at its 1 s per solve/);
  });
});
