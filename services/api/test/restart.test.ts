import { afterAll, expect, test } from "vitest";
import { INTERRUPTED } from "../src/jobs/runner";
import { example, testApp, type TestApp } from "./support/app";
import { freshDataDir } from "./support/pglite";
import { pollRota } from "./support/poll";
import { startServer } from "./support/server";

// Stopping the service mid-solve, gracefully or not: after the restart every job has ended (done
// or failed) or is taken up again, and the store holds exactly the versions of the finished ones.

const small = example("small-campus");
const LONG = "/v1/rotas?timeLimitSeconds=60";
const open: TestApp[] = [];
afterAll(async () => {
  for (const t of open) await t.app.close();
});

/** Every rota of the organisation has a version exactly when it is done. */
async function expectConsistent(t: TestApp): Promise<void> {
  const { rotas } = (await t.app.inject({ method: "GET", url: "/v1/rotas", headers: t.auth })).json();
  for (const rota of rotas as Array<{ id: string; status: string }>) {
    const versions = await t.services.rotas.listVersions(t.orgId, rota.id);
    expect(
      versions.map((v) => v.version),
      rota.id,
    ).toEqual(rota.status === "done" ? [1] : []);
  }
}

test("a graceful stop keeps the running solve's best rota; the queued one is solved after the restart", async () => {
  const dataDir = await freshDataDir();
  const first = await testApp({ dataDir });
  const running = (await first.app.inject({ method: "POST", url: LONG, headers: first.auth, payload: small })).json();
  const queued = (
    await first.app.inject({
      method: "POST",
      url: "/v1/rotas?timeLimitSeconds=20&workBudget=100",
      headers: first.auth,
      payload: small,
    })
  ).json();
  await pollRota(first.app, first.auth, running.id, (r) => r.progress?.objective != null);
  await first.app.close();

  const second = await testApp({ dataDir });
  open.push(second);
  const auth = first.auth;
  expect(await pollRota(second.app, auth, running.id, () => true)).toMatchObject({ status: "done", version: 1 });
  expect(await pollRota(second.app, auth, queued.id)).toMatchObject({ status: "done", version: 1 });
  await expectConsistent({ ...second, auth, orgId: first.orgId });
});

test("a crash mid-solve: after the restart the interrupted job is failed, the queued one solved", async () => {
  const dataDir = await freshDataDir();
  const server = await startServer(
    { DESKROTA_DATA_DIR: dataDir, DESKROTA_SOLVERS: "1", DESKROTA_LOWER_BOUND: "off" },
    true,
  );
  const auth = { authorization: `Bearer ${server.token}`, "content-type": "application/json" };
  const post = async (url: string) =>
    (
      await fetch(`${server.url}${url}`, { method: "POST", headers: auth, body: JSON.stringify(small) })
    ).json() as Promise<{ id: string }>;
  const running = await post(LONG);
  const queued = await post("/v1/rotas?timeLimitSeconds=20&workBudget=100");
  for (;;) {
    const status = (await (await fetch(`${server.url}/v1/rotas/${running.id}`, { headers: auth })).json()) as {
      progress: { objective: number | null } | null;
    };
    if (status.progress?.objective != null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  server.child.kill("SIGKILL");
  await server.exited;

  const after = await testApp({ dataDir });
  open.push(after);
  const found = await after.services.orgs.authenticate(server.token as string);
  const orgId = "orgId" in found ? found.orgId : "";
  const crashed = { ...after, auth: { authorization: `Bearer ${server.token}` }, orgId };
  expect(await pollRota(after.app, crashed.auth, running.id, () => true)).toMatchObject({
    status: "failed",
    reason: INTERRUPTED,
    version: null,
  });
  expect(await pollRota(after.app, crashed.auth, queued.id)).toMatchObject({ status: "done", version: 1 });
  await expectConsistent(crashed);
});
