import { getJson, sendJson } from "../api";
import { focusHeading, h, render } from "../dom";
import type { View } from "../main";
import { DAY_KEYS } from "../time";
import type { SetupRevision, SetupView } from "../types";
import { type Band, coverEditor } from "./cover-timeline";
import { failureBlock } from "./failure";

// One site of the setup: opening hours per weekday, dated exceptions (a closed day, shorter hours),
// and each service point's cover bands on a day timeline. Saving is one revision.

type Windows = [string, string][];

const DAY_NAMES = {
  mon: "Monday",
  tue: "Tuesday",
  wed: "Wednesday",
  thu: "Thursday",
  fri: "Friday",
  sat: "Saturday",
  sun: "Sunday",
} as const;

/** "09:00-17:00, 18:00-20:00" ⇄ [["09:00","17:00"],["18:00","20:00"]]; "" is closed. */
const windowsText = (w: Windows | undefined) => (w ?? []).map(([f, t]) => `${f}-${t}`).join(", ");
const parseWindows = (text: string): Windows =>
  text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => part.split(/\s*[-–]\s*/) as [string, string]);

export const setupSiteView: View = async (main, route, signal) => {
  const id = route.path[2] ?? "";
  const { setup } = await getJson<SetupView>("/v1/setup");
  if (signal.aborted) return;
  const site = setup.sites.find((s) => s.id === id);
  if (!site) throw new Error(`there is no site ${id} in the setup`);
  const status = h("div", {});
  const dayInputs = DAY_KEYS.map((d) =>
    h(
      "div",
      { class: "field" },
      h("label", { for: `open-${d}` }, DAY_NAMES[d]),
      h("input", { id: `open-${d}`, value: windowsText(site.open[d] as Windows | undefined), placeholder: "closed" }),
    ),
  );
  const exceptions = (site.exceptions ?? []).map((e) => ({ ...e }));
  const exceptionList = h("tbody", {});
  const drawExceptions = () =>
    render(
      exceptionList,
      exceptions.map((e, i) =>
        h(
          "tr",
          {},
          h(
            "td",
            {},
            h("input", {
              type: "date",
              "aria-label": `Date of exception ${i + 1}`,
              value: e.date,
              onchange: (ev: Event) => {
                e.date = (ev.target as HTMLInputElement).value;
              },
            }),
          ),
          h(
            "td",
            {},
            h("input", {
              "aria-label": `Opening hours of exception ${i + 1} (empty: closed)`,
              value: windowsText(e.open as Windows),
              placeholder: "closed",
              onchange: (ev: Event) => {
                e.open = parseWindows((ev.target as HTMLInputElement).value);
              },
            }),
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
                  exceptions.splice(i, 1);
                  drawExceptions();
                },
              },
              `Remove exception ${i + 1}`,
            ),
          ),
        ),
      ),
    );
  drawExceptions();
  const covers = site.servicePoints.map((p) => ({ point: p, editor: coverEditor(p.id, p.name, p.cover as Band[]) }));
  const form = h(
    "form",
    {
      class: "card form wide",
      onsubmit: async (event: Event) => {
        event.preventDefault();
        const open = Object.fromEntries(
          DAY_KEYS.map((d) => [
            d,
            parseWindows((form.querySelector<HTMLInputElement>(`#open-${d}`) as HTMLInputElement).value),
          ]).filter(([, w]) => (w as Windows).length),
        );
        const next = {
          ...site,
          open,
          exceptions: exceptions.filter((e) => e.date),
          servicePoints: covers.map(({ point, editor }) => ({ ...point, cover: editor.value() })),
        };
        try {
          const made = await sendJson<SetupRevision>(
            "PUT",
            `/v1/setup/sites/${encodeURIComponent(site.id)}?note=${encodeURIComponent(`edited ${site.name}`)}`,
            next,
          );
          location.hash = `#/setup?saved=${made.revision}`;
        } catch (error) {
          render(status, failureBlock("Not saved", error));
        }
      },
    },
    h(
      "fieldset",
      {},
      h("legend", {}, "Opening hours (e.g. 09:00-17:00, 18:00-20:00; empty: closed)"),
      h("div", { class: "fields" }, dayInputs),
    ),
    h(
      "fieldset",
      {},
      h("legend", {}, "Dated exceptions"),
      h(
        "table",
        { class: "list" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            ["Date", "Open", ""].map((t) => h("th", { scope: "col" }, t)),
          ),
        ),
        exceptionList,
      ),
      h(
        "button",
        {
          type: "button",
          onclick: () => {
            exceptions.push({ date: "", open: [] });
            drawExceptions();
          },
        },
        "Add an exception",
      ),
    ),
    covers.map((c) => c.editor.root),
    h("button", { type: "submit", class: "primary" }, "Save the site"),
    status,
  );
  render(main, h("p", {}, h("a", { href: "#/setup" }, "Back to the setup")), h("h1", {}, site.name), form);
  focusHeading(main);
};
