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

/**
 * What the core says a swap does to the rota as a whole (issue 16: each candidate applied and
 * checked). Optional here so the page also reads a server that does not say it yet.
 */
type Described = SwapCandidate & Partial<{ takes: "whole" | "part" | "moves"; summary: string }>;

/** Net effect first, in plain words; "takes it" only where cover is surely better. */
function netEffect(c: Described, zone: string): { words: string; takesIt: boolean } {
  if (c.takes !== undefined)
    return {
      words: c.summary ?? (c.takes === "moves" ? "moves the gap elsewhere" : "less of the week uncovered"),
      takesIt: c.takes !== "moves",
    };
  const what = c.whole ? "fills the whole gap" : `fills ${span(c.covers.start, c.covers.end, zone)} of it`;
  // Without the server's net effect, only a swap that moves none of the person's other stints is
  // sure to leave less uncovered: otherwise the gap may only move to where they were.
  return c.knockOn === 0
    ? { words: `${what}, nothing else changes: less of the week uncovered`, takesIt: true }
    : {
        words:
          `${what}, but ${c.knockOn} of their other ${c.knockOn === 1 ? "stint changes" : "stints change"}: ` +
          `that may open a gap where they were (read the changes before publishing)`,
        takesIt: false,
      };
}

function candidateItem(
  c: Described,
  request: SwapRequest,
  status: HTMLElement,
  dialog: HTMLDialogElement,
): HTMLElement {
  const { loaded, gap, point, zone } = request;
  const name = nameLookup(loaded.problem)(c.person);
  const net = netEffect(c, zone);
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
    net.takesIt
      ? `Apply: ${name} takes it`
      : `Apply: ${name} ${c.takes === "moves" ? "moves the gap" : "covers it, moving their day"}`,
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

/** A gap's ranked swap candidates in a modal dialog; one click applies one as a new version. */
export function openSwaps(request: SwapRequest): void {
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
  });
  const nameOf = nameLookup(loaded.problem);
  getJson<SwapReport>(`${rotaPath(loaded.record.id)}/swap-candidates?${query}`).then(
    (report) => {
      render(
        body,
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
