import { dayChoices } from "./day-choices";
import { dayShort, daysInWords, numbersInWords } from "@deskrota/core";
import { h, render } from "../dom";
import type { DayKey } from "../time";
import { type Band, barFindings, bandProblems, type CoverState, overlapInWords } from "./cover-bands";

// The picked bar's band, edited beside the drawing: its times, min / target / max with steppers, its
// days, a day split off into a band of its own, or the band removed. It edits the same band the bar
// draws; Escape (or Done) gives the focus back to the bar.

type NumberKey = "min" | "target" | "max";

/** The band's words and what is wrong with it on the picked day, kept current as its fields change. */
function summary(s: CoverState, i: number, day: DayKey): HTMLElement[] {
  const band = s.bands[i] as Band;
  const found = band.days.includes(day)
    ? barFindings(s.bands, i, day, s.openOn(day), s.slot, s.exceptions())
    : { wrong: bandProblems(band, s.slot), overlaps: [], cuts: [] };
  return [
    h("p", {}, `Band ${i + 1}: ${daysInWords(band.days)} ${band.from}–${band.to}, ${numbersInWords(band)}.`),
    ...found.wrong.map((p) => h("p", { class: "band-problem" }, `⚠ ${p}.`)),
    ...found.overlaps.map((o) => h("p", { class: "band-overlap" }, `${dayShort(day)}: ${overlapInWords(i, o)}.`)),
    ...found.cuts.map((cut) => h("p", { class: "band-overlap" }, `${cut}.`)),
  ];
}

export function bandPanel(root: HTMLElement, s: CoverState, backToBar: () => void) {
  const words = h("div", { role: "status" });
  let shown: { band: number; day: DayKey } | null = null;

  const update = () => {
    if (shown && s.bands[shown.band]) render(words, summary(s, shown.band, shown.day));
  };

  const draw = (withFocus: boolean) => {
    shown = s.selected;
    if (!shown || !s.bands[shown.band]) {
      render(root);
      return;
    }
    const i = shown.band;
    const day = shown.day;
    const band = s.bands[i] as Band;
    const label = `band ${i + 1} of ${s.pointName}`;
    const edited = () => {
      update();
      s.changed("panel");
    };
    const time = (key: "from" | "to", text: string) =>
      h(
        "label",
        { class: "field" },
        text,
        h("input", {
          type: "time",
          step: String(s.slot * 60),
          value: band[key],
          onchange: (e: Event) => {
            band[key] = (e.target as HTMLInputElement).value;
            edited();
          },
        }),
      );
    const number = (key: NumberKey, optional: boolean) => {
      const input = h("input", {
        type: "number",
        min: "0",
        step: "1",
        class: "short",
        value: band[key] === undefined ? "" : String(band[key]),
        onchange: () => set(input.value),
      });
      const set = (raw: string) => {
        if (raw === "" && optional) delete band[key];
        else band[key] = Math.max(0, Number(raw) || 0);
        input.value = band[key] === undefined ? "" : String(band[key]);
        edited();
      };
      const step = (by: number, sign: string, what: string) =>
        h(
          "button",
          {
            type: "button",
            class: "stepper",
            "aria-label": `${what} ${key}`,
            onclick: () => set(String((band[key] ?? (key === "min" ? 0 : band.min)) + by)),
          },
          sign,
        );
      return h(
        "div",
        { class: "field stepped" },
        h("label", {}, `${key[0]?.toUpperCase()}${key.slice(1)}${optional ? " (optional)" : ""}`, input),
        step(-1, "−", "One fewer:"),
        step(1, "+", "One more:"),
      );
    };
    const days = h("fieldset", { class: "band-days" }, h("legend", {}, "On"), dayChoices(band, undefined, edited));
    const split =
      band.days.length > 1 &&
      band.days.includes(day) &&
      h(
        "button",
        {
          type: "button",
          onclick: () => {
            band.days = band.days.filter((d) => d !== day);
            s.bands.push({ ...band, days: [day] });
            s.selected = { band: s.bands.length - 1, day };
            s.edit(true);
          },
        },
        `Make ${dayShort(day)} a band of its own`,
      );
    render(
      root,
      h(
        "section",
        {
          class: "band-panel",
          "aria-label": `Editing ${label}`,
          onkeydown: (e: Event) => {
            if ((e as KeyboardEvent).key !== "Escape") return;
            e.preventDefault();
            render(root);
            backToBar();
          },
        },
        words,
        h("div", { class: "fields" }, time("from", "Starts"), time("to", "Ends")),
        h("div", { class: "fields" }, number("min", false), number("target", true), number("max", true)),
        days,
        h(
          "div",
          { class: "actions" },
          split,
          h("button", { type: "button", class: "danger", onclick: () => s.remove(i) }, `Delete ${label}`),
          h(
            "button",
            {
              type: "button",
              onclick: () => {
                render(root);
                backToBar();
              },
            },
            "Done",
          ),
        ),
      ),
    );
    update();
    if (withFocus) root.querySelector<HTMLInputElement>("input")?.focus();
  };
  return { draw, update, close: () => render(root) };
}
