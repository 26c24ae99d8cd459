import { readFileSync } from "node:fs";
import type { Locator } from "playwright-core";
import { describe, expect, test } from "vitest";
import { openSignedInPage } from "./support/browser";

// Cover bands are edited on the day timeline itself: an edge dragged, a band moved, a new one drawn
// on an empty part of a day, then the same with the keyboard only; what is wrong with a bar (closed
// hours, an overlap) is said on it at once; the save is a setup revision whose change is shown and
// undone. The small-campus example: 30-minute slots, the Service Desk open 08:30–21:00 Mon–Thu,
// 08:30–17:00 Fri, 11:00–17:00 at weekends, its bands following those hours.

type Cover = { days: string[]; from: string; to: string; min: number; target?: number; max?: number }[];

const example = JSON.parse(readFileSync(new URL("../../../docs/examples/small-campus.json", import.meta.url), "utf8"));
const { page, errors, api, shot, axeClean, open } = openSignedInPage("cover-bands", {
  fullPage: true,
  prepare: (call) => call("/v1/setup/from-problem?note=started%20from%20an%20example", example),
});

const deskCover = async () =>
  (
    await api<{ setup: { sites: { id: string; servicePoints: { id: string; cover: Cover }[] }[] } }>("/v1/setup")
  ).setup.sites
    .find((s) => s.id === "campus")
    ?.servicePoints.find((p) => p.id === "campus-helpdesk")?.cover;
const desk = () => page.locator('fieldset.cover[data-point="campus-helpdesk"]');
const bar = (name: string) => desk().getByRole("button", { name, exact: true });
const track = (day: string) => desk().locator(`.track[data-day="${day}"]`);

/** Pixels per minute of a lane and the minute its left edge stands for, read off the hour scale. */
async function scale(): Promise<{
  x: (minutes: number) => number;
  dx: (minutes: number) => number;
  y: (day: string) => Promise<number>;
}> {
  const ticks = await desk()
    .locator(".hour-scale .tick")
    .evaluateAll((els) => els.map((el) => [Number(el.getAttribute("data-minutes")), el.getBoundingClientRect().x]));
  const [m0, x0] = ticks[0] as number[];
  const [m1, x1] = ticks[ticks.length - 1] as number[];
  const perMinute = ((x1 as number) - (x0 as number)) / ((m1 as number) - (m0 as number));
  return {
    x: (minutes) => (x0 as number) + (minutes - (m0 as number)) * perMinute,
    dx: (minutes) => minutes * perMinute,
    y: async (day) => {
      await track(day).scrollIntoViewIfNeeded();
      const box = await track(day).boundingBox();
      return (box?.y ?? 0) + (box?.height ?? 0) / 2;
    },
  };
}

/** Press at `from`, move `dx` pixels sideways, release. */
async function drag(from: { x: number; y: number }, dx: number): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + dx, from.y, { steps: 10 });
  await page.mouse.up();
}

async function grip(b: Locator, edge: "start" | "end"): Promise<{ x: number; y: number }> {
  await b.scrollIntoViewIfNeeded();
  const box = await b.locator(`.edge.${edge}`).boundingBox();
  return { x: (box?.x ?? 0) + (box?.width ?? 0) / 2, y: (box?.y ?? 0) + (box?.height ?? 0) / 2 };
}

const openSite = () => open("#/setup/sites/campus", "Campus Library & Learning Centre");

describe("cover bands on the day timeline", () => {
  test("an edge dragged, a band moved, a new one drawn; the rows follow; problems said on the bar", async () => {
    await openSite();
    const friday = bar("Service Desk Fri 08:30–17:00, min 1");
    const at = await scale();
    // The end edge from 17:00 back to 15:00: the band's times and its row follow.
    await drag(await grip(friday, "end"), at.dx(-120));
    await bar("Service Desk Fri 08:30–15:00, min 1").waitFor();
    await expect(desk().getByLabel("To, band 2 of Service Desk").inputValue()).resolves.toBe("15:00");
    // The whole band an hour later: its length kept, on the 30-minute grid.
    const y = await at.y("fri");
    const moved = await bar("Service Desk Fri 08:30–15:00, min 1").boundingBox();
    const middle = { x: (moved?.x ?? 0) + (moved?.width ?? 0) / 2, y };
    await drag(middle, at.dx(60));
    await bar("Service Desk Fri 09:30–16:00, min 1").waitFor();
    await expect(desk().getByLabel("From, band 2 of Service Desk").inputValue()).resolves.toBe("09:30");
    await shot("01-dragged");

    // A new band drawn on Friday from 16:00 to 19:00: the site closes at 17:00, said on the bar.
    await drag({ x: at.x(16 * 60 + 5), y: await at.y("fri") }, at.dx(170));
    const drawn = bar("Service Desk Fri 16:00–19:00, min 1, needs attention");
    await drawn.waitFor();
    await expect(desk().getByLabel("From, band 4 of Service Desk").inputValue()).resolves.toBe("16:00");
    const notes = desk().locator('.track[data-day="fri"] ~ .lane-notes');
    await expect(notes.innerText()).resolves.toBe("⚠ Band 4: 17:00–19:00 is outside opening hours (08:30–17:00).");
    // The opening hours being typed above are what the bars are checked against.
    await page.getByLabel("Friday", { exact: true }).fill("08:30-19:00");
    await expect(notes.count()).resolves.toBe(0);
    await page.getByLabel("Friday", { exact: true }).fill("08:30-17:00");
    await expect(notes.innerText()).resolves.toMatch(/^⚠ Band 4: 17:00–19:00 is outside/);
    // Its description carries the words to a screen reader too.
    await expect(drawn.getAttribute("aria-describedby")).resolves.toMatch(/\S+ \S+/);
    // The editor opened beside the drawing; the numbers are set there with the steppers.
    const panel = desk().getByRole("region", { name: "Editing band 4 of Service Desk" });
    await panel.getByRole("button", { name: "One more: target" }).click();
    await bar("Service Desk Fri 16:00–19:00, min 1, target 2, needs attention").waitFor();
    await expect(desk().getByLabel("target people, band 4 of Service Desk").inputValue()).resolves.toBe("2");
    // Dragged back an hour it overlaps the moved band: said at once, in words.
    await drag(await grip(bar("Service Desk Fri 16:00–19:00, min 1, target 2, needs attention"), "start"), at.dx(-60));
    await expect(notes.innerText()).resolves.toBe(
      "Bands 2 and 4 overlap 15:00–16:00: the larger numbers hold there.\n" +
        "⚠ Band 4: 17:00–19:00 is outside opening hours (08:30–17:00).",
    );
    // An overlap is allowed (the larger numbers hold), so it is a note on the bar, not a fault.
    await bar("Service Desk Fri 09:30–16:00, min 1, overlaps another band").waitFor();
    // A row's edit redraws the bar: the drawn band back inside the opening hours, no overlap left.
    await desk().getByLabel("From, band 4 of Service Desk").fill("16:00");
    await desk().getByLabel("From, band 4 of Service Desk").dispatchEvent("change");
    await desk().getByLabel("To, band 4 of Service Desk").fill("17:00");
    await desk().getByLabel("To, band 4 of Service Desk").dispatchEvent("change");
    await bar("Service Desk Fri 16:00–17:00, min 1, target 2").waitFor();
    await expect(notes.count()).resolves.toBe(0);
    await shot("02-drawn");
    await axeClean("cover timeline, a band being edited");

    await page.getByRole("button", { name: "Save the site" }).click();
    const banner = page.locator(".saved");
    // The band by band change, in the site's and the point's names, with the revision.
    await banner
      .getByText(
        "Service points of Campus Library & Learning Centre changed: Service Desk: cover Fri 08:30–17:00, " +
          "min 1 → Fri 09:30–16:00, min 1; added Fri 16:00–17:00, min 1, target 2",
        { exact: true },
      )
      .waitFor();
    expect(await deskCover()).toEqual([
      { days: ["mon", "tue", "wed", "thu"], from: "08:30", to: "21:00", min: 1 },
      { days: ["fri"], from: "09:30", to: "16:00", min: 1 },
      { days: ["sat", "sun"], from: "11:00", to: "17:00", min: 1 },
      { days: ["fri"], from: "16:00", to: "17:00", min: 1, target: 2 },
    ]);
    await shot("03-saved");
    await banner.getByRole("button", { name: /^Undo \(restore revision \d+\)$/ }).click();
    await page.getByText(/^Restored revision \d+ as revision \d+\.$/).waitFor({ state: "attached" });
    await expect
      .poll(async () => (await deskCover())?.[1])
      .toEqual({ days: ["fri"], from: "08:30", to: "17:00", min: 1 });
    expect(errors).toEqual([]);
  });

  test("keyboard only: move, resize, numbers, a day split off, delete, focus seen; saved, undone", async () => {
    await openSite();
    const sunday = bar("Service Desk Sun 11:00–17:00, min 1");
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? "");
    const outline = () =>
      page.evaluate(() => {
        const style = getComputedStyle(document.activeElement as Element);
        return `${style.outlineStyle} ${style.outlineWidth}`;
      });
    // ↑ and ↓ go from day to day, to the bar nearest in time, the focus seen; the hint says so.
    await expect(desk().locator(".hint").innerText()).resolves.toContain("↑ and ↓ go to the day above or below");
    await sunday.focus();
    await page.keyboard.press("ArrowUp");
    await expect(focused()).resolves.toMatch(/^Service Desk Sat 11:00–17:00, min 1/);
    await page.keyboard.press("ArrowUp");
    await expect(focused()).resolves.toMatch(/^Service Desk Fri 08:30–17:00, min 1/);
    await expect(outline()).resolves.toMatch(/^solid [1-9]/);
    for (const day of ["Thu", "Wed", "Tue", "Mon", "Mon"]) {
      await page.keyboard.press("ArrowUp");
      await expect(focused()).resolves.toMatch(new RegExp(`^Service Desk ${day} 08:30–21:00, min 1`));
    }
    for (let i = 0; i < 6; i += 1) await page.keyboard.press("ArrowDown");
    await expect(focused()).resolves.toMatch(/^Service Desk Sun 11:00–17:00, min 1/);
    await page.keyboard.press("ArrowRight");
    await expect(focused()).resolves.toMatch(/^Service Desk Sun 11:30–17:30, min 1/);
    await page.keyboard.press("Shift+ArrowLeft");
    await page.keyboard.press("Shift+ArrowLeft");
    await page.keyboard.press("Alt+Shift+ArrowRight");
    await expect(focused()).resolves.toMatch(/^Service Desk Sun 12:00–16:30, min 1/);
    // Both days of the band moved: it is one band.
    await bar("Service Desk Sat 12:00–16:30, min 1").waitFor();
    // The focus is visible on the bar.
    await expect(outline()).resolves.toMatch(/^solid [1-9]/);
    await shot("04-keyboard-focus");

    // Enter opens the band's editor with the focus in it; Sunday becomes a band of its own.
    await page.keyboard.press("Enter");
    const panel = desk().getByRole("region", { name: "Editing band 3 of Service Desk" });
    await expect(panel.getByLabel("Starts").evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    // Tab until the focus is on the control named `name` (a button's text or an input's label).
    const tabTo = async (name: string) => {
      for (let i = 0; i < 40; i += 1) {
        const at = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          return (el?.tagName === "INPUT" ? el.closest("label")?.innerText : el?.innerText)?.trim();
        });
        if (at === name) return;
        await page.keyboard.press("Tab");
      }
      throw new Error(`Tab never reached ${name}`);
    };
    const press = async (name: string) => {
      await tabTo(name);
      await page.keyboard.press("Enter");
    };
    await press("Make Sun a band of its own");
    const own = desk().getByRole("region", { name: "Editing band 4 of Service Desk" });
    await expect(own.getByLabel("Starts").evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await tabTo("Min");
    await page.keyboard.press("Control+a");
    await page.keyboard.type("2");
    await page.keyboard.press("Tab");
    await expect(own.innerText()).resolves.toMatch(/Band 4: Sun 12:00–16:30, min 2\./);
    await page.keyboard.press("Escape");
    await expect(focused()).resolves.toMatch(/^Service Desk Sun 12:00–16:30, min 2/);
    await page.keyboard.press("ArrowRight");
    await expect(focused()).resolves.toMatch(/^Service Desk Sun 12:30–17:00, min 2/);
    await bar("Service Desk Sat 12:00–16:30, min 1").waitFor();
    // Delete on Roving's bar removes that band.
    const roving = page.locator('fieldset.cover[data-point="campus-roving"]');
    await roving.getByRole("button", { name: "Roving Mon 12:00–16:00, min 1", exact: true }).focus();
    await page.keyboard.press("Delete");
    await expect(roving.locator(".band").count()).resolves.toBe(0);
    await shot("05-keyboard");
    await axeClean("cover timeline after keyboard edits");

    await page.getByRole("button", { name: "Save the site" }).focus();
    await page.keyboard.press("Enter");
    const banner = page.locator(".saved");
    await banner
      .getByText(
        "Service points of Campus Library & Learning Centre changed: Service Desk: cover Sat, Sun 11:00–17:00, " +
          "min 1 → Sat 12:00–16:30, min 1; added Sun 12:30–17:00, min 2; Roving: cover removed Mon–Thu " +
          "12:00–16:00, min 1",
        { exact: true },
      )
      .waitFor();
    const cover = await deskCover();
    expect(cover?.slice(2)).toEqual([
      { days: ["sat"], from: "12:00", to: "16:30", min: 1 },
      { days: ["sun"], from: "12:30", to: "17:00", min: 2 },
    ]);
    await shot("06-keyboard-saved");
    await banner.getByRole("button", { name: /^Undo/ }).focus();
    await page.keyboard.press("Enter");
    await expect
      .poll(async () => (await deskCover())?.slice(2))
      .toEqual([{ days: ["sat", "sun"], from: "11:00", to: "17:00", min: 1 }]);
    expect(errors).toEqual([]);
  });

  test("a dated exception that closes or shortens a day is said on each bar it cuts", async () => {
    await openSite();
    await page.getByText("None: every date keeps the weekly hours.").waitFor();
    await page.getByRole("button", { name: "Add an exception" }).click();
    await page.getByLabel("Date of exception 1").fill("2026-12-25");
    const friday = desk().locator('.track[data-day="fri"] ~ .lane-notes');
    await expect(friday.innerText()).resolves.toBe(
      "Band 2 on Fri 25 Dec 2026: the site is closed, so the band does not apply.",
    );
    await bar("Service Desk Fri 08:30–17:00, min 1, cut on a dated exception").waitFor();
    await page.getByRole("button", { name: "Add an exception" }).click();
    await page.getByLabel("Date of exception 2").fill("2026-12-26");
    await page.getByLabel("Opening hours of exception 2 (empty: closed)").fill("11:00-14:00");
    await page.getByLabel("Opening hours of exception 2 (empty: closed)").dispatchEvent("change");
    await expect(desk().locator('.track[data-day="sat"] ~ .lane-notes').innerText()).resolves.toBe(
      "Band 3 on Sat 26 Dec 2026: open 11:00–14:00 only, so 14:00–17:00 of the band does not apply.",
    );
    // The bar's description carries the note to a screen reader; a closed weekday is untouched.
    const saturday = bar("Service Desk Sat 11:00–17:00, min 1, cut on a dated exception");
    const described = (await saturday.getAttribute("aria-describedby"))?.split(" ") ?? [];
    await expect(
      page.evaluate((ids) => ids.map((id) => document.getElementById(id)?.textContent).join(" "), described),
    ).resolves.toMatch(/^Band 3 on Sat 26 Dec 2026: open 11:00–14:00 only/);
    await expect(desk().locator('.track[data-day="mon"] ~ .lane-notes').count()).resolves.toBe(0);
    await shot("08-exceptions");
    await axeClean("cover timeline with dated exceptions");
    expect(errors).toEqual([]);
  });

  test("at 390 px the timeline fits the screen, a finger drags a bar, and axe finds nothing serious", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openSite();
    const at = await scale();
    // A finger: touch events through the DevTools protocol, which Chromium turns into pointer events.
    const cdp = await page.context().newCDPSession(page.mainFrame());
    const touch = (type: "touchStart" | "touchMove" | "touchEnd", x: number, y: number) =>
      cdp.send("Input.dispatchTouchEvent", { type, touchPoints: type === "touchEnd" ? [] : [{ x, y }] });
    const saturday = bar("Service Desk Sat 11:00–17:00, min 1");
    await saturday.scrollIntoViewIfNeeded();
    const box = await saturday.boundingBox();
    const start = { x: (box?.x ?? 0) + (box?.width ?? 0) / 2, y: (box?.y ?? 0) + (box?.height ?? 0) / 2 };
    await touch("touchStart", start.x, start.y);
    for (let i = 1; i <= 10; i += 1) await touch("touchMove", start.x + (at.dx(60) * i) / 10, start.y);
    await touch("touchEnd", start.x + at.dx(60), start.y);
    await bar("Service Desk Sat 12:00–18:00, min 1, needs attention").waitFor();
    await expect(desk().locator('.track[data-day="sat"] ~ .lane-notes').innerText()).resolves.toBe(
      "⚠ Band 3: 17:00–18:00 is outside opening hours (11:00–17:00).",
    );
    const friday = bar("Service Desk Fri 08:30–17:00, min 1");
    await drag(await grip(friday, "end"), at.dx(-180));
    await bar("Service Desk Fri 08:30–14:00, min 1").click();
    await desk().getByRole("region", { name: "Editing band 2 of Service Desk" }).waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await shot("07-phone");
    await axeClean("cover timeline at 390 px");
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
