import { daysInWords } from "@deskrota/core";
import { announce, h, uid } from "../dom";
import type { DayKey } from "../time";
import { bandPanel } from "./cover-band-panel";
import type { Band, CoverState, DatedException, Source, Windows } from "./cover-bands";
import { drawLanes } from "./cover-lanes";
import { drawRows } from "./cover-rows";

// A service point's cover bands: drawn on a day timeline and edited there (drag, draw, keys; the
// picked band's numbers beside it), with the same bands as rows underneath. One array of bands is
// the state; whichever view changes it, the others are redrawn from it.

export type { Band } from "./cover-bands";

export interface CoverOptions {
  /** the setup's slot length: every drag and key snaps to it */
  slot: number;
  /** the site's opening hours on a weekday as the form holds them now */
  openOn: (day: DayKey) => Windows;
  /** the site's dated exceptions as the form holds them now: a band they cut says so on its bar */
  exceptions: () => readonly DatedException[];
}

/** The editor of one point's bands; `value()` reads them back in the format's shape, `refresh()` redraws
 * after the opening hours change. */
export function coverEditor(
  pointId: string,
  pointName: string,
  initial: Band[],
  options: CoverOptions,
): { root: HTMLElement; value: () => Band[]; refresh: () => void } {
  const bands: Band[] = initial.map((b) => ({ ...b, days: [...b.days] }));
  const lanes = h("div", { class: "lanes" });
  const rows = h("tbody", {});
  const panelBox = h("div", {});
  const hint = uid("cover-hint");
  const notes = uid("cover-note");
  let panelOpen = false;
  // The picked bar, else (its day taken out of the band) the band's first bar, else the add button.
  const focusBar = () => {
    const at = state.selected;
    const bar =
      lanes.querySelector<HTMLElement>(`.band[data-band="${at?.band}"][data-day="${at?.day}"]`) ??
      lanes.querySelector<HTMLElement>(`.band[data-band="${at?.band}"]`);
    (bar ?? add).focus();
  };
  const state: CoverState = {
    bands,
    selected: null,
    pointName,
    slot: options.slot,
    openOn: options.openOn,
    exceptions: options.exceptions,
    changed(source: Source) {
      drawLanes(lanes, state, hint, notes);
      if (source !== "rows") drawRows(rows, state);
      if (source === "panel") panel.update();
      else if (panelOpen) panel.draw(false);
      if (source === "bar") focusBar();
    },
    edit(withFocus: boolean) {
      panelOpen = true;
      drawLanes(lanes, state, hint, notes);
      drawRows(rows, state);
      panel.draw(withFocus);
      if (!withFocus) focusBar();
    },
    remove(index: number) {
      const gone = bands[index] as Band;
      bands.splice(index, 1);
      state.selected = null;
      panelOpen = false;
      panel.close();
      drawLanes(lanes, state, hint, notes);
      drawRows(rows, state);
      announce(`Removed band ${index + 1} of ${pointName}: ${daysInWords(gone.days)} ${gone.from}–${gone.to}.`);
      add.focus();
    },
  };
  const panel = bandPanel(panelBox, state, () => {
    panelOpen = false;
    focusBar();
  });
  const add = h(
    "button",
    {
      type: "button",
      onclick: () => {
        bands.push({ days: ["mon", "tue", "wed", "thu", "fri"], from: "09:00", to: "17:00", min: 1 });
        state.selected = { band: bands.length - 1, day: "mon" };
        state.edit(true);
      },
    },
    `Add a band to ${pointName}`,
  );
  drawLanes(lanes, state, hint, notes);
  drawRows(rows, state);
  const root = h(
    "fieldset",
    { class: "cover", "data-point": pointId },
    h("legend", {}, `${pointName}: cover by day (min / target / max people)`),
    h(
      "p",
      { class: "hint", id: hint },
      `Drag a bar to move it, its edges to change its times, or across an empty part of a day to draw a new band ` +
        `(${options.slot}-minute steps). On a bar: ← and → move it, Shift+← / → move its end, Alt+Shift+← / → ` +
        "its start, ↑ and ↓ go to the day above or below, Enter edits its numbers and days, Delete removes " +
        "the band.",
    ),
    lanes,
    panelBox,
    h(
      "table",
      { class: "list bands" },
      h("caption", { class: "visually-hidden" }, `Bands of ${pointName}`),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          ["Days", "From – to", "Min, target, max", ""].map((t) => h("th", { scope: "col" }, t)),
        ),
      ),
      rows,
    ),
    add,
  );
  return {
    root,
    value: () => bands.map((b) => ({ ...b, days: [...b.days] })),
    refresh: () => {
      drawLanes(lanes, state, hint, notes);
      if (panelOpen) panel.update();
    },
  };
}
