import { parseSetup, type Setup } from "@deskrota/core";
import { ApiError, type ApiIssue, issuesIn } from "../http/errors";

type Item = { id: string };

/** One list of the setup that can be read and written item by item (people, sites). */
export interface ItemList {
  /** "people" or "sites": the setup's field and the URL segment */
  field: "people" | "sites";
  /** "person" or "site", in messages */
  noun: string;
}

const itemsOf = (setup: Setup, list: ItemList): Item[] => setup[list.field];

export function findItem(setup: Setup, list: ItemList, id: string): Item | undefined {
  return itemsOf(setup, list).find((item) => item.id === id);
}

/** The setup with `item` put in place of the one with its id (appended when new), or without `id`. */
export function withItem(setup: Setup, list: ItemList, id: string, item: Item | null): Setup {
  const items = itemsOf(setup, list);
  const index = items.findIndex((i) => i.id === id);
  const next =
    item === null
      ? items.filter((i) => i.id !== id)
      : index < 0
        ? [...items, item]
        : items.map((i, k) => (k === index ? item : i));
  return { ...setup, [list.field]: next } as Setup;
}

/**
 * The setup `next` would be, or an error listing every issue. Issues inside the item written are
 * given relative to it (the body); issues elsewhere — a colleague's mentor who would no longer
 * exist — keep their whole path in the setup, prefixed `setup.`.
 */
export function validAfter(next: Setup, list: ItemList, id: string, status: 400 | 409): Setup {
  const parsed = parseSetup(next);
  if (parsed.ok) return parsed.value;
  const index = itemsOf(next, list).findIndex((i) => i.id === id);
  const own = `${list.field}.${index}`;
  const issues: ApiIssue[] = issuesIn(
    "body",
    parsed.issues.map((i) => ({
      ...i,
      path:
        index >= 0 && (i.path === own || i.path.startsWith(`${own}.`))
          ? i.path.slice(own.length + 1)
          : `setup.${i.path}`,
    })),
  );
  const message =
    status === 409
      ? `removing ${list.noun} ${id} would leave the setup invalid (${issues.length} issues)`
      : `the ${list.noun} would make the setup invalid (${issues.length} issues)`;
  throw new ApiError(status, status === 409 ? "DESKROTA_E_CONFLICT" : "DESKROTA_E_INPUT", message, { issues });
}

/** RFC 7396 merge patch: objects merge, `null` removes a field, anything else replaces it. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== "object" || Array.isArray(patch)) return patch;
  const base: Record<string, unknown> =
    target !== null && typeof target === "object" && !Array.isArray(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete base[key];
    else base[key] = mergePatch(base[key], value);
  }
  return base;
}
