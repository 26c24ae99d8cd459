import { Problem } from "@deskrota/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { conflict, ErrorBody, notFound } from "../http/errors";
import { MAX_VERSION, PublishBody, RotaParams, VersionNumber, VersionSummary, VersionView } from "../http/schemas";
import type { RotaRecord, VersionRecord, VersionSummary as StoredSummary } from "../store/rota-records";
import type { RotaStore } from "../store/rotas";
import type { Services } from "../services";

const errors = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody };

function summaryView(v: StoredSummary, rota: RotaRecord): z.infer<typeof VersionSummary> {
  return {
    version: v.version,
    kind: v.kind,
    baseVersion: v.baseVersion,
    change: (v.change ?? null) as z.infer<typeof VersionSummary>["change"],
    diff: (v.diff ?? null) as z.infer<typeof VersionSummary>["diff"],
    minimal: v.minimal,
    minimalReason: v.minimalReason,
    published: rota.publishedVersion === v.version,
    createdAt: v.createdAt,
  };
}

/**
 * The rota and the version a request is about: `version` when given, else the published one (what
 * people were told) — or the latest when `prefer` says so — else the latest. 404 for an unknown
 * rota or version; 409 while the rota has no version.
 */
export async function versionFor(
  rotas: RotaStore,
  orgId: string,
  id: string,
  version?: number,
  prefer: "published" | "latest" = "published",
): Promise<{ record: RotaRecord; version: VersionRecord }> {
  const record = await rotas.findRota(orgId, id);
  if (!record) throw notFound(`rota ${id}`);
  if (record.latestVersion === null) throw conflict(`rota ${id} is ${record.status}: it has no version yet`);
  const n =
    version ?? (prefer === "published" ? (record.publishedVersion ?? record.latestVersion) : record.latestVersion);
  // A number past any stored version (e.g. `id@N` in a comparison) is not found, not a store error.
  const found = n <= MAX_VERSION ? await rotas.findVersion(orgId, id, n) : null;
  if (!found) throw notFound(`version ${n} of rota ${id}`);
  return { record, version: found };
}

/**
 * What a change to the rota repairs: the published version's rota (else the latest's) against the latest
 * problem. The re-solve of a change and the warm-up after a publish both take it from here: the engine
 * matches a warmed thread to a re-solve by the content of these two.
 */
export async function repairBase(
  rotas: RotaStore,
  orgId: string,
  id: string,
): Promise<{ record: RotaRecord; latest: VersionRecord; base: VersionRecord }> {
  const { record, version: latest } = await versionFor(rotas, orgId, id, undefined, "latest");
  const base =
    record.publishedVersion === null || record.publishedVersion === latest.version
      ? latest
      : (await versionFor(rotas, orgId, record.id, record.publishedVersion)).version;
  return { record, latest, base };
}

export const versionRoutes =
  ({ rotas, warmUps }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/rotas/:id/versions",
      {
        schema: {
          operationId: "listVersions",
          summary: "Every version of a rota, oldest first: the solve, then one per change",
          params: RotaParams,
          response: {
            200: z.object({ publishedVersion: z.number().int().nullable(), versions: z.array(VersionSummary) }),
            ...errors,
          },
        },
      },
      async (request) => {
        const record = await rotas.findRota(request.orgId, request.params.id);
        if (!record) throw notFound(`rota ${request.params.id}`);
        const versions = await rotas.listVersions(request.orgId, record.id);
        return { publishedVersion: record.publishedVersion, versions: versions.map((v) => summaryView(v, record)) };
      },
    );

    app.get(
      "/rotas/:id/versions/:version",
      {
        schema: {
          operationId: "getVersion",
          summary: "One version of a rota, with its diff against the version it was re-solved from",
          params: RotaParams.extend({ version: VersionNumber }),
          response: { 200: VersionView, ...errors, 409: ErrorBody },
        },
      },
      async (request) => {
        const { record, version } = await versionFor(rotas, request.orgId, request.params.id, request.params.version);
        return { ...summaryView(version, record), rota: version.rota };
      },
    );

    app.get(
      "/rotas/:id/versions/:version/problem",
      {
        schema: {
          operationId: "getVersionProblem",
          summary:
            "The problem a version answers: the original with every change up to it applied (and a profile's weights)",
          params: RotaParams.extend({ version: VersionNumber }),
          response: { 200: Problem, ...errors, 409: ErrorBody },
        },
      },
      async (request) =>
        (await versionFor(rotas, request.orgId, request.params.id, request.params.version)).version.problem,
    );

    app.post(
      "/rotas/:id/publish",
      {
        schema: {
          operationId: "publishVersion",
          summary: "Mark a version as the one people were told about",
          description:
            "Changes are re-solved against the published version, keeping as much of it as they can. Body optional: " +
            "{ version } (default: the latest). After the answer, an idle solver thread warms on the version for " +
            "its first re-solves (unless DESKROTA_WARM_ON_PUBLISH=off).",
          params: RotaParams,
          body: PublishBody,
          response: {
            200: z.object({ id: z.string(), publishedVersion: z.number().int(), publishedAt: z.string() }),
            ...errors,
            409: ErrorBody,
          },
        },
      },
      async (request) => {
        const record = await rotas.findRota(request.orgId, request.params.id);
        if (!record) throw notFound(`rota ${request.params.id}`);
        if (record.latestVersion === null)
          throw conflict(`rota ${record.id} is ${record.status}: it has no version to publish yet`);
        const version = request.body?.version ?? record.latestVersion;
        const published = await rotas.publish(request.orgId, record.id, version);
        if (!published?.publishedAt) throw notFound(`version ${version} of rota ${record.id}`);
        warmUps.afterPublish(request.orgId, record.id, request.log);
        return { id: published.id, publishedVersion: version, publishedAt: published.publishedAt };
      },
    );
  };
