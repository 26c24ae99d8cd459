import { announce, h, render } from "../dom";
import { sendJson } from "../api";
import { failureBlock } from "./failure";
import { type Loaded, rotaPath } from "./load";

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
