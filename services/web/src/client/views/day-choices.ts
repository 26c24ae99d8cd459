import { dayShort } from "@deskrota/core";
import { h } from "../dom";
import { DAY_KEYS, type DayKey } from "../time";

/**
 * A checkbox per day of the week, "Mon" to "Sun", that keeps `of.days` (a band's, a preference's)
 * in week order whatever order the days are ticked in. `label` names each box where its text alone
 * is not enough (several rows of days on one page); `edited` follows each change.
 */
export const dayChoices = (
  of: { days: DayKey[] },
  label?: (day: DayKey) => string,
  edited?: () => void,
): HTMLElement[] =>
  DAY_KEYS.map((d) =>
    h(
      "label",
      { class: "choice inline" },
      h("input", {
        type: "checkbox",
        "aria-label": label?.(d),
        checked: of.days.includes(d),
        onchange: (e: Event) => {
          of.days = (e.target as HTMLInputElement).checked
            ? DAY_KEYS.filter((k) => k === d || of.days.includes(k))
            : of.days.filter((k) => k !== d);
          edited?.();
        },
      }),
      dayShort(d),
    ),
  );
