import { describe, expect, test } from "vitest";
import { openSignedInPage } from "./support/browser";

// Running the desk without a JSON file: the setup from an example, the people table sorted and
// filtered, a person edited (hours, availability painted) with Undo, training confirmed, the
// history restored, a spreadsheet checked and applied, a week previewed and a term planned.

const { page, server, errors, shot, axeClean, open } = openSignedInPage("setup", { fullPage: true });

/** The API as a Response, by any method: these tests read statuses and CSV too, and PUT. */
async function api(path: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method: init.method ?? "GET",
    headers: {
      authorization: `Bearer ${server.token}`,
      ...(init.body ? { "content-type": "application/json" } : {}),
    },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  });
}
const setupNow = async () =>
  (await (await api("/v1/setup")).json()) as {
    revision: number;
    setup: { people: { id: string; hours: { target: number }; training?: Record<string, string> }[] };
  };
const rows = () => page.locator("table.people tbody tr");
describe("setting up the desk", () => {
  test("starts from an example; the people table sorts and filters by role and training", async () => {
    await open("#/setup", "Set up the desk");
    await page.getByLabel("Example").selectOption("small-campus");
    await page.getByRole("button", { name: "Start from this example" }).click();
    await page.getByText("10 of 10 people shown.").waitFor();
    await page.getByRole("button", { name: "Hours / week" }).click();
    await expect(page.locator('th[aria-sort="ascending"]').textContent()).resolves.toMatch(/Hours/);
    await expect(rows().first().locator("td.num").textContent()).resolves.toBe("8");
    await page.getByLabel("Role").selectOption("student");
    await page.getByText("6 of 10 people shown.").waitFor();
    await page.getByLabel("Training").selectOption("shadowing");
    await page.getByText("2 of 10 people shown.").waitFor();
    // Training by the points' names, never a point's id or kind.
    await expect(rows().first().locator("td").nth(3).innerText()).resolves.toMatch(
      /^(Service Desk: shadowing, Roving: independent|Service Desk: independent, Roving: shadowing)$/,
    );
    await shot("01-people");
    await axeClean("people");
  });

  test(
    "edits a person: hours and availability painted with mouse and keyboard; " + "the save says what changed, Undo",
    async () => {
      await open("#/setup/people/u001", "Leila Hughes (u001)");
      await page.getByLabel("Contract (target)").fill("9");
      const monday9 = page.getByRole("button", { name: "Monday 09:00–09:30" });
      await monday9.hover();
      await page.mouse.down();
      const end = await page.getByRole("button", { name: "Monday 10:00–10:30" }).boundingBox();
      await page.mouse.move((end?.x ?? 0) + 5, (end?.y ?? 0) + 5, { steps: 8 });
      await page.mouse.up();
      await expect(page.getByRole("button", { name: "Monday 09:30–10:00" }).getAttribute("aria-pressed")).resolves.toBe(
        "true",
      );
      await monday9.focus();
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("Space");
      await expect(
        page.getByRole("button", { name: "Tuesday 09:00–09:30" }).getAttribute("aria-pressed"),
      ).resolves.toBe("true");
      await shot("02-person");
      await axeClean("person editor");
      await page.getByRole("button", { name: "Save" }).click();
      const banner = page.locator(".saved");
      await banner.getByText("Saved as revision 2").waitFor();
      // In the words the editor uses, never a field name of the format.
      const said = banner.getByRole("listitem");
      await expect(said.allInnerTexts()).resolves.toEqual([
        expect.stringMatching(
          /^Leila Hughes: hours changed \(contract 8 → 9\), availability changed \(Mon [^()]*; Tue [^()]*\)$/,
        ),
      ]);
      const edited = (await setupNow()).setup.people.find((p) => p.id === "u001");
      expect(edited?.hours.target).toBe(9);
      await shot("03-saved");
      await axeClean("saved banner");
      await banner.getByRole("button", { name: "Undo (restore revision 1)" }).click();
      await page.getByText("Revision 3 ·", { exact: false }).waitFor();
      expect((await setupNow()).setup.people.find((p) => p.id === "u001")?.hours.target).toBe(8);
    },
  );

  test("preferences and stint limits are edited and saved with the person", async () => {
    await open("#/setup/people/u002", /\(u002\)$/);
    await page.getByRole("button", { name: "Add a preference" }).click();
    const who = (await page.locator("h1").textContent())?.replace(/ \(u002\)$/, "");
    const pref = (what: string) => page.getByLabel(`${what}, preference 1 of ${who}`, { exact: true });
    await pref("sat").uncheck();
    await pref("sun").uncheck();
    await pref("fri").check();
    await pref("From").fill("17:00");
    await pref("To").fill("20:00");
    await pref("Weight").fill("-8");
    await page.getByText("would rather not work them").waitFor();
    await page.getByLabel("Most stints a day").fill("2");
    await shot("03b-preferences");
    await axeClean("preferences");
    await page.getByRole("button", { name: "Save" }).click();
    await page
      .locator(".saved")
      .getByText(
        "Rhys Khan: stints changed (most stints a day 1 → 2), preferences changed (Fri 17:00–20:00 avoided (-8) added)",
        { exact: true },
      )
      .waitFor();
    const saved = (await setupNow()).setup.people.find((p) => p.id === "u002") as unknown as {
      preferences: unknown[];
      shifts: unknown;
    };
    expect(saved.preferences).toEqual([{ days: ["fri"], from: "17:00", to: "20:00", weight: -8 }]);
    expect(saved.shifts).toMatchObject({ maxPerDay: 2 });
  });

  test("'confirm as independent' only where the carry-over proposes it; elsewhere the hours so far", async () => {
    await open("#/setup/people/u005", "Maria Khan (u005)");
    await page.getByText("0 h shadowed of 6 h in the weeks published before").waitFor();
    await expect(page.getByRole("button", { name: /Confirm as independent/ }).count()).resolves.toBe(0);
    // A low threshold and one published week in which Maria shadows: the carry-over proposes her.
    const { setup } = (await (await api("/v1/setup")).json()) as { setup: Record<string, unknown> };
    await api("/v1/setup?note=threshold", {
      method: "PUT",
      body: { ...setup, training: { byPoint: { "campus-helpdesk": 0.5 } } },
    });
    const week = (await (
      await api("/v1/weeks/2026-11-16/rotas?wait=true&workBudget=100&seed=1", { method: "POST" })
    ).json()) as { id: string; version: number };
    expect(
      (await api(`/v1/rotas/${week.id}/publish`, { method: "POST", body: { version: week.version } })).status,
    ).toBe(200);
    await open("#/setup/people/u005", "Maria Khan (u005)");
    await page
      .getByText(/ h shadowed of 0.5 h in the weeks published before .*: proposed for independent work/)
      .waitFor();
    await shot("03c-proposed");
    await page.getByRole("button", { name: "Confirm as independent on Service Desk" }).click();
    await page
      .locator(".saved")
      .getByText(/^Maria Khan: training changed \(Service Desk shadowing → independent\)$/)
      .waitFor();
    const maria = (await setupNow()).setup.people.find((p) => p.id === "u005");
    // The point's id wins over its kind ("helpdesk": shadowing stays for other help desks).
    expect(maria?.training?.["campus-helpdesk"]).toBe("independent");
  });

  test("adds and removes a person; the history restores any revision", async () => {
    await open("#/setup/people/new", "Add a person");
    await page.locator("#person-id").fill("u099");
    await page.getByLabel("Name", { exact: true }).fill("Sam Okafor");
    await page.getByRole("button", { name: "Add this person" }).click();
    await page.locator(".saved").getByText("Added Sam Okafor", { exact: true }).waitFor();
    await page.getByRole("button", { name: "Remove Sam Okafor (u099)" }).click();
    await page.locator(".saved").getByText("Removed Sam Okafor", { exact: true }).waitFor();
    await page.getByText("History of the setup").click();
    // Each revision says what made it and what it changed, in words.
    await expect(page.locator(".history > li").first().innerText()).resolves.toMatch(
      /^Revision \d+ \(a person changed, .*“removed Sam Okafor”\)\s+Removed Sam Okafor\b/,
    );
    // The threshold saved by the test before, in the point's name rather than the setup's JSON.
    await page.getByText("Shadowing hours before independent work: Service Desk none → 0.5 h").waitFor();
    await expect(page.locator("h1 + .hint").innerText()).resolves.toMatch(
      /^Revision \d+ · 1 site · 10 people · times in America\/Toronto$/,
    );
    await shot("04-history");
    await axeClean("setup history");
    const before = (await setupNow()).revision;
    await page.getByRole("button", { name: `Restore revision ${before - 1}`, exact: true }).click();
    await page.getByText(`Revision ${before + 1} ·`, { exact: false }).waitFor();
    // The banner follows: the restore is the revision just saved, with its change and its own Undo.
    const banner = page.locator(".saved");
    await banner.getByText(`Saved as revision ${before + 1}`).waitFor();
    await expect(banner.getByRole("listitem").allInnerTexts()).resolves.toEqual(["Added Sam Okafor"]);
    await banner.getByRole("button", { name: `Undo (restore revision ${before})` }).waitFor();
    expect((await setupNow()).setup.people.some((p) => p.id === "u099")).toBe(true);
    await shot("04-restored");
  });

  test("imports a spreadsheet: the dry run shows each change and problem, then applies", async () => {
    const csv = await (await api("/v1/setup/people.csv")).text();
    const lines = csv.split(/\r?\n/);
    const header = (lines[0] as string).replace(/^\uFEFF/, "").split(",");
    const target = header.findIndex((h) => /target|contract/i.test(h));
    const at = lines.findIndex((l) => l.startsWith("s001,"));
    const cells = (lines[at] as string).split(",");
    cells[target] = "21";
    lines[at] = cells.join(",");
    await open("#/setup/import", "Import people from a spreadsheet");
    await page.getByLabel(/A people sheet/).setInputFiles({
      name: "people.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(lines.join("\n")),
    });
    await page.getByRole("button", { name: "Check the sheet" }).click();
    await page.getByText(/0 added, 1 changed, 0 removed, 0 problems/).waitFor();
    await expect(page.locator(".sheet-changes").textContent()).resolves.toMatch(
      /^Chen Mensah \(s001\): Hours target 20 → 21$/,
    );
    await shot("05-dry-run");
    await axeClean("import");
    await page.getByRole("button", { name: "Apply these changes" }).click();
    await page
      .locator(".saved")
      .getByText(/^Chen Mensah: hours changed \(contract 20 → 21\)$/)
      .waitFor();
    expect((await setupNow()).setup.people.find((p) => p.id === "s001")?.hours.target).toBe(21);

    await open("#/setup/import", "Import people from a spreadsheet");
    const broken = [lines[0], `${(lines[at] as string).replace(",21,", ",lots,")}`].join("\n");
    await page
      .getByLabel(/A people sheet/)
      .setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(broken) });
    await page.getByRole("button", { name: "Check the sheet" }).click();
    await page
      .locator(".issues li")
      .first()
      .getByText(/^Row \d+, column /)
      .waitFor();
    await expect(page.getByRole("button", { name: "Fix the problems to apply" }).isDisabled()).resolves.toBe(true);
    await shot("06-sheet-problems");
  });
});

describe("sites", () => {
  test("opening hours, a dated exception and cover bands edited on a day timeline", async () => {
    await open("#/setup", "Set up the desk");
    await page.getByRole("link", { name: "Campus Library & Learning Centre" }).click();
    await page.getByRole("heading", { level: 1, name: "Campus Library & Learning Centre" }).waitFor();
    await page.getByLabel("Saturday", { exact: true }).fill("10:00-16:00");
    await page.getByRole("button", { name: "Add an exception" }).click();
    await page.getByLabel("Date of exception 1").fill("2026-12-25");
    const desk = page.locator('fieldset.cover[data-point="campus-helpdesk"]');
    await desk.getByLabel("min people, band 1 of Service Desk").fill("2");
    await desk.getByLabel("min people, band 1 of Service Desk").dispatchEvent("change");
    await expect(desk.locator(".lane .band .band-text").first().textContent()).resolves.toBe("2");
    // The hour scale: a bar starts under the tick of its band's start, and follows an edit.
    const from = desk.getByLabel("From, band 1 of Service Desk");
    const startTick = async () => {
      const hour = Number((await from.inputValue()).slice(0, 2)) * 60;
      return desk.locator(`.hour-scale .tick[data-minutes="${hour}"]`).boundingBox();
    };
    const bar = desk.locator(".lane .band").first();
    await expect(desk.locator(".hour-scale .tick.labelled").first().textContent()).resolves.toMatch(/^\d\d:00$/);
    for (const at of ["10:00", "11:00"]) {
      await from.fill(at);
      await from.dispatchEvent("change");
      expect([at, Math.abs(((await bar.boundingBox())?.x ?? 0) - ((await startTick())?.x ?? -99)) < 2]).toEqual([
        at,
        true,
      ]);
    }
    expect(Math.abs(((await bar.boundingBox())?.x ?? 0) - ((await startTick())?.x ?? -99))).toBeLessThan(2);
    await shot("07-site");
    await axeClean("site editor");
    await page.getByRole("button", { name: "Save the site" }).click();
    // The banner is drawn whole: once its first line is there, all are.
    await page.locator(".saved li").first().waitFor();
    await expect(page.locator(".saved li").allInnerTexts()).resolves.toEqual([
      expect.stringMatching(/^Opening hours of Campus Library & Learning Centre changed: Sat .*→ 10:00–16:00$/),
      "Dated exceptions of Campus Library & Learning Centre changed: Fri 25 Dec 2026 closed added",
      expect.stringMatching(/^Service points of Campus Library & Learning Centre changed: Service Desk: cover .*min 2/),
    ]);
    const site = ((await (await api("/v1/setup")).json()) as { setup: { sites: Record<string, unknown>[] } }).setup
      .sites[0] as {
      open: Record<string, string[][]>;
      exceptions: { date: string; open: unknown[] }[];
      servicePoints: { cover: { min: number }[] }[];
    };
    expect(site.open.sat).toEqual([["10:00", "16:00"]]);
    expect(site.exceptions).toEqual([{ date: "2026-12-25", open: [] }]);
    expect(site.servicePoints[0]?.cover[0]).toMatchObject({ min: 2, from: "11:00" });
  });

  test("a site is added with a service point, then removed, saying first what removing does", async () => {
    await open("#/setup", "Set up the desk");
    await page.getByRole("link", { name: "Add a site" }).click();
    await page.getByRole("heading", { level: 1, name: "Add a site" }).waitFor();
    await page.getByLabel("Id", { exact: true }).fill("branch");
    await page.getByLabel("Name", { exact: true }).fill("Branch Library");
    await page.getByLabel("Id of service point 1").fill("branch-desk");
    await shot("07b-new-site");
    await axeClean("new site");
    await page.getByRole("button", { name: "Add this site" }).click();
    await page.locator(".saved").getByText("Site Branch Library added", { exact: true }).waitFor();
    const sites = async () =>
      (
        (await (await api("/v1/setup")).json()) as {
          setup: { sites: { id: string; servicePoints: { id: string }[] }[] };
        }
      ).setup.sites;
    expect((await sites()).find((s) => s.id === "branch")?.servicePoints.map((p) => p.id)).toEqual(["branch-desk"]);
    await page.getByRole("button", { name: "Remove Branch Library" }).click();
    const notice = page.getByRole("region", { name: "Removing Branch Library" });
    await expect(notice.innerText()).resolves.toMatch(/published ones stay readable[\s\S]*Nobody works there any more/);
    expect((await sites()).some((s) => s.id === "branch")).toBe(true);
    await shot("07c-remove-site");
    await axeClean("removing a site");
    await notice.getByRole("button", { name: "Remove Branch Library now" }).click();
    await page.locator(".saved").getByText("Site Branch Library removed", { exact: true }).waitFor();
    expect((await sites()).some((s) => s.id === "branch")).toBe(false);
  });

  test("a service point is added and another removed, with what removing does said before saving", async () => {
    await open("#/setup/sites/campus", "Campus Library & Learning Centre");
    await page.getByRole("button", { name: "Add a service point" }).click();
    await page.getByLabel("Id of service point 3").fill("campus-chat");
    await page.getByLabel("Name of service point 3").fill("Chat");
    await page.getByLabel("Kind of service point 3 (e.g. helpdesk)").fill("chat");
    await page.getByRole("button", { name: "Add a band to service point 3" }).click();
    const roving = page.getByRole("region", { name: /^Service point Roving/ });
    await roving.getByRole("button", { name: /^Remove service point/ }).click();
    await page.getByText(/^Saving removes Roving.*published ones stay readable/).waitFor();
    // Everyone's "roving" training names no point once it is gone: said first, dropped with it.
    await page.getByText(/Training records on it go too .*Leila Hughes \(u001\)/).waitFor();
    await shot("07d-points");
    await page.getByRole("button", { name: "Save the site" }).click();
    await page
      .locator(".saved")
      .getByText(/^Service points of Campus Library & Learning Centre changed: Chat added; Roving removed$/)
      .waitFor();
    const campus = (
      (await (await api("/v1/setup")).json()) as {
        setup: { sites: { id: string; servicePoints: { id: string; cover: unknown[] }[] }[] };
      }
    ).setup.sites.find((s) => s.id === "campus");
    expect(campus?.servicePoints.map((p) => p.id)).toEqual(["campus-helpdesk", "campus-chat"]);
    expect(campus?.servicePoints[1]?.cover).toHaveLength(1);
    await page.locator(".saved").getByRole("button", { name: /^Undo/ }).click();
    await page.getByText(/^Revision \d+ ·/).waitFor();
    const undone = (
      (await (await api("/v1/setup")).json()) as { setup: { sites: { servicePoints: { id: string }[] }[] } }
    ).setup.sites[0];
    expect(undone?.servicePoints.map((p) => p.id)).toEqual(["campus-helpdesk", "campus-roving"]);
  });
});

describe("planning", () => {
  test("a week's problem before solving: who is away, each exception and the bands it cuts", async () => {
    const { setup } = (await (await api("/v1/setup")).json()) as {
      setup: { sites: { id: string; exceptions?: unknown[] }[] };
    };
    const campus = setup.sites.find((s) => s.id === "campus") as { exceptions?: unknown[] };
    campus.exceptions = [
      { date: "2026-11-27", open: [], note: "staff training" },
      { date: "2026-11-28", open: [["11:00", "14:00"]] },
    ];
    expect((await api("/v1/setup?note=exceptions", { method: "PUT", body: setup })).status).toBe(200);
    const res = await api("/v1/setup/absences", {
      method: "POST",
      body: {
        entries: [
          { kind: "absence", person: "s002", from: "2026-11-24T13:00", to: "2026-11-24T21:00", reason: "course" },
        ],
      },
    });
    expect(res.status).toBe(201);
    await open("#/plan?week=2026-11-23", "Plan a week or a term");
    await page.getByRole("button", { name: "Show the problem it would build" }).click();
    await page.getByText("Mei Jones: Tue 24 Nov 2026 13:00–21:00 (course)").waitFor();
    await page.getByText("The week of Mon 23 Nov 2026, as it would be built").waitFor();
    // The carry-over's proposals name the point as the coordinator does, not by its id.
    await expect(page.getByText(/^Each person's hours target/).innerText()).resolves.toMatch(
      /Proposed for independent work: Maria Khan on Service Desk, Fatima Kim on Service Desk\.$/,
    );
    const exceptions = page.locator("h3:text('Site exceptions') + ul > li");
    await expect(exceptions.allInnerTexts()).resolves.toEqual([
      "Campus Library & Learning Centre on Fri 27 Nov 2026: closed (staff training). Bands it cuts: " +
        "Service Desk Fri 08:30–17:00, min 1 (all of it).",
      "Campus Library & Learning Centre on Sat 28 Nov 2026: open 11:00–14:00 only. Bands it cuts: " +
        "Service Desk Sat 11:00–17:00, min 1 (14:00–17:00 of it).",
    ]);
    await shot("07-week");
    await axeClean("week preview");
  });

  test("a term: weeks with status and gaps, hours against contract as a chart", { timeout: 120_000 }, async () => {
    await page.getByLabel("First week (a Monday)").fill("2027-01-04");
    await page.getByLabel("Weeks").fill("1");
    await page.getByRole("button", { name: "Plan the term" }).click();
    await page.waitForURL(/#\/plan\?plan=plan_/);
    await page.locator("table.term tbody tr").first().waitFor();
    // A term on a work budget (the form's time limit per week is at the mercy of a shared machine).
    const res = await api("/v1/plans?workBudget=60&seed=1&name=term", {
      method: "POST",
      body: { from: "2026-11-30", weeks: 2 },
    });
    const plan = (await res.json()) as { id: string };
    await open(`#/plan?plan=${plan.id}`, "Plan a week or a term");
    await page.locator(".chart canvas").waitFor({ timeout: 90_000 });
    await expect(page.locator("table.term tbody tr td:nth-child(2)").allTextContents()).resolves.toEqual([
      "done",
      "done",
    ]);
    await page.getByLabel("Person").selectOption("s001");
    await page.getByRole("table", { name: /Chen Mensah: hours worked against contract/ }).waitFor();
    await expect(page.getByText(/Unsocial hours over the term: least/).count()).resolves.toBe(1);
    await shot("08-term");
    await axeClean("term");
    // One week solved again on its own: its row follows the new rota's status until it is done.
    const row = page.locator('table.term tr[data-week="2026-12-07"]');
    const before = await row.getByRole("link", { name: "Open" }).getAttribute("href");
    await page.getByLabel("Seconds per week").fill("1");
    await page.getByRole("button", { name: "Re-solve the week of 2026-12-07" }).click();
    // Read in one go: the table is redrawn on every poll, and two separate reads can straddle a
    // redraw (the old row's "done" with the new row's link, whose button is still disabled).
    await expect
      .poll(
        () =>
          row.evaluate((tr) => [
            tr.querySelector("td")?.textContent,
            tr.querySelector("a")?.getAttribute("href"),
            (tr.querySelector("button") as HTMLButtonElement | null)?.disabled,
          ]),
        { timeout: 60_000 },
      )
      .toEqual(["done", expect.not.stringMatching(before as string), false]);
    await shot("09-term-week-resolved");
    expect(errors).toEqual([]);
  });
});
