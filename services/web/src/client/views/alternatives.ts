import { sendJson } from "../api";
import { h, render } from "../dom";
import { failureBlock } from "./failure";
import { type Loaded, rotaPath } from "./load";

interface Alternatives {
  alternatives: { id: string; profile: string; description: string; tradeOff: string; goal?: { words: string } }[];
  dropped: { profile: string; reason: string }[];
}

const DEFAULT_SECONDS = 6;
const PROFILES = 4;

/**
 * What was made: each alternative offered with its trade-off, the profiles not offered with why,
 * and the way to the comparison with this version.
 */
function madeSummary(made: Alternatives, compareHash: string): HTMLElement {
  const [, ...offered] = made.alternatives;
  return h(
    "div",
    { role: "status", class: "alternatives-made" },
    h(
      "p",
      {},
      offered.length === 0
        ? "No profile gives a rota clearly better on its goal than the balanced one."
        : `${offered.length} ${offered.length === 1 ? "alternative shows" : "alternatives show"} a real trade-off:`,
    ),
    offered.length > 0 &&
      h(
        "ul",
        { class: "trade-offs" },
        offered.map((a) => h("li", {}, a.tradeOff)),
      ),
    made.dropped.length > 0 &&
      h(
        "details",
        { class: "dropped" },
        h("summary", {}, `Not offered (${made.dropped.length})`),
        h(
          "ul",
          {},
          made.dropped.map((d) => h("li", {}, d.reason)),
        ),
      ),
    h("p", {}, h("a", { href: compareHash }, "Compare them with this version side by side")),
  );
}

/** Solve the same problem under other weightings, then compare them with this version side by side. */
export function alternativesForm(loaded: Loaded): HTMLElement {
  const { record, version } = loaded;
  const k = h(
    "select",
    { id: "alt-k", name: "k" },
    [2, 3, 4].map((n) => h("option", { value: String(n), selected: n === PROFILES }, String(n))),
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
          render(status, madeSummary(made, `#/compare/${refs.map(encodeURIComponent).join(",")}`));
          submit.disabled = false;
        } catch (error) {
          render(status, failureBlock("The alternatives could not be made", error));
          submit.disabled = false;
        }
      },
    },
    h(
      "p",
      { class: "hint", id: "alt-hint" },
      "The balanced rota, and started from it, rotas that put one goal first (cover, fairness, preferences) and " +
        "change only what that goal needs. A profile is offered only when it is clearly better on its goal and " +
        "not beaten on every figure; each offered is kept as a rota of its own.",
    ),
    h(
      "div",
      { class: "fields" },
      h("div", { class: "field" }, h("label", { for: "alt-k" }, "Profiles to try"), k),
      h("div", { class: "field" }, h("label", { for: "alt-seconds" }, "Time for all (seconds)"), seconds),
    ),
    submit,
    status,
  );
  return h("details", { class: "card" }, h("summary", {}, "Alternatives"), form);
}
