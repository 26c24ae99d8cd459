import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { example, testApp, type TestApp } from "./support/app";
import { pollRota, type RotaBody } from "./support/poll";

const small = example("small-campus");
// Quick solves that still find a real rota on a busy machine: a small work budget ends them, the
// generous time limit is never what stops them.
const QUICK = "timeLimitSeconds=20&workBudget=200";
let t: TestApp;
let solved: RotaBody;

beforeAll(async () => {
  t = await testApp();
  const res = await t.app.inject({
    method: "POST",
    url: `/v1/rotas?wait=true&${QUICK}&name=week%2048`,
    headers: t.auth,
    payload: small,
  });
  expect(res.statusCode, res.body).toBe(200);
  solved = res.json();
});
afterAll(() => t.app.close());

const post = (url: string, payload: unknown, headers: Record<string, string> = t.auth) =>
  t.app.inject({ method: "POST", url, headers, payload: payload as object });
const get = (url: string, headers: Record<string, string> = t.auth) => t.app.inject({ method: "GET", url, headers });

describe("POST /v1/rotas", () => {
  test("?wait=true answers 200 with the rota: assignments, uncovered gaps with reasons, score by rule", () => {
    expect(solved).toMatchObject({
      status: "done",
      name: "week 48",
      version: 1,
      publishedVersion: null,
      timeLimitSeconds: 20,
    });
    expect(solved.rota?.assignments.length).toBeGreaterThan(0);
    for (const gap of solved.rota?.uncovered ?? []) expect(gap.reason).not.toBe("");
    expect(solved.rota).toMatchObject({ score: { byRule: expect.any(Object) } });
  });

  test("a bad problem is a 400 listing every issue with its path", async () => {
    const bad = structuredClone(small) as unknown as Record<string, unknown> & {
      people: Array<{ hours: Record<string, number> }>;
    };
    bad.slotMinutes = 7;
    bad.people[0]!.hours.target = -1;
    bad.colour = "blue";
    const res = await post("/v1/rotas", bad);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body).toMatchObject({ statusCode: 400, code: "DESKROTA_E_INPUT", requestId: res.headers["x-request-id"] });
    expect(body.issues.map((i: { in: string; path: string }) => `${i.in}:${i.path}`)).toEqual(
      expect.arrayContaining(["body:slotMinutes", "body:people.0.hours.target", "body:"]),
    );
    expect(body.issues.find((i: { path: string }) => i.path === "")?.message).toMatch(/colour/);
  });

  test("references that do not resolve are 400s with the core's own codes", async () => {
    const bad = structuredClone(small);
    bad.people[0]!.sites = ["nowhere"];
    const res = await post("/v1/rotas", bad);
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toContainEqual({
      in: "body",
      path: "people.0.sites.0",
      code: "unknown_reference",
      message: "there is no site nowhere",
    });
  });

  test("a problem the solver cannot take is a 400 too; the rota stays, failed, with the same issues", async () => {
    // s001 is never available on Saturdays: the pin cannot be kept.
    const pinned = {
      ...small,
      pinned: [{ person: "s001", point: "campus-helpdesk", start: "2026-11-28T12:00", end: "2026-11-28T14:00" }],
    };
    const res = await post(`/v1/rotas?wait=true&${QUICK}`, pinned);
    expect(res.statusCode, res.body).toBe(400);
    const body = res.json();
    expect(body.issues.length).toBeGreaterThan(0);
    for (const issue of body.issues)
      expect(issue).toMatchObject({ in: "body", path: expect.stringMatching(/^pinned/) });
    const rota = (await get(`/v1/rotas/${body.rotaId}`)).json();
    expect(rota).toMatchObject({
      status: "failed",
      reason: "the problem cannot be solved as given",
      issues: body.issues,
      version: null,
    });
  });

  test("bad options are 400s in the query string", async () => {
    const res = await post("/v1/rotas?timeLimitSeconds=-1&wait=perhaps", small);
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .issues.map((i: { in: string; path: string }) => `${i.in}:${i.path}`)
        .sort(),
    ).toEqual(["querystring:timeLimitSeconds", "querystring:wait"]);
  });

  test("a time limit above the server's is a 400, wherever it was given", async () => {
    const query = await post("/v1/rotas?timeLimitSeconds=3600", small);
    expect(query.statusCode).toBe(400);
    expect(query.json().issues).toEqual([
      { in: "querystring", path: "timeLimitSeconds", code: "too_big", message: "at most 60 s on this server" },
    ]);
    const inProblem = await post("/v1/rotas", { ...small, solver: { timeLimitSeconds: 3000 } });
    expect(inProblem.json().issues[0]).toMatchObject({ in: "body", path: "solver.timeLimitSeconds" });
  });

  test("malformed JSON is a 400, another media type a 415", async () => {
    const json = await t.app.inject({
      method: "POST",
      url: "/v1/rotas",
      headers: { ...t.auth, "content-type": "application/json" },
      payload: '{"version": 1,',
    });
    expect(json.statusCode).toBe(400);
    expect(json.json()).toMatchObject({
      statusCode: 400,
      error: "Bad Request",
      issues: [{ in: "body", path: "", code: "FST_ERR_CTP_INVALID_JSON_BODY", message: expect.any(String) }],
    });
    // JSON that smuggles a prototype is refused by the parser as unreadable, and said so the same way.
    const proto = await t.app.inject({
      method: "POST",
      url: "/v1/rotas",
      headers: { ...t.auth, "content-type": "application/json" },
      payload: '{"__proto__": ""}',
    });
    expect(proto.statusCode).toBe(400);
    expect(proto.json().issues).toEqual([
      expect.objectContaining({ in: "body", path: "", code: "FST_ERR_CTP_INVALID_JSON_BODY" }),
    ]);
    const text = await t.app.inject({
      method: "POST",
      url: "/v1/rotas",
      headers: { ...t.auth, "content-type": "application/xml" },
      payload: "<problem/>",
    });
    expect(text.statusCode).toBe(415);
  });
});

describe("authentication", () => {
  test.each([
    ["no header", {}, "missing Authorization"],
    ["another scheme", { authorization: "Basic dXNlcjpwYXNz" }, "must be Bearer"],
    ["an unknown token", { authorization: "Bearer drt_nottoken" }, "unknown token"],
  ])("%s is a 401 that says why, before the body is looked at", async (_what, headers, message) => {
    const res = await post("/v1/rotas", { not: "a problem" }, headers as Record<string, string>);
    expect(res.statusCode).toBe(401);
    expect(res.headers["www-authenticate"]).toBe('Bearer realm="deskrota"');
    expect(res.json().message).toContain(message);
  });

  test("every /v1 route needs the token; /health and /docs do not", async () => {
    for (const url of [
      "/v1/rotas",
      `/v1/rotas/${solved.id}`,
      `/v1/rotas/${solved.id}/versions`,
      `/v1/rotas/${solved.id}/export.csv`,
    ]) {
      expect((await get(url, {})).statusCode, url).toBe(401);
    }
    expect((await get("/health", {})).statusCode).toBe(200);
    expect((await get("/docs/json", {})).statusCode).toBe(200);
  });
});

describe("GET /v1/rotas and /v1/rotas/:id", () => {
  test("lists the organisation's rotas, newest first, without the rota bodies", async () => {
    const res = await get("/v1/rotas?limit=5");
    expect(res.statusCode).toBe(200);
    const { rotas } = res.json();
    expect(rotas.map((r: { id: string }) => r.id)).toContain(solved.id);
    expect(rotas[0]).not.toHaveProperty("rota");
    expect((await get("/v1/rotas?limit=0")).statusCode).toBe(400);
  });

  test("an unknown id is a 404", async () => {
    const res = await get("/v1/rotas/rota_000000000000");
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: "DESKROTA_E_NOT_FOUND", message: "rota rota_000000000000 not found" });
  });

  test("the request id comes back, and a caller's own is honoured", async () => {
    const res = await get(`/v1/rotas/${solved.id}`, { ...t.auth, "x-request-id": "trace-42" });
    expect(res.headers["x-request-id"]).toBe("trace-42");
  });
});

describe("a solve in flight", () => {
  let running: RotaBody;
  let queued: RotaBody;

  beforeAll(async () => {
    // One solver: the first long solve runs, the second waits behind it.
    running = (await post("/v1/rotas?timeLimitSeconds=30", small)).json();
    queued = (await post("/v1/rotas?timeLimitSeconds=30", small)).json();
  });

  test("202 with the id and a status URL", async () => {
    const res = await post("/v1/rotas?timeLimitSeconds=1", small);
    expect(res.statusCode).toBe(202);
    const body = res.json();
    expect(res.headers.location).toBe(`/v1/rotas/${body.id}`);
    expect(body).toMatchObject({ status: "queued", links: { self: `/v1/rotas/${body.id}` }, version: null });
    // Clean up behind us: stop it (queued behind the long one, it simply fails).
    expect(
      (await t.app.inject({ method: "DELETE", url: `/v1/rotas/${body.id}/solve`, headers: t.auth })).statusCode,
    ).toBe(202);
  });

  test("GETs are answered while it runs, with progress", async () => {
    const seen = await pollRota(t.app, t.auth, running.id, (r) => r.status === "solving" && r.progress !== null);
    expect(seen.progress?.elapsedMs).toBeGreaterThanOrEqual(0);
    expect(seen).not.toHaveProperty("rota");
    expect((await get(`/v1/rotas/${queued.id}`)).json().status).toBe("queued");
  });

  test("exports of a rota not solved yet are a 409", async () => {
    expect((await get(`/v1/rotas/${queued.id}/export.csv`)).statusCode).toBe(409);
    expect(
      (await t.app.inject({ method: "POST", url: `/v1/rotas/${queued.id}/publish`, headers: t.auth })).statusCode,
    ).toBe(409);
  });

  test("DELETE …/solve: a queued rota fails at once; a running one stops and keeps its best rota", async () => {
    const stopQueued = await t.app.inject({ method: "DELETE", url: `/v1/rotas/${queued.id}/solve`, headers: t.auth });
    expect(stopQueued.statusCode).toBe(202);
    expect(stopQueued.json()).toMatchObject({ status: "failed", reason: "stopped before the solve started" });

    // Once the search has a rota, stopping keeps it (or a better one).
    await pollRota(t.app, t.auth, running.id, (r) => r.progress?.objective != null);
    const stop = await t.app.inject({ method: "DELETE", url: `/v1/rotas/${running.id}/solve`, headers: t.auth });
    expect(stop.statusCode).toBe(202);
    const done = await pollRota(t.app, t.auth, running.id);
    expect(done).toMatchObject({ status: "done", version: 1 });
    expect(done.rota?.assignments.length).toBeGreaterThan(0);

    const again = await t.app.inject({ method: "DELETE", url: `/v1/rotas/${running.id}/solve`, headers: t.auth });
    expect(again.statusCode).toBe(409);
    expect(
      (await t.app.inject({ method: "DELETE", url: "/v1/rotas/rota_000000000000/solve", headers: t.auth })).statusCode,
    ).toBe(404);
  });
});

describe("versions and publishing", () => {
  test("the solve is version 1; publishing marks it", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: `/v1/rotas/${solved.id}/publish`,
      headers: t.auth,
      payload: { version: 1 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: solved.id, publishedVersion: 1 });
    const list = await get(`/v1/rotas/${solved.id}/versions`);
    expect(list.json()).toMatchObject({
      publishedVersion: 1,
      versions: [{ version: 1, kind: "solve", published: true, baseVersion: null }],
    });
    const one = await get(`/v1/rotas/${solved.id}/versions/1`);
    expect(one.statusCode).toBe(200);
    expect(one.json().rota).toEqual(solved.rota);
  });

  test("unknown versions are 404s; a version that is not a number is a 400", async () => {
    expect(
      (
        await t.app.inject({
          method: "POST",
          url: `/v1/rotas/${solved.id}/publish`,
          headers: t.auth,
          payload: { version: 9 },
        })
      ).statusCode,
    ).toBe(404);
    expect((await get(`/v1/rotas/${solved.id}/versions/9`)).statusCode).toBe(404);
    const bad = await get(`/v1/rotas/${solved.id}/versions/first`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0]).toMatchObject({ in: "params", path: "version" });
    expect((await get("/v1/rotas/rota_000000000000/versions")).statusCode).toBe(404);
  });
});

describe("exports", () => {
  test("CSV: one row per assignment and per gap, in local time, ready for a spreadsheet", async () => {
    const res = await get(`/v1/rotas/${solved.id}/export.csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toBe(`attachment; filename="${solved.id}-v1.csv"`);
    const lines = res.body
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe("date,day,site,point,start,end,hours,person,name,shadowing,note");
    expect(lines.length - 1).toBe((solved.rota?.assignments.length ?? 0) + (solved.rota?.uncovered.length ?? 0));
    const first = solved.rota?.assignments.find((a) => a.start.startsWith("2026-11-23T08:30"));
    if (first) expect(res.body).toContain(`2026-11-23,Mon,`);
    expect((await get(`/v1/rotas/${solved.id}/export.csv?version=2`)).statusCode).toBe(404);
    expect((await get("/v1/rotas/rota_000000000000/export.csv")).statusCode).toBe(404);
  });

  test("iCalendar: one event per stint of that person, times in UTC", async () => {
    const person = solved.rota?.assignments[0]?.person as string;
    const res = await get(`/v1/rotas/${solved.id}/people/${person}.ics`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    const events = res.body.split("BEGIN:VEVENT").length - 1;
    expect(events).toBe(solved.rota?.assignments.filter((a) => a.person === person).length);
    expect(res.body).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(res.body).toMatch(/DTSTART:\d{8}T\d{6}Z\r\n/);
    for (const line of res.body.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect((await get(`/v1/rotas/${solved.id}/people/nobody.ics`)).statusCode).toBe(404);
  });
});

describe("service routes", () => {
  test("/health: process and database up", async () => {
    const res = await get("/health", {});
    expect(res.json()).toMatchObject({
      status: "ok",
      database: { kind: "pglite", up: true },
      queue: { kind: "local", solvers: 1 },
    });
  });

  test("/docs serves the OpenAPI document of every route", async () => {
    const doc = (await get("/docs/json", {})).json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/health",
        "/v1/rotas",
        "/v1/rotas/{id}",
        "/v1/rotas/{id}/solve",
        "/v1/rotas/{id}/publish",
        "/v1/rotas/{id}/versions",
        "/v1/rotas/{id}/versions/{version}",
        "/v1/rotas/{id}/versions/{version}/problem",
        "/v1/rotas/{id}/changes",
        "/v1/rotas/{id}/swap-candidates",
        "/v1/rotas/{id}/alternatives",
        "/v1/compare",
        "/v1/rotas/{id}/export.csv",
        "/v1/rotas/{id}/people/{person}.ics",
      ]),
    );
    expect(doc.paths["/v1/rotas"].post.requestBody.content["application/json"].schema.properties).toHaveProperty(
      "people",
    );
    expect((await get("/docs", {})).statusCode).toBeLessThan(400);
  });

  test("an unknown route is a 404 in the same shape", async () => {
    const res = await get("/v2/rotas");
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: "DESKROTA_E_NOT_FOUND" });
  });

  test("an unexpected failure is a 500 without its details; /health says the database is down", async () => {
    const { rotas } = t.services;
    const listRotas = rotas.listRotas.bind(rotas);
    const ping = rotas.ping.bind(rotas);
    rotas.listRotas = async () => {
      throw new Error("connection to 10.0.0.5 refused (secret detail)");
    };
    rotas.ping = async () => {
      throw new Error("down");
    };
    try {
      const res = await get("/v1/rotas");
      expect(res.statusCode).toBe(500);
      expect(res.json()).toEqual({
        statusCode: 500,
        error: "Internal Server Error",
        code: "DESKROTA_E_INTERNAL",
        message: expect.any(String),
        requestId: res.headers["x-request-id"],
      });
      expect(res.body).not.toContain("secret");
      expect(res.body).not.toContain("repository.ts");
      const health = await get("/health", {});
      expect(health.statusCode).toBe(503);
      expect(health.json()).toMatchObject({ status: "unavailable", database: { up: false } });
    } finally {
      rotas.listRotas = listRotas;
      rotas.ping = ping;
    }
  });
});

describe("limits", () => {
  let small16: TestApp;
  beforeAll(async () => {
    small16 = await testApp({ bodyLimitBytes: 16 * 1024, queueLimit: 0 });
  });
  afterAll(() => small16.app.close());

  test("a body over the configured limit is a 413", async () => {
    const res = await small16.app.inject({
      method: "POST",
      url: "/v1/rotas",
      headers: small16.auth,
      payload: example("typical-week"),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ statusCode: 413, code: "FST_ERR_CTP_BODY_TOO_LARGE" });
  });

  test("past the queue bound: 503 with Retry-After", async () => {
    const first = await small16.app.inject({
      method: "POST",
      url: "/v1/rotas?timeLimitSeconds=30",
      headers: small16.auth,
      payload: small,
    });
    expect(first.statusCode).toBe(202);
    const second = await small16.app.inject({
      method: "POST",
      url: "/v1/rotas?timeLimitSeconds=30",
      headers: small16.auth,
      payload: small,
    });
    expect(second.statusCode).toBe(503);
    // A place frees when the running solve reaches its 30 s time limit.
    expect(Number(second.headers["retry-after"])).toBeGreaterThan(25);
    expect(Number(second.headers["retry-after"])).toBeLessThanOrEqual(30);
    expect(second.json()).toMatchObject({ code: "DESKROTA_E_BUSY" });
    // Nothing was stored for the refused one.
    expect(
      (await small16.app.inject({ method: "GET", url: "/v1/rotas", headers: small16.auth })).json().rotas,
    ).toHaveLength(1);
  });
});
