import { sendJson } from "../api";
import { h, render } from "../dom";
import { failureBlock } from "./failure";
import { type Loaded, rotaPath } from "./load";

interface Alternatives {
  alternatives: { id: string; profile: string; description: string }[];
}

const DEFAULT_SECONDS = 6;

/** Solve the same problem under other weightings, then compare them with this version side by side. */
export function alternativesForm(loaded: Loaded): HTMLElement {
  const { record, version } = loaded;
  const k = h(
    "select",
    { id: "alt-k", name: "k" },
    [2, 3].map((n) => h("option", { value: String(n), selected: n === 2 }, String(n))),
  );
  const seconds = h("input", {
    id: "alt-seconds",
    name: "seconds",
    type: "number",
    min: "1",
    max: "300",
    value: String(DEFAULT_SECONDS),
    "aria-describedby": "alt-hint",
  });
  const status = h("div", {});
  const submit = h("button", { type: "submit" }, "Make alternatives");
  const form = h(
    "form",
    {
      onsubmit: async (event: Event) => {
        event.preventDefault();
        submit.disabled = true;
        render(status, h("p", { role: "status" }, `Solving ${k.value} alternatives (about ${seconds.value} s)…`));
        try {
          const made = await sendJson<Alternatives>("POST", `${rotaPath(record.id)}/alternatives`, {
            k: Number(k.value),
            timeLimitSeconds: Number(seconds.value),
          });
          const refs = [`${record.id}@${version.version}`, ...made.alternatives.map((a) => a.id)];
          location.hash = `#/compare/${refs.map(encodeURIComponent).join(",")}`;
        } catch (error) {
          render(status, failureBlock("The alternatives could not be made", error));
          submit.disabled = false;
        }
      },
    },
    h(
      "p",
      { class: "hint", id: "alt-hint" },
      "Good rotas for the same week that weigh the rules differently (coverage first, fairness first, preferences " +
        "first). Each is kept as a rota of its own.",
    ),
    h(
      "div",
      { class: "fields" },
      h("div", { class: "field" }, h("label", { for: "alt-k" }, "How many"), k),
      h("div", { class: "field" }, h("label", { for: "alt-seconds" }, "Time for all (seconds)"), seconds),
    ),
    submit,
    status,
  );
  return h("details", { class: "card" }, h("summary", {}, "Alternatives"), form);
}
