import { ApiFailure } from "../api";
import { h } from "../dom";

/** An error as a coordinator can act on it: what failed, and every issue with where it is. */
export function failureBlock(title: string, error: unknown): HTMLElement {
  const message = error instanceof Error ? error.message : String(error);
  const issues = error instanceof ApiFailure ? error.issues : [];
  const requestId = error instanceof ApiFailure ? error.requestId : undefined;
  return h(
    "div",
    { class: "failure", role: "alert" },
    h("p", {}, h("strong", {}, `${title}: `), message),
    issues.length > 0 &&
      h(
        "ul",
        { class: "issues" },
        issues.map((i) => h("li", {}, i.path ? h("code", {}, i.path) : h("code", {}, i.in), ` ${i.message}`)),
      ),
    requestId !== undefined &&
      h("p", { class: "hint" }, `Request id ${requestId} (quote it to whoever runs the server).`),
  );
}
