import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { openSignedInPage } from "./support/browser";

// A coordinator's session in a real browser against the real server (`pnpm start`, first start on
// an empty store): sign in with the printed token, create a rota from the bundled example, read
// the grid, record an absence, give a gap to a swap candidate, compare two rotas, print.

interface Stint {
  person: string;
  point: string;
  start: string;
  end: string;
}
interface Gap {
  point?: string;
  start: string;
  end: string;
}
interface Problem {
  sites: { id: string; name: string; servicePoints: { id: string }[] }[];
  people: { id: string; name: string }[];
}

const EXAMPLES = new URL("../../../docs/examples/", import.meta.url);
const example = (name: string): Problem =>
  JSON.parse(readFileSync(new URL(`${name}.json`, EXAMPLES), "utf8")) as Problem;
const small = example("small-campus");
const typical = example("typical-week");
/** Times in the API's rotas are in the site's zone with its offset: the text is the local time. */
const dateOf = (iso: string) => iso.slice(0, 10);
const timeOf = (iso: string) => iso.slice(11, 16);
const nameOf = (problem: Problem, id: string) => problem.people.find((p) => p.id === id)?.name ?? id;
const siteOf = (problem: Problem, point: string) =>
  problem.sites.find((s) => s.servicePoints.some((p) => p.id === point));

// The browser's clock is the page's `now` for swaps: the Sunday before the examples' week.
const { page, server, errors, api, shot } = openSignedInPage("page", {
  env: { DESKROTA_PROGRESS_MS: "200" },
  viewport: { width: 1280, height: 800 },
  clock: "2026-11-22T00:00:00Z",
  signIn: false,
});

/** Opens a rota's page and waits for it: the previous view may have had a grid too. */
async function openRota(id: string, title: string): Promise<void> {
  await page.goto(`${server.url}/#/rotas/${id}`);
  await page.getByRole("heading", { level: 1, name: title, exact: true }).waitFor();
  await page.locator("table.grid").first().waitFor();
}

/** The grid cell of a point on a day whose run starts at the given local time. */
const cell = (point: string, iso: string) =>
  page.locator(`td[data-point="${point}"][data-date="${dateOf(iso)}"][data-from="${timeOf(iso)}"]`);

describe("the coordinator's page", () => {
  let rotaId: string;
  let known: Stint;

  test("signs in with the organisation token, kept for this tab's session only", async () => {
    await page.goto(server.url);
    await expect(page.getByRole("heading", { name: "Sign in" }).isVisible()).resolves.toBe(true);
    await page.getByLabel("Organisation token").fill("drt_not-a-real-token");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("That token is not known to this server").waitFor();
    await page.getByLabel("Organisation token").fill(server.token as string);
    await shot("01-sign-in");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Rotas" }).waitFor();
    await page.getByText("No rotas yet").waitFor();
    expect(await page.evaluate(() => [sessionStorage.getItem("deskrota.token"), localStorage.length])).toEqual([
      server.token,
      0,
    ]);
    await shot("02-rotas");
  });

  test("creates a rota from the bundled example, showing progress while it solves", async () => {
    await page.getByRole("link", { name: "New rota", exact: true }).first().click();
    await page.getByRole("heading", { name: "New rota" }).waitFor();
    await page.getByLabel("A bundled example").check();
    await page.locator("#example").selectOption("small-campus");
    await page.getByLabel("Name (optional)").fill("week 48");
    await page.getByLabel("Time limit (seconds)").fill("3");
    await page.getByRole("button", { name: "Solve" }).click();
    await page.getByRole("heading", { name: "Solving week 48" }).waitFor();
    await page.getByRole("button", { name: "Stop and keep the best so far" }).waitFor();
    await page.getByText("Best score so far").waitFor();
    await shot("03-solving");
    await page.locator("table.grid").first().waitFor({ timeout: 30_000 });
    await page.getByRole("heading", { name: "week 48" }).waitFor();
    rotaId = decodeURIComponent(/#\/rotas\/([^/?]+)/.exec(page.url())?.[1] ?? "");
    expect(rotaId).toMatch(/^rota_/);
    await shot("04-grid");
  });

  test("an uploaded problem file with mistakes lists every one with where it is", async () => {
    await page.goto(`${server.url}/#/new`);
    await page.getByLabel("A problem file (format v1, JSON)").check();
    const bad = {
      ...small,
      slotMinutes: 7,
      people: small.people.map((p, i) => (i === 0 ? { ...p, sites: ["nowhere"] } : p)),
    };
    await page
      .locator("#problem-file")
      .setInputFiles({ name: "week-49.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bad)) });
    await page.getByRole("button", { name: "Solve" }).click();
    const failure = page.getByRole("alert");
    await failure.getByText("The rota could not be started").waitFor();
    await expect(failure.locator("ul.issues li").allInnerTexts()).resolves.toEqual(
      expect.arrayContaining([expect.stringMatching(/^slotMinutes /), "people.0.sites.0 there is no site nowhere"]),
    );
    await shot("05-upload-issues");
  });

  test("stops a long solve and keeps the best rota so far", async () => {
    await page.goto(`${server.url}/#/`);
    await page.getByRole("link", { name: "New rota", exact: true }).first().click();
    await page.getByLabel("A bundled example").check();
    await page.locator("#example").selectOption("typical-week");
    await page.getByLabel("Name (optional)").fill("stopped early");
    await page.getByLabel("Time limit (seconds)").fill("60");
    await page.getByRole("button", { name: "Solve" }).click();
    const stop = page.getByRole("button", { name: "Stop and keep the best so far" });
    await stop.waitFor();
    // Stop once a first rota exists, so there is a best one to keep.
    await page.waitForFunction(
      () => !/none yet/.test(document.querySelector(".facts")?.textContent ?? "none yet"),
      undefined,
      { timeout: 30_000 },
    );
    await stop.click();
    await page.locator("table.grid").first().waitFor({ timeout: 30_000 });
    await page.getByText("Solver details").click();
    await page.getByText(/The solver ended \(stopped\)/).waitFor();
  });

  test("shows a known person in a known cell, and their week when their name is clicked", async () => {
    const { rota } = await api<{ rota: { assignments: Stint[] } }>(`/v1/rotas/${rotaId}`);
    known = rota.assignments
      .filter((a) => !("shadowing" in a))
      .sort((a, b) => a.start.localeCompare(b.start))[0] as Stint;
    const name = nameOf(small, known.person);
    await openRota(rotaId, "week 48");
    const here = cell(known.point, known.start);
    await here.waitFor();
    await expect(here.innerText()).resolves.toContain(name);
    // What a screen reader reads: where and when (hidden text), then who.
    await expect(here.textContent()).resolves.toMatch(
      new RegExp(`, ${timeOf(known.start)} to \\d\\d:\\d\\d: .*${name}`),
    );
    await here.scrollIntoViewIfNeeded();
    await shot("06-known-cell");

    // The arrow keys walk the grid: right is the next day.
    await here.focus();
    await page.keyboard.press("ArrowRight");
    const next = await page.evaluate(() => document.activeElement?.getAttribute("data-date"));
    expect(next).toBe(new Date(Date.parse(`${dateOf(known.start)}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10));

    await here.getByRole("link", { name }).click();
    await page.getByRole("heading", { name, level: 1 }).waitFor();
    await page
      .getByText(`${timeOf(known.start)}–${timeOf(known.end)}`)
      .first()
      .waitFor();
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download calendar (iCal)" }).click();
    const ics = readFileSync(await (await download).path(), "utf8");
    expect(ics).toContain("BEGIN:VCALENDAR");
    await shot("07-person");
  });

  test("downloads the rota as CSV", async () => {
    await openRota(rotaId, "week 48");
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download CSV" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.csv$/);
    expect(readFileSync(await file.path(), "utf8")).toMatch(/^\uFEFFdate,day,site,point,start,end/);
  });

  test("records an absence: the new version highlights the changed cells and says what changed", async () => {
    const name = nameOf(small, known.person);
    await page.getByText("Record an absence").click();
    await page.getByLabel("Person", { exact: true }).selectOption(known.person);
    await page.getByLabel("From", { exact: true }).fill(known.start.slice(0, 16));
    await page.getByLabel("To", { exact: true }).fill(known.end.slice(0, 16));
    await page.getByLabel("Reason (optional)").fill("sick");
    // Before the week: every stint may still move, whatever day the tests run on.
    await page.getByLabel("Keep everything before").fill("2026-11-22T00:00");
    await page.getByRole("button", { name: "Record and re-solve" }).click();
    await page.getByRole("heading", { name: /^Changes from v1/ }).waitFor();
    expect(page.url()).toContain(`/rotas/${rotaId}/v/2`);
    // Their stint goes, or becomes another one that day.
    await expect(page.locator(".changes li").allInnerTexts()).resolves.toContainEqual(
      expect.stringMatching(new RegExp(`^${name}: (no longer on|.* becomes )`)),
    );
    const changed = page.locator("td.changed");
    expect(await changed.count()).toBeGreaterThan(0);
    const here = cell(known.point, known.start);
    await expect(here.innerText()).resolves.not.toMatch(new RegExp(`^${name}$`, "m"));
    await here.scrollIntoViewIfNeeded();
    await shot("08-absence");
  });

  test("opens a gap's swap candidates and applies one in a click", async () => {
    const solved = await api<{ id: string; rota: { uncovered: Gap[] } }>(
      "/v1/rotas?wait=true&timeLimitSeconds=30&workBudget=200&seed=1&name=typical%20week",
      typical,
    );
    let gap: (Gap & { point: string }) | undefined;
    for (const g of solved.rota.uncovered) {
      if (!g.point) continue;
      const report = await api<{ candidates: unknown[] }>(
        `/v1/rotas/${solved.id}/swap-candidates?${new URLSearchParams({ point: g.point, start: g.start, end: g.end })}`,
      );
      if (report.candidates.length) {
        gap = { ...g, point: g.point };
        break;
      }
    }
    expect(gap, "a gap that someone could take").toBeDefined();
    const at = gap as Gap & { point: string };
    await openRota(solved.id, "typical week");
    await page.getByRole("tab", { name: siteOf(typical, at.point)?.name as string }).click();
    const gapButton = cell(at.point, at.start).locator("button.gap");
    await gapButton.scrollIntoViewIfNeeded();
    await gapButton.hover();
    await shot("09-gap-reason");
    await gapButton.click();
    const dialog = page.getByRole("dialog");
    await dialog.locator("ol.candidates > li").first().waitFor();
    await shot("10-swap-candidates");
    const apply = dialog.getByRole("button", { name: /^Apply: / }).first();
    const label = await apply.innerText();
    const who = (label.match(/^Apply: (.*?) (takes it|moves the gap)$/) ?? [])[1] as string;
    await apply.click();
    await page.getByRole("heading", { name: /^Changes from v1/ }).waitFor();
    expect(page.url()).toContain(`/rotas/${solved.id}/v/2`);
    await expect(page.locator(".changes").innerText()).resolves.toContain(who);
    expect(await page.locator("td.changed").count()).toBeGreaterThan(0);
    await shot("11-swap-applied");
  });

  test("compares two rotas of one week: metrics side by side, differing cells highlighted", async () => {
    await api("/v1/rotas?wait=true&timeLimitSeconds=30&workBudget=100&seed=2&name=week%2048%20again", small);
    await page.goto(`${server.url}/#/`);
    await page.getByRole("checkbox", { name: "Compare week 48", exact: true }).check();
    await page.getByRole("checkbox", { name: "Compare week 48 again" }).check();
    await page.getByRole("link", { name: "Compare 2 rotas" }).click();
    await page.getByRole("heading", { name: "Comparing 2 rotas" }).waitFor();
    const metrics = page.locator("table.compare").first();
    await expect(metrics.locator("thead th").count()).resolves.toBe(3);
    await expect(
      metrics
        .getByRole("row", { name: /Minimum cover met/ })
        .locator("td")
        .count(),
    ).resolves.toBe(2);
    await shot("12-compare");
    await page.getByText("Show the full grids").click();
    const differing = page.locator("td.changed");
    await differing.first().waitFor();
    expect(await differing.count()).toBeGreaterThan(0);
    await differing.first().scrollIntoViewIfNeeded();
    await expect(differing.first().innerText()).resolves.toContain("differs; week 48 again (v1) has");
    await shot("13-compare-cells");
  });

  test("makes alternatives of a rota: the trade-offs, what was not offered and why, then compares them", async () => {
    await openRota(rotaId, "week 48");
    await page.getByText("Alternatives", { exact: true }).click();
    await page.getByLabel("Profiles to try").selectOption("4");
    await page.getByLabel("Time for all (seconds)").fill("4");
    await page.getByRole("button", { name: "Make alternatives" }).click();
    const made = page.locator(".alternatives-made");
    await made.waitFor({ timeout: 30_000 });
    // Every profile besides balanced is either offered with its trade-off or listed with why not.
    const offered = await made.locator("ul.trade-offs > li").allTextContents();
    // Folded away until asked for: read, not seen.
    const dropped = await made.locator(".dropped li").allTextContents();
    expect(offered.length + dropped.length).toBe(3);
    for (const line of [...offered, ...dropped]) expect(line).toMatch(/^(coverage|fairness|preferences)-first: \S/);
    await shot("14-alternatives");
    await made.getByRole("link", { name: "Compare them with this version side by side" }).click();
    await page.getByRole("heading", { name: `Comparing ${offered.length + 2} rotas` }).waitFor();
    const heads = await page.locator("table.compare").first().locator("thead th").allInnerTexts();
    expect(heads).toEqual([
      "Metric",
      "week 48 (v2)",
      ...Array.from({ length: offered.length + 1 }, () => expect.stringMatching(/^week 48: \S+ \(v1\)$/)),
    ]);
    // Led by one trade-off sentence per rota against this version, each named by its label.
    const sentences = await page.locator("section.trade-offs li").allInnerTexts();
    expect(sentences).toHaveLength(offered.length + 1);
    for (const s of sentences) expect(s).toMatch(/^week 48: \S+ \(v1\): /);
  });

  test("prints each site's week on one landscape page", async () => {
    const { rotas } = await api<{ rotas: { id: string; name: string }[] }>("/v1/rotas");
    const week = rotas.find((r) => r.name === "typical week") as { id: string };
    await openRota(week.id, "typical week");
    await page.emulateMedia({ media: "print" });
    await shot("15-print", true);
    const pdf = await page.pdf({ format: "A4", landscape: true, printBackground: true });
    await page.emulateMedia({ media: "screen" });
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBe(typical.sites.length);
  });

  test("fits a phone's width: the week day by day, nothing wider than the screen", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/#/rotas/${rotaId}`);
    await page.locator(".day-list").first().waitFor();
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
    }));
    expect(widths.page).toBeLessThanOrEqual(widths.viewport);
    await shot("16-phone");
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  test("labels every field, and the page logged no errors", async () => {
    await openRota(rotaId, "week 48");
    await page.getByText("Record an absence").click();
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLInputElement | HTMLSelectElement>("input, select")]
        .filter((el) => !el.labels?.length && !el.getAttribute("aria-label"))
        .map((el) => el.outerHTML),
    );
    expect(unlabelled).toEqual([]);
    expect(errors).toEqual([]);
  });
});
