import type { FastifyInstance, FastifyRequest } from "fastify";
import type { OrgStore } from "../store/orgs";
import { ApiError } from "./errors";

declare module "fastify" {
  interface FastifyRequest {
    /** the organisation the bearer token belongs to; set before any /v1 handler runs */
    orgId: string;
    /** the token's public id (`tok_…`): rate limits count per token, the token list marks it */
    tokenId: string;
  }
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

const REFUSED = {
  unknown: "unknown token",
  revoked: "the token was revoked",
  expired: "the token has expired",
} as const;

function unauthorized(message: string): ApiError {
  return new ApiError(401, "DESKROTA_E_UNAUTHORIZED", message);
}

/**
 * Every route registered on `scope` needs `Authorization: Bearer <token>`. Runs on request, before
 * the body is read or validated: a caller without a valid token learns nothing about the input.
 */
export function requireToken(scope: FastifyInstance, orgs: OrgStore): void {
  scope.decorateRequest("orgId", "");
  scope.decorateRequest("tokenId", "");
  scope.addHook("onRequest", async (request: FastifyRequest) => {
    const header = request.headers.authorization;
    const token = header === undefined ? undefined : BEARER.exec(header)?.[1];
    if (header === undefined) throw unauthorized("missing Authorization: Bearer <token>");
    if (token === undefined) throw unauthorized("the Authorization header must be Bearer <token>");
    const found = await orgs.authenticate(token);
    if ("refused" in found) throw unauthorized(REFUSED[found.refused]);
    request.orgId = found.orgId;
    request.tokenId = found.tokenId;
  });
}
