import { ApiFailure, sendJson } from "../api";
import { announce, h, render } from "../dom";
import { nameLookup } from "../people";
import { addDays, hhmm, local, longDayLabel } from "../time";
import type { Diff } from "../types";
import { failureBlock } from "./failure";
import { type Loaded, rotaPath } from "./load";

// Editing the latest version by hand. Every change of the form asks the server for a dry run, so
// the checker's verdict shows before anything is applied: refused with the rule in words, or
// allowed with what it costs and what changes. Apply stores it as the next version.

type Action = "add" | "remove" | "move" | "pin";
interface Stint {
  person: string;
  point: string;
  start: string;
  end: string;
}
interface EditAnswer {
  version: number | null;
  costs: { rule: string; change: number }[];
  diff: Diff;
}

/** A cell of the grid handed to the form: where and when, and who is there. */
export interface CellPick {
  point: string;
  date: string;
  from: number;
  to: number;
  people: string[];
}

const ACTIONS: [Action, string][] = [
  ["add", "Put a person in"],
  ["remove", "Take a stint out"],
  ["move", "Move a stint"],
  ["pin", "Pin a stint (re-solves keep it)"],
];

const field = (id: string, label: string, control: HTMLElement) =>
  h("div", { class: "field" }, h("label", { for: id }, label), control);

function costWords(costs: EditAnswer["costs"]): string {
  if (!costs.length) return "No soft goal changes.";
  return costs.map((c) => `${c.rule} ${c.change > 0 ? `+${c.change} (worse)` : `${c.change} (better)`}`).join("; ");
}

/**
 * "Re-solve around my edits": a repair of the latest version with the fewest changes, keeping every
 * pinned stint, and nothing before the browser's clock moves. Without a pin there is nothing to
 * keep, so the button says what to do first.
 */
function resolveAround(loaded: Loaded, latest: number, onSaved: (version: number) => void): HTMLElement {
  const pins = loaded.problem.pinned?.length ?? 0;
  const status = h("div", {});
  const button = h(
    "button",
    {
      type: "button",
      disabled: pins === 0,
      "aria-describedby": "resolve-around-hint",
      onclick: async () => {
        button.disabled = true;
        render(status, h("p", { role: "status" }, "Repairing around the pinned stints…"));
        try {
          const answer = await sendJson<EditAnswer>("POST", `${rotaPath(loaded.record.id)}/resolve`, {
            basedOn: latest,
            now: new Date().toISOString(),
          });
          announce(`Re-solved: version ${answer.version}, ${answer.diff.changes} changes.`);
          onSaved(answer.version as number);
        } catch (error) {
          render(status, failureBlock("The re-solve failed", error));
          button.disabled = false;
        }
      },
    },
    `Re-solve around my edits (keeps ${pins} pinned ${pins === 1 ? "stint" : "stints"})`,
  );
  return h(
    "div",
    { class: "resolve-around" },
    button,
    h(
      "p",
      { class: "hint", id: "resolve-around-hint" },
      pins === 0
        ? "Pin the stints to keep first (“Pin a stint”): the re-solve repairs the week around them."
        : `Repairs the week with the fewest changes and makes v${latest + 1}: every pinned stint stays, ` +
            "nothing before now moves, and other stints move only to fill a gap.",
      loaded.record.publishedVersion === latest ? ` v${latest} stays published until you publish the new one.` : "",
    ),
    status,
  );
}

/**
 * The checker's messages name ids and instants; a coordinator reads names and the site's clock.
 * (The ids are the problem's own, so a plain replacement cannot hit anything else.)
 */
function readableText(loaded: Loaded): (text: string) => string {
  const name = nameLookup(loaded.problem);
  const ids = new Map<string, string>([
    ...loaded.problem.people.map((p) => [p.id, name(p.id)] as const),
    ...loaded.problem.sites.flatMap((s) => s.servicePoints.map((p) => [p.id, p.name] as const)),
  ]);
  const literal = (id: string) => id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const alternatives = [...ids.keys()].sort((a, b) => b.length - a.length).map(literal);
  const pattern = new RegExp(`\\b(${alternatives.join("|")})\\b`, "g");
  const zone = loaded.problem.timeZone;
  return (text) =>
    text
      .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)/g, (iso) => {
        const at = local(iso, zone);
        return `${longDayLabel(at.date)} ${hhmm(at.minutes)}`;
      })
      .replace(pattern, (id) => ids.get(id) ?? id);
}

function refusal(error: ApiFailure, readable: (text: string) => string): HTMLElement {
  return h(
    "div",
    { class: "failure", role: "alert" },
    h("p", {}, h("strong", {}, "Refused: it would break a hard rule.")),
    h(
      "ul",
      { class: "issues" },
      error.issues.map((i) => h("li", {}, readable(i.message))),
    ),
  );
}

export function editForm(
  loaded: Loaded,
  onSaved: (version: number) => void,
): { root: HTMLElement; fill(pick: CellPick): void } {
  const { problem, record, version } = loaded;
  const zone = problem.timeZone;
  const name = nameLookup(problem);
  const readable = readableText(loaded);
  const latest = record.version ?? version.version;
  const points = problem.sites.flatMap((s) =>
    s.servicePoints.map((p) => ({ id: p.id, label: `${p.name} (${s.name})` })),
  );
  const stintText = (a: Stint) => {
    const at = local(a.start, zone);
    const end = local(a.end, zone);
    const point = points.find((p) => p.id === a.point)?.label ?? a.point;
    return `${longDayLabel(at.date)} ${hhmm(at.minutes)}–${hhmm(end.minutes)}, ${point}`;
  };
  const step = String(problem.slotMinutes * 60);
  const bounds = { min: `${problem.weekStart}T00:00`, max: `${addDays(problem.weekStart, 7)}T00:00`, step };
  const action = h(
    "select",
    { id: "edit-action" },
    ACTIONS.map(([v, l]) => h("option", { value: v }, l)),
  );
  const person = h(
    "select",
    { id: "edit-person" },
    problem.people
      .map((p) => ({ id: p.id, label: name(p.id) }))
      .sort((a, b) => a.label.localeCompare(b.label))
      .map((p) => h("option", { value: p.id }, p.label)),
  );
  const stint = h("select", { id: "edit-stint" });
  const point = h(
    "select",
    { id: "edit-point" },
    points.map((p) => h("option", { value: p.id }, p.label)),
  );
  const from = h("input", { id: "edit-from", type: "datetime-local", ...bounds });
  const to = h("input", { id: "edit-to", type: "datetime-local", ...bounds });
  const verdict = h("div", { id: "edit-verdict", role: "status" });
  const apply = h("button", { type: "submit", class: "primary", disabled: true }, "Apply the edit");
  const stintField = field("edit-stint", "Stint", stint);
  const targetFields = h(
    "div",
    { class: "fields" },
    field("edit-point", "Service point", point),
    field("edit-from", "Starts", from),
    field("edit-to", "Ends", to),
  );

  const stintsOf = (id: string) =>
    (version.rota.assignments as Stint[]).filter((a) => a.person === id).sort((a, b) => a.start.localeCompare(b.start));
  const refreshStints = () =>
    render(
      stint,
      stintsOf(person.value).map((a, i) => h("option", { value: String(i) }, stintText(a))),
    );
  const body = (): Record<string, unknown> | undefined => {
    const chosen = stintsOf(person.value)[Number(stint.value)];
    const target = { person: person.value, point: point.value, start: from.value, end: to.value };
    const kind = action.value as Action;
    if (kind === "add") return from.value && to.value ? { add: [target] } : undefined;
    if (!chosen) return undefined;
    const ref = { person: chosen.person, point: chosen.point, start: chosen.start, end: chosen.end };
    if (kind === "remove") return { remove: [ref] };
    if (kind === "pin") return { pin: [ref] };
    return from.value && to.value ? { move: [{ from: ref, to: target }] } : undefined;
  };

  let asked = 0;
  const judge = async () => {
    const kind = action.value as Action;
    stintField.hidden = kind === "add";
    targetFields.hidden = kind === "remove" || kind === "pin";
    apply.disabled = true;
    const edit = body();
    if (!edit) return render(verdict, h("p", { class: "hint" }, "Fill in the stint to see the checker's verdict."));
    const ask = ++asked;
    try {
      const answer = await sendJson<EditAnswer>("POST", `${rotaPath(record.id)}/edits`, {
        basedOn: latest,
        dryRun: true,
        ...edit,
      });
      if (ask !== asked) return;
      apply.disabled = false;
      render(
        verdict,
        h(
          "div",
          { class: "verdict ok" },
          h("p", {}, h("strong", {}, "Allowed: no hard rule is broken. "), costWords(answer.costs)),
          h(
            "ul",
            {},
            answer.diff.words.map((w) => h("li", {}, w)),
          ),
          record.publishedVersion === latest &&
            h(
              "p",
              { class: "notice" },
              `v${latest} is the published version: this edit makes v${latest + 1} from ` +
                `it. People keep seeing v${latest} until you publish v${latest + 1}.`,
            ),
        ),
      );
    } catch (error) {
      if (ask !== asked) return;
      render(
        verdict,
        error instanceof ApiFailure && error.status === 422
          ? refusal(error, readable)
          : failureBlock("Cannot be judged", error),
      );
    }
  };
  for (const control of [action, stint, point, from, to]) control.addEventListener("change", () => void judge());
  person.addEventListener("change", () => {
    refreshStints();
    void judge();
  });

  const status = h("div", {});
  const form = h(
    "form",
    {
      onsubmit: async (event: Event) => {
        event.preventDefault();
        const edit = body();
        if (!edit) return;
        apply.disabled = true;
        try {
          const answer = await sendJson<EditAnswer>("POST", `${rotaPath(record.id)}/edits`, {
            basedOn: latest,
            ...edit,
          });
          announce(`Edited: version ${answer.version}.`);
          onSaved(answer.version as number);
        } catch (error) {
          render(status, failureBlock("The edit could not be applied", error));
          apply.disabled = false;
        }
      },
    },
    h(
      "p",
      { class: "hint" },
      `Edits v${latest}. Times are local to ${zone}. Press E on a grid cell to fill this in from it.`,
    ),
    h("div", { class: "fields" }, field("edit-action", "Edit", action), field("edit-person", "Who", person)),
    stintField,
    targetFields,
    verdict,
    apply,
    status,
  );
  const root = h(
    "details",
    { class: "card edit", id: "edit-card" },
    h("summary", {}, "Edit by hand"),
    form,
    resolveAround(loaded, latest, onSaved),
  );
  refreshStints();
  void judge();

  const fill = (pick: CellPick) => {
    root.open = true;
    point.value = pick.point;
    from.value = `${pick.date}T${hhmm(pick.from)}`;
    to.value = `${pick.to === 1440 ? addDays(pick.date, 1) : pick.date}T${hhmm(pick.to % 1440)}`;
    const someone = pick.people[0];
    if (someone) {
      person.value = someone;
      refreshStints();
      const index = stintsOf(someone).findIndex(
        (a) => a.point === pick.point && local(a.start, zone).date === pick.date,
      );
      if (index >= 0) stint.value = String(index);
    }
    action.value = someone ? "remove" : "add";
    void judge();
    action.focus();
  };
  return { root, fill };
}
