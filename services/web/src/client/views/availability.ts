import { h } from "../dom";
import { DAY_KEYS, type DayKey, hhmm, minutesOf } from "../time";

// A person's weekly availability painted on a week grid: press and drag with a mouse, a finger or
// a pen to paint (or clear, starting on a painted slot); with the keyboard, arrows move and Space
// toggles. The grid reads and writes the format's own shape: { mon: [["09:00", "17:00"]], … }.

export type WeekHours = Partial<Record<DayKey, [string, string][]>>;

const DAY_NAMES: Record<DayKey, string> = {
  mon: "Monday",
  tue: "Tuesday",
  wed: "Wednesday",
  thu: "Thursday",
  fri: "Friday",
  sat: "Saturday",
  sun: "Sunday",
};

function toRuns(on: Set<string>, slot: number): WeekHours {
  const week: WeekHours = {};
  for (const day of DAY_KEYS) {
    const minutes = [...on]
      .filter((k) => k.startsWith(`${day}@`))
      .map((k) => Number(k.slice(4)))
      .sort((a, b) => a - b);
    const runs: [string, string][] = [];
    let start = -1;
    let last = -1;
    for (const m of minutes) {
      if (m !== last + slot) {
        if (start >= 0) runs.push([hhmm(start), hhmm(last + slot)]);
        start = m;
      }
      last = m;
    }
    if (start >= 0) runs.push([hhmm(start), hhmm(last + slot)]);
    if (runs.length) week[day] = runs;
  }
  return week;
}

export function availabilityPainter(
  initial: WeekHours,
  range: { from: number; to: number; slot: number },
): { root: HTMLElement; value: () => WeekHours } {
  const on = new Set<string>();
  for (const day of DAY_KEYS)
    for (const [from, to] of initial[day] ?? [])
      for (let m = minutesOf(from); m < minutesOf(to); m += range.slot) on.add(`${day}@${m}`);
  const times: number[] = [];
  for (let m = range.from; m < range.to; m += range.slot) times.push(m);
  const cells: HTMLButtonElement[][] = [];
  let painting: boolean | null = null;
  const set = (button: HTMLButtonElement, value: boolean) => {
    const key = button.dataset.key as string;
    if (value) on.add(key);
    else on.delete(key);
    button.setAttribute("aria-pressed", String(value));
  };
  const rows = times.map((m, r) => {
    cells[r] = [];
    return h(
      "tr",
      {},
      h("th", { scope: "row", class: "time" }, hhmm(m)),
      DAY_KEYS.map((day, c) => {
        const button = h("button", {
          type: "button",
          class: "slot",
          "data-key": `${day}@${m}`,
          "aria-pressed": String(on.has(`${day}@${m}`)),
          "aria-label": `${DAY_NAMES[day]} ${hhmm(m)}–${hhmm(m + range.slot)}`,
          tabindex: r === 0 && c === 0 ? "0" : "-1",
        });
        (cells[r] as HTMLButtonElement[])[c] = button;
        button.addEventListener("keydown", (event) => {
          const move: Record<string, [number, number]> = {
            ArrowUp: [-1, 0],
            ArrowDown: [1, 0],
            ArrowLeft: [0, -1],
            ArrowRight: [0, 1],
          };
          const step = move[event.key];
          if (event.key === " " || event.key === "Enter") {
            event.preventDefault();
            set(button, !on.has(button.dataset.key as string));
          } else if (step) {
            event.preventDefault();
            const next = cells[r + step[0]]?.[c + step[1]];
            if (next) {
              button.tabIndex = -1;
              next.tabIndex = 0;
              next.focus();
            }
          }
        });
        return h("td", {}, button);
      }),
    );
  });
  // A finger's pointer stays with the slot it went down on, so the slot under it is looked up
  // rather than waited for as an enter event; touch-action (styles.css) keeps the drag from scrolling.
  const slotUnder = (event: PointerEvent) => {
    const under = document.elementFromPoint(event.clientX, event.clientY);
    return under instanceof HTMLButtonElement && under.classList.contains("slot") && body.contains(under)
      ? under
      : null;
  };
  const body = h("tbody", {}, rows);
  body.addEventListener("pointerdown", (event) => {
    const button = slotUnder(event);
    if (!button || event.button !== 0) return;
    event.preventDefault();
    painting = !on.has(button.dataset.key as string);
    set(button, painting);
  });
  body.addEventListener("pointermove", (event) => {
    if (painting === null) return;
    const button = slotUnder(event);
    if (button) set(button, painting);
  });
  for (const end of ["pointerup", "pointercancel"]) window.addEventListener(end, () => (painting = null));
  const root = h(
    "div",
    {},
    h(
      "table",
      { class: "painter" },
      h("caption", {}, "Weekly availability: drag to paint or clear; arrows and Space with the keyboard"),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, "Time"),
          DAY_KEYS.map((d) => h("th", { scope: "col" }, DAY_NAMES[d].slice(0, 3))),
        ),
      ),
      body,
    ),
  );
  return { root, value: () => toRuns(on, range.slot) };
}
