/** Flows below this are rounding noise of the hours arithmetic, not hours. */
const EPS = 1e-9;

/**
 * A flow network with real capacities (hours) and Dinic's maximum flow: the fair shares are the
 * hours each person can be given in one (docs/setup.md, "Fair share").
 */
export class FlowNetwork {
  private readonly out: number[][] = [];
  private readonly to: number[] = [];
  private readonly cap: number[] = [];
  private readonly flow: number[] = [];
  private level: number[] = [];
  private next: number[] = [];

  addNode(): number {
    this.out.push([]);
    return this.out.length - 1;
  }

  /** An edge and its residual twin (id ^ 1); returns the edge's id. */
  addEdge(from: number, to: number, capacity: number): number {
    const id = this.to.length;
    this.to.push(to, from);
    this.cap.push(capacity, 0);
    this.flow.push(0, 0);
    this.out[from]?.push(id);
    this.out[to]?.push(id + 1);
    return id;
  }

  setCapacity(edge: number, capacity: number): void {
    this.cap[edge] = capacity;
  }

  flowOn(edge: number): number {
    return this.flow[edge] ?? 0;
  }

  /** The maximum flow from `source` to `sink`, from zero each time. */
  maxFlow(source: number, sink: number): number {
    this.flow.fill(0);
    let total = 0;
    while (this.levels(source, sink)) {
      this.next = this.out.map(() => 0);
      for (let pushed = this.push(source, sink, Number.POSITIVE_INFINITY); pushed > EPS; ) {
        total += pushed;
        pushed = this.push(source, sink, Number.POSITIVE_INFINITY);
      }
    }
    return total;
  }

  /** After `maxFlow`: the nodes the source still reaches through edges with room (the minimum cut's side). */
  reachable(source: number): boolean[] {
    this.levels(source, -1);
    return this.level.map((l) => l >= 0);
  }

  private residual(edge: number): number {
    return (this.cap[edge] ?? 0) - (this.flow[edge] ?? 0);
  }

  private levels(source: number, sink: number): boolean {
    this.level = this.out.map(() => -1);
    this.level[source] = 0;
    const queue = [source];
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head] as number;
      for (const edge of this.out[node] ?? []) {
        const to = this.to[edge] as number;
        if ((this.level[to] as number) < 0 && this.residual(edge) > EPS) {
          this.level[to] = (this.level[node] as number) + 1;
          queue.push(to);
        }
      }
    }
    return sink >= 0 && (this.level[sink] as number) >= 0;
  }

  private push(node: number, sink: number, limit: number): number {
    if (node === sink) return limit;
    const edges = this.out[node] ?? [];
    for (; (this.next[node] as number) < edges.length; this.next[node] = (this.next[node] as number) + 1) {
      const edge = edges[this.next[node] as number] as number;
      const to = this.to[edge] as number;
      const room = this.residual(edge);
      if (room <= EPS || this.level[to] !== (this.level[node] as number) + 1) continue;
      const pushed = this.push(to, sink, Math.min(limit, room));
      if (pushed > EPS) {
        this.flow[edge] = (this.flow[edge] ?? 0) + pushed;
        this.flow[edge ^ 1] = (this.flow[edge ^ 1] ?? 0) - pushed;
        return pushed;
      }
    }
    return 0;
  }
}
