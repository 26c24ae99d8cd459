import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { openSignedInPage } from "./support/browser";

// Editing a rota by hand in the browser: a cell to the edit form with E, the checker's verdict
// before applying, a refusal in words, a pin kept by a re-solve, undo to an earlier version, the
// published version named before an edit, and every site's week at a glance with a person search.

const small = JSON.parse(readFileSync(new URL("../../../docs/examples/small-campus.json", import.meta.url), "utf8"));

const SUNDAY_BEFORE = "2026-11-22T12:00:00.000Z";

let rotaId: string;
// The browser's clock is the page's `now`: the Sunday before the week, so nothing is frozen yet.
const { page, errors, api, shot, axeClean, open } = openSignedInPage("edit", {
  clock: SUNDAY_BEFORE,
  prepare: async (api) => {
    rotaId = (await api<{ id: string }>("/v1/rotas?wait=true&workBudget=100&seed=1&name=by%20hand", small)).id;
  },
});
const verdict = () => page.locator("#edit-verdict");
const applied = async (n: number) => {
  await page.waitForURL(new RegExp(`/v/${n}(\\?|$)`));
  await page.locator(`#version option[value="${n}"]:checked`).waitFor({ state: "attached" });
};

describe("editing a rota by hand, and undo", () => {
  test("E on a cell fills the edit form; the verdict shows before applying; the edit is the next version", async () => {
    await open(`#/rotas/${rotaId}`, "by hand");
    const cell = page.locator("table.grid td:has(a.who)").first();
    const who = (await cell.locator("a.who").first().textContent()) as string;
    await cell.focus();
    await page.keyboard.press("e");
    await expect(page.locator("#edit-action").inputValue()).resolves.toBe("remove");
    await verdict().getByText("Allowed: no hard rule is broken.").waitFor();
    await expect(verdict().innerText()).resolves.toMatch(new RegExp(`${who}: no longer on`));
    await page.locator("#edit-card").scrollIntoViewIfNeeded();
    await shot("01-verdict");
    await axeClean("edit form");
    await page.getByRole("button", { name: "Apply the edit" }).click();
    await applied(2);
    await page.getByRole("heading", { name: /^Changes from v1: 1 change$/ }).waitFor();
    await expect(page.locator("#version option:checked").textContent()).resolves.toBe("v2: edited by hand");
  });

  test("putting someone in when they are not available is refused, with the rule in words", async () => {
    await page.locator("#edit-card summary").click();
    await page.locator("#edit-action").selectOption("add");
    await page.locator("#edit-person").selectOption("s002");
    await page.locator("#edit-point").selectOption("campus-helpdesk");
    await page.locator("#edit-from").fill("2026-11-23T09:00");
    await page.locator("#edit-to").fill("2026-11-23T11:00");
    await page.locator("#edit-to").dispatchEvent("change");
    const refusal = verdict().getByRole("alert");
    await refusal.getByText("Refused: it would break a hard rule.").waitFor();
    await expect(refusal.innerText()).resolves.toMatch(
      /Mei Jones is on Service Desk from Monday 23 November 09:00 but is not available/,
    );
    await expect(page.getByRole("button", { name: "Apply the edit" }).isDisabled()).resolves.toBe(true);
    await page.locator("#edit-card").scrollIntoViewIfNeeded();
    await shot("02-refused");
  });

  test("a pinned stint is kept when the week is re-solved around it", async () => {
    const { rota } = await api<{ rota: { assignments: { person: string; point: string; start: string }[] } }>(
      `/v1/rotas/${rotaId}/versions/2`,
    );
    const keep = rota.assignments[0] as { person: string; point: string; start: string };
    await page.locator("#edit-action").selectOption("pin");
    await page.locator("#edit-person").selectOption(keep.person);
    await page.locator("#edit-person").dispatchEvent("change");
    await verdict().getByText("Allowed: no hard rule is broken.").waitFor();
    await page.getByRole("button", { name: "Apply the edit" }).click();
    await applied(3);
    await page.locator("#edit-card summary").click();
    const asked = page.waitForRequest((r) => r.url().endsWith("/resolve"));
    await page.getByRole("button", { name: "Re-solve around my edits (keeps 1 pinned stint)" }).click();
    expect((await asked).postDataJSON()).toEqual({ basedOn: 3, now: SUNDAY_BEFORE });
    await applied(4);
    const after = await api<{
      minimalReason: string;
      diff: { changes: number };
      rota: { assignments: { person: string; point: string; start: string }[] };
    }>(`/v1/rotas/${rotaId}/versions/4`);
    expect(after.rota.assignments.some((a) => a.person === keep.person && a.point === keep.point)).toBe(true);
    // A repair around the edits, not a new week: v3 keeps its pin already, and v2 took one stint
    // out, so at most that gap is filled (a new solve moves dozens of stints).
    expect(after.minimalReason).toMatch(/^re-solved around 1 pinned stint, all kept: /);
    expect(after.diff.changes).toBeLessThanOrEqual(1);
    await shot("03-resolved-around-pins");
  });

  test("undo: an earlier version restored as the latest, saying so first", async () => {
    await open(`#/rotas/${rotaId}/v/1`, "by hand");
    const card = page.getByRole("region", { name: "Undo" });
    await expect(card.innerText()).resolves.toMatch(/Restoring makes v5, equal to this v1/);
    await axeClean("restore");
    await shot("04-restore");
    await card.getByRole("button", { name: "Restore v1 as the latest" }).click();
    await applied(5);
    await expect(page.locator("#version option:checked").textContent()).resolves.toBe("v5: restores v1");
    const [v1, v5] = await Promise.all(
      [1, 5].map((n) => api<{ rota: { assignments: unknown[] } }>(`/v1/rotas/${rotaId}/versions/${n}`)),
    );
    expect(v5?.rota.assignments).toEqual(v1?.rota.assignments);
  });

  test("an edit of the published version says so before it is applied", async () => {
    await api(`/v1/rotas/${rotaId}/publish`, { version: 5 });
    await open(`#/rotas/${rotaId}/v/5`, "by hand");
    const cell = page.locator("table.grid td:has(a.who)").first();
    await cell.focus();
    await page.keyboard.press("e");
    await verdict().getByText("v5 is the published version: this edit makes v6 from it.").waitFor();
    await shot("05-published-warning");
  });

  test("every site at a glance, and a search that finds anyone's week", async () => {
    await page.getByRole("link", { name: "All sites at a glance" }).click();
    await page.getByRole("heading", { level: 1, name: "All sites: by hand" }).waitFor();
    const row = page.locator("table.overview tbody tr").first();
    await expect(row.locator("td").count()).resolves.toBe(7);
    await page.getByLabel("Name, id, site or role").fill("student hughes");
    const found = page.locator(".people-found a");
    await expect(found.allTextContents()).resolves.toEqual(["Leila Hughes", "Niamh Hughes"]);
    await shot("06-overview");
    await axeClean("overview");
    await found.first().click();
    await page.getByRole("heading", { level: 1, name: "Leila Hughes" }).waitFor();
    expect(errors).toEqual([]);
  });
});
