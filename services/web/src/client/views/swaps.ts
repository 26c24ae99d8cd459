import { getJson, sendJson } from "../api";
import { announce, h, render } from "../dom";
import type { CellGap } from "../grid";
import { formatSpan as span } from "@deskrota/core";
import { nameLookup } from "../people";
import type { SwapCandidate, SwapReport } from "../types";
import { failureBlock } from "./failure";
import { type Loaded, rotaPath } from "./load";

export interface SwapRequest {
  loaded: Loaded;
  gap: CellGap;
  point: { id: string; name: string };
  zone: string;
  onApplied: (version: number) => void;
}

function scoreWords(change: number): string {
  const rounded = Math.round(change * 10) / 10;
  if (rounded === 0) return "score unchanged";
  return rounded < 0 ? `score ${rounded} (better)` : `score +${rounded} (worse)`;
}

// Net effect first, in the core's words (each candidate was applied and checked);
// "takes it" only where cover is better.
function netEffect(c: SwapCandidate): { words: string; takesIt: boolean } {
  return { words: c.summary, takesIt: c.takes !== "moves" };
}

function candidateItem(
  c: SwapCandidate,
  request: SwapRequest & { now: string },
  status: HTMLElement,
  dialog: HTMLDialogElement,
): HTMLElement {
  const { loaded, gap, point, zone } = request;
  const name = nameLookup(loaded.problem)(c.person);
  const net = netEffect(c);
  const apply = h(
    "button",
    {
      type: "button",
      class: "primary",
      onclick: async () => {
        apply.disabled = true;
        render(status, h("p", { role: "status" }, `Giving the gap to ${name}…`));
        try {
          const result = await sendJson<{ version: number }>("POST", `${rotaPath(loaded.record.id)}/swaps`, {
            point: point.id,
            start: gap.start,
            end: gap.end,
            person: c.person,
            version: loaded.version.version,
            now: request.now,
          });
          announce(`Applied: version ${result.version}.`);
          dialog.close();
          request.onApplied(result.version);
        } catch (error) {
          render(status, failureBlock("The swap could not be applied", error));
          apply.disabled = false;
        }
      },
    },
    net.takesIt ? `Apply: ${name} takes it` : `Apply: ${name} moves the gap`,
  );
  return h(
    "li",
    { class: "candidate" },
    h("p", { class: net.takesIt ? "net better" : "net moves" }, h("strong", {}, "Net effect: "), net.words),
    h(
      "p",
      {},
      h("strong", {}, name),
      ` — ${c.whole ? "the whole gap" : `part of it: ${span(c.covers.start, c.covers.end, zone)}`}; ${c.knockOn} ` +
        `knock-on ${c.knockOn === 1 ? "change" : "changes"}; ${scoreWords(c.scoreChange)}`,
    ),
    c.costs.length > 0 &&
      h(
        "ul",
        { class: "costs" },
        c.costs.map((cost) => h("li", {}, cost)),
      ),
    apply,
  );
}

/**
 * A gap's ranked swap candidates in a modal dialog; one click applies one as a new version. The
 * browser's clock is `now` for both the candidates and the swap: nothing that started before it
 * changes, and the dialog says which part of the gap that leaves as it is.
 */
export function openSwaps(opened: SwapRequest): void {
  const request = { ...opened, now: new Date().toISOString() };
  const { loaded, gap, point, zone } = request;
  const body = h("div", {}, h("p", { role: "status" }, "Looking for who could take it…"));
  const status = h("div", {});
  const dialog = h(
    "dialog",
    { class: "swaps", "aria-labelledby": "swaps-title" },
    h("h2", { id: "swaps-title" }, `Who could take ${point.name}, ${span(gap.start, gap.end, zone)}?`),
    h("p", { class: "gap-line" }, h("span", { "aria-hidden": "true" }, "⚠ "), `${gap.missing} missing: ${gap.reason}`),
    body,
    status,
    h("form", { method: "dialog" }, h("button", { type: "submit" }, "Close")),
  );
  dialog.addEventListener("close", () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  const query = new URLSearchParams({
    point: point.id,
    start: gap.start,
    end: gap.end,
    version: String(loaded.version.version),
    now: request.now,
  });
  const nameOf = nameLookup(loaded.problem);
  getJson<SwapReport>(`${rotaPath(loaded.record.id)}/swap-candidates?${query}`).then(
    (report) => {
      render(
        body,
        report.frozen && h("p", { class: "notice" }, h("strong", {}, "Before now nothing changes: "), report.frozen),
        report.candidates.length
          ? [
              h(
                "p",
                {},
                `${report.candidates.length} ${report.candidates.length === 1 ? "person" : "people"} could, best ` +
                  `first:`,
              ),
              h(
                "ol",
                { class: "candidates" },
                report.candidates.map((c) => candidateItem(c, request, status, dialog)),
              ),
            ]
          : h("p", {}, "Nobody can take any of it without breaking a rule."),
        report.unable.length > 0 &&
          h(
            "details",
            {},
            h("summary", {}, "Why not others"),
            h(
              "ul",
              {},
              report.unable.map((u) => h("li", {}, `${nameOf(u.person)}: ${u.reason}`)),
            ),
          ),
      );
      announce(`${report.candidates.length} candidates.`);
    },
    (error: unknown) => render(body, failureBlock("The candidates could not be found", error)),
  );
}
