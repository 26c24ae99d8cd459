import { getJson, sendJson } from "../api";
import { announce, h, render } from "../dom";
import type { SetupRevision } from "../types";
import { failureBlock } from "./failure";

// Every save of the setup is a revision: what it changed is said at once, with an Undo (restoring
// the revision before it, itself a new revision), and the whole history is listed, each restorable.

/** What made a revision, as the history says it. */
const MADE_BY: Record<SetupRevision["kind"], string> = {
  put: "the whole setup saved",
  person: "a person changed",
  site: "a site changed",
  import: "a spreadsheet imported",
  training: "training confirmed",
  restore: "an earlier revision restored",
};

/** The revision's change as the API words it (the core's setupChangeWords): one line per site, person or setting. */
function changeList(r: SetupRevision): HTMLElement {
  const words = r.changes.words.length ? r.changes.words : ["Nothing changed."];
  return h("ul", { class: "change-words" }, ...words.map((w) => h("li", {}, w)));
}

/** Restores revision n as a new one, whose change (and Undo) the banner then shows, as after any save. */
async function restore(n: number, note: string, status: HTMLElement): Promise<void> {
  try {
    const made = await sendJson<SetupRevision>(
      "POST",
      `/v1/setup/revisions/${n}/restore?note=${encodeURIComponent(note)}`,
    );
    announce(`Restored revision ${n} as revision ${made.revision}.`);
    location.hash = `#/setup?saved=${made.revision}`;
  } catch (error) {
    render(status, failureBlock("Could not restore", error));
  }
}

/** "Saved: …" with Undo, for the revision a save just made. */
export function savedBanner(saved: SetupRevision): HTMLElement {
  const status = h("div", {});
  return h(
    "div",
    { class: "notice saved", role: "status" },
    h("strong", {}, `Saved as revision ${saved.revision}`),
    saved.note && h("span", { class: "note" }, ` “${saved.note}”`),
    changeList(saved),
    saved.revision > 1 &&
      h(
        "button",
        {
          type: "button",
          onclick: () => void restore(saved.revision - 1, `undo of revision ${saved.revision}`, status),
        },
        `Undo (restore revision ${saved.revision - 1})`,
      ),
    status,
  );
}

/** The history, newest first, each revision restorable. */
export function historyList(current: number): HTMLElement {
  const list = h("ol", { class: "history", reversed: true });
  const status = h("div", {});
  const root = h("details", { class: "card" }, h("summary", {}, "History of the setup"), list, status);
  root.addEventListener("toggle", async () => {
    if (!root.open || list.childElementCount) return;
    const { revisions } = await getJson<{ revisions: SetupRevision[] }>("/v1/setup/revisions");
    render(
      list,
      revisions.map((r) =>
        h(
          "li",
          {},
          h("strong", {}, `Revision ${r.revision}`),
          ` (${MADE_BY[r.kind]}, ${new Date(r.createdAt).toLocaleString("en-GB")}${r.note ? `, “${r.note}”` : ""})`,
          changeList(r),
          r.revision !== current &&
            h(
              "button",
              {
                type: "button",
                class: "link",
                onclick: () => void restore(r.revision, `restored from the history`, status),
              },
              ` Restore revision ${r.revision}`,
            ),
        ),
      ),
    );
  });
  return root;
}
