import type { Problem, ServicePoint, Site } from "@deskrota/core";

export interface Place {
  site: Site;
  point: ServicePoint;
  /** the zone the site's coordinators read times in */
  zone: string;
}

/** Service point id → its site and the site's zone, for showing instants as local times. */
export function placesOf(problem: Problem): Map<string, Place> {
  const places = new Map<string, Place>();
  for (const site of problem.sites) {
    for (const point of site.servicePoints)
      places.set(point.id, { site, point, zone: site.timeZone ?? problem.timeZone });
  }
  return places;
}
