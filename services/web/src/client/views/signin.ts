import { ApiFailure, getJson, session } from "../api";
import { focusHeading, h, render } from "../dom";
import type { View } from "../main";

export const signInView: View = (main) => {
  const error = h("p", { class: "error", role: "alert", id: "token-error" });
  const input = h("input", {
    id: "token",
    name: "token",
    type: "password",
    autocomplete: "off",
    spellcheck: "false",
    required: true,
    "aria-describedby": "token-hint token-error",
  });
  const submit = h("button", { type: "submit" }, "Sign in");
  const form = h(
    "form",
    {
      class: "card narrow",
      onsubmit: async (event: Event) => {
        event.preventDefault();
        const token = input.value.trim();
        submit.disabled = true;
        error.textContent = "";
        try {
          // Any authenticated read tells whether the token is known.
          await getJson("/v1/rotas?limit=1", token);
          session.signIn(token);
          window.dispatchEvent(new HashChangeEvent("hashchange"));
        } catch (e) {
          error.textContent =
            e instanceof ApiFailure && e.status === 401
              ? "That token is not known to this server. Check it and paste it again."
              : e instanceof Error
                ? e.message
                : String(e);
          submit.disabled = false;
          input.focus();
        }
      },
    },
    h(
      "div",
      { class: "field" },
      h("label", { for: "token" }, "Organisation token"),
      input,
      h(
        "p",
        { class: "hint", id: "token-hint" },
        "The token the server printed on its first start (or ",
        h("code", {}, "pnpm deskrota org create NAME"),
        " printed). It is kept in this browser tab only and forgotten when the tab closes.",
      ),
    ),
    error,
    submit,
  );
  render(main, h("h1", {}, "Sign in"), form);
  focusHeading(main);
  input.focus();
};
