import { PROFILES, profileWeights, resolveWeights, type Problem } from "@deskrota/core";
import { z } from "zod";

export const ProfileId = z
  .enum(PROFILES.map((p) => p.id) as [string, ...string[]])
  .describe(PROFILES.map((p) => `${p.id}: ${p.description}`).join("; "));

/**
 * The problem with a profile's emphasis applied to its weights, as core `alternatives` weighs its
 * profiles: the stored problem then says exactly what the rota was optimised for, and changes
 * re-solved later keep the same emphasis.
 */
export function withProfile(problem: Problem, profileId: string): Problem {
  const profile = PROFILES.find((p) => p.id === profileId);
  if (!profile) return problem;
  return { ...problem, weights: profileWeights(resolveWeights(problem.weights), profile) };
}
