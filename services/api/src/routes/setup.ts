import { Problem, Setup, setupFromProblem } from "@deskrota/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ErrorBody } from "../http/errors";
import { EntryView, NoteQuery, RevisionParams, RevisionQuery, RevisionSummary, SetupView } from "../http/setup-schemas";
import type { Services } from "../services";
import { readRevision, revisionTo, validSetup } from "../setup/edit";
import { entryDays } from "../setup/entries";
import { setupStores } from "../store";

const errors = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody };

export const setupRoutes =
  ({ db }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const { setups, entries } = setupStores(db);

    const read = (orgId: string, revision?: number) => readRevision(setups, orgId, revision);

    app.get(
      "/setup",
      {
        schema: {
          summary: "The standing data: sites, service points, people, rules (the newest revision or ?revision=N)",
          operationId: "getSetup",
          querystring: RevisionQuery,
          response: { 200: SetupView, ...errors },
        },
      },
      async (request) => read(request.orgId, request.query.revision),
    );

    app.put(
      "/setup",
      {
        schema: {
          summary: "Replace the whole setup: a new revision (none when nothing changes)",
          description:
            "The body is the setup itself (docs/setup.md). Invalid: 400 listing every issue with its path, nothing " +
            "stored. Restoring an earlier revision is a PUT of its `setup` (or POST " +
            "/v1/setup/revisions/{n}/restore).",
          operationId: "putSetup",
          querystring: NoteQuery,
          body: Setup,
          response: { 200: SetupView, ...errors },
        },
      },
      async (request) =>
        (
          await setups.write(request.orgId, request.orgId, (current) =>
            revisionTo(current, request.body, "put", request.query.note),
          )
        ).revision,
    );

    app.get(
      "/setup/revisions",
      {
        schema: {
          summary: "The setup's history, newest first: who, when, why (note) and what changed",
          operationId: "listSetupRevisions",
          response: { 200: z.object({ revisions: z.array(RevisionSummary) }), ...errors },
        },
      },
      async (request) => ({ revisions: await setups.list(request.orgId) }),
    );

    app.get(
      "/setup/revisions/:revision",
      {
        schema: {
          summary: "One revision of the setup, as it was",
          operationId: "getSetupRevision",
          params: RevisionParams,
          response: { 200: SetupView, ...errors },
        },
      },
      async (request) => read(request.orgId, request.params.revision),
    );

    app.post(
      "/setup/revisions/:revision/restore",
      {
        schema: {
          summary: "Make an earlier revision's content the newest: a new revision (history is never rewritten)",
          operationId: "restoreSetupRevision",
          params: RevisionParams,
          querystring: NoteQuery,
          response: { 200: SetupView, ...errors },
        },
      },
      async (request) => {
        const old = await read(request.orgId, request.params.revision);
        const note = request.query.note ?? `restored revision ${old.revision}`;
        const written = await setups.write(request.orgId, request.orgId, (current) =>
          revisionTo(current, validSetup(old.setup), "restore", note),
        );
        return written.revision;
      },
    );

    app.post(
      "/setup/from-problem",
      {
        schema: {
          summary: "Start the setup from a problem file: its standing data, and its absences as dated entries",
          description:
            "A new revision replacing the whole setup (pins belong to one week and are not kept); the problem's " +
            "absences become dated entries. All or nothing.",
          operationId: "setupFromProblem",
          querystring: NoteQuery,
          body: Problem,
          response: {
            201: z.object({ setup: SetupView, entries: z.array(EntryView) }),
            ...errors,
          },
        },
      },
      async (request, reply) => {
        const { setup, entries: dated } = setupFromProblem(request.body);
        const valid = validSetup(setup, "the problem's standing data is not a valid setup");
        const note = request.query.note ?? `from the problem of the week of ${request.body.weekStart}`;
        const result = await db.transaction(async (tx) => {
          const written = await setups.write(
            request.orgId,
            request.orgId,
            (current) => revisionTo(current, valid, "put", note),
            tx,
          );
          const stored = await entries.add(
            request.orgId,
            request.orgId,
            dated.map((e) => entryDays(e, valid)),
            { sql: tx },
          );
          return { setup: written.revision, entries: stored };
        });
        return reply.code(201).send(result);
      },
    );
  };
