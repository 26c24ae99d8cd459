import type { Person, Problem } from "../model/problem";
import { resolveWeights } from "../model/weights";
import type { DeskSlot } from "./desk-slots";
import { FlowNetwork } from "./flow";
import { type ShareBlock, shareBlocks } from "./share-blocks";
import { type ShiftFloor, shiftFloors } from "./shift-floors";

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
  /**
   * false: leave out the shifts a sole lead's (keyholder's) slots force (`shiftFloors`): the share slot by
   * slot, as issue 14 defines it, which can sit below what any rota gives such a person (default: kept)
   */
  floors?: boolean;
}

/**
 * Each person's fair share of the desk hours worked at each site (`worked`, shadowing not counted):
 * the split closest to "in proportion to contracts" that a rota could actually have. It gives no one
 * more hours than the slots they could take (availability, absences, training per point, a point's
 * most people, `maxPerDay`, `max`), and gives the leads and keyholders the hours the supervision and
 * keyholder rules need of them, with the rest of the shift of at least the minimum length that a slot
 * only they can fill forces (`floors`). Among such splits it is the one whose largest ratio of share to
 * contract is least, then the next largest, and so on (docs/setup.md, "Fair share").
 */
export function fairShares(input: ShareInput): Map<string, number> {
  const { problem, contracts } = input;
  const net = buildNetwork(input, blocksOf(input));
  const weight = (p: Person) => Math.max(contracts.get(p.id) ?? p.hours.target, LEAST_WEIGHT);
  const own = (p: Person) => input.ownHours?.get(p.id) ?? 0;
  const max = (p: Person) => p.hours.max ?? Number.POSITIVE_INFINITY;
  // The ratio is of all a person's hours, their own (shadowing) included, to their contract.
  const bound = (p: Person, ratio: number) => Math.max(0, Math.min(max(p), ratio * weight(p)) - own(p));
  const frozen = new Map<string, number>();
  const floorFlow = new Map<string, number>();
  // What the person's edge to the sink may carry at a ratio: the floors carry the first of their hours.
  const cap = (p: Person, ratio: number) => Math.max(0, bound(p, ratio) - (floorFlow.get(p.id) ?? 0));
  const bends = (p: Person) => [(own(p) + (floorFlow.get(p.id) ?? 0)) / weight(p), max(p) / weight(p)];
  const setRatio = (ratio: number) => {
    if (net.floors.length > 0) fillFloors(net, floorFlow);
    for (const p of problem.people) {
      net.graph.setCapacity(net.toSink.get(p.id) as number, Math.max(0, frozen.get(p.id) ?? cap(p, ratio)));
    }
    return net.graph.maxFlow(net.source, net.sink);
  };
  const best = setRatio(Number.POSITIVE_INFINITY);
  const active = new Set(problem.people.map((p) => p.id));
  const people = new Map(problem.people.map((p) => [p.id, p]));
  let ratio = 0;
  while (active.size > 0 && best > 0) {
    // Newton's method on the ratio from below: the minimum cut short of the hours carries, as the
    // ratio grows, what it carries now plus its people's edges' growth; the ratio where that cut
    // would carry them all is never past the least one that can (no flow exceeds a cut), and a few
    // cuts reach it. The last cut's people are the ones it holds back: their share is settled at
    // this ratio, the others may share at a lower one.
    let held: Person[] = [];
    for (let step = 0; step < MAX_STEPS; step++) {
      const flow = setRatio(ratio);
      if (flow >= best - TOLERANCE) break;
      const side = net.graph.reachable(net.source);
      held = [...active].filter((id) => side[net.person.get(id) as number]).map((id) => people.get(id) as Person);
      const next = ratioCarrying(held, cap, bends, ratio, best - flow);
      if (!(next > ratio)) break;
      ratio = next;
    }
    if (held.length === 0) break;
    for (const p of held) {
      frozen.set(p.id, cap(p, ratio));
      active.delete(p.id);
    }
    // The others may share at a lower ratio: start again from none.
    ratio = 0;
  }
  for (const id of active) frozen.set(id, 0);
  setRatio(0);
  // Flows of many augmenting paths carry float noise far below a second.
  const flow = (p: Person) => net.graph.flowOn(net.toSink.get(p.id) as number) + (floorFlow.get(p.id) ?? 0);
  const share = (p: Person) => Math.round(flow(p) * 1e6) / 1e6;
  return new Map(problem.people.map((p) => [p.id, share(p)]));
}

/**
 * The least ratio above `ratio` at which the people's edges to the sink carry `more` hours more than
 * now, or `ratio` if no ratio does. Each edge is linear in the ratio between its `bends` (where the
 * person's hours pass their own and floor hours, where they reach their `max`): the sum is walked
 * from bend to bend.
 */
function ratioCarrying(
  people: Person[],
  cap: (p: Person, ratio: number) => number,
  bends: (p: Person) => number[],
  ratio: number,
  more: number,
): number {
  const carried = (r: number) => people.reduce((sum, p) => sum + cap(p, r), 0);
  const wanted = carried(ratio) + more;
  const ahead = [...new Set(people.flatMap(bends))]
    .filter((r) => r > ratio && Number.isFinite(r))
    .sort((a, b) => a - b);
  // Past the last bend every edge grows without end (no max) or not at all: one step further tells which.
  const last = (ahead[ahead.length - 1] ?? ratio) + 1;
  let from = ratio;
  let at = carried(ratio);
  for (const to of [...ahead, last]) {
    const there = carried(to);
    if (there > at && (there >= wanted || to === last)) return from + ((wanted - at) * (to - from)) / (there - at);
    [from, at] = [to, there];
  }
  return ratio;
}

/** The floors the fair share keeps (`shiftFloors`) for this input's slots and rota. */
export function shareFloors(input: ShareInput): ShiftFloor[] {
  return shiftFloors(blocksOf(input));
}

function blocksOf({ problem, slots, ledBy, shadowedAt }: ShareInput): ShareBlock[] {
  const weights = resolveWeights(problem.weights);
  const rules = { supervision: weights.supervision > 0, keyholder: weights.keyholder > 0 };
  return shareBlocks({ slots, ...(ledBy ? { ledBy } : {}), ...(shadowedAt ? { shadowedAt } : {}), ...rules });
}

/** A person's least hours on a date (`ShiftFloor`): the edge from their day straight to the sink that carries them. */
interface FloorEdge {
  person: string;
  hours: number;
  /** day → sink, up to `hours` */
  edge: number;
  /** day → person, `maxPerDay` less what the floor carries */
  rest: number;
  perDay: number;
}

interface Network {
  graph: FlowNetwork;
  source: number;
  sink: number;
  person: Map<string, number>;
  toSink: Map<string, number>;
  floors: FloorEdge[];
}

/**
 * The floors first, as far as the sites' hours allow, with no one else's share open: then each floor
 * edge is held at what it carries, so a maximum flow from there (which never takes flow off an edge
 * into the sink) keeps them while it shares the rest.
 */
function fillFloors(net: Network, floorFlow: Map<string, number>): void {
  for (const edge of net.toSink.values()) net.graph.setCapacity(edge, 0);
  for (const f of net.floors) {
    net.graph.setCapacity(f.edge, f.hours);
    net.graph.setCapacity(f.rest, f.perDay - f.hours);
  }
  net.graph.maxFlow(net.source, net.sink);
  floorFlow.clear();
  for (const f of net.floors) {
    const carried = net.graph.flowOn(f.edge);
    net.graph.setCapacity(f.edge, carried);
    net.graph.setCapacity(f.rest, f.perDay - carried);
    floorFlow.set(f.person, (floorFlow.get(f.person) ?? 0) + carried);
  }
}

/**
 * source → each site's worked hours → slot → point (its most people) → person in that slot → their
 * day (`maxPerDay`) → person → sink (their share's bound). A slot where the supervision (keyholder)
 * rule asks for a lead (keyholder) gets one place straight from the source that only they can take,
 * so every such hour must be someone qualified's. A day with a floor also has an edge straight to the
 * sink for the floor's hours (one site a day: the largest of the date's floors).
 */
function buildNetwork(input: ShareInput, blocks: ShareBlock[]): Network {
  const { problem, worked } = input;
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
  const floorHours = input.floors === false ? new Map<string, number>() : floorsByDay(input, blocks);
  const floors: FloorEdge[] = [];
  const days = new Map<string, number>();
  const dayOf = (p: Person, date: string) => {
    const key = `${p.id} ${date}`;
    let node = days.get(key);
    if (node === undefined) {
      node = graph.addNode();
      const perDay = p.hours.maxPerDay ?? Number.POSITIVE_INFINITY;
      const rest = graph.addEdge(node, person.get(p.id) as number, perDay);
      const hours = floorHours.get(key);
      if (hours !== undefined) floors.push({ person: p.id, hours, edge: graph.addEdge(node, sink, 0), rest, perDay });
      days.set(key, node);
    }
    return node;
  };
  const sites = new Map<string, { node: number; reserved: number; leadEdges: { edge: number; hours: number }[] }>();
  for (const { desk, hours, qualified } of blocks) {
    if ((worked.get(desk.site) ?? 0) <= 0) continue;
    const people = [...new Set(desk.points.flatMap((point) => point.people))];
    if (people.length === 0) continue;
    let site = sites.get(desk.site);
    if (!site) {
      site = { node: graph.addNode(), reserved: 0, leadEdges: [] };
      sites.set(desk.site, site);
    }
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
  return { graph, source, sink, person, toSink, floors };
}

/**
 * `person date` → the hours their floors keep that date: the largest of the date's floors (one site a
 * day), all of a person's scaled down to fit under their `max` less their own hours where they would not.
 */
function floorsByDay({ problem, ownHours }: ShareInput, blocks: ShareBlock[]): Map<string, number> {
  const byDay = new Map<string, number>();
  const total = new Map<string, number>();
  for (const f of shiftFloors(blocks)) {
    const key = `${f.person} ${f.date}`;
    const before = byDay.get(key) ?? 0;
    byDay.set(key, Math.max(before, f.hours));
    total.set(f.person, (total.get(f.person) ?? 0) + Math.max(0, f.hours - before));
  }
  for (const p of problem.people) {
    const room = Math.max(0, (p.hours.max ?? Number.POSITIVE_INFINITY) - (ownHours?.get(p.id) ?? 0));
    const sum = total.get(p.id) ?? 0;
    if (sum <= room) continue;
    for (const [key, hours] of byDay) if (key.startsWith(`${p.id} `)) byDay.set(key, (hours * room) / sum);
  }
  return byDay;
}
