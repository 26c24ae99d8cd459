import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { DateTime } from "luxon";
import { z } from "zod";
import { ErrorBody, notFound } from "../http/errors";
import { EntriesBody, EntryQuery, EntryView, ItemParams } from "../http/setup-schemas";
import type { Services } from "../services";
import { existing } from "../setup/edit";
import { checkedEntries } from "../setup/entries";
import { setupStores } from "../store";

const errors = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody };

/** Dated absences and availability exceptions, for anyone, any week. */
export const setupEntryRoutes =
  ({ db }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const { setups, entries } = setupStores(db);

    app.post(
      "/setup/absences",
      {
        schema: {
          summary: "Record absences and availability exceptions (all or none)",
          description:
            'Each entry is { "kind": "absence", "person", "from", "to", "reason"? } (local date-times in the ' +
            'setup\'s zone) or { "kind": "availability", "person", "date", "available": [["12:00", "16:00"]], ' +
            '"note"? } (replaces that person\'s weekly availability on that date; [] = not available). The ' +
            "server gives each its id. Every issue is listed with its path; nothing is stored unless all are " +
            "valid.",
          operationId: "addSetupEntries",
          body: EntriesBody,
          response: { 201: z.object({ entries: z.array(EntryView) }), ...errors, 409: ErrorBody },
        },
      },
      async (request, reply) => {
        const setup = existing(await setups.latest(request.orgId)).setup;
        const stored = await entries.add(
          request.orgId,
          request.orgId,
          checkedEntries(request.body.entries, setup, "entries"),
        );
        return reply.code(201).send({ entries: stored });
      },
    );

    app.get(
      "/setup/absences",
      {
        schema: {
          summary: "Absences and availability exceptions, by week and person",
          operationId: "listSetupEntries",
          querystring: EntryQuery,
          response: { 200: z.object({ entries: z.array(EntryView) }), ...errors },
        },
      },
      async (request) => {
        const { week, person, removed } = request.query;
        const sunday = week && DateTime.fromISO(week).plus({ days: 6 }).toISODate();
        return { entries: await entries.list(request.orgId, { from: week, to: sunday ?? undefined, person, removed }) };
      },
    );

    app.get(
      "/setup/absences/:id",
      {
        schema: {
          summary: "One absence or availability exception (removed ones too)",
          operationId: "getSetupEntry",
          params: ItemParams,
          response: { 200: EntryView, ...errors },
        },
      },
      async (request) => {
        const found = await entries.find(request.orgId, request.params.id);
        if (!found) throw notFound(`entry ${request.params.id}`);
        return found;
      },
    );

    app.delete(
      "/setup/absences/:id",
      {
        schema: {
          summary: "Remove an absence or exception: the undo of a mistaken one, itself on record",
          description:
            "The entry is kept, marked removed (who and when); weeks built from now on leave it out. Removing it " +
            "again changes nothing.",
          operationId: "removeSetupEntry",
          params: ItemParams,
          response: { 200: EntryView, ...errors },
        },
      },
      async (request) => {
        const removed = await entries.remove(request.orgId, request.params.id, request.orgId);
        if (!removed) throw notFound(`entry ${request.params.id}`);
        return removed;
      },
    );
  };
