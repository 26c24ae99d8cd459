import { createHash, randomBytes } from "node:crypto";

/** Short, unguessable, URL- and CSV-safe ids ("rota_3f9a1c0b7d2e"). */
export function newId(prefix: "org" | "rota" | "entry" | "plan" | "tok" | "feed"): string {
  return `${prefix}_${randomBytes(6).toString("hex")}`;
}

/** A bearer token: 192 random bits. Only its hash is stored. */
export function newToken(): string {
  return `drt_${randomBytes(24).toString("base64url")}`;
}

export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Identifies one claim of one job, so a late finisher cannot overwrite a newer attempt. */
export function newClaim(worker: string): string {
  return `${worker}/${randomBytes(4).toString("hex")}`;
}
