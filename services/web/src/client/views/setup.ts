import { ApiFailure, getJson, sendJson } from "../api";
import { focusHeading, h, render } from "../dom";
import type { View } from "../main";
import type { Setup, SetupPerson, SetupRevision, SetupView } from "../types";
import { failureBlock } from "./failure";
import { historyList, savedBanner } from "./setup-history";

// The desk's people as a table a coordinator can sort and filter (site, role, training), with add,
// edit and remove; every save is a revision with its Undo, and the history lists them all.

type Key = "name" | "role" | "sites" | "target" | "training";

/**
 * "Service Desk: independent, Roving: shadowing": the person's state at each point of their sites, by
 * the point's name; a record on the point's id wins over one on its kind, as the engine reads them.
 */
const trainingIn =
  (setup: Setup) =>
  (p: SetupPerson): string =>
    setup.sites
      .filter((s) => p.sites.includes(s.id))
      .flatMap((s) => s.servicePoints)
      .map((point) => [point.name, p.training?.[point.id] ?? p.training?.[point.kind] ?? "none"] as const)
      .filter(([, state]) => state !== "none")
      .map(([name, state]) => `${name}: ${state}`)
      .join(", ") || "none";

function sortValue(p: SetupPerson, key: Key, siteName: (id: string) => string, training: (p: SetupPerson) => string) {
  if (key === "target") return p.hours.target;
  if (key === "role") return p.role;
  if (key === "sites") return p.sites.map(siteName).join(", ");
  if (key === "training") return training(p);
  return p.name;
}

/** Starting point for an organisation without a setup: one of the bundled examples. */
function startForm(refresh: () => void): HTMLElement {
  const status = h("div", {});
  const pick = h(
    "select",
    { id: "setup-example" },
    ["small-campus", "typical-week", "dst-week", "large-system"].map((e) => h("option", { value: e }, e)),
  );
  return h(
    "form",
    {
      class: "card form",
      onsubmit: async (event: Event) => {
        event.preventDefault();
        try {
          const problem = await (await fetch(`/examples/${pick.value}.json`)).json();
          await sendJson("POST", "/v1/setup/from-problem?note=started%20from%20an%20example", problem);
          refresh();
        } catch (error) {
          render(status, failureBlock("Could not start the setup", error));
        }
      },
    },
    h("p", {}, "There is no setup yet. Start from a bundled example, then edit it here or import a spreadsheet."),
    h("div", { class: "field" }, h("label", { for: "setup-example" }, "Example"), pick),
    h("button", { type: "submit", class: "primary" }, "Start from this example"),
    status,
  );
}

function peopleTable(setup: Setup, remove: (p: SetupPerson) => void): HTMLElement {
  const siteName = (id: string) => setup.sites.find((s) => s.id === id)?.name ?? id;
  const trainingText = trainingIn(setup);
  let key: Key = "name";
  let ascending = true;
  const filters = { site: "", role: "", training: "", text: "" };
  const body = h("tbody", {});
  const count = h("p", { class: "hint", role: "status" });
  const heads: [Key, string][] = [
    ["name", "Name"],
    ["role", "Role"],
    ["sites", "Sites"],
    ["target", "Hours / week"],
    ["training", "Training"],
  ];
  const headCells = heads.map(([k, label]) =>
    h(
      "th",
      { scope: "col", "aria-sort": k === key ? "ascending" : "none" },
      h(
        "button",
        {
          type: "button",
          class: "link sort",
          onclick: () => {
            ascending = key === k ? !ascending : true;
            key = k;
            draw();
          },
        },
        label,
      ),
    ),
  );
  const draw = () => {
    for (const [i, th] of headCells.entries())
      th.setAttribute("aria-sort", heads[i]?.[0] === key ? (ascending ? "ascending" : "descending") : "none");
    const shown = setup.people
      .filter((p) => !filters.site || p.sites.includes(filters.site))
      .filter((p) => !filters.role || p.role === filters.role)
      .filter((p) => !filters.training || Object.values(p.training ?? {}).includes(filters.training as "shadowing"))
      .filter((p) => `${p.name} ${p.id}`.toLowerCase().includes(filters.text.toLowerCase()))
      .sort((a, b) => {
        const [x, y] = [sortValue(a, key, siteName, trainingText), sortValue(b, key, siteName, trainingText)];
        const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
        return ascending ? order : -order;
      });
    count.textContent = `${shown.length} of ${setup.people.length} people shown.`;
    render(
      body,
      shown.map((p) =>
        h(
          "tr",
          {},
          h(
            "th",
            { scope: "row" },
            h("a", { href: `#/setup/people/${encodeURIComponent(p.id)}` }, p.name),
            h("span", { class: "hint" }, ` ${p.id}`),
          ),
          h("td", {}, p.role),
          h("td", {}, p.sites.map(siteName).join(", ")),
          h("td", { class: "num" }, String(p.hours.target)),
          h("td", {}, trainingText(p)),
          h(
            "td",
            {},
            h(
              "button",
              { type: "button", class: "danger", "aria-label": `Remove ${p.name} (${p.id})`, onclick: () => remove(p) },
              "Remove",
            ),
          ),
        ),
      ),
    );
  };
  const select = (id: string, label: string, options: [string, string][], onPick: (v: string) => void) =>
    h(
      "div",
      { class: "field" },
      h("label", { for: id }, label),
      h(
        "select",
        { id, onchange: (e: Event) => onPick((e.target as HTMLSelectElement).value) },
        options.map(([v, l]) => h("option", { value: v }, l)),
      ),
    );
  const filterBar = h(
    "div",
    { class: "fields filters" },
    h(
      "div",
      { class: "field" },
      h("label", { for: "people-text" }, "Name or id"),
      h("input", {
        id: "people-text",
        type: "search",
        oninput: (e: Event) => {
          filters.text = (e.target as HTMLInputElement).value;
          draw();
        },
      }),
    ),
    select(
      "people-site",
      "Site",
      [["", "All sites"], ...setup.sites.map((s) => [s.id, s.name] as [string, string])],
      (v) => {
        filters.site = v;
        draw();
      },
    ),
    select(
      "people-role",
      "Role",
      [
        ["", "All roles"],
        ["staff", "staff"],
        ["student", "student"],
      ],
      (v) => {
        filters.role = v;
        draw();
      },
    ),
    select(
      "people-training",
      "Training",
      [
        ["", "Any training"],
        ["shadowing", "Still shadowing somewhere"],
      ],
      (v) => {
        filters.training = v;
        draw();
      },
    ),
  );
  draw();
  return h(
    "section",
    { "aria-labelledby": "people-title" },
    h("h2", { id: "people-title" }, "People"),
    filterBar,
    count,
    h(
      "div",
      { class: "table-wrap" },
      h(
        "table",
        { class: "list people" },
        h("caption", { class: "visually-hidden" }, "People of the desk; the column buttons sort"),
        h("thead", {}, h("tr", {}, headCells, h("th", { scope: "col" }, "Remove"))),
        body,
      ),
    ),
  );
}

/**
 * What removing a site does, said before it is applied: who still works there (the server refuses
 * until they are moved), its service points going with it, and rotas already made staying readable.
 */
function removeSite(setup: Setup, site: Setup["sites"][number], status: HTMLElement): void {
  const staying = setup.people.filter((p) => p.sites.includes(site.id));
  const confirm = h(
    "button",
    {
      type: "button",
      class: "danger",
      onclick: async () => {
        confirm.disabled = true;
        try {
          const made = await sendJson<SetupRevision>(
            "DELETE",
            `/v1/setup/sites/${encodeURIComponent(site.id)}?note=${encodeURIComponent(`removed ${site.name}`)}`,
          );
          location.hash = `#/setup?saved=${made.revision}`;
        } catch (error) {
          render(status, failureBlock(`${site.name} could not be removed`, error));
        }
      },
    },
    `Remove ${site.name} now`,
  );
  render(
    status,
    h(
      "section",
      { class: "card notice", "aria-label": `Removing ${site.name}` },
      h(
        "p",
        {},
        `Removing ${site.name} removes its service points too (${site.servicePoints.map((p) => p.name).join(", ")}): ` +
          "weeks built from then on leave it out. Rotas already made keep their own copy of their week, so " +
          "published ones stay readable. It is a new revision of the setup: Undo brings it back.",
      ),
      staying.length > 0
        ? h(
            "p",
            {},
            h("strong", {}, `${staying.length} ${staying.length === 1 ? "person works" : "people work"} there: `),
            `${staying.map((p) => `${p.name} (${p.id})`).join(", ")}. Take the site off them first; until then ` +
              "the setup refuses the removal.",
          )
        : h("p", {}, "Nobody works there any more."),
      confirm,
      " ",
      h("button", { type: "button", class: "link", onclick: () => render(status) }, "Keep it"),
    ),
  );
  confirm.focus();
}

function sitesSection(setup: Setup, status: HTMLElement): HTMLElement {
  return h(
    "section",
    { "aria-labelledby": "sites-title" },
    h("h2", { id: "sites-title" }, "Sites"),
    h(
      "ul",
      { class: "sites" },
      setup.sites.map((s) =>
        h(
          "li",
          {},
          h("a", { href: `#/setup/sites/${encodeURIComponent(s.id)}` }, s.name),
          ` · ${s.servicePoints.map((p) => p.name).join(", ")} `,
          h(
            "button",
            {
              type: "button",
              class: "link",
              "aria-label": `Remove ${s.name}`,
              onclick: () => removeSite(setup, s, status),
            },
            "Remove",
          ),
        ),
      ),
    ),
    h("a", { class: "button", href: "#/setup/sites/new" }, "Add a site"),
  );
}

export const setupView: View = async (main, route, signal) => {
  const refresh = () => window.dispatchEvent(new HashChangeEvent("hashchange"));
  let view: SetupView;
  try {
    view = await getJson<SetupView>("/v1/setup");
  } catch (error) {
    if (!(error instanceof ApiFailure && error.status === 404)) throw error;
    render(main, h("h1", {}, "Set up the desk"), startForm(refresh));
    focusHeading(main);
    return;
  }
  if (signal.aborted) return;
  const { setup } = view;
  const saved = Number(route.query.get("saved"));
  const banner = h("div", {});
  if (saved) {
    const made = await getJson<SetupRevision>(`/v1/setup/revisions/${saved}`);
    render(banner, savedBanner(made));
  }
  const status = h("div", {});
  const remove = async (p: { id: string; name: string }) => {
    try {
      const made = await sendJson<SetupRevision>(
        "DELETE",
        `/v1/setup/people/${encodeURIComponent(p.id)}?note=${encodeURIComponent(`removed ${p.name}`)}`,
      );
      location.hash = `#/setup?saved=${made.revision}`;
    } catch (error) {
      render(status, failureBlock(`${p.name} could not be removed`, error));
    }
  };
  render(
    main,
    h("h1", {}, "Set up the desk"),
    h(
      "p",
      { class: "hint" },
      `Revision ${view.revision} · ${setup.sites.length} site${setup.sites.length === 1 ? "" : "s"} · ` +
        `${setup.people.length} ${setup.people.length === 1 ? "person" : "people"} · times in ${setup.timeZone}`,
    ),
    banner,
    h(
      "div",
      { class: "toolbar" },
      h("a", { class: "button primary", href: "#/setup/people/new" }, "Add a person"),
      h("a", { class: "button", href: "#/setup/import" }, "Import or download a spreadsheet"),
      h("a", { class: "button", href: "#/plan" }, "Plan a week or a term"),
    ),
    status,
    sitesSection(setup, status),
    peopleTable(setup, (p) => void remove(p)),
    historyList(view.revision),
  );
  focusHeading(main);
};
