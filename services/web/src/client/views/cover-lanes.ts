import { dayShort } from "@deskrota/core";
import { h, render } from "../dom";
import { DAY_KEYS, type DayKey, minutesOf } from "../time";
import {
  type Band,
  barInWords,
  type BarFindings,
  barFindings,
  type CoverState,
  drawn,
  type Edge,
  endOf,
  overlapInWords,
  shifted,
  startOf,
} from "./cover-bands";

// The day timeline itself is the editor: one lane per weekday, a bar per band and day. With a
// pointer (mouse, pen or finger) a bar's edges change its times, its body moves it, and a drag on an
// empty part of a lane draws a new band; every drag snaps to the setup's slot. With the keyboard a bar
// is a button: ←/→ move it, Shift+←/→ move its end, Alt+Shift+←/→ its start, ↑/↓ go to the bar nearest
// in time on the day above or below (days without bars are skipped), Enter opens its numbers, Delete
// removes it. What is wrong with a bar is said under it at once, and in its description.
// Bars are placed through the CSSOM (el.style), which the page's Content-Security-Policy allows.

interface Span {
  from: number;
  to: number;
}

/** The hours the drawing spans: whole hours around every band and opening window, at least 08:00–18:00. */
function spanOf(s: CoverState): Span {
  const windows = DAY_KEYS.flatMap((d) => s.openOn(d));
  const starts = [...s.bands.map(startOf), ...windows.map(([f]) => minutesOf(f) || 0)];
  const ends = [...s.bands.map(endOf), ...windows.map(([, t]) => minutesOf(t) || 24 * 60)];
  return {
    from: Math.max(0, Math.floor(Math.min(8 * 60, ...starts) / 60) * 60),
    to: Math.min(24 * 60, Math.ceil(Math.max(18 * 60, ...ends) / 60) * 60),
  };
}

const percent = (minutes: number, span: Span) => `${((minutes - span.from) / (span.to - span.from)) * 100}%`;

function place(el: HTMLElement, from: number, to: number, span: Span): void {
  el.style.left = percent(from, span);
  el.style.width = percent(span.from + Math.max(0, to - from), span);
}

/** Hour ticks above the lanes (a label every hour, every second hour on long days), lined up with the bars. */
function hourScale(span: Span): HTMLElement {
  const every = span.to - span.from > 12 * 60 ? 120 : 60;
  const scale = h("div", { class: "hour-scale", "aria-hidden": "true" });
  for (let m = span.from; m <= span.to; m += 60) {
    // "major": every other label, the only ones a phone's narrow scale has room for.
    const labelled = m % every === 0 ? (m % (2 * every) === 0 ? "tick labelled major" : "tick labelled") : "tick";
    const tick = h("span", { class: labelled, "data-minutes": m });
    if (m % every === 0) tick.textContent = `${String(Math.floor(m / 60)).padStart(2, "0")}:00`;
    tick.style.left = percent(m, span);
    scale.append(tick);
  }
  return scale;
}

/** What a bar says of its findings: to a screen reader after its words, and on the bar before its numbers. */
const SAID = {
  warn: [", needs attention", "⚠ "],
  overlap: [", overlaps another band", ""],
  cut: [", cut on a dated exception", ""],
} as const;

const short = (band: Band) => [band.min, band.target, band.max].filter((n) => n !== undefined).join("/");

/** A pointer drag's minutes from where it started, read against the track it started on. */
function minutesPerPixel(track: HTMLElement, span: Span): number {
  return (span.to - span.from) / Math.max(1, track.getBoundingClientRect().width);
}

/**
 * The bar nearest `minute` on the first day from `day` in direction `step` (−1 up, +1 down) that has
 * any: ↑/↓ walk the days as a list walks its rows, to bars of any band.
 */
function barAcrossDays(root: HTMLElement, s: CoverState, day: DayKey, step: number, minute: number) {
  for (let d = DAY_KEYS.indexOf(day) + step; d >= 0 && d < DAY_KEYS.length; d += step) {
    const bars = [...root.querySelectorAll<HTMLElement>(`.band[data-day="${DAY_KEYS[d]}"]:not(.ghost)`)];
    const away = (el: HTMLElement) => Math.abs(startOf(s.bands[Number(el.dataset.band)] as Band) - minute);
    const nearest = bars.sort((a, b) => away(a) - away(b))[0];
    if (nearest) return nearest;
  }
  return null;
}

/**
 * Draws the lanes into `root` from the state. `hint` is the id of the keyboard hint every bar is
 * described by; `prefix` makes the ids of the problem notes unique on the page.
 */
export function drawLanes(root: HTMLElement, s: CoverState, hint: string, prefix: string): void {
  const span = spanOf(s);
  // One note per pair of overlapping bands on a day, which both their bars are described by.
  const pairNote = (a: number, b: number, day: DayKey) => `${prefix}-${Math.min(a, b)}-${Math.max(a, b)}-${day}`;
  // A drag that moved ends in a click on the bar: that click must not also open the editor.
  let dragged = false;

  const bar = (band: Band, i: number, day: DayKey, track: HTMLElement, found: BarFindings) => {
    const note = `${prefix}-${i}-${day}`;
    const picked = s.selected?.band === i;
    const kind = found.wrong.length ? "warn" : found.overlaps.length ? "overlap" : found.cuts.length ? "cut" : null;
    const [state, mark] = kind ? SAID[kind] : ["", ""];
    const el = h(
      "button",
      {
        type: "button",
        class: ["band", kind, picked && "picked"].filter(Boolean).join(" "),
        "data-band": i,
        "data-day": day,
        "aria-describedby": [
          found.wrong.length > 0 && note,
          ...found.overlaps.map((o) => pairNote(i, o.band, day)),
          found.cuts.length > 0 && `${note}-cut`,
          hint,
        ]
          .filter(Boolean)
          .join(" "),
      },
      h("span", { class: "edge start", "aria-hidden": "true" }),
      h("span", { class: "visually-hidden" }, `${barInWords(s.pointName, band, day)}${state}`),
      h("span", { class: "band-text", "aria-hidden": "true" }, `${mark}${short(band)}`),
      h("span", { class: "edge end", "aria-hidden": "true" }),
    );
    place(el, startOf(band), endOf(band), span);
    el.addEventListener("pointerdown", (event) => {
      if (event.button !== 0) return;
      const target = event.target as HTMLElement;
      const edge: Edge = target.classList.contains("start")
        ? "start"
        : target.classList.contains("end")
          ? "end"
          : "move";
      const before = { ...band };
      const perPixel = minutesPerPixel(track, span);
      dragged = false;
      el.focus();
      el.setPointerCapture(event.pointerId);
      const move = (e: PointerEvent) => {
        const next = shifted(before, edge, (e.clientX - event.clientX) * perPixel, s.slot, span.from, span.to);
        if (next.from === band.from && next.to === band.to) return;
        dragged = true;
        band.from = next.from;
        band.to = next.to;
        for (const other of root.querySelectorAll<HTMLElement>(`.band[data-band="${i}"]`))
          place(other, startOf(band), endOf(band), span);
      };
      const end = (e: PointerEvent) => {
        el.removeEventListener("pointermove", move);
        el.removeEventListener("pointerup", end);
        el.removeEventListener("pointercancel", end);
        if (!dragged) return;
        // A drag the browser took over (a scroll, a second finger) leaves the band as it was.
        if (e.type === "pointercancel") {
          band.from = before.from;
          band.to = before.to;
        }
        s.selected = { band: i, day };
        s.changed("bar");
      };
      el.addEventListener("pointermove", move);
      el.addEventListener("pointerup", end);
      el.addEventListener("pointercancel", end);
    });
    el.addEventListener("click", (event) => {
      if (event.detail !== 0 && dragged) return;
      s.selected = { band: i, day };
      s.edit(event.detail === 0);
    });
    el.addEventListener("keydown", (event) => {
      const step = { ArrowLeft: -1, ArrowRight: 1 }[event.key];
      const across = { ArrowUp: -1, ArrowDown: 1 }[event.key];
      if (across !== undefined) {
        // Kept from the page scrolling even at the first or last day: the focus stays put there.
        event.preventDefault();
        barAcrossDays(root, s, day, across, startOf(band))?.focus();
      } else if (step !== undefined) {
        event.preventDefault();
        const edge: Edge = !event.shiftKey ? "move" : event.altKey || event.ctrlKey ? "start" : "end";
        const next = shifted(band, edge, step * s.slot, s.slot, 0, 24 * 60);
        band.from = next.from;
        band.to = next.to;
        s.selected = { band: i, day };
        s.changed("bar");
      } else if (event.key === "Delete" || event.key === "Backspace") {
        event.preventDefault();
        s.remove(i);
      }
    });
    return el;
  };

  /** Dragging on an empty part of the lane draws a new band there; a tap without a drag draws nothing. */
  const drawOn = (track: HTMLElement, day: DayKey) => (event: PointerEvent) => {
    const target = event.target as HTMLElement;
    if (event.button !== 0 || target.closest(".band")) return;
    event.preventDefault();
    const rect = track.getBoundingClientRect();
    const at = (x: number) => span.from + ((x - rect.left) / rect.width) * (span.to - span.from);
    const start = at(event.clientX);
    const ghost = h("span", { class: "band ghost", "aria-hidden": "true" });
    let made: Band | null = null;
    track.setPointerCapture(event.pointerId);
    const move = (e: PointerEvent) => {
      const here = Math.min(span.to, Math.max(span.from, at(e.clientX)));
      if (Math.abs(here - start) < s.slot / 2) return;
      made = drawn(day, start, here, s.slot);
      if (!ghost.isConnected) track.append(ghost);
      place(ghost, startOf(made), endOf(made), span);
    };
    const end = (e: PointerEvent) => {
      track.removeEventListener("pointermove", move);
      track.removeEventListener("pointerup", end);
      track.removeEventListener("pointercancel", end);
      ghost.remove();
      if (!made || e.type === "pointercancel") return;
      s.bands.push(made);
      s.selected = { band: s.bands.length - 1, day };
      s.changed("bar");
      s.edit(false);
    };
    track.addEventListener("pointermove", move);
    track.addEventListener("pointerup", end);
    track.addEventListener("pointercancel", end);
  };

  const lane = (day: DayKey) => {
    const track = h("div", { class: "track", "data-day": day });
    for (const [from, to] of s.openOn(day)) {
      const open = h("span", { class: "open-window" });
      place(open, minutesOf(from) || 0, minutesOf(to) || 24 * 60, span);
      track.append(open);
    }
    for (let m = span.from + 60; m < span.to; m += 60) {
      const line = h("span", { class: "hour-line" });
      line.style.left = percent(m, span);
      track.append(line);
    }
    const notes = h("ul", { class: "lane-notes" });
    s.bands.forEach((band, i) => {
      if (!band.days.includes(day)) return;
      const found = barFindings(s.bands, i, day, s.openOn(day), s.slot, s.exceptions());
      track.append(bar(band, i, day, track, found));
      if (found.wrong.length)
        notes.append(h("li", { id: `${prefix}-${i}-${day}` }, `⚠ Band ${i + 1}: ${found.wrong.join("; ")}.`));
      for (const o of found.overlaps.filter((o) => o.band > i))
        notes.append(h("li", { id: pairNote(i, o.band, day), class: "overlap" }, `${overlapInWords(i, o)}.`));
      if (found.cuts.length)
        notes.append(
          h("li", { id: `${prefix}-${i}-${day}-cut`, class: "cut" }, `Band ${i + 1} on ${found.cuts.join("; ")}.`),
        );
    });
    track.addEventListener("pointerdown", drawOn(track, day));
    return h(
      "div",
      { class: "lane", role: "group", "aria-label": `${s.pointName} on ${dayShort(day)}` },
      h("span", { class: "lane-day", "aria-hidden": "true" }, dayShort(day)),
      track,
      notes.childElementCount > 0 && notes,
    );
  };

  render(root, hourScale(span), DAY_KEYS.map(lane));
}
