import { randomBytes } from "node:crypto";
import pg from "pg";
import { startPostgres, type TestCluster } from "../../../../scripts/postgres.mjs";

let own: Promise<TestCluster> | undefined;

/**
 * The PostgreSQL server for this test run: scripts/test.mjs starts one for the whole suite and
 * passes its URL; a test file run on its own starts a private one for its lifetime.
 */
async function serverUrl(): Promise<string> {
  const shared = process.env.DESKROTA_TEST_DATABASE_URL;
  if (shared) return shared;
  own ??= startPostgres();
  return (await own).url;
}

/** A new, empty database on the test server: test files run in parallel and must not meet. */
export async function freshDatabase(): Promise<string> {
  const url = new URL(await serverUrl());
  const name = `deskrota_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  url.pathname = `/${name}`;
  return url.toString();
}

/** Stops the private server, if this file started one. */
export async function stopOwnServer(): Promise<void> {
  (await own)?.stop();
  own = undefined;
}
