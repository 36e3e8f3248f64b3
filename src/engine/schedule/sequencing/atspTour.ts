// A closed ATSP tour as an array with node positions and prefix sums of the edge costs forwards and
// backwards, so a segment's cost after reversal is O(1); moves rebuild the array in O(n).

/** A closed tour over `n` nodes with costs `c[i * n + j]`, and the moves the local search applies. */
export class AtspTour {
  /** Nodes in tour order. */
  readonly order: Int32Array;
  /** `pos[v]`: index of node v in `order`. */
  readonly pos: Int32Array;
  /** `fwd[i]`: cost of the first i edges along the doubled tour; `bwd[i]`: the same edges reversed. */
  readonly fwd: Float64Array;
  readonly bwd: Float64Array;
  private readonly scratch: Int32Array;

  constructor(readonly c: Float64Array, readonly n: number, start: ArrayLike<number>) {
    this.order = Int32Array.from(start);
    this.pos = new Int32Array(n);
    this.fwd = new Float64Array(2 * n + 1);
    this.bwd = new Float64Array(2 * n + 1);
    this.scratch = new Int32Array(n);
    this.reindex();
  }

  /** Closed length of the tour. */
  get length(): number {
    return this.fwd[this.n];
  }

  /** The node at index i (any integer ≥ -n, taken around the tour). */
  at(i: number): number {
    return this.order[(i + this.n) % this.n];
  }

  /** Number of nodes from a to b in tour order, both included. */
  span(a: number, b: number): number {
    return ((this.pos[b] - this.pos[a] + this.n) % this.n) + 1;
  }

  /** Cost of the segment of `len` nodes from a, traversed backwards minus traversed forwards. */
  reversalCost(a: number, len: number): number {
    const i = this.pos[a], j = i + len - 1;
    return this.bwd[j] - this.bwd[i] - (this.fwd[j] - this.fwd[i]);
  }

  /** Replaces the tour by `tour`. */
  set(tour: ArrayLike<number>): void {
    this.order.set(tour);
    this.reindex();
  }

  /** Moves the segment a..b (tour order) to between cc and its successor, reversed when asked. */
  moveSegment(a: number, b: number, cc: number, reversed: boolean): void {
    const { n, order, pos, scratch } = this;
    const segLen = this.span(a, b);
    let len = 0;
    for (let i = 0, x = pos[b] + 1; i < n - segLen; i++, x++) {
      const node = order[x % n];
      scratch[len++] = node;
      if (node !== cc) continue;
      if (reversed) for (let s = segLen - 1; s >= 0; s--) scratch[len++] = order[(pos[a] + s) % n];
      else for (let s = 0; s < segLen; s++) scratch[len++] = order[(pos[a] + s) % n];
    }
    this.set(scratch);
  }

  /** Reverses the segment a..b (tour order). */
  reverse(a: number, b: number): void {
    const { n, order } = this;
    const len = this.span(a, b);
    for (let s = 0, i = this.pos[a], j = i + len - 1; s < len >> 1; s++, i++, j--) {
      const ii = i % n, jj = j % n;
      const t = order[ii]; order[ii] = order[jj]; order[jj] = t;
    }
    this.reindex();
  }

  /** Double bridge: the three consecutive segments B C D of lengths l1, l2, l3 from index s become D C B. */
  doubleBridge(s: number, l1: number, l2: number, l3: number): void {
    const { n, order, scratch } = this;
    let len = 0;
    const copy = (from: number, count: number) => { for (let t = 0; t < count; t++) scratch[len++] = order[(from + t) % n]; };
    copy(s + l1 + l2, l3);
    copy(s + l1, l2);
    copy(s, l1);
    copy(s + l1 + l2 + l3, n - l1 - l2 - l3);
    this.set(scratch);
  }

  private reindex(): void {
    const { n, order, pos, fwd, bwd, c } = this;
    for (let i = 0; i < n; i++) pos[order[i]] = i;
    for (let i = 0; i < n; i++) {
      const u = order[i], v = order[i + 1 === n ? 0 : i + 1];
      fwd[i + 1] = fwd[i] + c[u * n + v];
      bwd[i + 1] = bwd[i] + c[v * n + u];
    }
    for (let i = 1; i <= n; i++) { fwd[n + i] = fwd[n] + fwd[i]; bwd[n + i] = bwd[n] + bwd[i]; }
  }
}
