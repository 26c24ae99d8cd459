import { confirmTraining, DeskrotaInputError } from "@deskrota/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ApiError, ErrorBody, issuesIn, notFound } from "../http/errors";
import { ItemParams, SetupView } from "../http/setup-schemas";
import type { Services } from "../services";
import { existing, revisionTo } from "../setup/edit";
import { setupStores } from "../store";

const errors = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody, 409: ErrorBody };

const TrainingBody = z.strictObject({
  point: z.string().min(1).describe("the service point (id or kind) the person now works on their own"),
  note: z.string().max(2000).optional(),
});

/** The people of the setup as a coordinator handles them: training confirmed, sheets in and out. */
export const setupPeopleRoutes =
  ({ db }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const { setups } = setupStores(db);

    app.post(
      "/setup/people/:id/training",
      {
        schema: {
          summary: "Confirm a proposed promotion: the person works the point on their own from now on",
          description:
            "A new revision with that training state set to independent, noted in the setup's history. Weeks built from now on use it; rotas already made keep theirs. Proposals (shadowing hours past the point's threshold) are listed by GET /v1/weeks/{weekStart}.",
          operationId: "confirmTraining",
          params: ItemParams,
          body: TrainingBody,
          response: { 200: SetupView, ...errors },
        },
      },
      async (request) => {
        const { id } = request.params;
        const { point, note } = request.body;
        const written = await setups.write(request.orgId, request.orgId, (current) => {
          const setup = existing(current).setup;
          if (!setup.people.some((p) => p.id === id)) throw notFound(`person ${id}`);
          try {
            const next = confirmTraining(setup, id, point);
            return revisionTo(current, next, "training", note ?? `${id} confirmed independent at ${point}`);
          } catch (error) {
            if (!(error instanceof DeskrotaInputError)) throw error;
            throw new ApiError(400, "DESKROTA_E_INPUT", `${point} is not a service point or kind of the setup`, {
              issues: issuesIn("body", error.issues),
            });
          }
        });
        return written.revision;
      },
    );
  };
