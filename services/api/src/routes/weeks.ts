import { Problem } from "@deskrota/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ErrorBody } from "../http/errors";
import { CreateQuery, RotaStatus, RotaView } from "../http/schemas";
import { CarryView, EntryView, IsoWeek, RevisionQuery } from "../http/setup-schemas";
import type { Services } from "../services";
import { buildWeek } from "../setup/weeks";
import { setupStores } from "../store";
import { submitRota } from "./rotas";

const WeekParams = z.object({ weekStart: IsoWeek.describe("the Monday of the week") });

const errors = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody, 409: ErrorBody };

const WeekView = z
  .object({
    weekStart: z.string(),
    setupRevision: z.number().int().describe("the revision a rota made now would be built from"),
    carry: CarryView.describe("what the published weeks before this one hand to it"),
    proposals: z
      .array(z.object({ person: z.string(), point: z.string() }))
      .describe("people whose shadowing hours reached the threshold: confirm with POST /v1/setup/people/{id}/training"),
    entries: z.array(EntryView).describe("this week's absences and availability exceptions"),
    rotas: z.array(
      z.object({
        id: z.string(),
        status: RotaStatus,
        setupRevision: z.number().int(),
        planId: z.string().nullable(),
        publishedVersion: z.number().int().nullable(),
        createdAt: z.string(),
      }),
    ),
  })
  .meta({ id: "Week" });

/** A week built from the setup: what it would be made of, and rotas made from it. */
export const weekRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const { rotas, db } = services;
    const stores = setupStores(db);

    app.get(
      "/weeks/:weekStart",
      {
        schema: {
          summary: "A week: the carry-over into it, training proposals, its entries and the rotas made for it",
          operationId: "getWeek",
          params: WeekParams,
          response: { 200: WeekView, ...errors },
        },
      },
      async (request) => {
        const { weekStart } = request.params;
        const built = await buildWeek(rotas, stores, request.orgId, weekStart);
        const linked = await stores.weeks.ofWeek(request.orgId, weekStart);
        const weekRotas = await Promise.all(
          linked.map(async (w) => {
            const record = await rotas.findRota(request.orgId, w.rotaId);
            return {
              id: w.rotaId,
              status: record?.status ?? "failed",
              setupRevision: w.setupRevision,
              planId: w.planId,
              publishedVersion: record?.publishedVersion ?? null,
              createdAt: w.createdAt,
            };
          }),
        );
        const proposals = Object.entries(built.carry.people).flatMap(([person, c]) =>
          c.proposed.map((point) => ({ person, point })),
        );
        return {
          weekStart,
          setupRevision: built.revision.revision,
          carry: built.carry,
          proposals,
          entries: built.entries,
          rotas: weekRotas,
        };
      },
    );

    app.get(
      "/weeks/:weekStart/problem",
      {
        schema: {
          summary: "The problem (format v1) the week would be built from, to check before solving",
          description:
            "The setup revision in force (the newest, or ?revision=N), that week's absences and availability " +
            "exceptions, site exceptions of that week, and the carry-over from the published weeks before it " +
            "(targets shifted, unsocial hours nudged).",
          operationId: "getWeekProblem",
          params: WeekParams,
          querystring: RevisionQuery,
          response: { 200: Problem, ...errors },
        },
      },
      async (request) =>
        (await buildWeek(rotas, stores, request.orgId, request.params.weekStart, request.query)).problem,
    );

    app.post(
      "/weeks/:weekStart/rotas",
      {
        schema: {
          summary: "Build the week's problem from the setup and solve it, exactly as POST /v1/rotas",
          description:
            "The rota stores the problem it was built from (so it stays reproducible whatever the setup becomes), " +
            "with the setup revision and carry-over. Same options, statuses, progress, stop, publish and changes " +
            "as POST /v1/rotas. Publishing it feeds the carry-over of the weeks after it.",
          operationId: "solveWeek",
          params: WeekParams,
          querystring: CreateQuery,
          response: { 200: RotaView, 202: RotaView, ...errors, 503: ErrorBody },
        },
      },
      async (request, reply) => {
        const { weekStart } = request.params;
        const built = await buildWeek(rotas, stores, request.orgId, weekStart);
        const query = { ...request.query, name: request.query.name ?? `week of ${weekStart}` };
        return submitRota(services, { orgId: request.orgId, id: request.id, query }, reply, built.problem, (record) =>
          stores.weeks.link(request.orgId, record.id, {
            weekStart,
            setupRevision: built.revision.revision,
            carry: built.carry,
          }),
        );
      },
    );
  };
