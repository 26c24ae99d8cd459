import { getJson, sendJson } from "../api";
import { focusHeading, h, render } from "../dom";
import type { View } from "../main";
import { DAY_KEYS } from "../time";
import type { Setup, SetupRevision, SetupView } from "../types";
import { type Band, type CoverOptions, coverEditor } from "./cover-timeline";
import { failureBlock } from "./failure";

// One site of the setup (or a new one): opening hours per weekday, dated exceptions (a closed day,
// shorter hours), and its service points, added, renamed or removed, each with its cover bands on a
// day timeline. Saving is one revision; what removing a point does is said before it is saved.

type Windows = [string, string][];
type Site = Setup["sites"][number];

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

type Point = Site["servicePoints"][number];

const text = (id: string, label: string, value: string, extra: Record<string, string> = {}) =>
  h("div", { class: "field" }, h("label", { for: id }, label), h("input", { id, value, ...extra }));

const trainingLine = (names: string[]) =>
  names.length > 0
    ? ` Training records on it go too (nobody could train there): ${names.join(", ")}.`
    : " Nobody has a training record on it.";

/**
 * The setup with `site` in place, and each person's training records that name no point (by id or
 * kind) left anywhere dropped: the setup refuses a record on a point that no longer exists.
 */
function withSite(setup: Setup, site: Site): { next: Setup; gone: string[] } {
  const sites = setup.sites.some((s) => s.id === site.id)
    ? setup.sites.map((s) => (s.id === site.id ? site : s))
    : [...setup.sites, site];
  const keys = new Set(sites.flatMap((s) => s.servicePoints.flatMap((p) => [p.id, p.kind])));
  const gone: string[] = [];
  const people = setup.people.map((p) => {
    const kept = Object.entries(p.training ?? {}).filter(([key]) => keys.has(key));
    if (kept.length === Object.keys(p.training ?? {}).length) return p;
    gone.push(`${p.name} (${p.id})`);
    return { ...p, training: Object.fromEntries(kept) };
  });
  return { next: { ...setup, sites, people }, gone };
}

/** A point's id, name or kind, kept in the point as it is typed: removing another point redraws the list. */
const field = (
  point: Point,
  key: "id" | "name" | "kind",
  i: number,
  label: string,
  extra: Record<string, string> = {},
) =>
  h(
    "div",
    { class: "field" },
    h("label", { for: `point-${key}-${i}` }, label),
    h("input", {
      id: `point-${key}-${i}`,
      required: "",
      value: point[key],
      oninput: (e: Event) => {
        point[key] = (e.target as HTMLInputElement).value;
      },
      ...extra,
    }),
  );

/** The service points of the site being edited: each with its name, kind and cover editor, or removed. */
function pointsEditor(
  initial: Point[],
  isNew: boolean,
  trainingGone: (remaining: Point[]) => string[],
  cover: CoverOptions,
) {
  const points = initial.map((p) => ({
    point: p,
    editor: coverEditor(p.id, p.name, p.cover as Band[], cover),
    fresh: isNew,
  }));
  const removed: Point[] = [];
  const box = h("div", {});
  const notice = h("div", { role: "status" });
  const draw = () => {
    render(
      box,
      points.map((entry, i) =>
        h(
          "section",
          { class: "card point", "aria-label": `Service point ${entry.point.name || i + 1}` },
          h(
            "div",
            { class: "fields" },
            entry.fresh && field(entry.point, "id", i, `Id of service point ${i + 1}`, { autocomplete: "off" }),
            field(entry.point, "name", i, `Name of service point ${i + 1}`),
            field(entry.point, "kind", i, `Kind of service point ${i + 1} (e.g. helpdesk)`),
          ),
          entry.editor.root,
          h(
            "button",
            {
              type: "button",
              class: "danger",
              disabled: points.length === 1,
              onclick: () => {
                points.splice(i, 1);
                if (!entry.fresh) removed.push(entry.point);
                draw();
              },
            },
            `Remove service point ${entry.point.name || i + 1}`,
          ),
        ),
      ),
    );
    render(
      notice,
      removed.length > 0 &&
        h(
          "p",
          { class: "notice" },
          h("strong", {}, `Saving removes ${removed.map((p) => p.name).join(", ")}. `),
          "Weeks built from then on have no such point; rotas already made keep their own copy of the week, so " +
            "published ones stay readable. Undo on the next page brings it back.",
          trainingLine(trainingGone(points.map((e) => e.point))),
        ),
    );
  };
  draw();
  const add = h(
    "button",
    {
      type: "button",
      onclick: () => {
        const n = points.length + 1;
        const point: Point = { id: "", name: "", kind: "helpdesk", cover: [] };
        points.push({ point, editor: coverEditor(`new-${n}`, `service point ${n}`, [], cover), fresh: true });
        draw();
        box.querySelector<HTMLInputElement>(`#point-id-${n - 1}`)?.focus();
      },
    },
    "Add a service point",
  );
  const value = (): Point[] =>
    points.map((entry) => ({
      ...entry.point,
      id: entry.point.id.trim(),
      name: entry.point.name.trim(),
      kind: entry.point.kind.trim(),
      cover: entry.editor.value(),
    }));
  const refresh = () => {
    for (const entry of points) entry.editor.refresh();
  };
  return { root: h("div", {}, box, add, notice), value, refresh };
}

export const setupSiteView: View = async (main, route, signal) => {
  const id = route.path[2] ?? "";
  const { setup } = await getJson<SetupView>("/v1/setup");
  if (signal.aborted) return;
  const adding = id === "new";
  const site: Site | undefined = adding
    ? {
        id: "",
        name: "",
        open: Object.fromEntries(DAY_KEYS.slice(0, 5).map((d) => [d, [["09:00", "17:00"]]])),
        servicePoints: [
          {
            id: "",
            name: "Help desk",
            kind: "helpdesk",
            cover: [{ days: ["mon", "tue", "wed", "thu", "fri"], from: "09:00", to: "17:00", min: 1 }],
          },
        ],
      }
    : setup.sites.find((s) => s.id === id);
  if (!site) throw new Error(`there is no site ${id} in the setup`);
  const status = h("div", {});
  const dayInputs = DAY_KEYS.map((d) =>
    h(
      "div",
      { class: "field" },
      h("label", { for: `open-${d}` }, DAY_NAMES[d]),
      h("input", {
        id: `open-${d}`,
        value: windowsText(site.open[d] as Windows | undefined),
        placeholder: "closed",
        // The bars say at once where a band falls outside the hours being typed.
        oninput: () => points.refresh(),
      }),
    ),
  );
  const exceptions = (site.exceptions ?? []).map((e) => ({ ...e }));
  const exceptionList = h("tbody", {});
  const drawExceptions = () =>
    render(
      exceptionList,
      exceptions.length === 0 &&
        h("tr", {}, h("td", { colspan: "3", class: "hint" }, "None: every date keeps the weekly hours.")),
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
                points.refresh();
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
                points.refresh();
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
                  points.refresh();
                },
              },
              `Remove exception ${i + 1}`,
            ),
          ),
        ),
      ),
    );
  drawExceptions();
  const openOn = (day: (typeof DAY_KEYS)[number]): Windows => {
    const input = dayInputs[DAY_KEYS.indexOf(day)]?.querySelector("input");
    return parseWindows(input?.value ?? "").filter((w) => w.length === 2 && w.every((t) => /^\d\d:\d\d$/.test(t)));
  };
  const points = pointsEditor(
    site.servicePoints,
    adding,
    (remaining) => withSite(setup, { ...site, servicePoints: remaining }).gone,
    {
      slot: setup.slotMinutes,
      openOn,
      // Only well-formed hours: a half-typed one draws no cut.
      exceptions: () =>
        exceptions.map((e) => ({
          ...e,
          open: (e.open as Windows).filter((w) => w.length === 2 && w.every((t) => /^\d\d:\d\d$/.test(t))),
        })),
    },
  );
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
        const value = (sel: string) => form.querySelector<HTMLInputElement>(sel)?.value.trim() ?? "";
        const next = {
          ...site,
          id: adding ? value("#site-id") : site.id,
          name: value("#site-name"),
          open,
          // A site saved without exceptions keeps none, rather than "[]" reported as a change.
          ...(site.exceptions || exceptions.length ? { exceptions: exceptions.filter((e) => e.date) } : {}),
          servicePoints: points.value(),
        };
        const note = `${adding ? "added" : "edited"} ${next.name}`;
        // Training records on a removed point go in the same revision, so Undo brings both back.
        const whole = withSite(setup, next);
        try {
          const made =
            whole.gone.length > 0
              ? await sendJson<SetupView>("PUT", `/v1/setup?note=${encodeURIComponent(note)}`, whole.next)
              : await sendJson<SetupRevision>(
                  "PUT",
                  `/v1/setup/sites/${encodeURIComponent(next.id)}?note=${encodeURIComponent(note)}`,
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
      adding && text("site-id", "Id", "", { required: "", autocomplete: "off" }),
      text("site-name", "Name", site.name, { required: "" }),
    ),
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
    h("fieldset", { class: "points" }, h("legend", {}, "Service points"), points.root),
    h("button", { type: "submit", class: "primary" }, adding ? "Add this site" : "Save the site"),
    status,
  );
  render(
    main,
    h("p", {}, h("a", { href: "#/setup" }, "Back to the setup")),
    h("h1", {}, adding ? "Add a site" : site.name),
    form,
  );
  focusHeading(main);
};
