import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { openSignedInPage } from "./support/browser";

// The large example (300 people at 10 sites) in the browser, on a rota made with a tiny work budget
// (the page is under test, not the solver): the rota, the overview, a person's week and the setup's
// people table stay readable, at desk width and at a phone's 390 px, with nothing wider than the
// screen on the phone.

const large = JSON.parse(readFileSync(new URL("../../../docs/examples/large-system.json", import.meta.url), "utf8"));

let rotaId: string;
const {
  page,
  errors,
  shot,
  axeClean,
  open: openView,
} = openSignedInPage("large", {
  prepare: async (api) => {
    // The work budget ends the solve; the time limit only keeps a loaded machine from failing it.
    const solved = await api<{ id: string; status: string; reason: string | null }>(
      "/v1/rotas?wait=true&workBudget=20&seed=1&timeLimitSeconds=120&name=large",
      large,
    );
    if (solved.status !== "done") throw new Error(`the large rota is ${solved.status}: ${solved.reason}`);
    rotaId = solved.id;
    await api("/v1/setup/from-problem?note=large", large);
  },
  timeoutMs: 240_000,
});
const open = (hash: string, heading: string | RegExp) => openView(hash, heading, 20_000);
/** How far the page is wider than the window: 0 when nothing scrolls sideways. */
const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
/** Boxes in the view that scroll sideways inside themselves: what a phone hides from the coordinator. */
const sidewaysScrollers = () =>
  page.evaluate(() =>
    [...document.querySelectorAll("main *")]
      .filter((e) => e.scrollWidth > e.clientWidth + 1 && /auto|scroll/.test(getComputedStyle(e).overflowX))
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
  );

describe("the large example", () => {
  test("the rota: one tab per site, a site's grid, no serious accessibility findings", async () => {
    await open(`#/rotas/${rotaId}`, "large");
    await expect(page.getByRole("tab").count()).resolves.toBe(large.sites.length);
    await page.locator("table.grid").first().waitFor();
    await shot("01-rota");
    await axeClean("large rota");
  });

  test("the overview of all sites and a person's week", async () => {
    await page.getByRole("link", { name: "All sites at a glance" }).click();
    await page.getByRole("heading", { level: 1, name: "All sites: large" }).waitFor();
    await expect(page.locator("table.overview tbody tr").count()).resolves.toBe(large.sites.length);
    await shot("02-overview");
    await axeClean("large overview");
    const someone = large.people[0] as { id: string; name: string };
    await page.getByLabel("Name, id, site or role").fill(someone.id);
    await page.locator(".people-found a").first().click();
    await page.getByRole("heading", { level: 1, name: new RegExp(`^${someone.name}`) }).waitFor();
    await shot("03-person");
  });

  test("the setup's people table: 300 people, filtered by site", async () => {
    await open("#/setup", "Set up the desk");
    await page.getByText(`${large.people.length} of ${large.people.length} people shown.`).waitFor();
    await page.getByLabel("Site", { exact: true }).selectOption(large.sites[1].id);
    await page.getByText(/^\d+ of 300 people shown\.$/).waitFor();
    await shot("04-people");
    await axeClean("large people table");
  });

  test("at 390 px the overview lists each day's gaps site by site, and the search still finds anyone", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await open(`#/rotas/${rotaId}/v/1/overview`, "All sites: large");
    const days = page.getByRole("list", { name: "Gaps per site, day by day" });
    await days.waitFor();
    await expect(page.locator("table.overview").isVisible()).resolves.toBe(false);
    // The list says what the table says: per day, each site with gaps in words, the rest covered.
    const table = await page
      .locator("table.overview")
      .evaluate((t: HTMLTableElement) =>
        [...(t.tBodies[0]?.rows ?? [])].map((row) => [...row.cells].map((c) => c.textContent?.trim() ?? "")),
      );
    const items = days.locator(":scope > li");
    await expect(items.count()).resolves.toBe(7);
    for (let day = 0; day < 7; day++) {
      const text = await items.nth(day).innerText();
      const gaps = table.filter((row) => row[day + 1] !== "covered");
      for (const row of gaps) expect(text).toContain(`${row[0]}: ${row[day + 1]}`);
      if (gaps.length === 0) expect(text).toContain("Every site is covered.");
    }
    // Friday, the first day cut off before, is there in full, within the screen.
    const friday = await items.nth(4).boundingBox();
    expect((friday?.x ?? 0) + (friday?.width ?? Infinity)).toBeLessThanOrEqual(390);
    await expect(items.nth(4).innerText()).resolves.toMatch(/^Friday/);
    expect(await overflow()).toBe(0);
    expect(await sidewaysScrollers()).toEqual([]);
    await shot("06-phone-overview", true);
    await axeClean("overview at 390 px");
    const someone = large.people[1] as { id: string; name: string };
    await page.getByLabel("Name, id, site or role").fill(someone.id);
    await page.locator(".people-found a").first().click();
    await page.getByRole("heading", { level: 1, name: new RegExp(`^${someone.name}`) }).waitFor();
  });

  test("at 390 px the availability grid shows all seven days, painted by pointer and keyboard", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const person = large.people[0] as { id: string };
    await open(`#/setup/people/${person.id}`, new RegExp(`\\(${person.id}\\)$`));
    const painter = page.locator("table.painter");
    await painter.scrollIntoViewIfNeeded();
    // Every day's heading whole and on the screen: "Sun" was cut to "Su" at the right edge.
    const heads = await painter.locator("thead th").evaluateAll((ths) =>
      ths.map((th) => {
        // Within the screen and within the box around the grid, which cut "Sun" off when it scrolled.
        const right = Math.min(
          window.innerWidth,
          th.closest("table")?.parentElement?.getBoundingClientRect().right ?? 0,
        );
        const box = th.getBoundingClientRect();
        return { text: th.textContent, inside: box.right <= right, whole: th.scrollWidth <= th.clientWidth };
      }),
    );
    expect(heads).toEqual(
      ["Time", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].map((text) => ({ text, inside: true, whole: true })),
    );
    expect(await sidewaysScrollers()).toEqual([]);
    // A row whose Saturday and Sunday agree, dragged across from Saturday to Sunday with the pointer.
    const rows = painter.locator("tbody tr");
    const pressed = (row: number, day: number) =>
      rows.nth(row).locator("button.slot").nth(day).getAttribute("aria-pressed");
    let row = 0;
    while ((await pressed(row, 5)) !== (await pressed(row, 6))) row++;
    const was = await pressed(row, 6);
    const [sat, sun] = await Promise.all([5, 6].map((d) => rows.nth(row).locator("button.slot").nth(d).boundingBox()));
    await page.mouse.move((sat?.x ?? 0) + 3, (sat?.y ?? 0) + 3);
    await page.mouse.down();
    await page.mouse.move((sun?.x ?? 0) + 3, (sun?.y ?? 0) + 3, { steps: 4 });
    await page.mouse.up();
    const now = String(was !== "true");
    await expect(Promise.all([pressed(row, 5), pressed(row, 6)])).resolves.toEqual([now, now]);
    // With the keyboard: Sunday of the next row, reached with the arrows from Monday, and toggled.
    const next = row + 1;
    const before = await pressed(next, 6);
    await rows.nth(next).locator("button.slot").first().focus();
    for (let i = 0; i < 6; i++) await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Space");
    await expect(pressed(next, 6)).resolves.toBe(String(before !== "true"));
    await expect(
      page.evaluate(() => (document.activeElement as HTMLElement).getAttribute("aria-label")?.split(" ")[0]),
    ).resolves.toBe("Sunday");
    await shot("07-phone-availability");
    await axeClean("availability at 390 px");
  });

  test("at a phone's 390 px every view fits the screen", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const views: [string, string | RegExp][] = [
      [`#/rotas/${rotaId}`, "large"],
      [`#/rotas/${rotaId}/v/1/overview`, "All sites: large"],
      ["#/setup", "Set up the desk"],
      [`#/setup/people/${large.people[0].id}`, new RegExp(`\\(${large.people[0].id}\\)$`)],
      [`#/setup/sites/${large.sites[0].id}`, large.sites[0].name],
      ["#/plan", "Plan a week or a term"],
      ["#/", "Rotas"],
      ["#/new", "New rota"],
    ];
    const wide: string[] = [];
    for (const [i, [hash, heading]] of views.entries()) {
      await open(hash, heading);
      await shot(`05-phone-${i + 1}`, true);
      const over = await overflow();
      if (over > 0) wide.push(`${hash}: ${over} px too wide`);
    }
    expect(wide).toEqual([]);
    expect(errors).toEqual([]);
  });
});
