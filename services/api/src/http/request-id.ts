import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";

/** What a proxy's request id may look like to be kept: short, printable ASCII, no spaces. */
const ACCEPTED = /^[\x21-\x7e]{1,128}$/;

/**
 * Honours a caller's `x-request-id` (a proxy's) so one id follows the request through every log
 * line, but only a short printable one: anything else would be echoed into headers and logs.
 */
export function requestId(request: IncomingMessage): string {
  const given = request.headers["x-request-id"];
  return typeof given === "string" && ACCEPTED.test(given) ? given : randomUUID();
}
