import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { rotaCsv } from "../export/csv";
import { personIcs } from "../export/ics";
import { ErrorBody, notFound } from "../http/errors";
import { RotaParams, VersionQuery } from "../http/schemas";
import type { Services } from "../services";
import { versionFor } from "./versions";

const errors = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export const exportRoutes =
  ({ rotas }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/rotas/:id/export.csv",
      {
        schema: {
          operationId: "exportCsv",
          summary: "The rota as a spreadsheet: one row per assignment, then one per uncovered gap",
          description:
            "Columns: date, day, site, point, start, end, hours, person, name, shadowing, note; local site times. " +
            "Default version: the published one, else the latest.",
          params: RotaParams,
          querystring: VersionQuery,
          produces: ["text/csv"],
          response: { 200: z.string().describe("text/csv; UTF-8 with a byte-order mark"), ...errors },
        },
      },
      async (request, reply) => {
        const { record, version } = await versionFor(rotas, request.orgId, request.params.id, request.query.version);
        return reply
          .type("text/csv; charset=utf-8")
          .header("content-disposition", `attachment; filename="${record.id}-v${version.version}.csv"`)
          .send(rotaCsv(version.problem, version.rota));
      },
    );

    app.get(
      "/rotas/:id/people/:person.ics",
      {
        schema: {
          operationId: "personCalendar",
          summary: "One person's stints as an iCalendar feed",
          description:
            "Default version: the published one, else the latest. Event UIDs stay stable across versions, so a " +
            "calendar refreshing the feed updates in place.",
          params: RotaParams.extend({ person: z.string().min(1).max(200) }),
          querystring: VersionQuery,
          produces: ["text/calendar"],
          response: { 200: z.string().describe("text/calendar"), ...errors },
        },
      },
      async (request, reply) => {
        const { record, version } = await versionFor(rotas, request.orgId, request.params.id, request.query.version);
        const person = version.problem.people.find((p) => p.id === request.params.person);
        if (!person) throw notFound(`person ${request.params.person} in rota ${record.id}`);
        return reply
          .type("text/calendar; charset=utf-8")
          .header("content-disposition", `inline; filename="${record.id}-${person.id}.ics"`)
          .send(
            personIcs(version.problem, version.rota, person, {
              rotaId: record.id,
              version: version.version,
              stamp: version.createdAt,
              sequence: version.version,
            }),
          );
      },
    );
  };
