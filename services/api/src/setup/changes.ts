import { type Setup, setupChangeWords } from "@deskrota/core";
import { isDeepStrictEqual } from "node:util";

/** Items of one list (people or sites) added, changed (which fields) and removed, by id. */
export interface ItemChanges {
  added: string[];
  changed: { id: string; fields: string[] }[];
  removed: string[];
}

/** What a revision changed against the one before: the history's "what", beside who and when. */
export interface SetupChanges {
  people: ItemChanges;
  sites: ItemChanges;
  /** other top-level settings changed: slotMinutes, rules, weights, training… */
  settings: string[];
  /** the same, in plain words with the setup's names (the core's setupChangeWords) */
  words: string[];
}

const keysOf = (a: object, b: object) => [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();

function fieldsChanged(before: object, after: object): string[] {
  return keysOf(before, after).filter(
    (k) => !isDeepStrictEqual((before as Record<string, unknown>)[k], (after as Record<string, unknown>)[k]),
  );
}

function itemChanges<T extends { id: string }>(before: readonly T[], after: readonly T[]): ItemChanges {
  const old = new Map(before.map((item) => [item.id, item]));
  const now = new Map(after.map((item) => [item.id, item]));
  const changed: ItemChanges["changed"] = [];
  for (const [id, item] of now) {
    const was = old.get(id);
    const fields = was ? fieldsChanged(was, item) : [];
    if (fields.length) changed.push({ id, fields });
  }
  return {
    added: [...now.keys()].filter((id) => !old.has(id)),
    changed,
    removed: [...old.keys()].filter((id) => !now.has(id)),
  };
}

/** The difference between two setups (the first revision compares with an empty one). */
export function setupChanges(before: Setup | null, after: Setup): SetupChanges {
  const { people: p0 = [], sites: s0 = [], ...rest0 } = before ?? { people: [], sites: [] };
  const { people: p1, sites: s1, ...rest1 } = after;
  return {
    people: itemChanges(p0, p1),
    sites: itemChanges(s0, s1),
    settings: before ? fieldsChanged(rest0, rest1) : [],
    words: setupChangeWords(before, after),
  };
}

export const isUnchanged = (c: SetupChanges): boolean =>
  [c.people, c.sites].every((i) => !i.added.length && !i.changed.length && !i.removed.length) && !c.settings.length;
