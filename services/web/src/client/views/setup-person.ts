import { getJson, sendJson } from "../api";
import { focusHeading, h, render } from "../dom";
import type { View } from "../main";
import { minutesOf, nextMonday } from "../time";
import type { SetupPerson, SetupRevision, SetupView } from "../types";
import { availabilityPainter, type WeekHours } from "./availability";
import { failureBlock } from "./failure";
import { type Preference, preferencesEditor } from "./preferences";
import { type Carry, shadowingHours } from "./training";

// One person of the setup: contract hours and limits, stint limits, sites, qualifications, mentor,
// training per point (shadowing hours so far against the threshold, and "confirm as independent"
// only where the carry-over proposes it), preferences, and availability painted on a week. Saving
// is one revision; the setup page then shows what changed, with Undo.

type State = "none" | "shadowing" | "independent";

const input = (id: string, label: string, props: Record<string, string>) =>
  h("div", { class: "field" }, h("label", { for: id }, label), h("input", { id, ...props }));

const numberOf = (form: HTMLElement, id: string) => {
  const value = form.querySelector<HTMLInputElement>(`#${id}`)?.value ?? "";
  return value === "" ? undefined : Number(value);
};

export const setupPersonView: View = async (main, route, signal) => {
  const id = route.path[2] ?? "new";
  const [{ setup }, week] = await Promise.all([
    getJson<SetupView>("/v1/setup"),
    getJson<{ weekStart: string; carry: Carry }>(`/v1/weeks/${nextMonday()}`),
  ]);
  if (signal.aborted) return;
  const adding = id === "new";
  const person: SetupPerson = adding
    ? { id: "", name: "", role: "staff", sites: [setup.sites[0]?.id ?? ""], hours: { target: 10 } }
    : (setup.people.find((p) => p.id === id) as SetupPerson);
  if (!person) throw new Error(`there is no person ${id} in the setup`);
  const points = setup.sites.flatMap((s) => s.servicePoints.map((p) => ({ ...p, site: s.name })));
  const opening = setup.sites.flatMap((s) => Object.values(s.open).flat()) as [string, string][];
  const range = {
    from: Math.min(...opening.map(([f]) => minutesOf(f)), 8 * 60),
    to: Math.max(...opening.map(([, t]) => minutesOf(t)), 18 * 60),
    slot: setup.slotMinutes,
  };
  const painter = availabilityPainter((person.availability ?? {}) as WeekHours, range);
  const status = h("div", {});
  const stateOf = (p: (typeof points)[number]): State =>
    (person.training?.[p.id] ?? person.training?.[p.kind] ?? "none") as State;
  const confirm = async (point: string) => {
    try {
      const made = await sendJson<SetupRevision>("POST", `/v1/setup/people/${encodeURIComponent(person.id)}/training`, {
        point,
        note: "confirmed as independent",
      });
      location.hash = `#/setup?saved=${made.revision}`;
    } catch (error) {
      render(status, failureBlock("Could not confirm", error));
    }
  };
  const carried = week.carry.people[person.id];
  const shadowingCell = (p: (typeof points)[number]) => {
    const { done, needed } = shadowingHours(setup, carried, p.id);
    const proposed = carried?.proposed.includes(p.id) ?? false;
    return [
      h(
        "span",
        { class: "hint" },
        `${done} h shadowed of ${needed} h in the weeks published before ${week.weekStart}`,
        proposed ? ": proposed for independent work. " : "; not yet proposed for independent work.",
      ),
      proposed &&
        h("button", { type: "button", onclick: () => void confirm(p.id) }, `Confirm as independent on ${p.name}`),
    ];
  };
  const preferences = preferencesEditor((person.preferences ?? []) as Preference[], person.name || "the new person");
  const trainingRows = points.map((p) =>
    h(
      "tr",
      {},
      h("th", { scope: "row" }, `${p.name} (${p.site})`),
      h(
        "td",
        {},
        h(
          "select",
          { id: `training-${p.id}`, "aria-label": `Training on ${p.name}, ${p.site}`, "data-point": p.id },
          (["none", "shadowing", "independent"] as State[]).map((s) =>
            h("option", { value: s, selected: stateOf(p) === s }, s),
          ),
        ),
      ),
      h("td", {}, !adding && stateOf(p) === "shadowing" && shadowingCell(p)),
    ),
  );
  const form: HTMLFormElement = h(
    "form",
    {
      class: "card form wide",
      onsubmit: async (event: Event) => {
        event.preventDefault();
        const value = (sel: string) => form.querySelector<HTMLInputElement>(sel)?.value ?? "";
        const checked = (name: string) =>
          [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((c) => c.value);
        const training: Record<string, State> = {};
        for (const select of form.querySelectorAll<HTMLSelectElement>("select[data-point]"))
          if (select.value !== "none") training[select.dataset.point as string] = select.value as State;
        const { training: _old, mentor: _mentor, qualifications: _q, shifts: _s, preferences: _p, ...kept } = person;
        const shifts = Object.fromEntries(
          (["minMinutes", "maxPerDay"] as const)
            .map((k) => [k, numberOf(form, `shifts-${k}`)] as const)
            .filter(([, v]) => v !== undefined),
        );
        const mentor = value("#person-mentor");
        const next = {
          ...kept,
          id: adding ? value("#person-id").trim() : person.id,
          name: value("#person-name").trim(),
          role: value("#person-role") as SetupPerson["role"],
          sites: checked("sites"),
          hours: Object.fromEntries(
            (["target", "min", "max", "maxPerDay"] as const)
              .map((k) => [k, numberOf(form, `hours-${k}`)] as const)
              .filter(([, v]) => v !== undefined),
          ),
          qualifications: checked("qualifications"),
          training,
          availability: painter.value(),
          preferences: preferences.value(),
          ...(Object.keys(shifts).length ? { shifts } : {}),
          ...(mentor ? { mentor } : {}),
        };
        try {
          const made = await sendJson<SetupRevision>(
            "PUT",
            `/v1/setup/people/${encodeURIComponent(next.id)}?note=${encodeURIComponent(`edited ${next.name}`)}`,
            next,
          );
          location.hash = `#/setup?saved=${made.revision}`;
        } catch (error) {
          render(status, failureBlock("Not saved", error));
        }
      },
    },
    h(
      "div",
      { class: "fields" },
      adding && input("person-id", "Id", { required: "", value: "", autocomplete: "off" }),
      input("person-name", "Name", { required: "", value: person.name }),
      h(
        "div",
        { class: "field" },
        h("label", { for: "person-role" }, "Role"),
        h(
          "select",
          { id: "person-role" },
          ["staff", "student"].map((r) => h("option", { value: r, selected: person.role === r }, r)),
        ),
      ),
      h(
        "div",
        { class: "field" },
        h("label", { for: "person-mentor" }, "Mentor (optional)"),
        h(
          "select",
          { id: "person-mentor" },
          h("option", { value: "" }, "none"),
          setup.people
            .filter((p) => p.id !== person.id)
            .map((p) => h("option", { value: p.id, selected: person.mentor === p.id }, `${p.name} (${p.id})`)),
        ),
      ),
    ),
    h(
      "fieldset",
      {},
      h("legend", {}, "Hours per week (and per day)"),
      h(
        "div",
        { class: "fields" },
        input("hours-target", "Contract (target)", {
          type: "number",
          min: "0",
          step: "0.5",
          required: "",
          value: String(person.hours.target),
        }),
        input("hours-min", "At least", {
          type: "number",
          min: "0",
          step: "0.5",
          value: String(person.hours.min ?? ""),
        }),
        input("hours-max", "At most", { type: "number", min: "0", step: "0.5", value: String(person.hours.max ?? "") }),
        input("hours-maxPerDay", "At most per day", {
          type: "number",
          min: "0",
          step: "0.5",
          value: String(person.hours.maxPerDay ?? ""),
        }),
      ),
    ),
    h(
      "fieldset",
      {},
      h("legend", {}, "Stints"),
      h(
        "div",
        { class: "fields" },
        input("shifts-minMinutes", "Shortest stint (minutes)", {
          type: "number",
          min: String(setup.slotMinutes),
          step: String(setup.slotMinutes),
          value: String(person.shifts?.minMinutes ?? ""),
        }),
        input("shifts-maxPerDay", "Most stints a day", {
          type: "number",
          min: "1",
          step: "1",
          value: String(person.shifts?.maxPerDay ?? ""),
        }),
      ),
    ),
    h(
      "fieldset",
      {},
      h("legend", {}, "Sites and qualifications"),
      setup.sites.map((s) =>
        h(
          "label",
          { class: "choice" },
          h("input", { type: "checkbox", name: "sites", value: s.id, checked: person.sites.includes(s.id) }),
          s.name,
        ),
      ),
      ["lead", "keyholder"].map((q) =>
        h(
          "label",
          { class: "choice" },
          h("input", {
            type: "checkbox",
            name: "qualifications",
            value: q,
            checked: person.qualifications?.includes(q) ?? false,
          }),
          q,
        ),
      ),
    ),
    h(
      "fieldset",
      {},
      h("legend", {}, "Training per service point"),
      h("table", { class: "list" }, h("tbody", {}, trainingRows)),
    ),
    preferences.root,
    h("fieldset", {}, h("legend", {}, "Availability"), painter.root),
    h("button", { type: "submit", class: "primary" }, adding ? "Add this person" : "Save"),
    status,
  );
  render(
    main,
    h("p", {}, h("a", { href: "#/setup" }, "Back to the setup")),
    h("h1", {}, adding ? "Add a person" : `${person.name} (${person.id})`),
    form,
  );
  focusHeading(main);
};
