import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { freshDataDir } from "../../../api/test/support/pglite";
import { type RunningServer, startServer } from "../../../api/test/support/server";
import { axeFindings } from "./axe";

/** Debian's Chromium: scripts/test.mjs installs it when it is missing (never a downloaded browser). */
const CHROMIUM = "/usr/bin/chromium";

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

async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (pnpm test does it when run as root)`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

/**
 * The page's test server: no lower bound, one solver thread, no warm-up after a publish (seconds of
 * CPU for re-solves no page test times), and no load shedding — the page is under test here, not the
 * server's 503 when a shared machine delays its event loop (limits.test covers that).
 */
const PAGE_SERVER_ENV = {
  DESKROTA_LOWER_BOUND: "off",
  DESKROTA_WARM_ON_PUBLISH: "off",
  DESKROTA_SOLVERS: "1",
  DESKROTA_MAX_EVENT_LOOP_DELAY_MS: "0",
};

/** Screenshots of each step, for a person to look at: services/web/test-results/ (ignored by git). */
function resultsDir(name: string): string {
  const dir = fileURLToPath(new URL(`../../test-results/${name}/`, import.meta.url));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The API with the test server's token, as the page's tests set up their data: GET, or POST with a JSON body. */
async function callApi<T>(server: RunningServer, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { authorization: `Bearer ${server.token}`, ...(body ? { "content-type": "application/json" } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<T>;
}

/** Errors the page throws or logs count against it; a refused request (4xx) is one the page explains. */
function watchErrors(page: Page, errors: string[]): void {
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error" && !/status of 4\d\d/.test(message.text())) errors.push(message.text());
  });
}

/** A failed test leaves a screenshot of the whole page beside the steps' screenshots. */
async function shotOnFailure(page: Page, shots: string, task: { name: string; result?: { state?: string } }) {
  if (task.result?.state === "fail")
    await page.screenshot({
      path: join(shots, `failed-${task.name.slice(0, 40).replace(/\W+/g, "-")}.png`),
      fullPage: true,
    });
}

/** What a browser test file works with once its `beforeAll` has run (see `openSignedInPage`). */
export interface BrowserSession {
  server: RunningServer;
  page: Page;
  /** the folder of this file's screenshots */
  shots: string;
  /** what the page threw or logged as an error so far (`watchErrors`) */
  errors: string[];
  api<T>(path: string, body?: unknown): Promise<T>;
  shot(name: string, fullPage?: boolean): Promise<void>;
  /** no critical or serious axe-core finding on what the page shows, named by the view in a failure */
  axeClean(view: string): Promise<void>;
  /** A fresh load of a view: after a change of hash alone, the previous view's heading may still show. */
  open(hash: string, heading: string | RegExp, timeout?: number): Promise<void>;
}

export interface SessionOptions {
  /** the server's environment beyond a fresh data dir and `PAGE_SERVER_ENV` */
  env?: Record<string, string>;
  viewport?: { width: number; height: number };
  /** the browser's fixed clock (ISO): the page sends it as `now` */
  clock?: string;
  /** false for a file that tests signing in itself */
  signIn?: boolean;
  /** screenshots of the whole page rather than the window, unless a shot says otherwise */
  fullPage?: boolean;
  /** data the file needs before the browser opens (rotas, a setup), through the API */
  prepare?: (api: BrowserSession["api"]) => Promise<void>;
  /** for `beforeAll`, where `prepare` solves something big */
  timeoutMs?: number;
}

/**
 * One browser test file's set-up: a fresh server, Chromium with one page (errors watched, the
 * clock fixed if asked, signed in with the first start's token), a screenshot of the whole page
 * for each failed test, and everything closed at the end. Called at the top of the file, it
 * registers the hooks; `page` and `server` are usable inside tests, once `beforeAll` has run.
 */
export function openSignedInPage(name: string, options: SessionOptions = {}): BrowserSession {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  const shots = resultsDir(name);
  const errors: string[] = [];
  const api = <T>(path: string, body?: unknown) => callApi<T>(lateServer, path, body);
  const lateServer = late(() => server, "server");
  const latePage = late(() => page, "page");

  beforeAll(async () => {
    server = await startServer({ DESKROTA_DATA_DIR: await freshDataDir(), ...PAGE_SERVER_ENV, ...options.env }, true);
    await options.prepare?.(api);
    browser = await launch();
    page = await browser.newPage({ viewport: options.viewport ?? { width: 1280, height: 900 } });
    if (options.clock) await page.clock.setFixedTime(new Date(options.clock));
    watchErrors(page, errors);
    if (options.signIn === false) return;
    await page.goto(server.url);
    await page.evaluate((token) => sessionStorage.setItem("deskrota.token", token), server.token as string);
  }, options.timeoutMs);

  afterEach((context) => (page ? shotOnFailure(page, shots, context.task) : undefined));

  afterAll(async () => {
    await browser?.close();
    server?.child.kill("SIGKILL");
  });

  return {
    server: lateServer,
    page: latePage,
    shots,
    errors,
    api,
    shot: async (shotName, fullPage = options.fullPage ?? false) => {
      await latePage.screenshot({ path: join(shots, `${shotName}.png`), fullPage });
    },
    axeClean: async (view) => expect([view, await axeFindings(latePage)]).toEqual([view, []]),
    open: async (hash, heading, timeout) => {
      await latePage.goto("about:blank");
      await latePage.goto(`${lateServer.url}/${hash}`);
      await latePage.getByRole("heading", { level: 1, name: heading }).waitFor(timeout ? { timeout } : {});
    },
  };
}

/**
 * Stands for what `beforeAll` makes, so that a test file can name `page` and `server` at its top,
 * as Playwright's own examples do, rather than a `let` and an assignment in every file.
 */
function late<T extends object>(current: () => T | undefined, what: string): T {
  const target = () => {
    const value = current();
    if (!value) throw new Error(`the ${what} is made in beforeAll: use it inside a test or hook`);
    return value;
  };
  return new Proxy({} as T, {
    // Playwright checks what it is handed (`newCDPSession(page)`: instanceof Page).
    getPrototypeOf: () => Object.getPrototypeOf(target()),
    get: (_, key) => {
      const value = target();
      const member = Reflect.get(value, key, value);
      return typeof member === "function" ? member.bind(value) : member;
    },
  });
}
