import { session } from "./api";
import { h, render } from "./dom";
import { compareView } from "./views/compare";
import { createView } from "./views/create";
import { listView } from "./views/list";
import { overviewView } from "./views/overview";
import { importView } from "./views/import";
import { personView } from "./views/person";
import { planView } from "./views/plan";
import { rotaView } from "./views/rota";
import { setupView } from "./views/setup";
import { setupPersonView } from "./views/setup-person";
import { setupSiteView } from "./views/setup-site";
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
  if (first === "setup" && id === "people" && v) return setupPersonView;
  if (first === "setup" && id === "import") return importView;
  if (first === "setup" && id === "sites" && v) return setupSiteView;
  if (first === "setup") return setupView;
  if (first === "plan") return planView;
  if (first === "compare" && id) return compareView;
  if (first === "rotas" && id && v === "v" && n && people === "overview") return overviewView;
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
    h("a", { href: "#/setup" }, "Set up"),
    h("a", { href: "#/plan" }, "Plan"),
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
  // A dialog belongs to the view that opened it: Back (or any other way out) closes it.
  for (const dialog of document.querySelectorAll("dialog")) dialog.close();
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
