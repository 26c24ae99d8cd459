import { fileURLToPath } from "node:url";
import { afterAll, expect, test } from "vitest";
import { example } from "./support/app";
import { freshDataDir } from "./support/pglite";
import { startServer, type RunningServer } from "./support/server";

// The real server on a loopback port, as `pnpm start` runs it: first start on an empty store, a
// coordinator's round trip over HTTP, a graceful stop, and a second start that finds it all again.

const started: RunningServer[] = [];
afterAll(() => {
  for (const s of started) s.child.kill("SIGKILL");
});

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

test("first start, a round trip over HTTP, graceful stop, second start", async () => {
  const env = {
    DESKROTA_DATA_DIR: await freshDataDir(),
    DESKROTA_EXAMPLE: fileURLToPath(new URL("small-campus.json", new URL("../../../docs/examples/", import.meta.url))),
    DESKROTA_TIME_LIMIT_SECONDS: "2",
  };
  const server = await startServer(env, true);
  started.push(server);
  expect(server.token).toMatch(/^drt_/);
  expect(server.exampleRotaId).toMatch(/^rota_/);
  const headers = { authorization: `Bearer ${server.token}` };
  const call = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${server.url}${path}`, {
      ...init,
      headers: { ...headers, ...(init.body ? { "content-type": "application/json" } : {}) },
    });
    return {
      status: res.status,
      type: res.headers.get("content-type"),
      requestId: res.headers.get("x-request-id"),
      text: await res.text(),
    };
  };

  expect(JSON.parse((await call("/health")).text)).toMatchObject({
    status: "ok",
    database: { kind: "pglite", up: true },
  });
  expect((await fetch(`${server.url}/v1/rotas`)).status).toBe(401);

  // The bundled example becomes a ready rota by itself.
  const preloaded = await until(
    async () => JSON.parse((await call(`/v1/rotas/${server.exampleRotaId}`)).text),
    (r) => r.status !== "queued" && r.status !== "solving",
  );
  expect(preloaded).toMatchObject({ status: "done", name: "Example: small-campus", version: 1 });

  const created = await call("/v1/rotas?wait=true&timeLimitSeconds=3", {
    method: "POST",
    body: JSON.stringify(example("small-campus")),
  });
  expect(created.status).toBe(200);
  const rota = JSON.parse(created.text);
  expect(rota.rota.assignments.length).toBeGreaterThan(0);

  // Someone calls in sick: the re-solve is stored as version 2, and who could cover is one GET away.
  const stint = rota.rota.assignments[0];
  const change = await call(`/v1/rotas/${rota.id}/changes?now=2026-11-22T00:00`, {
    method: "POST",
    body: JSON.stringify({ absences: [{ person: stint.person, from: stint.start, to: stint.end, reason: "sick" }] }),
  });
  expect(change.status, change.text).toBe(201);
  expect(JSON.parse(change.text)).toMatchObject({ version: 2, baseVersion: 1 });
  const gap = new URLSearchParams({ point: stint.point, start: stint.start, end: stint.end });
  const swaps = await call(`/v1/rotas/${rota.id}/swap-candidates?${gap}`);
  expect(swaps.status, swaps.text).toBe(200);

  const csv = await call(`/v1/rotas/${rota.id}/export.csv`);
  expect(csv.type).toBe("text/csv; charset=utf-8");
  const ics = await call(`/v1/rotas/${rota.id}/people/${rota.rota.assignments[0].person}.ics`);
  expect(ics.text).toContain("BEGIN:VEVENT");
  const docs = await call("/docs/json");
  expect(JSON.parse(docs.text).paths).toHaveProperty("/v1/rotas");

  // Every log line of a request carries its id.
  const requestLines = server.lines.filter((l) => l.startsWith("{") && /"(req|res)":/.test(l));
  expect(requestLines.length).toBeGreaterThan(0);
  for (const line of requestLines) expect(JSON.parse(line)).toHaveProperty("reqId");
  expect(server.lines.some((l) => l.includes(`"reqId":"${created.requestId}"`))).toBe(true);

  server.child.kill("SIGTERM");
  expect(await server.exited).toBe(0);
  expect(server.lines.some((l) => l.includes('"msg":"closed"'))).toBe(true);

  const again = await startServer(env, false);
  started.push(again);
  expect(again.token).toBeUndefined();
  const list = await fetch(`${again.url}/v1/rotas`, { headers });
  expect(((await list.json()) as { rotas: Array<{ id: string }> }).rotas.map((r) => r.id).sort()).toEqual(
    [rota.id, server.exampleRotaId].sort(),
  );
  again.child.kill("SIGTERM");
  expect(await again.exited).toBe(0);
});
