import { h, render } from "../dom";
import { DAY_KEYS, type DayKey, minutesOf } from "../time";

// A service point's cover bands drawn on a day timeline (one lane per day, bars from band start to
// end labelled min / target / max) above the rows that edit them; the drawing follows every edit.
// Bars are placed through the CSSOM (el.style), which the page's Content-Security-Policy allows.

export interface Band {
  days: DayKey[];
  from: string;
  to: string;
  min: number;
  target?: number;
  max?: number;
}

/** The hours the drawing spans: whole hours around every band, at least 08:00–18:00. */
function spanOf(bands: Band[]): { from: number; to: number } {
  const starts = bands.map((b) => minutesOf(b.from));
  const ends = bands.map((b) => minutesOf(b.to) || 24 * 60);
  return {
    from: Math.max(0, Math.floor(Math.min(8 * 60, ...starts) / 60) * 60),
    to: Math.min(24 * 60, Math.ceil(Math.max(18 * 60, ...ends) / 60) * 60),
  };
}

const percent = (minutes: number, span: { from: number; to: number }) =>
  `${((minutes - span.from) / (span.to - span.from)) * 100}%`;

/** Hour ticks above the lanes (a label every hour, every second hour on long days), lined up with the bars. */
function hourScale(span: { from: number; to: number }): HTMLElement {
  const every = span.to - span.from > 12 * 60 ? 120 : 60;
  const scale = h("div", { class: "hour-scale" });
  for (let m = span.from; m <= span.to; m += 60) {
    const tick = h("span", { class: m % every === 0 ? "tick labelled" : "tick", "data-minutes": m });
    if (m % every === 0) tick.textContent = `${String(Math.floor(m / 60)).padStart(2, "0")}:00`;
    tick.style.left = percent(m, span);
    scale.append(tick);
  }
  return scale;
}

function drawTimeline(lanes: HTMLElement, bands: Band[]): void {
  const span = spanOf(bands);
  render(
    lanes,
    hourScale(span),
    DAY_KEYS.map((day) => {
      const track = h("div", { class: "track" });
      const lane = h("div", { class: "lane" }, h("span", { class: "lane-day" }, day), track);
      for (let m = span.from + 60; m < span.to; m += 60) {
        const line = h("span", { class: "hour-line" });
        line.style.left = percent(m, span);
        track.append(line);
      }
      for (const band of bands.filter((b) => b.days.includes(day))) {
        const from = minutesOf(band.from);
        const to = minutesOf(band.to) || 24 * 60;
        const bar = h(
          "span",
          { class: "band", title: `${band.from}–${band.to}` },
          [band.min, band.target, band.max].filter((n) => n !== undefined).join(" / "),
        );
        bar.style.left = percent(from, span);
        bar.style.width = percent(span.from + Math.max(0, to - from), span);
        track.append(bar);
      }
      return lane;
    }),
  );
}

/** The editor of one point's bands; `value()` reads them back in the format's shape. */
export function coverEditor(
  pointId: string,
  pointName: string,
  initial: Band[],
): { root: HTMLElement; value: () => Band[] } {
  const bands: Band[] = initial.map((b) => ({ ...b, days: [...b.days] }));
  const lanes = h("div", { class: "lanes", "aria-hidden": "true" });
  const rows = h("tbody", {});
  const redraw = () => {
    drawTimeline(lanes, bands);
    render(
      rows,
      bands.map((band, i) => bandRow(band, i)),
    );
  };
  const number = (band: Band, key: "min" | "target" | "max", i: number, optional: boolean) =>
    h("input", {
      type: "number",
      min: "0",
      step: "1",
      class: "short",
      "aria-label": `${key} people, band ${i + 1} of ${pointName}`,
      value: band[key] === undefined ? "" : String(band[key]),
      onchange: (e: Event) => {
        const raw = (e.target as HTMLInputElement).value;
        if (raw === "" && optional) delete band[key];
        else band[key] = Number(raw);
        drawTimeline(lanes, bands);
      },
    });
  const time = (band: Band, key: "from" | "to", i: number) =>
    h("input", {
      type: "time",
      "aria-label": `${key === "from" ? "From" : "To"}, band ${i + 1} of ${pointName}`,
      value: band[key],
      onchange: (e: Event) => {
        band[key] = (e.target as HTMLInputElement).value;
        drawTimeline(lanes, bands);
      },
    });
  const bandRow = (band: Band, i: number) =>
    h(
      "tr",
      {},
      h(
        "td",
        {},
        DAY_KEYS.map((d) =>
          h(
            "label",
            { class: "choice inline" },
            h("input", {
              type: "checkbox",
              "aria-label": `${d}, band ${i + 1} of ${pointName}`,
              checked: band.days.includes(d),
              onchange: (e: Event) => {
                band.days = (e.target as HTMLInputElement).checked
                  ? DAY_KEYS.filter((k) => k === d || band.days.includes(k))
                  : band.days.filter((k) => k !== d);
                drawTimeline(lanes, bands);
              },
            }),
            d,
          ),
        ),
      ),
      h("td", {}, time(band, "from", i), " – ", time(band, "to", i)),
      h("td", {}, number(band, "min", i, false), number(band, "target", i, true), number(band, "max", i, true)),
      h(
        "td",
        {},
        h(
          "button",
          {
            type: "button",
            class: "link",
            onclick: () => {
              bands.splice(i, 1);
              redraw();
            },
          },
          `Remove band ${i + 1}`,
        ),
      ),
    );
  redraw();
  const root = h(
    "fieldset",
    { class: "cover", "data-point": pointId },
    h("legend", {}, `${pointName}: cover by day (min / target / max people)`),
    lanes,
    h(
      "table",
      { class: "list bands" },
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
    h(
      "button",
      {
        type: "button",
        onclick: () => {
          bands.push({ days: ["mon", "tue", "wed", "thu", "fri"], from: "09:00", to: "17:00", min: 1 });
          redraw();
        },
      },
      `Add a band to ${pointName}`,
    ),
  );
  return { root, value: () => bands.map((b) => ({ ...b })) };
}
