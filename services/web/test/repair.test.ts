import { describe, expect, test } from "vitest";
import { openSignedInPage } from "./support/browser";

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

let rotaId: string;
const {
  page,
  errors,
  api,
  shot,
  axeClean,
  open: openView,
} = openSignedInPage("repair", {
  clock: SUNDAY_BEFORE,
  fullPage: true,
  prepare: async (api) => {
    rotaId = (await api<{ id: string }>("/v1/rotas?wait=true&workBudget=100&seed=1&name=repairs", problem)).id;
  },
});
const versionCount = async () => (await api<{ versions: unknown[] }>(`/v1/rotas/${rotaId}/versions`)).versions.length;
const open = (hash: string) => openView(hash, "repairs");

describe("repairs from the page", () => {
  test("a full repair that costs more: both repairs with their trade-off, the coordinator picks", async () => {
    await open(`#/rotas/${rotaId}`);
    await page.getByText("Record an absence").click();
    await page.locator("#absence-person").selectOption("bob");
    await expect(page.getByLabel("Keep everything before").inputValue()).resolves.toBe("2026-11-22T12:00");
    await page.getByLabel("From", { exact: true }).fill("2026-11-23T13:00");
    await page.getByLabel("To", { exact: true }).fill("2026-11-23T17:00");
    await page.getByLabel("Reason (optional)").fill("sick");
    const preview = page.waitForResponse((r) => r.url().includes("dryRun=true"));
    await page.getByRole("button", { name: "Record and re-solve" }).click();
    const choice = page.getByRole("region", { name: "Two ways to repair: pick one" });
    await choice.waitFor();
    const texts = await choice.locator("li.repair-option").allInnerTexts();
    expect(texts).toEqual([
      expect.stringMatching(/^Fill everything it opens\n+Fills everything: \d+ (person|people), [\d.]+ h changed\./),
      expect.stringMatching(/^Change less, leave some open\n+Leaves Desk Mon 23 Nov 13:00–17:00 open.*changed\./),
    ]);
    // Each option says whether its number of changes is proven the fewest, as the answer says and no
    // more: the smaller repair leaves open what a fuller one might do with fewer, so it is never proven.
    const { options } = (await (await preview).json()) as { options: { minimal: boolean; minimalReason: string }[] };
    const proofWords = (minimal: boolean) =>
      minimal ? "Proven the fewest changes for this cover." : "The fewest found; not proven.";
    expect(
      texts.map((text) => text.split("\n").filter((line) => /^(Proven the fewest|The fewest found|Why: )/.test(line))),
    ).toEqual(options.map((o) => [proofWords(o.minimal), `Why: ${o.minimalReason}.`]));
    expect(options[1]?.minimal).toBe(false);
    expect(await versionCount()).toBe(1);
    await shot("01-two-repairs");
    await axeClean("repair options");
    await page.setViewportSize({ width: 390, height: 844 });
    await shot("01-two-repairs-390");
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
    await axeClean("repair options at 390 px");
    await page.setViewportSize({ width: 1280, height: 900 });
    const recorded = page.waitForRequest((r) => r.method() === "POST" && /\/changes\?/.test(r.url()));
    await choice.getByRole("button", { name: "Record: change less, leave some open" }).click();
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
