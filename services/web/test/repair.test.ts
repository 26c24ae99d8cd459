import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { freshDataDir } from "../../api/test/support/pglite";
import { type RunningServer, startServer } from "../../api/test/support/server";
import { axeFindings } from "./support/axe";
import { callApi, launch, PAGE_SERVER_ENV, resultsDir, shotOnFailure, watchErrors } from "./support/browser";

// Repairs from the page: the browser's clock is `now`; where filling everything an absence opens
// costs more changes, both repairs are offered with their trade-off and the coordinator picks one;
// a swap is asked and applied with the same `now`; and undoing the absence takes it out as a
// change of its own, the later versions kept.

const SUNDAY_BEFORE = "2026-11-22T12:00:00.000Z";
const weekdays = ["mon", "tue", "wed", "thu"];
const always = Object.fromEntries(
  ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, [["00:00", "24:00"]]]),
);
const person = (id: string) => ({
  id,
  name: id[0]?.toUpperCase() + id.slice(1),
  role: "staff",
  sites: ["main"],
  hours: { target: 8, max: 16, maxPerDay: 4 },
  training: { helpdesk: "independent" },
  qualifications: ["lead", "keyholder"],
  availability: always,
});
const stint = (who: string, date: string, from: string, to: string) => ({
  person: who,
  point: "desk",
  start: `${date}T${from}`,
  end: `${date}T${to}`,
});
// One desk, open Monday to Thursday 09:00–17:00 and needing one person throughout; each changed
// person-hour weighs twice a missing one, so the smallest repair of an absence leaves it open.
const problem = {
  version: 1,
  weekStart: "2026-11-23",
  timeZone: "Europe/London",
  slotMinutes: 30,
  sites: [
    {
      id: "main",
      name: "Main library",
      open: Object.fromEntries(weekdays.map((d) => [d, [["09:00", "17:00"]]])),
      servicePoints: [
        {
          id: "desk",
          name: "Desk",
          kind: "helpdesk",
          cover: [{ days: weekdays, from: "09:00", to: "17:00", min: 1 }],
        },
      ],
    },
  ],
  people: ["ann", "bob", "cal", "dee"].map(person),
  pinned: [
    stint("ann", "2026-11-23", "09:00", "13:00"),
    stint("bob", "2026-11-23", "13:00", "17:00"),
    stint("cal", "2026-11-24", "09:00", "13:00"),
    stint("dee", "2026-11-24", "13:00", "17:00"),
    stint("ann", "2026-11-25", "09:00", "13:00"),
    stint("bob", "2026-11-25", "13:00", "17:00"),
    stint("cal", "2026-11-26", "09:00", "13:00"),
    stint("dee", "2026-11-26", "13:00", "17:00"),
  ],
  weights: { stability: 2000 },
};

let server: RunningServer;
let browser: Browser;
let page: Page;
let shots: string;
let rotaId: string;
const errors: string[] = [];

const api = <T>(path: string, body?: unknown) => callApi<T>(server, path, body);
const shot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
const axeClean = async (view: string) => expect([view, await axeFindings(page)]).toEqual([view, []]);
const versionCount = async () => (await api<{ versions: unknown[] }>(`/v1/rotas/${rotaId}/versions`)).versions.length;
async function open(hash: string): Promise<void> {
  await page.goto("about:blank");
  await page.goto(`${server.url}/${hash}`);
  await page.getByRole("heading", { level: 1, name: "repairs" }).waitFor();
}

beforeAll(async () => {
  shots = resultsDir("repair");
  server = await startServer({ DESKROTA_DATA_DIR: await freshDataDir(), ...PAGE_SERVER_ENV }, true);
  rotaId = (await api<{ id: string }>("/v1/rotas?wait=true&workBudget=100&seed=1&name=repairs", problem)).id;
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.clock.setFixedTime(new Date(SUNDAY_BEFORE));
  watchErrors(page, errors);
  await page.goto(server.url);
  await page.evaluate((token) => sessionStorage.setItem("deskrota.token", token), server.token as string);
});

afterEach((context) => shotOnFailure(page, shots, context.task));

afterAll(async () => {
  await browser?.close();
  server?.child.kill("SIGKILL");
});

describe("repairs from the page", () => {
  test("a full repair that costs more: both repairs with their trade-off, the coordinator picks", async () => {
    await open(`#/rotas/${rotaId}`);
    await page.getByText("Record an absence").click();
    await page.locator("#absence-person").selectOption("bob");
    await expect(page.getByLabel("Keep everything before").inputValue()).resolves.toBe("2026-11-22T12:00");
    await page.getByLabel("From", { exact: true }).fill("2026-11-23T13:00");
    await page.getByLabel("To", { exact: true }).fill("2026-11-23T17:00");
    await page.getByLabel("Reason (optional)").fill("sick");
    await page.getByLabel("Prove it is the fewest changes").check();
    await page.getByLabel("— up to (seconds)").fill("5");
    await page.getByRole("button", { name: "Record and re-solve" }).click();
    const choice = page.getByRole("region", { name: "Two ways to repair: pick one" });
    await choice.waitFor();
    await expect(choice.locator("li.repair-option").allInnerTexts()).resolves.toEqual([
      expect.stringMatching(/^Fill everything it opens\n+Fills everything: \d+ (person|people), [\d.]+ h changed\./),
      expect.stringMatching(/^Change less, leave some open\n+Leaves Desk Mon 23 Nov 13:00–17:00 open.*changed\./),
    ]);
    expect(await versionCount()).toBe(1);
    await shot("01-two-repairs");
    await axeClean("repair options");
    const recorded = page.waitForRequest((r) => r.method() === "POST" && /\/changes\?/.test(r.url()));
    await choice.getByRole("button", { name: "Record: change less, leave some open" }).click();
    expect((await recorded).postDataJSON()).toMatchObject({ prove: { timeLimitSeconds: 5 } });
    const url = new URL((await recorded).url());
    expect([url.searchParams.get("now"), url.searchParams.get("option"), url.searchParams.get("dryRun")]).toEqual([
      "2026-11-22T12:00",
      "smaller",
      null,
    ]);
    await page.waitForURL(/\/v\/2(\?|$)/);
    const v2 = await api<{ rota: { uncovered: { point: string; start: string }[] } }>(`/v1/rotas/${rotaId}/versions/2`);
    expect(v2.rota.uncovered.map((u) => [u.point, u.start.slice(0, 16)])).toContainEqual(["desk", "2026-11-23T13:00"]);
  });

  test("a swap is asked for and applied with the browser's clock as now", async () => {
    const asked = page.waitForRequest((r) => r.url().includes("/swap-candidates?"));
    await page.locator("button.gap").first().click();
    expect(new URL((await asked).url()).searchParams.get("now")).toBe(SUNDAY_BEFORE);
    const dialog = page.getByRole("dialog");
    const apply = dialog.locator("li.candidate button").first();
    await apply.waitFor();
    await shot("02-swap");
    const applied = page.waitForRequest((r) => r.method() === "POST" && r.url().endsWith("/swaps"));
    await apply.click();
    expect((await applied).postDataJSON()).toMatchObject({ version: 2, now: SUNDAY_BEFORE });
    await page.waitForURL(/\/v\/3(\?|$)/);
  });

  test("undoing the absence takes it out as a change, and keeps the later versions", async () => {
    await open(`#/rotas/${rotaId}/v/2`);
    const card = page.getByRole("region", { name: "A mistaken absence" });
    await expect(card.innerText()).resolves.toMatch(/v4 repairs the latest with the person available again/);
    await shot("03-undo");
    await axeClean("absence undo");
    const posted = page.waitForRequest(
      (r) => r.method() === "POST" && r.url().includes("/changes") && !r.url().includes("dryRun"),
    );
    await card.getByRole("button", { name: "Undo this absence and its repair" }).click();
    const change = (await posted).postDataJSON() as { removeAbsences: { person: string }[] };
    expect(change.removeAbsences).toHaveLength(1);
    await page.waitForURL(/\/v\/4(\?|$)/);
    const [before, after] = await Promise.all(
      [2, 4].map((n) =>
        api<{ people: { id: string; absences?: unknown[] }[] }>(`/v1/rotas/${rotaId}/versions/${n}/problem`),
      ),
    );
    const absent = (p: typeof before) =>
      p?.people.find((who) => who.id === change.removeAbsences[0]?.person)?.absences?.length ?? 0;
    expect(absent(after)).toBe(absent(before) - 1);
    const versions = await api<{ versions: unknown[] }>(`/v1/rotas/${rotaId}/versions`);
    expect(versions?.versions).toHaveLength(4);
    expect(errors).toEqual([]);
  });
});
