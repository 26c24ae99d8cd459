import { sendJson } from "../api";
import { announce, h, render } from "../dom";
import { nameLookup } from "../people";
import { addDays, hhmm, local } from "../time";
import { failureBlock } from "./failure";
import { type Loaded, rotaPath } from "./load";
import { versionHash } from "./rota";

/** "YYYY-MM-DDTHH:MM" of an instant in the zone, as a datetime-local field holds it. */
export function fieldValue(instant: number, zone: string): string {
  const at = local(instant, zone);
  return `${at.date}T${hhmm(at.minutes)}`;
}

/** The absence as recorded already (the same person, wholly within one of theirs), if it is. */
function recordedAs(loaded: Loaded, person: string, from: string, to: string): string | undefined {
  const who = loaded.problem.people.find((p) => p.id === person);
  const same = who?.absences?.find((a) => a.from.slice(0, 16) <= from && to <= a.to.slice(0, 16));
  return same && `${same.from.slice(0, 16).replace("T", " ")} to ${same.to.slice(0, 16).replace("T", " ")}`;
}

export interface RepairOption {
  id: "fills" | "smaller";
  chosen: boolean;
  people: number;
  changedHours: number;
  words: string;
  minimal: boolean;
  minimalReason: string;
}
export interface ChangeAnswer {
  version: number | null;
  diff: { changes: number };
  options: RepairOption[];
}

const OPTION_TITLES = { fills: "Fill everything it opens", smaller: "Change less, leave some open" } as const;

/** Whether the option's number of changes is proven the fewest: only what the server proved is said to be. */
function proofLines(o: RepairOption): HTMLElement[] {
  return [
    h(
      "p",
      { class: "proof" },
      o.minimal === true ? "Proven the fewest changes for this cover." : "The fewest found; not proven.",
    ),
    ...(o.minimalReason ? [h("p", { class: "hint" }, `Why: ${o.minimalReason}.`)] : []),
  ];
}

/**
 * The two repairs the server offers when filling everything takes more changes: each with its
 * trade-off in the server's words; nothing is recorded until one is picked.
 */
export function optionChoice(
  options: RepairOption[],
  pick: (id: RepairOption["id"]) => Promise<void>,
  cancel: () => void,
): HTMLElement {
  const status = h("div", {});
  const box = h(
    "section",
    { class: "repair-options", "aria-labelledby": "repair-options-title" },
    h("h3", { id: "repair-options-title" }, "Two ways to repair: pick one"),
    h(
      "p",
      {},
      "Filling everything the absence opens takes more changes than the smallest repair. Nothing is recorded yet.",
    ),
    h(
      "ul",
      {},
      options.map((o) =>
        h(
          "li",
          { class: "card repair-option", "data-option": o.id },
          h("h4", {}, OPTION_TITLES[o.id]),
          h("p", {}, `${o.words[0]?.toUpperCase() ?? ""}${o.words.slice(1)}.`),
          proofLines(o),
          h(
            "button",
            {
              type: "button",
              class: o.id === "fills" ? "primary" : "",
              onclick: async (event: Event) => {
                for (const b of box.querySelectorAll("button")) b.disabled = true;
                render(status, h("p", { role: "status" }, "Recording…"));
                try {
                  await pick(o.id);
                } catch (error) {
                  render(status, failureBlock("The absence could not be recorded", error));
                  for (const b of box.querySelectorAll("button")) b.disabled = false;
                  (event.target as HTMLButtonElement).focus();
                }
              },
            },
            `Record: ${OPTION_TITLES[o.id].toLowerCase()}`,
          ),
        ),
      ),
    ),
    h(
      "button",
      {
        type: "button",
        class: "link",
        onclick: () => {
          box.remove();
          cancel();
        },
      },
      "Cancel: record nothing",
    ),
    status,
  );
  return box;
}

/** Why this version takes no absence, and where to go instead. */
function elsewhere(loaded: Loaded, target: number, which: string): HTMLElement {
  return h(
    "details",
    { class: "card absence" },
    h("summary", {}, "Record an absence"),
    h(
      "p",
      {},
      `Absences are recorded on v${target}, the ${which} version: the repair builds ` +
        `on it, not on the v${loaded.version.version} shown here. `,
      h("a", { href: versionHash(loaded.record.id, target) }, `Show v${target} to record one`),
    ),
  );
}

/** Warns, as the times are typed, when part of the absence lies before the frozen past. */
function frozenWarning(from: HTMLInputElement, to: HTMLInputElement, now: HTMLInputElement): HTMLElement {
  const box = h("div", { id: "absence-frozen", role: "status" });
  const update = () => {
    if (!from.value || !now.value || now.value <= from.value) return render(box);
    const at = now.value.replace("T", " ");
    render(
      box,
      h(
        "p",
        { class: "notice" },
        h("strong", {}, `Everything before ${at} is frozen. `),
        to.value && to.value <= now.value
          ? "This absence lies wholly before then: it is recorded, their stints stay, " +
              "and nobody will be moved to fill them."
          : "Their stints before then stay as they are, and nobody will be moved to fill the time before then.",
        " Set “Keep everything before” earlier if that past should be repaired too.",
      ),
    );
  };
  for (const input of [from, to, now]) input.addEventListener("input", update);
  return box;
}

/**
 * Someone cannot come: record the absence, and the server re-solves the published rota (else the
 * latest) with the fewest changes; the page then shows the new version with what moved. Only on
 * the version the server repairs: elsewhere the form would claim to build on what it does not.
 */
export function absenceForm(loaded: Loaded, onSaved: (version: number) => void): HTMLElement {
  const { problem, record } = loaded;
  const target = record.publishedVersion ?? record.version ?? loaded.version.version;
  const which = record.publishedVersion !== null ? "published" : "latest";
  if (target !== loaded.version.version) return elsewhere(loaded, target, which);
  const name = nameLookup(problem);
  const zone = problem.timeZone;
  const weekStart = `${problem.weekStart}T00:00`;
  const weekEnd = `${addDays(problem.weekStart, 7)}T00:00`;
  const step = String(problem.slotMinutes * 60);
  const person = h(
    "select",
    { id: "absence-person", name: "person", required: true },
    h("option", { value: "" }, "Choose a person"),
    problem.people
      .map((p) => ({ id: p.id, label: name(p.id) }))
      .sort((a, b) => a.label.localeCompare(b.label))
      .map((p) => h("option", { value: p.id }, p.label)),
  );
  const from = h("input", {
    id: "absence-from",
    name: "from",
    type: "datetime-local",
    required: true,
    min: weekStart,
    max: weekEnd,
    step,
  });
  const to = h("input", {
    id: "absence-to",
    name: "to",
    type: "datetime-local",
    required: true,
    min: weekStart,
    max: weekEnd,
    step,
  });
  const reason = h("input", {
    id: "absence-reason",
    name: "reason",
    type: "text",
    maxlength: "200",
    placeholder: "e.g. sick",
  });
  const now = h("input", {
    id: "absence-now",
    name: "now",
    type: "datetime-local",
    required: true,
    value: fieldValue(Date.now(), zone),
    "aria-describedby": "absence-now-hint",
  });
  const status = h("div", {});
  const submit = h("button", { type: "submit", class: "primary" }, "Record and re-solve");
  const form = h(
    "form",
    {
      onsubmit: async (event: Event) => {
        event.preventDefault();
        if (to.value <= from.value) {
          render(status, h("p", { class: "error", role: "alert" }, "The absence must end after it starts."));
          to.focus();
          return;
        }
        const already = recordedAs(loaded, person.value, from.value, to.value);
        if (already) {
          render(
            status,
            h(
              "p",
              { class: "error", role: "alert" },
              `${name(person.value)} is already recorded as away from ${already}; nothing was changed.`,
            ),
          );
          return;
        }
        submit.disabled = true;
        render(status, h("p", { role: "status" }, "Re-solving with the fewest changes…"));
        const body = {
          absences: [
            {
              person: person.value,
              from: from.value,
              to: to.value,
              ...(reason.value.trim() ? { reason: reason.value.trim() } : {}),
            },
          ],
        };
        const path = `${rotaPath(record.id)}/changes?now=${encodeURIComponent(now.value)}`;
        const recordRepair = async (option?: RepairOption["id"]) => {
          const result = await sendJson<ChangeAnswer>("POST", option ? `${path}&option=${option}` : path, body);
          announce(
            `Recorded. Version ${result.version} has ${result.diff.changes} ` +
              `${result.diff.changes === 1 ? "change" : "changes"}.`,
          );
          onSaved(result.version as number);
        };
        try {
          // A dry run first: where filling everything costs more changes, the coordinator chooses.
          const preview = await sendJson<ChangeAnswer>("POST", `${path}&dryRun=true`, body);
          if (preview.options.length < 2) return await recordRepair();
          render(
            status,
            optionChoice(preview.options, recordRepair, () => (submit.disabled = false)),
          );
        } catch (error) {
          render(status, failureBlock("The absence could not be recorded", error));
          submit.disabled = false;
        }
      },
    },
    h("p", { class: "hint" }, `Builds on v${target} (the ${which} version). Times are local to ${zone}.`),
    h(
      "div",
      { class: "fields" },
      h("div", { class: "field" }, h("label", { for: "absence-person" }, "Person"), person),
      h("div", { class: "field" }, h("label", { for: "absence-from" }, "From"), from),
      h("div", { class: "field" }, h("label", { for: "absence-to" }, "To"), to),
      h("div", { class: "field" }, h("label", { for: "absence-reason" }, "Reason (optional)"), reason),
    ),
    h(
      "div",
      { class: "field" },
      h("label", { for: "absence-now" }, "Keep everything before"),
      now,
      h("p", { class: "hint", id: "absence-now-hint" }, "Stints before this moment stay as they are (normally: now)."),
    ),
    frozenWarning(from, to, now),
    submit,
    status,
  );
  return h("details", { class: "card absence" }, h("summary", {}, "Record an absence"), form);
}
