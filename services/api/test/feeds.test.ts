import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { example, testApp, type TestApp } from "./support/app";

// A person's calendar feed: a secret URL a calendar app subscribes to without a token; always the
// published version; stable event UIDs, SEQUENCE raised with each publication; revocable.

const small = example("small-campus");
let t: TestApp;
let id: string;
let person: string;

beforeAll(async () => {
  t = await testApp();
  const res = await t.app.inject({
    method: "POST",
    url: "/v1/rotas?wait=true&timeLimitSeconds=20&workBudget=200",
    headers: t.auth,
    payload: small,
  });
  expect(res.statusCode, res.body).toBe(200);
  id = res.json().id;
  person = res.json().rota.assignments[0].person;
});
afterAll(() => t.app.close());

const call = (method: "GET" | "POST" | "DELETE", url: string, payload?: object) =>
  t.app.inject({ method, url, headers: t.auth, ...(payload ? { payload } : {}) });
/** A calendar app: no Authorization header. */
const subscribe = (url: string) => t.app.inject({ method: "GET", url });

function events(ics: string): Array<{ uid: string; sequence: number; start: string }> {
  return [...ics.matchAll(/BEGIN:VEVENT\r\n([\s\S]*?)END:VEVENT/g)].map(([, body]) => ({
    uid: /UID:(.*)\r\n/.exec(body as string)?.[1] as string,
    sequence: Number(/SEQUENCE:(\d+)\r\n/.exec(body as string)?.[1]),
    start: /DTSTART:(.*)\r\n/.exec(body as string)?.[1] as string,
  }));
}

describe("calendar feeds", () => {
  let feed: { id: string; url: string };

  test("a feed per person: its URL is shown once and works without a token; empty until published", async () => {
    const res = await call("POST", `/v1/rotas/${id}/people/${person}/feeds`);
    expect(res.statusCode, res.body).toBe(201);
    feed = res.json();
    expect(feed).toMatchObject({ id: expect.stringMatching(/^feed_/), person, rotaId: id });
    expect(feed.url).toMatch(/^\/feeds\/[\w-]{32,}\.ics$/);
    const ics = await subscribe(feed.url);
    expect(ics.statusCode, ics.body).toBe(200);
    expect(ics.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    expect(ics.body).toContain("BEGIN:VCALENDAR");
    expect(events(ics.body)).toEqual([]);
    const listed = (await call("GET", `/v1/rotas/${id}/feeds`)).json();
    expect(listed.feeds).toEqual([expect.objectContaining({ id: feed.id, person, revokedAt: null })]);
    expect(JSON.stringify(listed)).not.toContain(feed.url);
  });

  test("always the published version; a new publication keeps UIDs and raises SEQUENCE", async () => {
    expect((await call("POST", `/v1/rotas/${id}/publish`)).statusCode).toBe(200);
    const first = events((await subscribe(feed.url)).body);
    expect(first.length).toBeGreaterThan(0);
    // A later version not yet published changes nothing in the feed.
    const stint = first[first.length - 1] as { start: string };
    const change = await call("POST", `/v1/rotas/${id}/changes?now=2026-11-22T00:00`, {
      absences: [{ person: "u006", from: "2026-11-23T00:00", to: "2026-11-23T01:00" }],
    });
    expect(change.statusCode, change.body).toBe(201);
    expect(events((await subscribe(feed.url)).body)).toEqual(first);
    expect((await call("POST", `/v1/rotas/${id}/publish`, { version: 2 })).statusCode).toBe(200);
    const second = events((await subscribe(feed.url)).body);
    expect(second.map((e) => e.uid)).toEqual(first.map((e) => e.uid));
    for (const e of second) expect(e.sequence).toBeGreaterThan(first[0]?.sequence as number);
    expect(stint.start).toMatch(/Z$/);
  });

  test("revoked: the URL stops working at once; unknown URLs, people and rotas are 404s", async () => {
    const revoked = await call("DELETE", `/v1/feeds/${feed.id}`);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().revokedAt).toEqual(expect.any(String));
    const gone = await subscribe(feed.url);
    expect(gone.statusCode).toBe(404);
    expect(gone.json()).toMatchObject({ code: "DESKROTA_E_NOT_FOUND", requestId: gone.headers["x-request-id"] });
    expect((await subscribe("/feeds/nothing.ics")).statusCode).toBe(404);
    expect((await call("POST", `/v1/rotas/${id}/people/nobody/feeds`)).statusCode).toBe(404);
    const other = (await t.services.orgs.createOrg("Other")).token;
    const theirs = await t.app.inject({
      method: "POST",
      url: `/v1/rotas/${id}/people/${person}/feeds`,
      headers: { authorization: `Bearer ${other}` },
    });
    expect(theirs.statusCode).toBe(404);
    expect((await call("DELETE", `/v1/feeds/${feed.id}`)).statusCode).toBe(409);
  });
});
