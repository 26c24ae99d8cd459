import { setupFromProblem } from "@deskrota/core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { example, testApp, type TestApp } from "./support/app";

// The setup's routes: whole, per person and site, revisions and their history, training.

const small = example("small-campus");
const { setup } = setupFromProblem(small);
let t: TestApp;

beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.app.close());

const call = (method: "GET" | "PUT" | "PATCH" | "POST" | "DELETE", url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: t.auth, ...(payload === undefined ? {} : { payload: payload as object }) });

describe("before there is a setup", () => {
  test("GET /v1/setup is a 404; writing an item or an entry is a 409 that says what to do first", async () => {
    expect((await call("GET", "/v1/setup")).statusCode).toBe(404);
    expect((await call("GET", "/v1/setup/people/s001")).statusCode).toBe(404);
    const put = await call("PUT", "/v1/setup/people/s001", setup.people[0]);
    expect(put.statusCode).toBe(409);
    expect(put.json().message).toMatch(/PUT \/v1\/setup/);
    expect((await call("GET", "/v1/setup/revisions")).json()).toEqual({ revisions: [] });
  });
});

describe("PUT and GET /v1/setup", () => {
  test("an invalid setup is a 400 listing every issue with its path; nothing is stored", async () => {
    const bad = structuredClone(setup) as unknown as Record<string, unknown> & {
      people: Array<{ sites: string[]; hours: { target: number } }>;
    };
    bad.people[0]!.sites = ["nowhere"];
    bad.people[1]!.hours.target = -1;
    bad.weekStart = "2026-11-23";
    const res = await call("PUT", "/v1/setup", bad);
    expect(res.statusCode).toBe(400);
    const paths = res.json().issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["people.1.hours.target", ""]));
    expect((await call("GET", "/v1/setup")).statusCode).toBe(404);
  });

  test("a whole setup is revision 1, with who, when, the note and what it added", async () => {
    const res = await call("PUT", "/v1/setup?note=term%20start", setup);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      revision: 1,
      kind: "put",
      note: "term start",
      author: t.orgId,
      changes: { people: { added: setup.people.map((p) => p.id), removed: [] }, sites: { added: ["campus"] } },
    });
    expect((await call("GET", "/v1/setup")).json().setup).toEqual(setup);
  });

  test("putting the same setup again makes no revision", async () => {
    expect((await call("PUT", "/v1/setup", setup)).json().revision).toBe(1);
    expect((await call("GET", "/v1/setup/revisions")).json().revisions).toHaveLength(1);
  });
});

describe("people and sites one by one", () => {
  test("GET one person; an unknown one is a 404", async () => {
    expect((await call("GET", "/v1/setup/people/s002")).json()).toEqual(setup.people[1]);
    expect((await call("GET", "/v1/setup/people/nobody")).statusCode).toBe(404);
    expect((await call("GET", "/v1/setup/sites/campus")).json()).toEqual(setup.sites[0]);
  });

  test("PUT adds a person (201) and replaces one (200), each a new revision naming the change", async () => {
    const newcomer = { ...structuredClone(setup.people[0]!), id: "s099", name: "New Starter" };
    const added = await call("PUT", "/v1/setup/people/s099?note=joined", newcomer);
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ kind: "person", note: "joined", changes: { people: { added: ["s099"] } } });
    const replaced = await call("PUT", "/v1/setup/people/s099", { ...newcomer, name: "Newer Starter" });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json().changes.people.changed).toEqual([{ id: "s099", fields: ["name"] }]);
  });

  test("PUT whose body names another id, or makes the setup invalid, is a 400 with paths in the person", async () => {
    const other = await call("PUT", "/v1/setup/people/s099", { ...setup.people[0] });
    expect(other.statusCode).toBe(400);
    expect(other.json().issues).toContainEqual(expect.objectContaining({ path: "id", code: "id_mismatch" }));
    const unknownSite = await call("PUT", "/v1/setup/people/s099", {
      ...setup.people[0],
      id: "s099",
      sites: ["nowhere"],
    });
    expect(unknownSite.statusCode).toBe(400);
    expect(unknownSite.json().issues).toContainEqual(
      expect.objectContaining({ path: "sites.0", code: "unknown_reference" }),
    );
  });

  test("PATCH changes the fields given (null removes one); unknown person 404", async () => {
    const res = await call("PATCH", "/v1/setup/people/u005", { hours: { target: 6 }, mentor: null });
    expect(res.statusCode, res.body).toBe(200);
    const person = (await call("GET", "/v1/setup/people/u005")).json();
    expect(person.hours.target).toBe(6);
    expect(person.hours.max).toBe(setup.people.find((p) => p.id === "u005")?.hours.max);
    expect(person).not.toHaveProperty("mentor");
    expect(res.json().changes.people.changed).toEqual([{ id: "u005", fields: ["hours", "mentor"] }]);
    expect((await call("PATCH", "/v1/setup/people/nobody", { name: "x" })).statusCode).toBe(404);
    const bad = await call("PATCH", "/v1/setup/people/u005", { hours: { target: "many" } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues.map((i: { path: string }) => i.path)).toContain("hours.target");
  });

  test("DELETE of someone still named as a mentor is a 409 naming where; of anyone else a new revision", async () => {
    const mentor = await call("DELETE", "/v1/setup/people/s001");
    expect(mentor.statusCode).toBe(409);
    expect(mentor.json().issues).toContainEqual(
      expect.objectContaining({ path: expect.stringMatching(/^setup\.people\.\d+\.mentor$/) }),
    );
    const gone = await call("DELETE", "/v1/setup/people/s099?note=left");
    expect(gone.statusCode).toBe(200);
    expect(gone.json()).toMatchObject({ note: "left", changes: { people: { removed: ["s099"] } } });
    expect((await call("DELETE", "/v1/setup/people/s099")).statusCode).toBe(404);
  });

  test("a site holds its points and cover: PATCH one, DELETE one that people work at is a 409", async () => {
    const points = structuredClone(setup.sites[0]!.servicePoints);
    points[0]!.cover = points[0]!.cover.slice(0, 1);
    const res = await call("PATCH", "/v1/setup/sites/campus", { servicePoints: points });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().changes.sites.changed).toEqual([{ id: "campus", fields: ["servicePoints"] }]);
    // The same change in the words the page shows: the site's and the point's names, band by band.
    expect(res.json().changes.words).toEqual([
      expect.stringMatching(
        /^Service points of Campus Library & Learning Centre changed: Service Desk: cover removed /,
      ),
    ]);
    expect((await call("DELETE", "/v1/setup/sites/campus")).statusCode).toBe(409);
    expect((await call("PUT", "/v1/setup/sites/annex", { ...setup.sites[0], id: "annex" })).statusCode).toBe(400);
  });
});

describe("revisions", () => {
  test("the history, newest first; any revision reads back as it was", async () => {
    const { revisions } = (await call("GET", "/v1/setup/revisions")).json();
    expect(revisions.map((r: { revision: number }) => r.revision)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(revisions[0]).toMatchObject({ kind: "site", author: t.orgId });
    expect((await call("GET", "/v1/setup?revision=1")).json().setup).toEqual(setup);
    expect((await call("GET", "/v1/setup/revisions/1")).json().setup).toEqual(setup);
    expect((await call("GET", "/v1/setup/revisions/99")).statusCode).toBe(404);
  });

  test("restoring an old revision is a new revision with its content", async () => {
    const res = await call("POST", "/v1/setup/revisions/1/restore");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ revision: 7, kind: "restore", note: "restored revision 1" });
    expect((await call("GET", "/v1/setup")).json().setup).toEqual(setup);
  });
});

describe("POST /v1/setup/people/{id}/training", () => {
  test("confirming makes the person independent at the point, a revision noting it", async () => {
    const res = await call("POST", "/v1/setup/people/u005/training", { point: "campus-helpdesk" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ kind: "training", note: "u005 confirmed independent at campus-helpdesk" });
    expect((await call("GET", "/v1/setup/people/u005")).json().training["campus-helpdesk"]).toBe("independent");
  });

  test("an unknown person is a 404, an unknown point a 400", async () => {
    expect((await call("POST", "/v1/setup/people/nobody/training", { point: "campus-helpdesk" })).statusCode).toBe(404);
    const res = await call("POST", "/v1/setup/people/u005/training", { point: "nowhere" });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0]).toMatchObject({ path: "point" });
  });
});

describe("the OpenAPI document", () => {
  test("covers every route of the setup, weeks and plans, each with an operationId and its 4xx answers", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/docs/json" })).json();
    const routes = {
      "/v1/setup": ["get", "put"],
      "/v1/setup/revisions": ["get"],
      "/v1/setup/revisions/{revision}": ["get"],
      "/v1/setup/revisions/{revision}/restore": ["post"],
      "/v1/setup/from-problem": ["post"],
      "/v1/setup/people/{id}": ["get", "put", "patch", "delete"],
      "/v1/setup/sites/{id}": ["get", "put", "patch", "delete"],
      "/v1/setup/people/{id}/training": ["post"],
      "/v1/setup/people.csv": ["get"],
      "/v1/setup/people.xlsx": ["get"],
      "/v1/setup/people": ["post"],
      "/v1/setup/absences": ["get", "post"],
      "/v1/setup/absences/{id}": ["get", "delete"],
      "/v1/weeks/{weekStart}": ["get"],
      "/v1/weeks/{weekStart}/problem": ["get"],
      "/v1/weeks/{weekStart}/rotas": ["post"],
      "/v1/plans": ["get", "post"],
      "/v1/plans/{id}": ["get"],
      "/v1/plans/{id}/solve": ["delete"],
      "/v1/plans/{id}/weeks/{weekStart}/rotas": ["post"],
    };
    const ids = new Set<string>();
    for (const [path, methods] of Object.entries(routes)) {
      for (const method of methods) {
        const operation = doc.paths[path]?.[method];
        expect(operation, `${method} ${path}`).toBeDefined();
        expect(operation.operationId, `${method} ${path}`).toEqual(expect.any(String));
        ids.add(operation.operationId);
        expect(Object.keys(operation.responses), `${method} ${path}`).toEqual(expect.arrayContaining(["401", "404"]));
      }
    }
    expect(ids.size).toBe(Object.values(routes).flat().length);
    expect(Object.keys(doc.paths["/v1/setup/people"].post.requestBody.content)).toEqual(
      expect.arrayContaining(["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]),
    );
  });
});
