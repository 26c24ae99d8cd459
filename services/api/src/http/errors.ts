import { STATUS_CODES } from "node:http";
import { DeskrotaInputError, DeskrotaTimeoutError } from "@deskrota/core";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { z } from "zod";
import { BusyError } from "../jobs/pool";

/** One thing wrong with a request: where (`in` the body, query or path; a dotted `path`), a stable code, words. */
export const ApiIssue = z.object({
  in: z.enum(["body", "querystring", "params", "headers"]),
  path: z.string(),
  code: z.string(),
  message: z.string(),
});
export type ApiIssue = z.infer<typeof ApiIssue>;

export const ErrorBody = z
  .object({
    statusCode: z.number().int(),
    error: z.string(),
    code: z.string(),
    message: z.string(),
    issues: z.array(ApiIssue).optional(),
    rotaId: z.string().optional(),
    requestId: z.string(),
  })
  .meta({ id: "Error", description: "Every error: no stack traces, the request id to quote to an operator" });
export type ErrorBody = z.infer<typeof ErrorBody>;

/** An expected failure with its status: unknown ids, conflicts, a wrong token. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: `DESKROTA_E_${string}`,
    message: string,
    readonly details: { issues?: ApiIssue[]; rotaId?: string } = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new ApiError(404, "DESKROTA_E_NOT_FOUND", `${what} not found`);
export const conflict = (message: string) => new ApiError(409, "DESKROTA_E_CONFLICT", message);

/** Zod issues as the API shows them; paths are dotted, relative to the part of the request they are in. */
export function issuesIn(
  where: ApiIssue["in"],
  issues: ReadonlyArray<{ path: string; code: string; message: string }>,
): ApiIssue[] {
  return issues.map((issue) => ({ in: where, ...issue }));
}

/** The body of every error response. */
export function errorBody(
  statusCode: number,
  code: string,
  message: string,
  requestId: string,
  extra: Pick<ErrorBody, "issues" | "rotaId"> = {},
): ErrorBody {
  return { statusCode, error: STATUS_CODES[statusCode] ?? "Error", code, message, ...extra, requestId };
}

/**
 * The one error handler: known failures become their status with field paths; anything else is a
 * 500 whose details go to the log (with the request id), never to the client.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler<FastifyError>((error, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = (error.validationContext ?? "body") as ApiIssue["in"];
      const issues = error.validation.map((v) => ({
        in: where,
        path: v.instancePath.split("/").filter(Boolean).join("."),
        // Core's semantic checks carry a stable code of their own in the custom issue's params.
        code: (v.params as { params?: { code?: unknown } }).params?.code?.toString() ?? v.keyword,
        message: v.message ?? "is invalid",
      }));
      return reply
        .code(400)
        .send(
          errorBody(
            400,
            "DESKROTA_E_INPUT",
            `the request ${where} is invalid (${issues.length} ${issues.length === 1 ? "issue" : "issues"})`,
            request.id,
            { issues },
          ),
        );
    }
    if (error instanceof DeskrotaInputError) {
      return reply.code(400).send(
        errorBody(400, error.code, "the problem cannot be solved as given", request.id, {
          issues: issuesIn("body", error.issues),
        }),
      );
    }
    if (error instanceof ApiError) {
      if (error.statusCode === 401) reply.header("www-authenticate", 'Bearer realm="deskrota"');
      return reply
        .code(error.statusCode)
        .send(errorBody(error.statusCode, error.code, error.message, request.id, error.details));
    }
    if (error instanceof DeskrotaTimeoutError) {
      request.log.error({ err: error }, "solver overran its time limit");
      return reply
        .code(503)
        .send(
          errorBody(
            503,
            error.code,
            "the solver overran its time limit and was stopped; try again, or with a shorter time limit",
            request.id,
          ),
        );
    }
    if (error instanceof BusyError) {
      return reply
        .code(503)
        .header("retry-after", String(error.retryAfterSeconds))
        .send(errorBody(503, error.code, error.message, request.id));
    }
    // Fastify's own 4xx (malformed JSON, 413, 415…): their message is meant for the client. A body
    // that cannot be read at all is one issue at its root, like every other bad body.
    if (typeof error.statusCode === "number" && error.statusCode >= 400 && error.statusCode < 500) {
      const code = error.code ?? "DESKROTA_E_REQUEST";
      const unreadable = error.statusCode === 400 && code.startsWith("FST_ERR_CTP_");
      return reply
        .code(error.statusCode)
        .send(
          errorBody(
            error.statusCode,
            code,
            error.message,
            request.id,
            unreadable ? { issues: [{ in: "body", path: "", code, message: error.message }] } : {},
          ),
        );
    }
    request.log.error({ err: error }, "request failed");
    return reply
      .code(500)
      .send(errorBody(500, "DESKROTA_E_INTERNAL", "internal error; quote the request id to an operator", request.id));
  });
  app.setNotFoundHandler((request, reply) => {
    reply
      .code(404)
      .send(
        errorBody(404, "DESKROTA_E_NOT_FOUND", `no route ${request.method} ${request.url.split("?")[0]}`, request.id),
      );
  });
}

/**
 * Errors Fastify meets before any route or hook runs (a path that is not percent-encoded UTF-8, a
 * path segment over the router's limit), in the same shape as every other error.
 */
export function frameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const [status, code, message] =
    error.code === "FST_ERR_MAX_PARAM_LENGTH"
      ? [414, "DESKROTA_E_URI_TOO_LONG", "a part of the path is too long"]
      : error.code === "FST_ERR_BAD_URL"
        ? [400, "DESKROTA_E_BAD_URL", "the path is not percent-encoded UTF-8"]
        : [400, "DESKROTA_E_REQUEST", error.message];
  reply
    .code(status)
    .header("x-request-id", request.id)
    .send(errorBody(status, code, message, request.id));
}
