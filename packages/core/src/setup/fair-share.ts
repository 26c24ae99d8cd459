import type { Person, Problem } from "../model/problem";
import { resolveWeights } from "../model/weights";
import type { DeskSlot } from "./desk-slots";
import { FlowNetwork } from "./flow";

/** A contract of 0 h still shares what no one else can do, at the highest ratio (hours per contracted hour). */
const LEAST_WEIGHT = 0.01;
/** Hours of flow below which the share is complete (a few milliseconds). */
const TOLERANCE = 1e-6;
/** Newton's steps on one level of the ratio; it takes a handful, this only bounds float trouble. */
const MAX_STEPS = 50;

export interface ShareInput {
  problem: Problem;
  /** the open slots to share (all, or the unsocial ones) */
  slots: DeskSlot[];
  /** hours worked at a desk at each site, shadowing not counted */
  worked: Map<string, number>;
  contracts: Map<string, number>;
  /** hours each person worked outside the share (shadowing): they count in their ratio and come off `max` */
  ownHours?: Map<string, number>;
  /** `site slotStart` where the rota had a lead shadowing: the supervision rule asks no one else there */
  ledBy?: Set<string>;
  /** `person day` (0 = Monday) → the site where the rota had them shadowing that day */
  shadowedAt?: Map<string, string>;
}

/**
 * Each person's fair share of the desk hours worked at each site (`worked`, shadowing not counted):
 * the split closest to "in proportion to contracts" that a rota could actually have. It gives no one
 * more hours than the slots they could take (availability, absences, training per point, a point's
 * most people, `maxPerDay`, `max`), and gives the leads and keyholders the hours the supervision and
 * keyholder rules need of them. Among such splits it is the one whose largest ratio of share to
 * contract is least, then the next largest, and so on (docs/setup.md, "Fair share").
 */
export function fairShares(input: ShareInput): Map<string, number> {
  const { problem, contracts } = input;
  const net = buildNetwork(input);
  const weight = (p: Person) => Math.max(contracts.get(p.id) ?? p.hours.target, LEAST_WEIGHT);
  const own = (p: Person) => input.ownHours?.get(p.id) ?? 0;
  const max = (p: Person) => p.hours.max ?? Number.POSITIVE_INFINITY;
  // The ratio is of all a person's hours, their own (shadowing) included, to their contract.
  const bound = (p: Person, ratio: number) => Math.max(0, Math.min(max(p), ratio * weight(p)) - own(p));
  const frozen = new Map<string, number>();
  const setRatio = (ratio: number) => {
    for (const p of problem.people) {
      const cap = frozen.get(p.id) ?? bound(p, ratio);
      net.graph.setCapacity(net.toSink.get(p.id) as number, cap);
    }
    return net.graph.maxFlow(net.source, net.sink);
  };
  const best = setRatio(Number.POSITIVE_INFINITY);
  const active = new Set(problem.people.map((p) => p.id));
  const people = new Map(problem.people.map((p) => [p.id, p]));
  let ratio = 0;
  while (active.size > 0 && best > 0) {
    // Newton's method on the ratio from below: the minimum cut short of the hours is linear in the
    // ratio through its people's bounds, so the ratio where that cut carries them all is never past
    // the least one that can; a few cuts reach it. The last cut's people are the ones it holds
    // back: their share is settled at this ratio, the others may share at a lower one.
    let held: string[] = [];
    for (let step = 0; step < MAX_STEPS; step++) {
      const flow = setRatio(ratio);
      if (flow >= best - TOLERANCE) break;
      const side = net.graph.reachable(net.source);
      held = [...active].filter((id) => side[net.person.get(id) as number]);
      const slope = held.reduce((sum, id) => {
        const p = people.get(id) as Person;
        // Counted below their own hours too (where the bound is still 0): the step then never overshoots.
        return ratio * weight(p) < max(p) ? sum + weight(p) : sum;
      }, 0);
      if (slope <= 0) break;
      ratio += (best - flow) / slope;
    }
    if (held.length === 0) break;
    for (const id of held) {
      const p = people.get(id) as Person;
      frozen.set(id, bound(p, ratio));
      active.delete(id);
    }
    // The others may share at a lower ratio: start again from none.
    ratio = 0;
  }
  for (const id of active) frozen.set(id, 0);
  setRatio(0);
  // Flows of many augmenting paths carry float noise far below a second.
  const share = (p: Person) => Math.round(net.graph.flowOn(net.toSink.get(p.id) as number) * 1e6) / 1e6;
  return new Map(problem.people.map((p) => [p.id, share(p)]));
}

interface Network {
  graph: FlowNetwork;
  source: number;
  sink: number;
  person: Map<string, number>;
  toSink: Map<string, number>;
}

/**
 * source → each site's worked hours → slot → point (its most people) → person in that slot → their
 * day (`maxPerDay`) → person → sink (their share's bound). A slot where the supervision (keyholder)
 * rule asks for a lead (keyholder) gets one place straight from the source that only they can take,
 * so every such hour must be someone qualified's.
 */
function buildNetwork({ problem, slots, worked, ledBy, shadowedAt }: ShareInput): Network {
  const graph = new FlowNetwork();
  const source = graph.addNode();
  const sink = graph.addNode();
  const person = new Map<string, number>();
  const toSink = new Map<string, number>();
  for (const p of problem.people) {
    const node = graph.addNode();
    person.set(p.id, node);
    toSink.set(p.id, graph.addEdge(node, sink, 0));
  }
  const days = new Map<string, number>();
  const dayOf = (p: Person, date: string) => {
    const key = `${p.id} ${date}`;
    let node = days.get(key);
    if (node === undefined) {
      node = graph.addNode();
      graph.addEdge(node, person.get(p.id) as number, p.hours.maxPerDay ?? Number.POSITIVE_INFINITY);
      days.set(key, node);
    }
    return node;
  };
  const weights = resolveWeights(problem.weights);
  const sites = new Map<string, { node: number; reserved: number; leadEdges: { edge: number; hours: number }[] }>();
  for (const block of blocks(slots, ledBy)) {
    const { hours, led } = block;
    const desk = shadowedAt ? sameSiteAsShadowing(block.desk, shadowedAt) : block.desk;
    if ((worked.get(desk.site) ?? 0) <= 0) continue;
    const people = [...new Set(desk.points.flatMap((point) => point.people))];
    if (people.length === 0) continue;
    let site = sites.get(desk.site);
    if (!site) {
      site = { node: graph.addNode(), reserved: 0, leadEdges: [] };
      sites.set(desk.site, site);
    }
    const qualified = mustHave(desk, people, weights.supervision > 0 && !led, weights.keyholder > 0);
    // A person is in one place per slot: a node of their own bounds the slot's places they could take.
    const placesOf = new Map<string, number>();
    for (const p of [...qualified, ...desk.points.flatMap((point) => point.people)]) {
      placesOf.set(p.id, (placesOf.get(p.id) ?? 0) + 1);
    }
    const inSlot = new Map<string, number>();
    const slotOf = (p: Person) => {
      if ((placesOf.get(p.id) ?? 0) <= 1) return dayOf(p, desk.slot.date);
      let node = inSlot.get(p.id);
      if (node === undefined) {
        node = graph.addNode();
        graph.addEdge(node, dayOf(p, desk.slot.date), hours);
        inSlot.set(p.id, node);
      }
      return node;
    };
    if (qualified.length > 0) {
      const reserved = graph.addNode();
      site.leadEdges.push({ edge: graph.addEdge(source, reserved, hours), hours: hours });
      site.reserved += hours;
      for (const p of qualified) graph.addEdge(reserved, slotOf(p), hours);
    }
    const places = desk.points.reduce((sum, point) => sum + point.max, 0) - (qualified.length > 0 ? 1 : 0);
    if (places <= 0) continue;
    const slot = graph.addNode();
    graph.addEdge(site.node, slot, places * hours);
    for (const point of desk.points) {
      const node = graph.addNode();
      graph.addEdge(slot, node, point.max * hours);
      for (const p of point.people) graph.addEdge(node, slotOf(p), hours);
    }
  }
  for (const [id, site] of sites) {
    const hours = worked.get(id) ?? 0;
    // A rota that worked fewer hours than the rules' places asks for (gaps) shares what it worked.
    const scale = site.reserved > hours ? hours / site.reserved : 1;
    for (const { edge, hours: h } of site.leadEdges) graph.setCapacity(edge, h * scale);
    graph.addEdge(source, site.node, Math.max(0, hours - site.reserved));
  }
  return { graph, source, sink, person, toSink };
}

/**
 * Back-to-back slots of a site and date that look the same to the network (same places, same people,
 * same rules' needs) as one block of their hours: the flow over a block is the flow over its slots
 * (one place per person per slot becomes a block's hours per person), on a fraction of the nodes.
 */
function blocks(slots: DeskSlot[], ledBy: Set<string> | undefined): { desk: DeskSlot; hours: number; led: boolean }[] {
  const out: { desk: DeskSlot; hours: number; led: boolean; key: string; end: number }[] = [];
  for (const desk of slots) {
    const led = ledBy?.has(`${desk.site} ${desk.slot.start}`) ?? false;
    const people = desk.points.map((p) => `${p.max}:${p.people.map((q) => q.id).join(",")}`).join(";");
    const key = `${desk.site}|${desk.slot.date}|${desk.edge}|${led}|${people}`;
    const last = out[out.length - 1];
    if (last && last.key === key && last.end === desk.slot.start) {
      last.hours += desk.hours;
      last.end = desk.slot.end;
    } else {
      out.push({ desk, hours: desk.hours, led, key, end: desk.slot.end });
    }
  }
  return out;
}

/**
 * The slot without the people the rota had shadowing at another site that day: one site a day is a
 * rule, and where they shadowed is the rota's (their shadowing counts in their own share).
 */
function sameSiteAsShadowing(desk: DeskSlot, shadowedAt: Map<string, string>): DeskSlot {
  const here = (p: Person) => (shadowedAt.get(`${p.id} ${desk.slot.day}`) ?? desk.site) === desk.site;
  return { ...desk, points: desk.points.map((point) => ({ ...point, people: point.people.filter(here) })) };
}

/**
 * Who the rules need in this slot: a lead (supervision), at an opening or closing also a keyholder;
 * one person with both if there is one, else whichever the slot can have. Empty: no one is needed.
 */
function mustHave(desk: DeskSlot, people: Person[], supervision: boolean, keyholder: boolean): Person[] {
  const needs = [...(supervision ? ["lead"] : []), ...(desk.edge && keyholder ? ["keyholder"] : [])];
  for (const wanted of [needs, ...needs.map((n) => [n])]) {
    const found = people.filter((p) => wanted.every((q) => p.qualifications?.includes(q)));
    if (wanted.length > 0 && found.length > 0) return found;
  }
  return [];
}
