import { SetupPerson, Site } from "@deskrota/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ApiError, ErrorBody, notFound } from "../http/errors";
import { ItemParams, NoteQuery, SetupView } from "../http/setup-schemas";
import type { Services } from "../services";
import { existing, revisionTo } from "../setup/edit";
import { findItem, type ItemList, mergePatch, validAfter, withItem } from "../setup/items";
import { setupStores } from "../store";

const errors = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody, 409: ErrorBody };

const LISTS = [
  { field: "people", noun: "person", name: "Person", schema: SetupPerson },
  { field: "sites", noun: "site", name: "Site", schema: Site },
] as const;

/**
 * GET/PUT/PATCH/DELETE of one person (`/setup/people/{id}`) or one site, with its service points
 * and cover (`/setup/sites/{id}`). Every write is a new revision of the whole setup, checked whole.
 */
export const setupItemRoutes =
  ({ db }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const { setups } = setupStores(db);
    for (const { field, noun, name, schema } of LISTS) {
      const list: ItemList = { field, noun };
      const url = `/setup/${field}/:id`;
      const item = z.unknown().describe(`the ${noun}`);
      const write = (orgId: string, id: string, make: (old: unknown) => unknown | null, note: string | undefined) =>
        setups.write(orgId, orgId, (current) => {
          const setup = existing(current).setup;
          const old = findItem(setup, list, id);
          const next = make(old);
          if (next === null && !old) throw notFound(`${noun} ${id}`);
          const after = withItem(setup, list, id, next as { id: string } | null);
          const valid = validAfter(after, list, id, next === null ? 409 : 400);
          return revisionTo(current, valid, noun === "person" ? "person" : "site", note);
        });
      const sameId = (id: string, body: { id?: unknown }) => {
        if (body.id === id) return;
        throw new ApiError(400, "DESKROTA_E_INPUT", `the ${noun}'s id must be ${id}, as in the path`, {
          issues: [{ in: "body", path: "id", code: "id_mismatch", message: `must be ${id}` }],
        });
      };

      app.get(
        url,
        {
          schema: {
            summary: `One ${noun} of the setup (newest revision)`,
            operationId: `getSetup${name}`,
            params: ItemParams,
            response: { 200: schema, ...errors },
          },
        },
        async (request) => {
          const current = await setups.latest(request.orgId);
          const found = current && findItem(current.setup, list, request.params.id);
          if (!found) throw notFound(`${noun} ${request.params.id}`);
          return found as z.infer<typeof schema>;
        },
      );

      app.put(
        url,
        {
          schema: {
            summary: `Add or replace one ${noun}: a new revision`,
            description:
              `201 when the ${noun} is new, 200 when replaced. The whole setup is checked: 400 with every issue ` +
              `(paths inside the ${noun} relative to it, others under \`setup.\`).`,
            operationId: `putSetup${name}`,
            params: ItemParams,
            querystring: NoteQuery,
            body: schema,
            response: { 200: SetupView, 201: SetupView, ...errors },
          },
        },
        async (request, reply) => {
          const { id } = request.params;
          sameId(id, request.body);
          let isNew = false;
          const written = await write(
            request.orgId,
            id,
            (old) => {
              isNew = old === undefined;
              return request.body;
            },
            request.query.note,
          );
          return reply.code(isNew ? 201 : 200).send(written.revision);
        },
      );

      app.patch(
        url,
        {
          schema: {
            summary: `Change some fields of one ${noun} (JSON merge patch: null removes a field): a new revision`,
            operationId: `patchSetup${name}`,
            params: ItemParams,
            querystring: NoteQuery,
            body: z.record(z.string(), item),
            response: { 200: SetupView, ...errors },
          },
        },
        async (request) => {
          const { id } = request.params;
          if ("id" in request.body) sameId(id, request.body);
          const written = await write(
            request.orgId,
            id,
            (old) => {
              if (!old) throw notFound(`${noun} ${id}`);
              return mergePatch(old, request.body);
            },
            request.query.note,
          );
          return written.revision;
        },
      );

      app.delete(
        url,
        {
          schema: {
            summary: `Remove one ${noun}: a new revision`,
            description:
              "Rotas already made keep their own problem, so they stay readable. 409 with the issues when others " +
              `still refer to the ${noun} (a mentor, a person's sites).`,
            operationId: `deleteSetup${name}`,
            params: ItemParams,
            querystring: NoteQuery,
            response: { 200: SetupView, ...errors },
          },
        },
        async (request) => (await write(request.orgId, request.params.id, () => null, request.query.note)).revision,
      );
    }
  };
