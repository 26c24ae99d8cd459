import { session } from "./api";
import { h, render } from "./dom";
import { compareView } from "./views/compare";
import { createView } from "./views/create";
import { listView } from "./views/list";
import { personView } from "./views/person";
import { rotaView } from "./views/rota";
import { signInView } from "./views/signin";

// A hash router: every view has an address a coordinator can bookmark or share with a colleague
// (who signs in with their own token), and the server only ever serves one page.

export interface Route {
  path: string[];
  query: URLSearchParams;
}

export type View = (main: HTMLElement, route: Route, signal: AbortSignal) => void | Promise<void>;

function parse(hash: string): Route {
  const [path = "", query = ""] = hash.replace(/^#\/?/, "").split("?");
  return { path: path.split("/").filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(query) };
}

function pick(route: Route): View {
  const [first, id, v, n, people, person] = route.path;
  if (first === "new") return createView;
  if (first === "compare" && id) return compareView;
  if (first === "rotas" && id && (v === undefined || (v === "v" && n)))
    return people === "people" && person ? personView : rotaView;
  return listView;
}

function navigation(): void {
  const nav = document.getElementById("nav");
  if (!nav) return;
  if (!session.token()) {
    render(nav);
    return;
  }
  render(
    nav,
    h("a", { href: "#/" }, "Rotas"),
    h("a", { href: "#/new" }, "New rota"),
    h(
      "button",
      {
        type: "button",
        class: "link",
        onclick: () => {
          session.signOut();
          location.hash = "#/";
          show();
        },
      },
      "Sign out",
    ),
  );
}

let current: AbortController | undefined;

async function show(): Promise<void> {
  current?.abort();
  const controller = new AbortController();
  current = controller;
  const main = document.getElementById("main") as HTMLElement;
  navigation();
  const route = parse(location.hash);
  const view = session.token() ? pick(route) : signInView;
  try {
    await view(main, route, controller.signal);
  } catch (error) {
    if (controller.signal.aborted) return;
    render(
      main,
      h("h1", { tabindex: "-1" }, "Something went wrong"),
      h("p", { class: "error", role: "alert" }, error instanceof Error ? error.message : String(error)),
      h("p", {}, h("a", { href: "#/" }, "Back to the rotas")),
    );
  }
}

window.addEventListener("hashchange", () => void show());
window.addEventListener("deskrota:unauthorized", () => {
  session.signOut();
  void show();
});
void show();
