import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { example, testApp, type TestApp } from "./support/app";

// A client's mistake is a 4xx in the documented error shape, never a 500 and never Fastify's own body.

const small = example("small-campus");
const QUICK = "timeLimitSeconds=20&workBudget=200";
let t: TestApp;
let id: string;

beforeAll(async () => {
  t = await testApp();
  const res = await t.app.inject({
    method: "POST",
    url: `/v1/rotas?wait=true&${QUICK}`,
    headers: t.auth,
    payload: small,
  });
  expect(res.statusCode, res.body).toBe(200);
  id = res.json().id;
});
afterAll(() => t.app.close());

type Method = "GET" | "POST" | "DELETE";
const send = (method: Method, url: string, payload?: string, headers: Record<string, string> = {}) =>
  t.app.inject({
    method,
    url,
    headers: { ...t.auth, ...(payload === undefined ? {} : { "content-type": "application/json" }), ...headers },
    ...(payload === undefined ? {} : { payload }),
  });

/** The documented shape, with the request id the response header carries. */
function expectErrorShape(res: Awaited<ReturnType<typeof send>>, status: number) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers["content-type"]).toMatch(/^application\/json/);
  const body = res.json();
  expect(body).toMatchObject({ statusCode: status, error: expect.any(String), code: expect.any(String) });
  expect(body.message).toEqual(expect.any(String));
  expect(body.requestId).toBe(res.headers["x-request-id"]);
  return body as { code: string; issues?: Array<{ in: string; path: string; code: string }> };
}

describe("NUL bytes and lone surrogates are 400s with the field path", () => {
  test("in a person's name in the body", async () => {
    const problem = structuredClone(small);
    (problem.people[1] as { name: string }).name = "Ada\u0000Lovelace";
    const body = expectErrorShape(await send("POST", "/v1/rotas", JSON.stringify(problem)), 400);
    expect(body.issues).toContainEqual(expect.objectContaining({ in: "body", path: "people.1.name" }));
  });

  test("a lone surrogate in an absence's reason", async () => {
    // JSON.stringify writes a lone surrogate as the escape \udc00, which JSON.parse reads back.
    const change = {
      absences: [{ person: "s001", from: "2026-11-24T12:00", to: "2026-11-24T13:00", reason: "\udc00" }],
    };
    const res = await send("POST", `/v1/rotas/${id}/changes?now=2026-11-22T00:00`, JSON.stringify(change));
    expect(expectErrorShape(res, 400).issues).toContainEqual(
      expect.objectContaining({ in: "body", path: "absences.0.reason" }),
    );
  });

  test("in a query parameter and in an id", async () => {
    const name = await send("POST", "/v1/rotas?name=a%00b", JSON.stringify(small));
    expect(expectErrorShape(name, 400).issues).toContainEqual(
      expect.objectContaining({ in: "querystring", path: "name" }),
    );
    for (const url of ["/v1/rotas/a%00b", "/v1/rotas/a%00b/versions", "/v1/rotas/a%00b/export.csv"]) {
      const res = await send("GET", url);
      expect(expectErrorShape(res, 400).issues).toContainEqual(expect.objectContaining({ in: "params", path: "id" }));
    }
  });
});

describe("version numbers a PostgreSQL integer cannot hold are 400s", () => {
  test.each([
    ["GET", () => `/v1/rotas/${id}/versions/2147483648`, undefined, "params", "version"],
    ["GET", () => `/v1/rotas/${id}/versions/99999999999999999999/problem`, undefined, "params", "version"],
    ["GET", () => `/v1/rotas/${id}/export.csv?version=2147483648`, undefined, "querystring", "version"],
    ["POST", () => `/v1/rotas/${id}/publish`, '{"version":2147483648}', "body", "version"],
  ] as const)("%s %s", async (method, url, payload, where, path) => {
    const body = expectErrorShape(await send(method, url(), payload), 400);
    expect(body.issues).toContainEqual(expect.objectContaining({ in: where, path }));
  });

  test("the largest one is simply not found", async () => {
    expectErrorShape(await send("GET", `/v1/rotas/${id}/versions/2147483647`), 404);
  });
});

describe("every error has one shape", () => {
  test("an id over 100 characters", async () => {
    const body = expectErrorShape(await send("GET", `/v1/rotas/${"r".repeat(101)}`), 400);
    expect(body.issues).toContainEqual(expect.objectContaining({ in: "params", path: "id" }));
  });

  test("a path that is not UTF-8", async () => {
    expect(expectErrorShape(await send("GET", "/v1/rotas/%ff%fe"), 400).code).toBe("DESKROTA_E_BAD_URL");
  });

  test("a text/plain body is 415", async () => {
    const res = await send("POST", "/v1/rotas", JSON.stringify(small), { "content-type": "text/plain" });
    expectErrorShape(res, 415);
  });

  test("no such route, malformed JSON, a body over the limit", async () => {
    expectErrorShape(await send("GET", "/v1/nothing-here"), 404);
    expectErrorShape(await send("GET", "/nothing-here"), 404);
    const bad = expectErrorShape(await send("POST", "/v1/rotas", "{"), 400);
    expect(bad.issues).toContainEqual(expect.objectContaining({ in: "body", path: "" }));
    expectErrorShape(await send("POST", "/v1/rotas", `"${"x".repeat(1024 * 1024)}"`), 413);
  });
});

describe("x-request-id", () => {
  test("a short printable one is kept; a long one or one with control characters is replaced", async () => {
    const kept = await send("GET", "/v1/rotas", undefined, { "x-request-id": "proxy-7f3a:42" });
    expect(kept.headers["x-request-id"]).toBe("proxy-7f3a:42");
    for (const given of ["x".repeat(5000), "a\u0001b", "a\tb", ""]) {
      const res = await send("GET", "/v1/nothing", undefined, { "x-request-id": given });
      expect(res.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.json().requestId).toBe(res.headers["x-request-id"]);
    }
  });
});

test("bytes (an uploaded file) are left to their own parser, not walked as text", async () => {
  const { unstorableText } = await import("../src/http/text");
  // Not walked at all: not its bytes, not anything hung on it.
  expect(unstorableText("body", Object.assign(Buffer.from("a\u0000b"), { note: "\u0000" }))).toEqual([]);
  expect(
    unstorableText("body", { a: ["x", { "b\u0000": "\ud800" }] })
      .map((i) => `${i.path}:${i.code}`)
      .sort(),
  ).toEqual(["a.1.b\u0000:lone_surrogate", "a.1.b\u0000:nul_character"]);
});
