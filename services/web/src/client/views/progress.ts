import { sendJson } from "../api";
import { announce, focusHeading, h, render } from "../dom";
import { elapsed } from "../time";
import type { RotaView } from "../types";
import { failureBlock } from "./failure";
import { getRota } from "./load";
import { scoreText } from "./status";

const POLL_MS = 500;

/**
 * A rota being solved: elapsed time against the limit, the best score so far and its distance from
 * the proven bound, refreshed as the server stores progress; Stop keeps the best rota so far.
 * Resolves with the rota once its solve has ended.
 */
export async function followSolve(
  main: HTMLElement,
  first: RotaView,
  signal: AbortSignal,
): Promise<RotaView | undefined> {
  const label = first.name ?? first.id;
  const state = h("dd", {});
  const time = h("dd", {});
  const score = h("dd", {});
  const gap = h("dd", {});
  const bar = h("progress", {
    max: String(first.timeLimitSeconds * 1000),
    value: "0",
    "aria-label": "Time used of the limit",
  });
  const message = h("div", {});
  const stop = h(
    "button",
    {
      type: "button",
      class: "danger",
      onclick: async () => {
        stop.disabled = true;
        try {
          await sendJson("DELETE", `/v1/rotas/${encodeURIComponent(first.id)}/solve`);
          announce("Stopping; the best rota so far is kept.");
          render(message, h("p", {}, "Stopping; the best rota so far is kept."));
        } catch (error) {
          render(message, failureBlock("Could not stop the solve", error));
          stop.disabled = false;
        }
      },
    },
    "Stop and keep the best so far",
  );
  render(
    main,
    h("h1", {}, `Solving ${label}`),
    h(
      "div",
      { class: "card progress-card" },
      h(
        "dl",
        { class: "facts" },
        h("dt", {}, "Status"),
        state,
        h("dt", {}, "Elapsed"),
        time,
        h("dt", {}, "Best score so far"),
        score,
        h("dt", {}, "Gap to the lower bound"),
        gap,
      ),
      bar,
      h("div", { class: "actions" }, stop),
      message,
    ),
    h(
      "p",
      { class: "hint" },
      "Lower scores are better. The solver keeps improving the rota until its time limit; stop it whenever the score " +
        "is good enough.",
    ),
  );
  focusHeading(main);
  let current = first;
  for (;;) {
    const p = current.progress;
    state.textContent = current.status === "queued" ? "Queued: waiting for a free solver" : "Solving";
    time.textContent = p ? `${elapsed(p.elapsedMs)} of ${current.timeLimitSeconds} s` : "—";
    score.textContent = scoreText(p?.objective ?? null);
    gap.textContent = p?.gap === null || p?.gap === undefined ? "not known yet" : `${Math.round(p.gap * 1000) / 10} %`;
    bar.value = p?.elapsedMs ?? 0;
    if (current.status === "done" || current.status === "failed") return current;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    if (signal.aborted) return undefined;
    current = await getRota(first.id);
    if (signal.aborted) return undefined;
  }
}
