import { gapScore } from "../check/gaps";
import { addCoverRows, coverGaps, shortOf } from "./cover";
import { defineRule } from "./rule";

/** Soft: cover up to the band's `target` headcount, not just the minimum. */
export const coverTarget = defineRule({
  id: "cover-target",
  kind: "soft",
  title: "Cover up to the target headcount",
  addToModel(ctx) {
    addCoverRows(ctx, "cover-target", (d) => d.target, ctx.inst.weights.coverTarget);
  },
  score: (view) =>
    gapScore(
      view,
      coverGaps(view, (d) => d.target),
      view.weights.coverTarget,
      (missing) => `${missing} short of the target`,
    ),
  search: {
    point: (view, k, g) => shortOf(view, view.demandTarget, k, g) * view.w.target,
  },
  day: {
    join: (view, p) => (k, g) =>
      !view.isShadow(p, k) && shortOf(view, view.demandTarget, k, g) > 0 ? -view.w.target : 0,
  },
});
