import { sendJson } from "../api";
import { announce, h, render } from "../dom";
import { addDays, hhmm, local } from "../time";
import { failureBlock } from "./failure";
import { type Loaded, rotaPath } from "./load";

/** "YYYY-MM-DDTHH:MM" of an instant in the zone, as a datetime-local field holds it. */
function fieldValue(instant: number, zone: string): string {
  const at = local(instant, zone);
  return `${at.date}T${hhmm(at.minutes)}`;
}

/**
 * Someone cannot come: record the absence, and the server re-solves the published rota (else the
 * latest) with the fewest changes; the page then shows the new version with what moved.
 */
export function absenceForm(loaded: Loaded, onSaved: (version: number) => void): HTMLElement {
  const { problem, record } = loaded;
  const zone = problem.timeZone;
  const weekStart = `${problem.weekStart}T00:00`;
  const weekEnd = `${addDays(problem.weekStart, 7)}T00:00`;
  const step = String(problem.slotMinutes * 60);
  const person = h(
    "select",
    { id: "absence-person", name: "person", required: true },
    h("option", { value: "" }, "Choose a person"),
    [...problem.people].sort((a, b) => a.name.localeCompare(b.name)).map((p) => h("option", { value: p.id }, p.name)),
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
        submit.disabled = true;
        render(status, h("p", { role: "status" }, "Re-solving with the fewest changes…"));
        try {
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
          const result = await sendJson<{ version: number; diff: { changes: number } }>(
            "POST",
            `${rotaPath(record.id)}/changes?now=${encodeURIComponent(now.value)}`,
            body,
          );
          announce(
            `Recorded. Version ${result.version} has ${result.diff.changes} ` +
              `${result.diff.changes === 1 ? "change" : "changes"}.`,
          );
          onSaved(result.version);
        } catch (error) {
          render(status, failureBlock("The absence could not be recorded", error));
          submit.disabled = false;
        }
      },
    },
    h("p", { class: "hint" }, `Times are local to ${zone}.`),
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
    submit,
    status,
  );
  return h("details", { class: "card" }, h("summary", {}, "Record an absence"), form);
}
