import { sendJson } from "../api";
import { focusHeading, h, render } from "../dom";
import type { View } from "../main";
import type { RotaSummary } from "../types";
import { failureBlock } from "./failure";

/** The problems bundled with deskrota (docs/examples), served beside the page. */
const EXAMPLES = [
  { file: "small-campus", label: "Small campus: one library, 10 people" },
  { file: "typical-week", label: "Typical week: 3 libraries, 60 people" },
  { file: "dst-week", label: "Clocks-change week: a 24-hour library, 40 people" },
  { file: "large-system", label: "Large system: 10 sites, 300 people" },
] as const;

const DEFAULT_SECONDS = 10;

async function problemFrom(source: string, file: File | undefined, example: string): Promise<unknown> {
  if (source === "file") {
    if (!file) throw new Error("Choose a problem file first.");
    try {
      return JSON.parse(await file.text());
    } catch {
      throw new Error(`${file.name} is not JSON: a problem file is JSON in format v1.`);
    }
  }
  const res = await fetch(`/examples/${encodeURIComponent(example)}.json`);
  if (!res.ok) throw new Error(`the example ${example} could not be loaded (${res.status})`);
  return res.json();
}

export const createView: View = (main) => {
  const status = h("div", { id: "create-status" });
  const fileInput = h("input", {
    type: "file",
    id: "problem-file",
    name: "file",
    accept: ".json,application/json",
    "aria-describedby": "file-hint",
  });
  const exampleSelect = h(
    "select",
    { id: "example", name: "example" },
    EXAMPLES.map((e) => h("option", { value: e.file }, e.label)),
  );
  const name = h("input", {
    id: "rota-name",
    name: "name",
    type: "text",
    maxlength: "200",
    placeholder: "e.g. week 48",
  });
  const seconds = h("input", {
    id: "time-limit",
    name: "seconds",
    type: "number",
    min: "1",
    max: "300",
    step: "1",
    value: String(DEFAULT_SECONDS),
    "aria-describedby": "limit-hint",
  });
  const submit = h("button", { type: "submit", class: "primary" }, "Solve");
  const radio = (value: string, label: string, checked: boolean) =>
    h(
      "label",
      { class: "choice" },
      h("input", { type: "radio", name: "source", value, checked, onchange: sync }),
      label,
    );

  function sync(): void {
    const fromFile =
      (form.querySelector<HTMLInputElement>('input[name="source"]:checked')?.value ?? "example") === "file";
    fileInput.disabled = !fromFile;
    exampleSelect.disabled = fromFile;
  }

  const form = h(
    "form",
    {
      class: "card form",
      onsubmit: async (event: Event) => {
        event.preventDefault();
        const source = form.querySelector<HTMLInputElement>('input[name="source"]:checked')?.value ?? "example";
        submit.disabled = true;
        render(status, h("p", { role: "status" }, "Sending the problem…"));
        try {
          const problem = await problemFrom(source, fileInput.files?.[0], exampleSelect.value);
          const query = new URLSearchParams({ timeLimitSeconds: seconds.value || String(DEFAULT_SECONDS) });
          const label =
            name.value.trim() ||
            (source === "file"
              ? fileInput.files?.[0]?.name.replace(/\.json$/, "")
              : exampleSelect.selectedOptions[0]?.textContent?.split(":")[0]);
          if (label) query.set("name", label);
          const created = await sendJson<RotaSummary>("POST", `/v1/rotas?${query}`, problem);
          location.hash = `#/rotas/${encodeURIComponent(created.id)}`;
        } catch (error) {
          render(status, failureBlock("The rota could not be started", error));
          submit.disabled = false;
        }
      },
    },
    h(
      "fieldset",
      {},
      h("legend", {}, "Problem"),
      h("div", { class: "field" }, radio("example", "A bundled example", true), exampleSelect),
      h("div", { class: "field" }, radio("file", "A problem file (format v1, JSON)", false), fileInput),
      h(
        "p",
        { class: "hint", id: "file-hint" },
        "Sites, service points, cover and people, as described in FORMAT.md. Every mistake in the file is listed " +
          "with where it is.",
      ),
    ),
    h("div", { class: "field" }, h("label", { for: "rota-name" }, "Name (optional)"), name),
    h(
      "div",
      { class: "field" },
      h("label", { for: "time-limit" }, "Time limit (seconds)"),
      seconds,
      h(
        "p",
        { class: "hint", id: "limit-hint" },
        "The solver keeps improving the rota until then; you can stop it earlier and keep the best so far.",
      ),
    ),
    submit,
  );
  render(main, h("h1", {}, "New rota"), form, status);
  sync();
  focusHeading(main);
};
