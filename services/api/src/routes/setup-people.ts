import { confirmTraining, DeskrotaInputError, diffPeople, peopleToRows, rowsToPeople } from "@deskrota/core";
import { MAX_SHEET_BYTES, readCsv, readXlsx, writeCsv, writeXlsx } from "@deskrota/sheets";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ApiError, ErrorBody, issuesIn, notFound } from "../http/errors";
import { ItemParams, NoteQuery, RevisionQuery, SetupView } from "../http/setup-schemas";
import { unstorableText } from "../http/text";
import type { Services } from "../services";
import { existing, readRevision, revisionTo } from "../setup/edit";
import { setupStores } from "../store";

const errors = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const SheetIssue = z.object({ row: z.number().int(), column: z.string(), message: z.string() });

const ImportResult = z
  .object({
    dryRun: z.boolean(),
    revision: z.number().int().nullable().describe("the setup revision after the import (null on a dry run)"),
    added: z.array(z.object({ id: z.string(), name: z.string() })),
    changed: z.array(
      z.object({
        id: z.string(),
        fields: z.array(z.object({ field: z.string(), before: z.string(), after: z.string() })),
      }),
    ),
    removed: z.array(z.object({ id: z.string(), name: z.string() })),
    issues: z.array(SheetIssue).describe("every cell that cannot be read, by row (1 = the sheet's first) and column"),
  })
  .meta({ id: "PeopleImport" });

const ImportQuery = NoteQuery.extend({
  dryRun: z.stringbool().optional().describe("say what would change, change nothing"),
});

/** Sheet cells' issues in the API's error shape: the path is the row, then the column. */
const sheetIssues = (issues: z.infer<typeof SheetIssue>[]) =>
  issues.map((i) => ({
    in: "body" as const,
    path: [String(i.row), i.column].filter(Boolean).join("."),
    code: "sheet_cell",
    message: `row ${i.row}${i.column ? `, ${i.column}` : ""}: ${i.message}`,
  }));

/** Cells PostgreSQL could not store (a NUL, half a surrogate pair), by row and column number. */
const cellsUnstorable = (rows: string[][]) =>
  unstorableText("body", rows).map((issue) => {
    const [row, column] = issue.path.split(".").map(Number);
    return { row: (row ?? 0) + 1, column: `column ${(column ?? 0) + 1}`, message: issue.message };
  });

const TrainingBody = z.strictObject({
  point: z.string().min(1).describe("the service point (id or kind) the person now works on their own"),
  note: z.string().max(2000).optional(),
});

/** The people of the setup as a coordinator handles them: training confirmed, sheets in and out. */
export const setupPeopleRoutes =
  ({ db }: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const { setups } = setupStores(db);
    // Sheets arrive as bytes. The limit leaves room for the sheet reader to say how large a file may
    // be, in words, rather than the transport cutting it off.
    app.addContentTypeParser(
      ["text/csv", XLSX],
      { parseAs: "buffer", bodyLimit: MAX_SHEET_BYTES * 4 },
      (_request, body, done) => done(null, body),
    );

    const current = (orgId: string, revision?: number) => readRevision(setups, orgId, revision);

    app.get(
      "/setup/people.csv",
      {
        schema: {
          summary: "The people as a spreadsheet (CSV, the documented template): one row per person",
          description:
            "Columns as in docs/setup.md (ID, Name, Role, Sites, Hours target/min/max/per day, shift limits, " +
            "Availability like `Mon 09:00-17:00; Tue 12:00-20:00`, Training like `Reception: independent; Help " +
            "Desk: shadowing`, qualifications, preferences, mentor). Edit it and POST it back to " +
            "/v1/setup/people.",
          operationId: "exportPeopleCsv",
          querystring: RevisionQuery,
          produces: ["text/csv"],
          response: { 200: z.string().describe("text/csv; UTF-8"), 401: ErrorBody, 404: ErrorBody },
        },
      },
      async (request, reply) => {
        const found = await current(request.orgId, request.query.revision);
        return reply
          .type("text/csv; charset=utf-8")
          .header("content-disposition", `attachment; filename="people-r${found.revision}.csv"`)
          .send(new TextDecoder("utf-8", { ignoreBOM: true }).decode(writeCsv(peopleToRows(found.setup))));
      },
    );

    app.get(
      "/setup/people.xlsx",
      {
        schema: {
          summary: "The people as an Excel workbook (the same template as the CSV)",
          operationId: "exportPeopleXlsx",
          querystring: RevisionQuery,
          produces: [XLSX],
          response: { 200: z.any().describe(XLSX), 401: ErrorBody, 404: ErrorBody },
        },
      },
      async (request, reply) => {
        const found = await current(request.orgId, request.query.revision);
        return reply
          .type(XLSX)
          .header("content-disposition", `attachment; filename="people-r${found.revision}.xlsx"`)
          .send(Buffer.from(await writeXlsx(peopleToRows(found.setup), "People")));
      },
    );

    app.post(
      "/setup/people",
      {
        schema: {
          summary: "Import the people sheet (CSV or XLSX): all rows apply, as one new revision, or none do",
          description:
            "Body: the sheet, `content-type: text/csv` (UTF-8, `,` or `;`, a BOM is fine) or the .xlsx media type. " +
            "The sheet replaces the people: rows added, changed field by field, people not in it removed. " +
            "?dryRun=true answers what would change and every problem as {row, column, message}, changing " +
            "nothing. Without it, a sheet with problems is a 400 listing them (nothing applied). An unchanged " +
            "sheet makes no revision. Larger than 2 MB: 413.",
          operationId: "importPeople",
          querystring: ImportQuery,
          consumes: ["text/csv", XLSX],
          body: z.any().describe("the sheet: CSV text, or an .xlsx workbook's bytes"),
          response: { 200: ImportResult, ...errors, 413: ErrorBody, 415: ErrorBody },
        },
      },
      async (request) => {
        const body = request.body;
        if (!Buffer.isBuffer(body))
          throw new ApiError(415, "DESKROTA_E_MEDIA_TYPE", `send the sheet as text/csv or ${XLSX}`);
        const type = request.headers["content-type"] ?? "";
        const read = type.startsWith("text/csv") ? readCsv(body) : await readXlsx(body);
        if (!read.ok && body.byteLength > MAX_SHEET_BYTES)
          throw new ApiError(413, "DESKROTA_E_TOO_LARGE", read.issues[0]?.message ?? "the sheet is too large", {
            issues: sheetIssues(read.issues),
          });
        const { dryRun, note } = request.query;
        const outcome = (setup: Parameters<typeof rowsToPeople>[1]) => {
          if (!read.ok) return { people: setup.people, issues: read.issues };
          const unstorable = cellsUnstorable(read.rows);
          return unstorable.length ? { people: setup.people, issues: unstorable } : rowsToPeople(read.rows, setup);
        };
        if (dryRun) {
          const { setup } = existing(await setups.latest(request.orgId));
          const { people, issues } = outcome(setup);
          const diff = issues.length
            ? { added: [], changed: [], removed: [] }
            : diffPeople(setup.people, people, setup);
          return { dryRun: true, revision: null, ...diff, issues };
        }
        let diff: ReturnType<typeof diffPeople> = { added: [], changed: [], removed: [] };
        const written = await setups.write(request.orgId, request.orgId, (latest) => {
          const { setup } = existing(latest);
          const { people, issues } = outcome(setup);
          if (issues.length)
            throw new ApiError(
              400,
              "DESKROTA_E_INPUT",
              `the sheet has ${issues.length} problems; nothing was applied`,
              {
                issues: sheetIssues(issues),
              },
            );
          diff = diffPeople(setup.people, people, setup);
          return revisionTo(latest, { ...setup, people }, "import", note);
        });
        return { dryRun: false, revision: written.revision.revision, ...diff, issues: [] };
      },
    );

    app.post(
      "/setup/people/:id/training",
      {
        schema: {
          summary: "Confirm a proposed promotion: the person works the point on their own from now on",
          description:
            "A new revision with that training state set to independent, noted in the setup's history. Weeks built " +
            "from now on use it; rotas already made keep theirs. Proposals (shadowing hours past the point's " +
            "threshold) are listed by GET /v1/weeks/{weekStart}.",
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
