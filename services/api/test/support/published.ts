import { expect } from "vitest";
import { example, type TestApp } from "./app";

// A published rota to change: the small campus, solved on a small budget and published as v1,
// for the tests of changes to a published week (absences, their undo).

/** A stint as the API answers it. */
export interface Stint {
  person: string;
  point: string;
  start: string;
  end: string;
  shadowing?: boolean;
}

/** Solves in moments: the repair is under test, not the first solve. */
export const QUICK = "timeLimitSeconds=20&workBudget=200";
/** Before the example week: every stint may still move. */
export const BEFORE_THE_WEEK = "2026-11-22T00:00";

/** The app's inject with the organisation's token and, when given, a JSON payload; the app is made in `beforeAll`. */
export function injector(app: () => TestApp) {
  return (method: "GET" | "POST", url: string, payload?: unknown) =>
    app().app.inject({
      method,
      url,
      headers: app().auth,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
}

/** The small campus solved and published (v1): its id and its first stint. */
export async function publishedSmallCampus(t: TestApp, name: string): Promise<{ id: string; stint: Stint }> {
  const inject = injector(() => t);
  const res = await inject(
    "POST",
    `/v1/rotas?wait=true&${QUICK}&name=${encodeURIComponent(name)}`,
    example("small-campus"),
  );
  expect(res.statusCode, res.body).toBe(200);
  const id = res.json().id as string;
  expect((await inject("POST", `/v1/rotas/${id}/publish`)).statusCode).toBe(200);
  return { id, stint: res.json().rota.assignments[0] };
}
