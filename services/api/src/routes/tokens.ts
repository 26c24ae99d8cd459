import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ApiError, conflict, ErrorBody, notFound } from "../http/errors";
import type { Services } from "../services";
import type { TokenRecord } from "../store/orgs";

const TokenView = z
  .object({
    id: z.string().describe("the token's public id (tok_…): not a secret"),
    name: z.string().nullable(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    current: z.boolean().describe("the token this request was made with"),
  })
  .meta({ id: "Token" });

const IssuedToken = TokenView.extend({
  token: z.string().describe("the secret: shown this once (only its hash is kept)"),
}).meta({ id: "IssuedToken" });

const ExpiresInDays = z.number().int().min(1).max(3650).optional().describe("default: never expires");
const TokenParams = z.object({ tokenId: z.string().min(1).max(100) });
const errors = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody };

export const tokenRoutes =
  ({ orgs }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const view = (record: TokenRecord, tokenId: string) => ({
      id: record.id,
      name: record.name,
      createdAt: record.createdAt,
      expiresAt: record.expiresAt,
      revokedAt: record.revokedAt,
      current: record.id === tokenId,
    });

    app.get(
      "/tokens",
      {
        schema: {
          operationId: "listTokens",
          summary: "This organisation's tokens, newest first (never their secrets)",
          response: { 200: z.object({ tokens: z.array(TokenView) }), ...errors },
        },
      },
      async (request) => ({
        tokens: (await orgs.listTokens(request.orgId)).map((r) => view(r, request.tokenId)),
      }),
    );

    app.post(
      "/tokens",
      {
        schema: {
          operationId: "issueToken",
          summary: "Issue another token for this organisation: its secret is in this answer only",
          body: z.object({ name: z.string().min(1).max(200).optional(), expiresInDays: ExpiresInDays }).strict(),
          response: { 201: IssuedToken, ...errors },
        },
      },
      async (request, reply) => {
        const issued = await orgs.issueToken(request.orgId, request.body);
        return reply.code(201).send({ ...view(issued.record, request.tokenId), token: issued.token });
      },
    );

    app.delete(
      "/tokens/:tokenId",
      {
        schema: {
          operationId: "revokeToken",
          summary: "Revoke a token: refused from the next request on",
          description:
            "409 when it is already revoked, or when it is the organisation's last token that still works " +
            "(issue another first).",
          params: TokenParams,
          response: { 200: TokenView, ...errors, 409: ErrorBody },
        },
      },
      async (request) => {
        const result = await orgs.revokeToken(request.orgId, request.params.tokenId, true);
        if (result === null) throw notFound(`token ${request.params.tokenId}`);
        if (result === "revoked") throw conflict(`token ${request.params.tokenId} is already revoked`);
        if (result === "last")
          throw new ApiError(
            409,
            "DESKROTA_E_LAST_TOKEN",
            "this is the organisation's last token that still works: issue another first",
          );
        request.log.info({ tokenId: result.id }, "token revoked");
        return view(result, request.tokenId);
      },
    );

    app.post(
      "/tokens/:tokenId/rotate",
      {
        schema: {
          operationId: "rotateToken",
          summary: "Replace a token's secret: a new token under the same name, the old one revoked at once",
          params: TokenParams,
          body: z.object({ expiresInDays: ExpiresInDays }).strict().nullish(),
          response: { 201: IssuedToken, ...errors, 409: ErrorBody },
        },
      },
      async (request, reply) => {
        const result = await orgs.rotateToken(request.orgId, request.params.tokenId, request.body ?? {});
        if (result === null) throw notFound(`token ${request.params.tokenId}`);
        if (result === "revoked") throw conflict(`token ${request.params.tokenId} is revoked: issue a new one`);
        request.log.info({ from: request.params.tokenId, to: result.record.id }, "token rotated");
        return reply.code(201).send({ ...view(result.record, request.tokenId), token: result.token });
      },
    );
  };
