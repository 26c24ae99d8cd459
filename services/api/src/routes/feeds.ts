import type { Person } from "@deskrota/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { personIcs } from "../export/ics";
import { conflict, ErrorBody, notFound } from "../http/errors";
import { RotaParams } from "../http/schemas";
import type { Services } from "../services";
import type { FeedRecord } from "../store/feeds";
import { versionFor } from "./versions";

const Feed = z
  .object({
    id: z.string().describe("the feed's public id (feed_…), to revoke it by"),
    rotaId: z.string(),
    person: z.string(),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: "CalendarFeed" });

const NewFeed = Feed.extend({
  url: z.string().describe("the feed's address, relative to this server: a secret, shown this once"),
}).meta({ id: "NewCalendarFeed" });

const errors = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody };

const view = (f: FeedRecord) => ({
  id: f.id,
  rotaId: f.rotaId,
  person: f.person,
  createdAt: f.createdAt,
  revokedAt: f.revokedAt,
});

/** Creating, listing and revoking feeds: the organisation's, with its token. */
export const feedRoutes =
  ({ rotas, feeds }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/rotas/:id/people/:person/feeds",
      {
        schema: {
          operationId: "createCalendarFeed",
          summary: "A secret calendar address for one person, for a calendar app to subscribe to",
          description:
            "The address works without a token (calendar apps cannot send one) until revoked, and always serves " +
            "the rota's published version. 409 while the rota has no version.",
          params: RotaParams.extend({ person: z.string().min(1).max(200) }),
          response: { 201: NewFeed, ...errors, 409: ErrorBody },
        },
      },
      async (request, reply) => {
        const { id, person } = request.params;
        const { record, version } = await versionFor(rotas, request.orgId, id, undefined, "latest");
        if (!version.problem.people.some((p) => p.id === person)) throw notFound(`person ${person} in rota ${id}`);
        const { record: feed, secret } = await feeds.create(request.orgId, record.id, person);
        request.log.info({ feedId: feed.id, rotaId: record.id }, "calendar feed created");
        return reply.code(201).send({ ...view(feed), url: `/feeds/${secret}.ics` });
      },
    );

    app.get(
      "/rotas/:id/feeds",
      {
        schema: {
          operationId: "listCalendarFeeds",
          summary: "The rota's calendar feeds (never their addresses), revoked ones included",
          params: RotaParams,
          response: { 200: z.object({ feeds: z.array(Feed) }), ...errors },
        },
      },
      async (request) => {
        const record = await rotas.findRota(request.orgId, request.params.id);
        if (!record) throw notFound(`rota ${request.params.id}`);
        return { feeds: (await feeds.list(request.orgId, record.id)).map(view) };
      },
    );

    app.delete(
      "/feeds/:feedId",
      {
        schema: {
          operationId: "revokeCalendarFeed",
          summary: "Revoke a calendar feed: its address stops working at once",
          params: z.object({ feedId: z.string().min(1).max(100) }),
          response: { 200: Feed, ...errors, 409: ErrorBody },
        },
      },
      async (request) => {
        const result = await feeds.revoke(request.orgId, request.params.feedId);
        if (result === null) throw notFound(`calendar feed ${request.params.feedId}`);
        if (result === "revoked") throw conflict(`calendar feed ${request.params.feedId} is already revoked`);
        request.log.info({ feedId: result.id }, "calendar feed revoked");
        return view(result);
      },
    );
  };

/** The feeds themselves, outside /v1: the secret in the address is the credential. */
export const publicFeedRoutes =
  ({ rotas, feeds }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/feeds/:secret.ics",
      {
        schema: {
          operationId: "calendarFeed",
          summary: "A person's calendar feed (its secret address; no token)",
          description:
            "The published version's stints in iCalendar; no events until a version is published. Event UIDs stay " +
            "the same across versions and SEQUENCE rises with each publication, so calendars update in place.",
          security: [],
          params: z.object({ secret: z.string().min(1).max(200) }),
          produces: ["text/calendar"],
          response: { 200: z.string().describe("text/calendar"), 400: ErrorBody, 404: ErrorBody },
        },
      },
      async (request, reply) => {
        const feed = await feeds.bySecret(request.params.secret);
        const record = feed && (await rotas.findRota(feed.orgId, feed.rotaId));
        if (!feed || !record || record.latestVersion === null) throw notFound("calendar feed");
        const published = record.publishedVersion;
        const version = await rotas.findVersion(feed.orgId, record.id, published ?? record.latestVersion);
        if (!version) throw notFound("calendar feed");
        // Before any publication: the calendar exists, with no events yet.
        const rota = published === null ? { ...version.rota, assignments: [] } : version.rota;
        const person: Person | undefined =
          version.problem.people.find((p) => p.id === feed.person) ??
          (await rotas.problemOf(feed.orgId, record.id))?.people.find((p) => p.id === feed.person);
        if (!person) throw notFound("calendar feed");
        return reply
          .type("text/calendar; charset=utf-8")
          .header("cache-control", "private, max-age=300")
          .send(
            personIcs(version.problem, rota, person, {
              rotaId: record.id,
              version: version.version,
              stamp: record.publishedAt ?? version.createdAt,
              sequence: record.publications,
            }),
          );
      },
    );
  };
