import { dayChoices } from "./day-choices";
import { h, render } from "../dom";
import { dayShort } from "@deskrota/core";
import type { Band, CoverState } from "./cover-bands";

// The bands as rows under the drawing, for reading them all at once or typing exact times. They edit
// the same bands the bars draw: a row's change redraws the bars, a drag redraws the rows.

export function drawRows(body: HTMLElement, s: CoverState): void {
  const edited = () => s.changed("rows");
  const number = (band: Band, key: "min" | "target" | "max", i: number, optional: boolean) =>
    h("input", {
      type: "number",
      min: "0",
      step: "1",
      class: "short",
      "aria-label": `${key} people, band ${i + 1} of ${s.pointName}`,
      // The three boxes stack in one cell: an empty one still says which number it holds.
      placeholder: key,
      value: band[key] === undefined ? "" : String(band[key]),
      onchange: (e: Event) => {
        const raw = (e.target as HTMLInputElement).value;
        if (raw === "" && optional) delete band[key];
        else band[key] = Number(raw);
        edited();
      },
    });
  const time = (band: Band, key: "from" | "to", i: number) =>
    h("input", {
      type: "time",
      step: String(s.slot * 60),
      "aria-label": `${key === "from" ? "From" : "To"}, band ${i + 1} of ${s.pointName}`,
      value: band[key],
      onchange: (e: Event) => {
        band[key] = (e.target as HTMLInputElement).value;
        edited();
      },
    });
  render(
    body,
    s.bands.map((band, i) =>
      h(
        "tr",
        { class: s.selected?.band === i ? "picked" : null },
        h(
          "td",
          {},
          dayChoices(band, (d) => `${dayShort(d)}, band ${i + 1} of ${s.pointName}`, edited),
        ),
        h("td", {}, time(band, "from", i), " – ", time(band, "to", i)),
        h("td", {}, number(band, "min", i, false), number(band, "target", i, true), number(band, "max", i, true)),
        h("td", {}, h("button", { type: "button", class: "link", onclick: () => s.remove(i) }, `Remove band ${i + 1}`)),
      ),
    ),
  );
}
