import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { testApp, type TestApp } from "./support/app";

// An organisation's tokens: listed (never shown again), issued with an optional expiry, revoked
// (refused from the next request on) and rotated.

let t: TestApp;
let otherAuth: { authorization: string };
beforeAll(async () => {
  t = await testApp();
  otherAuth = { authorization: `Bearer ${(await t.services.orgs.createOrg("Other")).token}` };
});
afterAll(() => t.app.close());

const call = (method: "GET" | "POST" | "DELETE", url: string, auth: Record<string, string>, payload?: object) =>
  t.app.inject({ method, url, headers: auth, ...(payload ? { payload } : {}) });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

interface TokenView {
  id: string;
  name: string | null;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  current: boolean;
}

describe("tokens", () => {
  test("listed without the secret; the caller's own marked", async () => {
    const res = await call("GET", "/v1/tokens", t.auth);
    expect(res.statusCode, res.body).toBe(200);
    const { tokens } = res.json<{ tokens: TokenView[] }>();
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatchObject({ id: expect.stringMatching(/^tok_/), current: true, revokedAt: null });
    expect(res.body).not.toContain(t.token);
  });

  test("issued with a name and an expiry, shown once; it works at once", async () => {
    const res = await call("POST", "/v1/tokens", t.auth, { name: "rota screen", expiresInDays: 30 });
    expect(res.statusCode, res.body).toBe(201);
    const issued = res.json<TokenView & { token: string }>();
    expect(issued).toMatchObject({ name: "rota screen", current: false, token: expect.stringMatching(/^drt_/) });
    const days = (Date.parse(issued.expiresAt as string) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    expect((await call("GET", "/v1/rotas", bearer(issued.token))).statusCode).toBe(200);
    const bad = await call("POST", "/v1/tokens", t.auth, { expiresInDays: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues).toContainEqual(expect.objectContaining({ in: "body", path: "expiresInDays" }));
  });

  test("a revoked token is refused from the next request on; another organisation's is not found", async () => {
    const issued = (await call("POST", "/v1/tokens", t.auth, { name: "laptop" })).json<TokenView & { token: string }>();
    expect((await call("GET", "/v1/rotas", bearer(issued.token))).statusCode).toBe(200);
    expect((await call("DELETE", `/v1/tokens/${issued.id}`, otherAuth)).statusCode).toBe(404);
    const revoked = await call("DELETE", `/v1/tokens/${issued.id}`, t.auth);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({ id: issued.id, revokedAt: expect.any(String) });
    const refused = await call("GET", "/v1/rotas", bearer(issued.token));
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ code: "DESKROTA_E_UNAUTHORIZED", message: "the token was revoked" });
    expect((await call("DELETE", `/v1/tokens/${issued.id}`, t.auth)).statusCode).toBe(409);
  });

  test("rotated: a new secret under the same name, the old one refused at once", async () => {
    const old = (await call("POST", "/v1/tokens", t.auth, { name: "sync job" })).json<TokenView & { token: string }>();
    const res = await call("POST", `/v1/tokens/${old.id}/rotate`, t.auth, { expiresInDays: 7 });
    expect(res.statusCode, res.body).toBe(201);
    const fresh = res.json<TokenView & { token: string }>();
    expect(fresh).toMatchObject({ name: "sync job", revokedAt: null });
    expect(fresh.id).not.toBe(old.id);
    expect((await call("GET", "/v1/rotas", bearer(old.token))).statusCode).toBe(401);
    expect((await call("GET", "/v1/rotas", bearer(fresh.token))).statusCode).toBe(200);
  });

  test("an expired token is refused", async () => {
    const issued = (await call("POST", "/v1/tokens", t.auth, { expiresInDays: 1 })).json<
      TokenView & { token: string }
    >();
    await t.services.db.query("UPDATE tokens SET expires_at = now() - interval '1 second' WHERE id = $1", [issued.id]);
    const refused = await call("GET", "/v1/rotas", bearer(issued.token));
    expect(refused.statusCode).toBe(401);
    expect(refused.json().message).toBe("the token has expired");
  });

  test("the last working token cannot be revoked over the API (the organisation would be locked out)", async () => {
    const single = await testApp();
    try {
      const [own] = (await single.app.inject({ method: "GET", url: "/v1/tokens", headers: single.auth })).json<{
        tokens: TokenView[];
      }>().tokens;
      const res = await single.app.inject({ method: "DELETE", url: `/v1/tokens/${own?.id}`, headers: single.auth });
      expect(res.statusCode).toBe(409);
      expect(res.json().message).toMatch(/last token/);
    } finally {
      await single.app.close();
    }
  });
});
