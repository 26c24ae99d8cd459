import { DEFAULT_WEIGHTS, PROFILES, resolveWeights, type Problem, type WeightName } from "@deskrota/core";
import { z } from "zod";

export const ProfileId = z.enum(PROFILES.map((p) => p.id) as [string, ...string[]]).describe(PROFILES.map((p) => `${p.id}: ${p.description}`).join("; "));

/**
 * The problem with a profile's emphasis applied to its weights, as core `alternatives` weighs its
 * profiles: the stored problem then says exactly what the rota was optimised for, and changes
 * re-solved later keep the same emphasis.
 */
export function withProfile(problem: Problem, profileId: string): Problem {
  const profile = PROFILES.find((p) => p.id === profileId);
  if (!profile) return problem;
  const weights = resolveWeights(problem.weights);
  for (const [name, factor] of Object.entries(profile.emphasis) as Array<[WeightName, number]>) {
    weights[name] = Math.min(1e6, (weights[name] ?? DEFAULT_WEIGHTS[name]) * factor);
  }
  return { ...problem, weights };
}
