import { dayChoices } from "./day-choices";
import { h, render } from "../dom";
import type { DayKey } from "../time";

// A person's preferences: times they want (weight above 0) or would rather not (below 0) work, as
// rows of days, from – to and a weight from −10 to 10. The solver weighs them against the desk's
// other goals (FORMAT.md, "preferences"); the server checks every row when the person is saved.

export interface Preference {
  days: DayKey[];
  from: string;
  to: string;
  weight: number;
}

const leaning = (weight: number) =>
  weight > 0 ? "wants these hours" : weight < 0 ? "would rather not work them" : "no leaning: give a weight";

/** The editor of one person's preferences; `value()` reads them back in the format's shape. */
export function preferencesEditor(
  initial: Preference[],
  who: string,
): { root: HTMLElement; value: () => Preference[] } {
  const rows: Preference[] = initial.map((p) => ({ ...p, days: [...p.days] }));
  const body = h("tbody", {});
  const row = (pref: Preference, i: number) => {
    const says = h("span", { class: "hint", id: `pref-says-${i}` }, leaning(pref.weight));
    const label = (what: string) => `${what}, preference ${i + 1} of ${who}`;
    return h(
      "tr",
      {},
      h("td", {}, dayChoices(pref, label)),
      h(
        "td",
        {},
        (["from", "to"] as const).map((key, n) => [
          n === 1 ? " – " : "",
          h("input", {
            type: "time",
            "aria-label": label(key === "from" ? "From" : "To"),
            value: pref[key],
            onchange: (e: Event) => {
              pref[key] = (e.target as HTMLInputElement).value;
            },
          }),
        ]),
      ),
      h(
        "td",
        {},
        h("input", {
          type: "number",
          min: "-10",
          max: "10",
          step: "1",
          class: "short",
          "aria-label": label("Weight"),
          "aria-describedby": `pref-says-${i}`,
          value: String(pref.weight),
          oninput: (e: Event) => {
            pref.weight = Number((e.target as HTMLInputElement).value);
            says.textContent = leaning(pref.weight);
          },
        }),
        " ",
        says,
      ),
      h(
        "td",
        {},
        h(
          "button",
          {
            type: "button",
            class: "link",
            onclick: () => {
              rows.splice(i, 1);
              draw();
            },
          },
          `Remove preference ${i + 1}`,
        ),
      ),
    );
  };
  const draw = () => render(body, rows.map(row));
  draw();
  const root = h(
    "fieldset",
    { class: "preferences" },
    h("legend", {}, "Preferences (weight from −10: would rather not, to 10: wants)"),
    h(
      "table",
      { class: "list" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          ["Days", "From – to", "Weight", ""].map((t) => h("th", { scope: "col" }, t)),
        ),
      ),
      body,
    ),
    h(
      "button",
      {
        type: "button",
        onclick: () => {
          rows.push({ days: ["sat", "sun"], from: "09:00", to: "17:00", weight: -5 });
          draw();
        },
      },
      "Add a preference",
    ),
  );
  return { root, value: () => rows.map((p) => ({ ...p, days: [...p.days] })) };
}
