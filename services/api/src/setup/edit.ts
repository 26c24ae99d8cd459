import { parseSetup, type Setup } from "@deskrota/core";
import { ApiError, issuesIn, notFound } from "../http/errors";
import type { NextRevision, RevisionKind, SetupRevision, SetupStore } from "../store/setup";
import { setupChanges } from "./changes";

/** The setup `input` would be, or a 400 listing every issue with its path. */
export function validSetup(input: unknown, message = "the setup would be invalid"): Setup {
  const parsed = parseSetup(input);
  if (parsed.ok) return parsed.value;
  throw new ApiError(400, "DESKROTA_E_INPUT", `${message} (${parsed.issues.length} issues)`, {
    issues: issuesIn("body", parsed.issues),
  });
}

/** The revision that makes `current` into `setup`. */
export function revisionTo(
  current: SetupRevision | null,
  setup: Setup,
  kind: RevisionKind,
  note: string | undefined,
): NextRevision {
  return { setup, kind, note, changes: setupChanges(current?.setup ?? null, setup) };
}

/** The current setup, or a 409: items and sheets change a setup, there is none yet. */
export function existing(current: SetupRevision | null): SetupRevision {
  if (current) return current;
  throw new ApiError(
    409,
    "DESKROTA_E_CONFLICT",
    "there is no setup yet: PUT /v1/setup (or POST /v1/setup/from-problem) first",
  );
}

/** The newest revision, or revision `n`; a 404 when there is none (yet). */
export async function readRevision(setups: SetupStore, orgId: string, n?: number): Promise<SetupRevision> {
  const found = n === undefined ? await setups.latest(orgId) : await setups.revision(orgId, n);
  if (!found) throw notFound(n === undefined ? "setup (none stored yet)" : `setup revision ${n}`);
  return found;
}
