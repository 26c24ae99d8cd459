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
    rotaId = (await api<{ id: string }>("/v1/rotas?wait=true&workBudget=20&seed=1&name=large", large)).id;
    await api("/v1/setup/from-problem?note=large", large);
  },
  timeoutMs: 240_000,
});
const open = (hash: string, heading: string | RegExp) => openView(hash, heading, 20_000);
/** How far the page is wider than the window: 0 when nothing scrolls sideways. */
const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

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
