import { announce, h, render } from "../dom";
import { sendJson } from "../api";
import { nameLookup } from "../people";
import { failureBlock } from "./failure";
import { type ChangeAnswer, fieldValue, optionChoice, type RepairOption } from "./absence";
import { type Loaded, rotaPath } from "./load";

/**
 * A mistaken absence: taken out again as a change, so the latest version is repaired with the
 * person available again, with the fewest changes, and no later version is dropped. A dry run
 * first, as the absence form does: where filling everything costs more, the coordinator chooses.
 */
export function absenceUndo(loaded: Loaded, onSaved: (version: number) => void): HTMLElement | null {
  const { record, version, problem } = loaded;
  const absences = (version.change as { absences?: { person: string; from: string; to: string }[] } | null)?.absences;
  if (!absences?.length || version.baseVersion === null) return null;
  const latest = record.version ?? version.version;
  const status = h("div", {});
  const name = nameLookup(problem);
  const who = absences.map((a) => `${name(a.person)} ${a.from.replace("T", " ")}–${a.to.slice(11, 16)}`).join(", ");
  const body = { removeAbsences: absences.map(({ person, from, to }) => ({ person, from, to })) };
  const button = h(
    "button",
    {
      type: "button",
      onclick: async () => {
        button.disabled = true;
        const now = fieldValue(Date.now(), problem.timeZone);
        const path = `${rotaPath(record.id)}/changes?now=${encodeURIComponent(now)}`;
        const recordUndo = async (option?: RepairOption["id"]) => {
          const result = await sendJson<ChangeAnswer>("POST", option ? `${path}&option=${option}` : path, body);
          announce(`The absence is undone: version ${result.version} has ${result.diff.changes} changes.`);
          onSaved(result.version as number);
        };
        try {
          const preview = await sendJson<ChangeAnswer>("POST", `${path}&dryRun=true`, body);
          if (preview.options.length < 2) return await recordUndo();
          render(
            status,
            optionChoice(preview.options, recordUndo, () => (button.disabled = false)),
          );
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
      `undoing it takes the absence out: v${latest + 1} repairs the latest with the person available again, `,
      "with the fewest changes. Later versions are kept.",
      record.publishedVersion !== null ? ` v${record.publishedVersion} stays published until you publish again.` : "",
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
