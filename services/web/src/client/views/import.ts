import { download, getJson, sendFile } from "../api";
import { focusHeading, h, render } from "../dom";
import type { View } from "../main";
import type { SetupView } from "../types";
import { failureBlock } from "./failure";

// The people from a spreadsheet: upload, see the dry run (rows added, changed field by field,
// removed, and every problem at its row and column), then apply or cancel. Download the people as
// CSV or XLSX to edit them in a spreadsheet.

interface DryRun {
  revision: number | null;
  added: string[];
  changed: { id: string; fields: { field: string; before: unknown; after: unknown }[] }[];
  removed: string[];
  issues: { row: number; column: string; message: string }[];
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const typeOf = (file: File) => (/\.xlsx$/i.test(file.name) ? XLSX : "text/csv");
const text = (v: unknown) => (v === undefined || v === null || v === "" ? "(empty)" : String(v));

/** "Chen Mensah (s001)": the sheet is keyed by id, the coordinator knows the name; someone new by id. */
function whoIs(setup: SetupView["setup"]): (id: string) => string {
  const names = new Map(setup.people.map((p) => [p.id, `${p.name} (${p.id})`]));
  return (id) => names.get(id) ?? id;
}

function report(run: DryRun, who: (id: string) => string): HTMLElement {
  return h(
    "section",
    { class: "card", "aria-labelledby": "dry-run-title" },
    h("h2", { id: "dry-run-title" }, "What the sheet would change"),
    h(
      "p",
      {},
      `${run.added.length} added, ${run.changed.length} changed, ${run.removed.length} ` +
        `removed, ${run.issues.length} problems.`,
    ),
    run.issues.length > 0 &&
      h(
        "ul",
        { class: "issues error" },
        run.issues.map((i) => h("li", {}, `Row ${i.row}, column ${i.column}: ${i.message}`)),
      ),
    run.added.length > 0 && h("p", {}, h("strong", {}, "Added: "), run.added.join(", ")),
    run.changed.length > 0 &&
      h(
        "ul",
        { class: "sheet-changes" },
        run.changed.map((c) =>
          h(
            "li",
            {},
            h("strong", {}, who(c.id)),
            ": ",
            c.fields.map((f) => `${f.field} ${text(f.before)} → ${text(f.after)}`).join("; "),
          ),
        ),
      ),
    run.removed.length > 0 && h("p", {}, h("strong", {}, "Removed: "), run.removed.map(who).join(", ")),
  );
}

export const importView: View = (main) => {
  const file = h("input", { id: "sheet-file", type: "file", accept: `.csv,.xlsx,text/csv,${XLSX}` });
  const result = h("div", {});
  const downloads = h("span", { role: "status", class: "hint" });
  const apply = async (chosen: File) => {
    try {
      const done = await sendFile<DryRun>(
        `/v1/setup/people?note=${encodeURIComponent(`imported ${chosen.name}`)}`,
        chosen,
        typeOf(chosen),
      );
      location.hash = `#/setup?saved=${done.revision}`;
    } catch (error) {
      render(result, failureBlock("The sheet was not applied", error));
    }
  };
  const check = async (event: Event) => {
    event.preventDefault();
    const chosen = file.files?.[0];
    if (!chosen) return render(result, h("p", { class: "error", role: "alert" }, "Choose a CSV or XLSX file first."));
    render(result, h("p", { role: "status" }, "Reading the sheet…"));
    try {
      const run = await sendFile<DryRun>("/v1/setup/people?dryRun=true", chosen, typeOf(chosen));
      const { setup } = await getJson<SetupView>("/v1/setup");
      render(
        result,
        report(run, whoIs(setup)),
        h(
          "div",
          { class: "actions" },
          h(
            "button",
            { type: "button", class: "primary", disabled: run.issues.length > 0, onclick: () => void apply(chosen) },
            run.issues.length ? "Fix the problems to apply" : "Apply these changes",
          ),
          h("button", { type: "button", onclick: () => render(result) }, "Cancel"),
        ),
      );
    } catch (error) {
      render(result, failureBlock("The sheet could not be read", error));
    }
  };
  const get = (kind: "csv" | "xlsx") => async () => {
    try {
      downloads.textContent = `Downloaded ${await download(`/v1/setup/people.${kind}`, `people.${kind}`)}.`;
    } catch (error) {
      render(downloads, failureBlock("Could not download", error));
    }
  };
  render(
    main,
    h("p", {}, h("a", { href: "#/setup" }, "Back to the setup")),
    h("h1", {}, "Import people from a spreadsheet"),
    h(
      "div",
      { class: "toolbar" },
      h("button", { type: "button", onclick: get("csv") }, "Download the people (CSV)"),
      h("button", { type: "button", onclick: get("xlsx") }, "Download the people (XLSX)"),
      downloads,
    ),
    h(
      "form",
      { class: "card form", onsubmit: check },
      h(
        "div",
        { class: "field" },
        h("label", { for: "sheet-file" }, "A people sheet (CSV or XLSX, as downloaded)"),
        file,
        h("p", { class: "hint" }, "The sheet replaces the people: rows added, changed, and people left out removed."),
      ),
      h("button", { type: "submit", class: "primary" }, "Check the sheet"),
    ),
    result,
  );
  focusHeading(main);
};
