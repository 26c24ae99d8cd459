import { announce, h, render } from "../dom";
import { sendJson } from "../api";
import { nameLookup } from "../people";
import { failureBlock } from "./failure";
import { versionLabel } from "./rota";
import { type Loaded, rotaPath } from "./load";

/**
 * A mistaken absence: restoring the version before it undoes its repair with the fewest changes
 * possible (every stint back where it was, nothing else moved). Versions made after it are dropped
 * from the latest (they stay in the history): the card lists them before anything is applied.
 */
export function absenceUndo(loaded: Loaded, onSaved: (version: number) => void): HTMLElement | null {
  const { record, version } = loaded;
  const absences = (version.change as { absences?: { person: string; from: string; to: string }[] } | null)?.absences;
  if (!absences?.length || version.baseVersion === null) return null;
  const latest = record.version ?? version.version;
  const base = version.baseVersion;
  const status = h("div", {});
  const name = nameLookup(loaded.problem);
  const who = absences.map((a) => `${name(a.person)} ${a.from.replace("T", " ")}–${a.to.slice(11, 16)}`).join(", ");
  const later = loaded.versions.filter((v) => v.version > version.version);
  const button = h(
    "button",
    {
      type: "button",
      onclick: async () => {
        button.disabled = true;
        try {
          const answer = await sendJson<{ version: number }>("POST", `${rotaPath(record.id)}/versions/${base}/revert`, {
            basedOn: latest,
          });
          announce(`The absence is undone: version ${answer.version}.`);
          onSaved(answer.version);
        } catch (error) {
          render(status, failureBlock("Could not undo the absence", error));
          button.disabled = false;
        }
      },
    },
    "Undo this absence and its repair",
  );
  return h(
    "section",
    { class: "card", "aria-label": "A mistaken absence" },
    h(
      "p",
      {},
      `This version recorded an absence (${who}) and repaired the rota around it. If it was a mistake, `,
      `undoing it makes v${latest + 1} equal to v${base}: every stint back where it was, nothing else moved.`,
      record.publishedVersion !== null ? ` v${record.publishedVersion} stays published until you publish again.` : "",
    ),
    later.length === 0
      ? h("p", {}, "No later version is dropped: this is the latest.")
      : h(
          "div",
          { class: "notice" },
          h(
            "p",
            {},
            h(
              "strong",
              {},
              `Dropped from the latest: ${later.length} later ${later.length === 1 ? "version" : "versions"}. `,
            ),
            "Their changes are not carried over (they stay in the history, and any of them can be restored):",
          ),
          h(
            "ul",
            {},
            later.map((v) => h("li", {}, versionLabel(v))),
          ),
        ),
    button,
    status,
  );
}

/**
 * Undo: an older version made the latest again, as a new version (nothing is deleted). The words
 * beside the button say what it does to the published rota before it is pressed.
 */
export function restoreCard(loaded: Loaded, onSaved: (version: number) => void): HTMLElement {
  const { record, version } = loaded;
  const latest = record.version ?? version.version;
  const status = h("div", {});
  const button = h(
    "button",
    {
      type: "button",
      class: "primary",
      onclick: async () => {
        button.disabled = true;
        try {
          const answer = await sendJson<{ version: number }>(
            "POST",
            `${rotaPath(record.id)}/versions/${version.version}/revert`,
            { basedOn: latest },
          );
          announce(`Restored: version ${answer.version} equals version ${version.version}.`);
          onSaved(answer.version);
        } catch (error) {
          render(status, failureBlock("Could not restore", error));
          button.disabled = false;
        }
      },
    },
    `Restore v${version.version} as the latest`,
  );
  const published = record.publishedVersion;
  return h(
    "section",
    { class: "card restore", "aria-label": "Undo" },
    h(
      "p",
      {},
      `Restoring makes v${latest + 1}, equal to this v${version.version} (its absences and stints as they were). `,
      published !== null
        ? `The published version stays v${published} until you publish v${latest + 1}.`
        : "Nothing is published yet.",
      " Every version stays in the history.",
    ),
    button,
    status,
  );
}
