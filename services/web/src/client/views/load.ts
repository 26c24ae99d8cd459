import { getJson } from "../api";
import type { Problem, RotaView, VersionSummary, VersionView } from "../types";

export interface Loaded {
  record: RotaView;
  versions: VersionSummary[];
  version: VersionView;
  /** the problem this version answers (names, zones, cover: what the grid is labelled with) */
  problem: Problem;
  /** the version it was changed from, to highlight what moved */
  base?: VersionView;
}

const path = (id: string) => `/v1/rotas/${encodeURIComponent(id)}`;

/** A solved rota's version `n` (default: the latest) with everything the page draws it with. */
export async function loadVersion(record: RotaView, n?: number): Promise<Loaded> {
  const number = n ?? record.version;
  if (number === null) throw new Error(`${record.name ?? record.id} has no version yet`);
  const [list, version, problem] = await Promise.all([
    getJson<{ versions: VersionSummary[] }>(`${path(record.id)}/versions`),
    getJson<VersionView>(`${path(record.id)}/versions/${number}`),
    getJson<Problem>(`${path(record.id)}/versions/${number}/problem`),
  ]);
  const base =
    version.baseVersion !== null
      ? await getJson<VersionView>(`${path(record.id)}/versions/${version.baseVersion}`)
      : undefined;
  return { record, versions: list.versions, version, problem, ...(base ? { base } : {}) };
}

export function getRota(id: string): Promise<RotaView> {
  return getJson<RotaView>(path(id));
}

export { path as rotaPath };
