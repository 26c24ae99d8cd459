import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parseProblem } from "@deskrota/core";
import type { FastifyBaseLogger } from "fastify";
import type { Services } from "./services";

export interface Bootstrapped {
  orgId: string;
  token: string;
  exampleRotaId: string | null;
}

/**
 * First start on an empty store: a default organisation and its token (shown once: only its hash
 * is kept), and the bundled example queued as a rota, so there is something to look at straight
 * away. Any later start finds an organisation and does nothing.
 */
export async function bootstrap(services: Services, log: FastifyBaseLogger): Promise<Bootstrapped | null> {
  const created = await services.orgs.createFirstOrg("default");
  if (!created) return null;
  log.info({ org: created.org.id }, "empty store: created the default organisation");
  let exampleRotaId: string | null = null;
  if (services.config.example !== "none") {
    const parsed = parseProblem(JSON.parse(readFileSync(services.config.example, "utf8")));
    if (!parsed.ok)
      throw new Error(
        `the example ${services.config.example} is not a valid problem: ` +
          `${parsed.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`,
      );
    const rota = await services.queue.submit(created.org.id, {
      name: `Example: ${basename(services.config.example, ".json")}`,
      problem: parsed.value,
      settings: { timeLimitMs: services.config.defaultTimeLimitMs },
    });
    exampleRotaId = rota.id;
    log.info({ rotaId: rota.id, example: services.config.example }, "example queued");
  }
  return { orgId: created.org.id, token: created.token, exampleRotaId };
}

/** The one time the token is shown: on the terminal, not in the logs, which may be kept elsewhere. */
export function banner(first: Bootstrapped, baseUrl: string): string {
  const lines = [
    "",
    "deskrota: first start: created the default organisation.",
    `  token (shown once, keep it):  ${first.token}`,
    `  try:  curl -H "Authorization: Bearer ${first.token}" ${baseUrl}/v1/rotas`,
  ];
  if (first.exampleRotaId)
    lines.push(`  example rota (ready in a few seconds):  ${baseUrl}/v1/rotas/${first.exampleRotaId}`);
  lines.push(`  API documentation:  ${baseUrl}/docs`, "");
  return lines.join("\n");
}
