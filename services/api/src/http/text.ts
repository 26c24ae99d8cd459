import type { FastifyRequest } from "fastify";
import { ApiError, type ApiIssue } from "./errors";

type Where = ApiIssue["in"];

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function fault(text: string): { code: string; message: string } | null {
  if (text.includes("\u0000")) return { code: "nul_character", message: "contains a NUL character (\\u0000)" };
  if (LONE_SURROGATE.test(text))
    return { code: "lone_surrogate", message: "contains half of a UTF-16 surrogate pair: not valid Unicode" };
  return null;
}

/**
 * Text PostgreSQL cannot store (a NUL; a lone surrogate, which is not Unicode) anywhere in a parsed
 * body, query or path, keys included, as issues with their dotted paths. Walks with a stack of its
 * own: a deeply nested body must not overflow the call stack.
 */
export function unstorableText(where: Where, value: unknown): ApiIssue[] {
  const issues: ApiIssue[] = [];
  const todo: Array<{ path: string[]; value: unknown }> = [{ path: [], value }];
  for (let item = todo.pop(); item; item = todo.pop()) {
    if (typeof item.value === "string") {
      const found = fault(item.value);
      if (found) issues.push({ in: where, path: item.path.join("."), ...found });
    } else if (item.value !== null && typeof item.value === "object" && !ArrayBuffer.isView(item.value)) {
      // Parsed JSON only: an uploaded file arrives as bytes (a Buffer), which its own parser checks.
      for (const [key, child] of Object.entries(item.value)) {
        const path = [...item.path, key];
        const badKey = fault(key);
        if (badKey) issues.push({ in: where, path: path.join("."), ...badKey, message: `its name ${badKey.message}` });
        todo.push({ path, value: child });
      }
    }
  }
  return issues;
}

/** A preValidation hook: such text is the client's mistake, a 400 with paths, not a store error (a 500). */
export async function rejectUnstorableText(request: FastifyRequest): Promise<void> {
  const issues = [
    ...unstorableText("params", request.params),
    ...unstorableText("querystring", request.query),
    ...unstorableText("body", request.body),
  ];
  if (issues.length)
    throw new ApiError(400, "DESKROTA_E_INPUT", `the request holds text that is not storable (${issues.length})`, {
      issues,
    });
}
