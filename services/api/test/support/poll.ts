import { setTimeout as sleep } from "node:timers/promises";
import type { FastifyInstance } from "fastify";

export interface RotaBody {
  id: string;
  status: "queued" | "solving" | "done" | "failed";
  progress: { elapsedMs: number; objective: number | null } | null;
  reason: string | null;
  version: number | null;
  rota?: {
    assignments: Array<{ person: string; point: string; start: string; end: string }>;
    uncovered: Array<{ reason: string }>;
    solver?: { status: string };
  };
}

/** Reads a rota's status until `until` holds (default: the solve has ended). Polls; never times a solve. */
export async function pollRota(
  app: FastifyInstance,
  auth: Record<string, string>,
  id: string,
  until: (r: RotaBody) => boolean = (r) => r.status === "done" || r.status === "failed",
): Promise<RotaBody> {
  for (;;) {
    const res = await app.inject({ method: "GET", url: `/v1/rotas/${id}`, headers: auth });
    const body = res.json<RotaBody>();
    if (res.statusCode !== 200) throw new Error(`GET /v1/rotas/${id}: ${res.statusCode} ${res.body}`);
    if (until(body)) return body;
    await sleep(50);
  }
}
