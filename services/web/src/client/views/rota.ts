import { download, sendJson } from "../api";
import { announce, focusHeading, h, render } from "../dom";
import type { View } from "../main";
import type { RotaView, VersionSummary } from "../types";
import { absenceForm } from "./absence";
import { alternativesForm } from "./alternatives";
import { editForm } from "./edit";
import { failureBlock } from "./failure";
import { siteTabs } from "./grid-view";
import { headline, solverDetails } from "./headline";
import { getRota, type Loaded, loadVersion, rotaPath } from "./load";
import { followSolve } from "./progress";
import { openSwaps } from "./swaps";
import { absenceUndo, restoreCard } from "./undo";

export const versionHash = (id: string, version: number, site?: string | null) =>
  `#/rotas/${encodeURIComponent(id)}/v/${version}${site ? `?site=${encodeURIComponent(site)}` : ""}`;

/** How a version came about, from what the server recorded with it. */
export function versionLabel(v: VersionSummary): string {
  const reason = v.minimalReason ?? "";
  const what =
    v.kind === "solve"
      ? "solved"
      : reason.startsWith("edited by hand")
        ? "edited by hand"
        : reason.startsWith("restores ")
          ? reason.replace(/ as it was$/, "")
          : reason.startsWith("re-solved around")
            ? "re-solved around pins"
            : v.change
              ? "after a change"
              : "after a swap";
  return `v${v.version}: ${what}${v.published ? " (published)" : ""}`;
}

/** What changed against the version this one came from, in words. */
function changesBlock(loaded: Loaded): HTMLElement | null {
  const { version } = loaded;
  if (version.baseVersion === null || !version.diff) return null;
  const words = version.diff.words;
  return h(
    "section",
    { class: "card changes", "aria-labelledby": "changes-title" },
    h(
      "h2",
      { id: "changes-title" },
      `Changes from v${version.baseVersion}: ${version.diff.changes} ` +
        `${version.diff.changes === 1 ? "change" : "changes"}`,
    ),
    words.length
      ? h(
          "ul",
          {},
          words.map((w) => h("li", {}, w)),
        )
      : h("p", {}, "Nobody's stints changed."),
    // A coordinator's own action (an edit, an undo, a re-solve) is not a repair: nothing to prove.
    version.minimal !== null &&
      (/^(edited by hand|restores |re-solved around)/.test(version.minimalReason ?? "")
        ? h(
            "p",
            { class: "hint" },
            `This version ${version.minimalReason}.`.replace("version edited", "version was edited"),
          )
        : h(
            "p",
            { class: "hint" },
            version.minimal ? "Proven to be the fewest changes possible" : "Not proven to be the fewest changes",
            version.minimalReason ? `: ${version.minimalReason}` : ".",
          )),
    h("p", { class: "hint" }, "Changed cells are outlined and marked ✎ in the grid, with who was there before."),
  );
}

function toolbar(loaded: Loaded, site: () => string | null): HTMLElement {
  const { record, versions, version } = loaded;
  const picker = h(
    "select",
    {
      id: "version",
      onchange: (event: Event) => {
        location.hash = versionHash(record.id, Number((event.target as HTMLSelectElement).value), site());
      },
    },
    versions.map((v) =>
      h("option", { value: String(v.version), selected: v.version === version.version }, versionLabel(v)),
    ),
  );
  const status = h("span", { role: "status", class: "hint" });
  const publish = h(
    "button",
    {
      type: "button",
      disabled: record.publishedVersion === version.version,
      onclick: async () => {
        publish.disabled = true;
        try {
          await sendJson("POST", `${rotaPath(record.id)}/publish`, { version: version.version });
          status.textContent = `v${version.version} is now the published version.`;
          announce(status.textContent);
          window.dispatchEvent(new HashChangeEvent("hashchange"));
        } catch (error) {
          status.replaceChildren(failureBlock("Could not publish", error));
          publish.disabled = false;
        }
      },
    },
    record.publishedVersion === version.version ? "Published" : "Publish this version",
  );
  const csv = h(
    "button",
    {
      type: "button",
      onclick: async () => {
        try {
          const name = await download(
            `${rotaPath(record.id)}/export.csv?version=${version.version}`,
            `${record.id}.csv`,
          );
          status.textContent = `Downloaded ${name}.`;
        } catch (error) {
          status.replaceChildren(failureBlock("Could not download", error));
        }
      },
    },
    "Download CSV",
  );
  // This version against the one it came from; the first version against the latest.
  const pair =
    version.baseVersion !== null
      ? [version.baseVersion, version.version]
      : [version.version, versions[versions.length - 1]?.version ?? version.version];
  const compareVersions =
    pair[0] !== pair[1] &&
    h(
      "a",
      { class: "button", href: `#/compare/${pair.map((n) => encodeURIComponent(`${record.id}@${n}`)).join(",")}` },
      `Compare v${pair[0]} with v${pair[1]}`,
    );
  return h(
    "div",
    { class: "toolbar" },
    h("label", { for: "version" }, "Version"),
    picker,
    publish,
    csv,
    h("button", { type: "button", onclick: () => window.print() }, "Print"),
    h("a", { class: "button", href: `${versionHash(record.id, version.version)}/overview` }, "All sites at a glance"),
    compareVersions,
    status,
  );
}

export const rotaView: View = async (main, route, signal) => {
  const id = route.path[1] as string;
  const asked = route.path[3] === undefined ? undefined : Number(route.path[3]);
  let record: RotaView = await getRota(id);
  if (signal.aborted) return;
  if (record.status === "queued" || record.status === "solving") {
    const ended = await followSolve(main, record, signal);
    if (!ended) return;
    record = ended;
    announce(record.status === "done" ? "The rota is ready." : "The solve failed.");
  }
  if (record.status === "failed" || record.version === null) {
    render(
      main,
      h("h1", {}, record.name ?? record.id),
      h(
        "div",
        { class: "failure", role: "alert" },
        h("p", {}, h("strong", {}, "This rota could not be solved: "), record.reason ?? "no reason given"),
      ),
      record.issues?.length
        ? h(
            "ul",
            { class: "issues" },
            record.issues.map((i) => h("li", {}, h("code", {}, i.path), ` ${i.message}`)),
          )
        : null,
      h("p", {}, h("a", { href: "#/new" }, "Start a new rota")),
    );
    focusHeading(main);
    return;
  }
  const loaded = await loadVersion(record, asked);
  if (signal.aborted) return;
  let site = route.query.get("site");
  const { version, problem } = loaded;
  const showVersion = (n: number) => {
    location.hash = versionHash(record.id, n, site);
  };
  const isLatest = version.version === record.version;
  const editing = isLatest ? editForm(loaded, showVersion) : undefined;
  render(
    main,
    h(
      "div",
      { class: "title-row" },
      h("h1", {}, record.name ?? record.id),
      h("p", { class: "hint" }, `Week of ${problem.weekStart} · ${problem.people.length} people`),
      headline(problem, version.rota),
    ),
    toolbar(loaded, () => site),
    solverDetails(version.rota),
    version.version !== record.version &&
      h(
        "p",
        { class: "notice" },
        `This is v${version.version}, not the latest (v${record.version}); absences and swaps make a version after ` +
          `the latest. `,
        h("a", { href: versionHash(record.id, record.version ?? version.version, site) }, `Show v${record.version}`),
      ),
    changesBlock(loaded),
    absenceUndo(loaded, showVersion),
    isLatest ? null : restoreCard(loaded, showVersion),
    h("div", { class: "repair" }, absenceForm(loaded, showVersion), alternativesForm(loaded)),
    editing?.root,
    siteTabs(problem, version.rota, {
      personHref: (person) => `${versionHash(record.id, version.version)}/people/${encodeURIComponent(person)}`,
      onGap: (gap, point, grid) => openSwaps({ loaded, gap, point, zone: grid.zone, onApplied: showVersion }),
      ...(editing ? { onEditCell: editing.fill } : {}),
      others: loaded.base ? [loaded.base.rota] : [],
      printHeading:
        `Version ${version.version} of ${record.name ?? record.id}${version.published ? " (published)" : ""} ` +
        `· week of ${problem.weekStart}`,
      ...(loaded.base ? { changedKey: `changed since v${version.baseVersion}` } : {}),
      beforeLabel: () => `changed; v${version.baseVersion ?? ""} had`,
      site,
      onSite: (s) => {
        site = s;
        history.replaceState(null, "", versionHash(record.id, version.version, s));
      },
    }),
  );
  focusHeading(main);
};
