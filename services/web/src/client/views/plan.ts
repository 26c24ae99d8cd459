import { dateInWords, dayShort, numbersInWords, windowsInWords } from "@deskrota/core";
import { getJson, sendJson } from "../api";
import { announce, focusHeading, h, render } from "../dom";
import type { View } from "../main";
import type { Problem, RotaSummary, TermSummary } from "../types";
import { failureBlock } from "./failure";
import { hoursChart } from "./term-chart";
import { dayKeyOf, nextMonday } from "../time";
import { type Band, cutBy, type DatedException } from "./cover-bands";

// Plan a week (the problem it would build, before solving: who is away, site exceptions, the
// carry-over) and a term (weeks as rows with status and gaps; hours against contract per person
// week by week; the unsocial-hours spread).

interface WeekInfo {
  carry: unknown;
  proposals: { person: string; point: string }[];
}
interface Plan {
  id: string;
  name: string | null;
  status: string;
  reason: string | null;
  weeks: { weekStart: string; rotaId: string | null; status: string; carryStale?: boolean }[];
  summary: TermSummary | null;
}

const POLL_MS = 1000;

/** "Bands it cuts: Service Desk Fri 08:30–17:00, min 1 (all of it); Roving …": what cover the exception takes away. */
function bandsCut(site: Problem["sites"][number], e: DatedException): string {
  const day = dayKeyOf(e.date);
  const cut = site.servicePoints.flatMap((p) =>
    p.cover
      .filter((b) => b.days.includes(day))
      .flatMap((b) => {
        const parts = cutBy(b as Band, e);
        const whole = parts.length === 1 && parts[0] === `${b.from}–${b.to}`;
        const how = whole ? "all of it" : `${parts.join(", ")} of it`;
        return parts.length ? [`${p.name} ${dayShort(day)} ${b.from}–${b.to}, ${numbersInWords(b)} (${how})`] : [];
      }),
  );
  return cut.length ? `Bands it cuts: ${cut.join("; ")}.` : "It cuts no cover band.";
}

/** "Tue 24 Nov 2026 13:00–21:00", or "… 13:00 to Wed 25 Nov 2026 09:00" across days. */
function spanInWords(from: string, to: string): string {
  const [d1 = "", t1 = ""] = from.split("T");
  const [d2 = "", t2 = ""] = to.split("T");
  return d1 === d2 ? `${dateInWords(d1)} ${t1}–${t2}` : `${dateInWords(d1)} ${t1} to ${dateInWords(d2)} ${t2}`;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function weekPreview(week: string, problem: Problem, info: WeekInfo): HTMLElement {
  const name = (id: string) => problem.people.find((p) => p.id === id)?.name ?? id;
  // A proposal names a point by its id or its kind: said by the points' names.
  const points = problem.sites.flatMap((s) => s.servicePoints);
  const pointName = (key: string) =>
    points
      .filter((p) => p.id === key || p.kind === key)
      .map((p) => p.name)
      .join(" / ") || key;
  const away = problem.people.flatMap((p) => (p.absences ?? []).map((a) => ({ who: p.name, ...a })));
  const exceptions = problem.sites.flatMap((s) => (s.exceptions ?? []).map((e) => ({ site: s, ...e })));
  const proposed = info.proposals.map((p) => `${name(p.person)} on ${pointName(p.point)}`).join(", ");
  return h(
    "section",
    { class: "card", "aria-labelledby": "week-title" },
    h("h2", { id: "week-title" }, `The week of ${dateInWords(week)}, as it would be built`),
    h(
      "p",
      {},
      `${count(problem.people.length, "person", "people")} at ${count(problem.sites.length, "site", "sites")}.`,
    ),
    h("h3", {}, "Who is away"),
    away.length
      ? h(
          "ul",
          {},
          away.map((a) => h("li", {}, `${a.who}: ${spanInWords(a.from, a.to)}${a.reason ? ` (${a.reason})` : ""}`)),
        )
      : h("p", {}, "Nobody is recorded as away."),
    h("h3", {}, "Site exceptions"),
    exceptions.length
      ? h(
          "ul",
          {},
          exceptions.map((e) =>
            h(
              "li",
              {},
              `${e.site.name} on ${dateInWords(e.date)}: ` +
                `${e.open.length ? `open ${windowsInWords(e.open)} only` : "closed"}` +
                `${e.note ? ` (${e.note})` : ""}. ${bandsCut(e.site, e)}`,
            ),
          ),
        )
      : h("p", {}, "None: every site keeps its usual hours."),
    h("h3", {}, "Carry-over from earlier published weeks"),
    h(
      "p",
      {},
      info.carry
        ? "Each person's hours target is shifted toward their fair share, from the weeks published before."
        : "None yet: no earlier week is published.",
      info.proposals.length ? ` Proposed for independent work: ${proposed}.` : "",
    ),
  );
}

const running = (status: string) => status === "queued" || status === "solving";

/** Weeks as rows: status, gaps, the rota, and "Re-solve" for one week once the plan has stopped. */
function termTable(plan: Plan, resolveWeek: (weekStart: string) => void): HTMLElement {
  const uncovered = new Map((plan.summary?.weeks ?? []).map((w) => [w.weekStart, w.uncoveredHours]));
  return h(
    "table",
    { class: "list term" },
    h("caption", {}, `${plan.name ?? plan.id}: ${plan.status}${plan.reason ? ` (${plan.reason})` : ""}`),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        ["Week", "Status", "Uncovered hours", "Rota", "Again"].map((t) => h("th", { scope: "col" }, t)),
      ),
    ),
    h(
      "tbody",
      {},
      plan.weeks.map((w) =>
        h(
          "tr",
          { "data-week": w.weekStart },
          h("th", { scope: "row" }, w.weekStart),
          h("td", {}, `${w.status}${w.carryStale ? " (carry-over changed since: re-solve)" : ""}`),
          h("td", { class: "num" }, uncovered.has(w.weekStart) ? String(uncovered.get(w.weekStart)) : "—"),
          h("td", {}, w.rotaId ? h("a", { href: `#/rotas/${encodeURIComponent(w.rotaId)}` }, "Open") : "—"),
          h(
            "td",
            {},
            h(
              "button",
              {
                type: "button",
                "aria-label": `Re-solve the week of ${w.weekStart}`,
                disabled: plan.status === "solving" || running(w.status),
                onclick: () => resolveWeek(w.weekStart),
              },
              "Re-solve",
            ),
          ),
        ),
      ),
    ),
  );
}

/** Polls the plan while it or one of its weeks is solving, redrawing the table each time. */
async function followPlan(
  box: HTMLElement,
  id: string,
  signal: AbortSignal,
  resolveWeek: (weekStart: string) => void,
): Promise<Plan | undefined> {
  for (;;) {
    const plan = await getJson<Plan>(`/v1/plans/${encodeURIComponent(id)}`);
    if (signal.aborted) return undefined;
    const busy = plan.status === "solving" || plan.weeks.some((w) => running(w.status));
    render(box, termTable(plan, resolveWeek), !busy && plan.summary?.people.length ? hoursChart(plan.summary) : null);
    if (!busy) return plan;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    if (signal.aborted) return undefined;
  }
}

export const planView: View = async (main, route, signal) => {
  const weekBox = h("div", {});
  const termBox = h("div", {});
  const termStatus = h("div", {});
  const weekInput = h("input", {
    id: "plan-week",
    type: "date",
    required: true,
    value: route.query.get("week") ?? nextMonday(),
  });
  const showWeek = async (event: Event) => {
    event.preventDefault();
    try {
      const [problem, info] = await Promise.all([
        getJson<Problem>(`/v1/weeks/${weekInput.value}/problem`),
        getJson<WeekInfo>(`/v1/weeks/${weekInput.value}`),
      ]);
      const solve = h(
        "button",
        {
          type: "button",
          class: "primary",
          onclick: async () => {
            const made = await sendJson<RotaSummary>("POST", `/v1/weeks/${weekInput.value}/rotas?timeLimitSeconds=10`);
            location.hash = `#/rotas/${encodeURIComponent(made.id)}`;
          },
        },
        "Solve this week",
      );
      render(weekBox, weekPreview(weekInput.value, problem, info), solve);
    } catch (error) {
      render(weekBox, failureBlock("The week could not be built", error));
    }
  };
  const from = h("input", { id: "term-from", type: "date", required: true, value: nextMonday() });
  const count = h("input", { id: "term-weeks", type: "number", min: "1", max: "52", value: "4", required: true });
  const seconds = h("input", { id: "term-seconds", type: "number", min: "1", max: "60", value: "5", required: true });
  const startTerm = async (event: Event) => {
    event.preventDefault();
    try {
      const plan = await sendJson<Plan>("POST", `/v1/plans?timeLimitSeconds=${seconds.value}`, {
        from: from.value,
        weeks: Number(count.value),
      });
      location.hash = `#/plan?plan=${encodeURIComponent(plan.id)}`;
    } catch (error) {
      render(termBox, failureBlock("The term could not be planned", error));
    }
  };
  const field = (id: string, label: string, control: HTMLElement) =>
    h("div", { class: "field" }, h("label", { for: id }, label), control);
  render(
    main,
    h("h1", {}, "Plan a week or a term"),
    h(
      "form",
      { class: "card form", onsubmit: showWeek },
      h("h2", {}, "A week"),
      field("plan-week", "Week starting (a Monday)", weekInput),
      h("button", { type: "submit" }, "Show the problem it would build"),
    ),
    weekBox,
    h(
      "form",
      { class: "card form", onsubmit: startTerm },
      h("h2", {}, "A term"),
      h(
        "div",
        { class: "fields" },
        field("term-from", "First week (a Monday)", from),
        field("term-weeks", "Weeks", count),
        field("term-seconds", "Seconds per week", seconds),
      ),
      h("button", { type: "submit", class: "primary" }, "Plan the term"),
    ),
    termBox,
    termStatus,
  );
  focusHeading(main);
  const planId = route.query.get("plan");
  if (!planId) return;
  const follow = () => followPlan(termBox, planId, signal, resolveWeek);
  // One week solved again with the carry-over of the plan's weeks before it; later weeks are then
  // marked "carry-over changed since". Its status follows in the table until it is done.
  const resolveWeek = async (weekStart: string) => {
    try {
      await sendJson(
        "POST",
        `/v1/plans/${encodeURIComponent(planId)}/weeks/${weekStart}/rotas?timeLimitSeconds=${seconds.value}`,
      );
      announce(`Re-solving the week of ${weekStart}.`);
      const plan = await follow();
      const week = plan?.weeks.find((w) => w.weekStart === weekStart);
      if (week) announce(`The week of ${weekStart}: ${week.status}.`);
    } catch (error) {
      render(termStatus, failureBlock(`The week of ${weekStart} could not be re-solved`, error));
    }
  };
  await follow();
};
