import { getJson, sendJson } from "../api";
import { announce, h, render } from "../dom";
import type { SetupRevision } from "../types";
import { failureBlock } from "./failure";

// Every save of the setup is a revision: what it changed is said at once, with an Undo (restoring
// the revision before it, itself a new revision), and the whole history is listed, each restorable.

export function changeWords(r: SetupRevision, name: (id: string) => string): string {
  const parts: string[] = [];
  const { people, sites, settings } = r.changes;
  if (people.added.length) parts.push(`added ${people.added.map(name).join(", ")}`);
  for (const c of people.changed) parts.push(`${name(c.id)}: ${c.fields.join(", ")} changed`);
  if (people.removed.length) parts.push(`removed ${people.removed.map(name).join(", ")}`);
  if (sites.added.length) parts.push(`site added: ${sites.added.join(", ")}`);
  for (const c of sites.changed) parts.push(`site ${c.id}: ${c.fields.join(", ")} changed`);
  if (sites.removed.length) parts.push(`site removed: ${sites.removed.join(", ")}`);
  if (settings.length) parts.push(`${settings.join(", ")} changed`);
  return parts.join("; ") || "nothing changed";
}

async function restore(n: number, note: string, done: () => void, status: HTMLElement): Promise<void> {
  try {
    const made = await sendJson<SetupRevision>(
      "POST",
      `/v1/setup/revisions/${n}/restore?note=${encodeURIComponent(note)}`,
    );
    announce(`Restored revision ${n} as revision ${made.revision}.`);
    done();
  } catch (error) {
    render(status, failureBlock("Could not restore", error));
  }
}

/** "Saved: …" with Undo, for the revision a save just made. */
export function savedBanner(saved: SetupRevision, name: (id: string) => string, done: () => void): HTMLElement {
  const status = h("div", {});
  return h(
    "div",
    { class: "notice saved", role: "status" },
    h("strong", {}, `Saved as revision ${saved.revision}: `),
    `${changeWords(saved, name)}. `,
    saved.note && h("span", { class: "note" }, `“${saved.note}” `),
    saved.revision > 1 &&
      h(
        "button",
        {
          type: "button",
          onclick: () => void restore(saved.revision - 1, `undo of revision ${saved.revision}`, done, status),
        },
        `Undo (restore revision ${saved.revision - 1})`,
      ),
    status,
  );
}

/** The history, newest first, each revision restorable. */
export function historyList(current: number, name: (id: string) => string, done: () => void): HTMLElement {
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
          ` (${r.kind}, ${new Date(r.createdAt).toLocaleString("en-GB")}${r.note ? `, “${r.note}”` : ""}): `,
          changeWords(r, name),
          r.revision !== current &&
            h(
              "button",
              {
                type: "button",
                class: "link",
                onclick: () => void restore(r.revision, `restored from the history`, done, status),
              },
              ` Restore revision ${r.revision}`,
            ),
        ),
      ),
    );
  });
  return root;
}
