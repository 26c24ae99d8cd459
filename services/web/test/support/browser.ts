import { existsSync, mkdirSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { join } from "node:path";
import type { RunningServer } from "../../../api/test/support/server";

/** Debian's Chromium: scripts/test.mjs installs it when it is missing (never a downloaded browser). */
export const CHROMIUM = "/usr/bin/chromium";

/** Without the networking flags Chromium keeps calling Google's hosts, which this machine refuses. */
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
  "--disable-quic",
];

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (pnpm test does it when run as root)`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

/**
 * The page's test server: no lower bound, one solver thread, and no load shedding — the page is
 * under test here, not the server's 503 when a shared machine delays its event loop (limits.test
 * covers that).
 */
export const PAGE_SERVER_ENV = {
  DESKROTA_LOWER_BOUND: "off",
  DESKROTA_SOLVERS: "1",
  DESKROTA_MAX_EVENT_LOOP_DELAY_MS: "0",
};

/** Screenshots of each step, for a person to look at: services/web/test-results/ (ignored by git). */
export function resultsDir(name: string): string {
  const dir = fileURLToPath(new URL(`../../test-results/${name}/`, import.meta.url));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The API with the test server's token, as the page's tests set up their data: GET, or POST with a JSON body. */
export async function callApi<T>(server: RunningServer, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { authorization: `Bearer ${server.token}`, ...(body ? { "content-type": "application/json" } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<T>;
}

/** Errors the page throws or logs count against it; a refused request (4xx) is one the page explains. */
export function watchErrors(page: Page, errors: string[]): void {
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error" && !/status of 4\d\d/.test(message.text())) errors.push(message.text());
  });
}

/** A failed test leaves a screenshot of the whole page beside the steps' screenshots. */
export async function shotOnFailure(page: Page, shots: string, task: { name: string; result?: { state?: string } }) {
  if (task.result?.state === "fail")
    await page.screenshot({
      path: join(shots, `failed-${task.name.slice(0, 40).replace(/\W+/g, "-")}.png`),
      fullPage: true,
    });
}
