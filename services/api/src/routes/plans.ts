import { termWeeks } from "@deskrota/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ApiError, conflict, ErrorBody, notFound } from "../http/errors";
import { CreateQuery, ListQuery, Progress, RotaStatus, RotaView } from "../http/schemas";
import { IsoWeek, NewEntry } from "../http/setup-schemas";
import type { Services } from "../services";
import { existing } from "../setup/edit";
import { checkedEntries } from "../setup/entries";
import { earlierWeeks, PlanRunner } from "../setup/plan-runner";
import { planWeeks, summaryOf } from "../setup/plan-view";
import { buildWeek, carryAfter, carryBefore } from "../setup/weeks";
import { setupStores } from "../store";
import type { PlanRecord } from "../store/plans";
import { submitRota } from "./rotas";

const errors = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody };

const PlanBody = z.strictObject({
  from: IsoWeek.describe("the Monday of the term's first week"),
  weeks: z.number().int().min(1).max(52),
  absences: z
    .array(NewEntry)
    .max(5000)
    .optional()
    .describe("absences and availability exceptions already known: stored as the setup's dated entries"),
});

const PlanQuery = CreateQuery.pick({ timeLimitSeconds: true, seed: true, workBudget: true, name: true });

const PlanParams = z.object({ id: z.string().min(1).max(100) });

const PersonWeek = z.object({
  weekStart: z.string(),
  worked: z.number(),
  contract: z.number(),
  fairShare: z.number(),
  unsocial: z.number(),
});

const TermSummary = z
  .object({
    weeks: z.array(
      z.object({
        weekStart: z.string(),
        workedHours: z.number(),
        uncoveredHours: z.number(),
        unsocialHours: z.number(),
      }),
    ),
    people: z.array(
      z.object({
        person: z.string(),
        name: z.string(),
        weeks: z.array(PersonWeek),
        worked: z.number(),
        contract: z.number(),
        fairShare: z.number(),
        fromFairShare: z.number().describe("worked − fair share over the term"),
        fromContract: z.number().describe("worked − contract over the term"),
        unsocial: z.number(),
      }),
    ),
    maxFromFairShare: z.number(),
    unsocial: z.object({ min: z.number(), max: z.number(), spread: z.number() }),
    uncoveredHours: z.number(),
  })
  .meta({ id: "TermSummary" });

const PlanStatus = z.enum(["solving", "done", "stopped", "failed"]);

const PlanView = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    from: z.string(),
    status: PlanStatus,
    reason: z.string().nullable(),
    stopRequested: z.boolean(),
    setupRevision: z.number().int().describe("the setup revision the weeks were first solved from"),
    timeLimitSeconds: z.number().describe("per week"),
    weeks: z.array(
      z.object({
        weekStart: z.string(),
        rotaId: z.string().nullable(),
        status: z.union([RotaStatus, z.literal("pending")]),
        progress: Progress.nullable(),
        version: z.number().int().nullable(),
        publishedVersion: z.number().int().nullable(),
        setupRevision: z.number().int().nullable(),
        carryStale: z
          .boolean()
          .nullable()
          .describe("an earlier week changed since this one was built: re-solve it to follow the carry-over"),
      }),
    ),
    summary: TermSummary.nullable().describe("over the weeks solved so far (their published version, else latest)"),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Plan" });

const PlanSummary = PlanView.omit({ weeks: true, summary: true }).extend({ weekCount: z.number().int() });

const summaryView = (plan: PlanRecord): z.infer<typeof PlanSummary> => ({
  id: plan.id,
  name: plan.options.name ?? null,
  from: plan.from,
  status: plan.status,
  reason: plan.reason,
  stopRequested: plan.stopRequested,
  setupRevision: plan.options.setupRevision,
  timeLimitSeconds: plan.options.timeLimitMs / 1000,
  weekCount: plan.weeks.length,
  createdAt: plan.createdAt,
  updatedAt: plan.updatedAt,
});

/** Term plans: weeks solved in order with the carry-over, a term summary, one week re-solved alone. */
export const planRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const { rotas, db, config } = services;
    const stores = setupStores(db);
    const runner = new PlanRunner(services, stores, app.log);
    app.addHook("onReady", () => runner.resume());
    app.addHook("preClose", () => runner.close());

    const view = async (plan: PlanRecord): Promise<z.infer<typeof PlanView>> => {
      const setup = existing(await stores.setups.latest(plan.orgId)).setup;
      const { weeks, solved } = await planWeeks(rotas, stores, plan, setup);
      const { weekCount: _count, ...rest } = summaryView(plan);
      return { ...rest, weeks, summary: summaryOf(solved, setup) };
    };
    const find = async (orgId: string, id: string) => {
      const plan = await stores.plans.find(orgId, id);
      if (!plan) throw notFound(`plan ${id}`);
      return plan;
    };

    app.post(
      "/plans",
      {
        schema: {
          summary: "Plan a term: its weeks solved in order, each with the carry-over of the ones before",
          description:
            'Body { "from": "2027-01-11", "weeks": 12, "absences": [...]? }. Answers 202 with the plan (Location: ' +
            "its URL). Each week is a rota built from the setup as by POST /v1/weeks/{weekStart}/rotas, solved " +
            "through the same queue; it is a draft: nothing is published (publish each week's rota when people " +
            "are told). Week k is built with the carry-over of the published weeks before the term and the " +
            "plan's own weeks before it.",
          operationId: "createPlan",
          querystring: PlanQuery,
          body: PlanBody,
          response: { 202: PlanView, ...errors, 409: ErrorBody },
        },
      },
      async (request, reply) => {
        const { timeLimitSeconds, seed, workBudget, name } = request.query;
        const current = existing(await stores.setups.latest(request.orgId));
        const timeLimitMs =
          (timeLimitSeconds ?? current.setup.solver?.timeLimitSeconds ?? config.defaultTimeLimitMs / 1000) * 1000;
        if (timeLimitMs > config.maxTimeLimitMs)
          throw new ApiError(400, "DESKROTA_E_INPUT", "the time limit is too long", {
            issues: [
              {
                in: timeLimitSeconds !== undefined ? "querystring" : "body",
                path: timeLimitSeconds !== undefined ? "timeLimitSeconds" : "setup.solver.timeLimitSeconds",
                code: "too_big",
                message: `at most ${config.maxTimeLimitMs / 1000} s per week on this server`,
              },
            ],
          });
        let weekStarts: string[];
        try {
          weekStarts = termWeeks(request.body.from, request.body.weeks);
        } catch {
          throw new ApiError(400, "DESKROTA_E_INPUT", "the term must start on a Monday", {
            issues: [{ in: "body", path: "from", code: "not_monday", message: `${request.body.from} is not a Monday` }],
          });
        }
        const known = checkedEntries(request.body.absences ?? [], current.setup, "absences");
        const plan = await stores.plans.create(
          request.orgId,
          {
            weekStarts,
            options: {
              timeLimitMs,
              ...(seed !== undefined ? { seed } : {}),
              ...(workBudget !== undefined ? { workBudget } : {}),
              ...(name !== undefined ? { name } : {}),
              setupRevision: current.revision,
            },
          },
          async (tx, planId) => {
            await stores.entries.add(request.orgId, request.orgId, known, { planId, sql: tx });
          },
        );
        runner.start(request.orgId, plan.id);
        reply.header("location", `/v1/plans/${plan.id}`);
        return reply.code(202).send(await view(plan));
      },
    );

    app.get(
      "/plans",
      {
        schema: {
          summary: "This organisation's plans, newest first",
          operationId: "listPlans",
          querystring: ListQuery,
          response: { 200: z.object({ plans: z.array(PlanSummary) }), ...errors },
        },
      },
      async (request) => ({ plans: (await stores.plans.list(request.orgId, request.query.limit)).map(summaryView) }),
    );

    app.get(
      "/plans/:id",
      {
        schema: {
          summary: "A plan: each week's rota and status, and the term summary",
          description:
            "The term summary: each person's hours against contract and fair share week by week and over the term, " +
            "unsocial hours spread, uncovered hours per week.",
          operationId: "getPlan",
          params: PlanParams,
          response: { 200: PlanView, ...errors },
        },
      },
      async (request) => view(await find(request.orgId, request.params.id)),
    );

    app.delete(
      "/plans/:id/solve",
      {
        schema: {
          summary: "Stop a plan: the week being solved stops (keeping its best rota), later weeks are not started",
          operationId: "stopPlan",
          params: PlanParams,
          response: { 202: PlanView, ...errors, 409: ErrorBody },
        },
      },
      async (request, reply) => {
        const plan = await find(request.orgId, request.params.id);
        if (plan.status !== "solving") throw conflict(`plan ${plan.id} has already ended (${plan.status})`);
        const stopped = (await stores.plans.requestStop(request.orgId, plan.id)) ?? plan;
        for (const week of stopped.weeks) if (week.rotaId) await rotas.requestStop(request.orgId, week.rotaId);
        reply.header("location", `/v1/plans/${plan.id}`);
        return reply.code(202).send(await view(stopped));
      },
    );

    app.post(
      "/plans/:id/weeks/:weekStart/rotas",
      {
        schema: {
          summary: "Re-solve one week of a plan, without redoing the others",
          description:
            "The week is built again from the newest setup, its entries and the carry-over of the plan's weeks " +
            "before it (their published version, else latest), solved as POST /v1/rotas, and becomes the plan's " +
            "rota for that week. Later weeks follow when they are re-solved (the plan marks them carryStale). " +
            "409 while the plan is still solving.",
          operationId: "resolvePlanWeek",
          params: PlanParams.extend({ weekStart: IsoWeek }),
          querystring: CreateQuery,
          response: { 200: RotaView, 202: RotaView, ...errors, 409: ErrorBody, 503: ErrorBody },
        },
      },
      async (request, reply) => {
        const plan = await find(request.orgId, request.params.id);
        const index = plan.weeks.findIndex((w) => w.weekStart === request.params.weekStart);
        if (index < 0) throw notFound(`week ${request.params.weekStart} in plan ${plan.id}`);
        if (plan.status === "solving") throw conflict(`plan ${plan.id} is still solving its weeks`);
        const start = await carryBefore(rotas, stores, plan.orgId, plan.from);
        const carry = await carryAfter(rotas, stores, plan.orgId, start, await earlierWeeks(stores, plan, index));
        const { weekStart } = request.params;
        const built = await buildWeek(rotas, stores, plan.orgId, weekStart, { carry });
        const query = {
          ...request.query,
          name: request.query.name ?? `${plan.options.name ?? plan.id}: week of ${weekStart}`,
        };
        return submitRota(
          services,
          { orgId: request.orgId, id: request.id, query },
          reply,
          built.problem,
          async (record) => {
            await stores.weeks.link(plan.orgId, record.id, {
              weekStart,
              setupRevision: built.revision.revision,
              carry: built.carry,
              planId: plan.id,
            });
            await stores.plans.setWeekRota(plan.id, index, record.id);
          },
        );
      },
    );
  };
