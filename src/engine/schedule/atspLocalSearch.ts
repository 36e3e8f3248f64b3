// Iterated local search for the ATSP: segment insertion without reversal (Or-opt and the pure
// 3-opt "or-3opt" move) plus segment reversal priced with asymmetric costs, over neighbour lists
// with a work queue, and local double-bridge kicks, accepting equal or better tours.
import type { AtspInstance } from "./atsp";
import { randomInt, type Random } from "./random";
import type { SearchClock } from "./searchControl";

/** Outcome of the search: the best closed tour and its length. */
export interface AtspSearchResult {
  tour: number[];
  length: number;
  iterations: number;
}

/** Tuning of the ATSP search. */
export interface AtspSearchOptions {
  /** Stop once a tour this short is found (a proven lower bound). */
  target?: number;
  /** Neighbour-list size (default 10). */
  neighbours?: number;
}

/**
 * Improves the closed tour `start` until `clock` stops it.
 * @example iteratedLocalSearchAtsp(ftv33, nearestNeighbourTour(ftv33, 0), clock, rnd).length // 1286
 */
export function iteratedLocalSearchAtsp(
  instance: AtspInstance, start: readonly number[], clock: SearchClock, random: Random, options: AtspSearchOptions = {},
): AtspSearchResult {
  const n = instance.dimension;
  const c = instance.cost;
  if (n <= 3) return { tour: [...start], length: closedLength(c, n, start), iterations: 0 };
  const k = Math.min(n - 1, options.neighbours ?? 10);
  const outN = neighbourLists(c, n, k, false);
  const inN = neighbourLists(c, n, k, true);
  const tour = Int32Array.from(start);
  const pos = new Int32Array(n);
  const next = new Int32Array(n);
  const inQueue = new Uint8Array(n);
  const queue: number[] = [];
  // Prefix sums of the edge costs forwards and backwards along the doubled tour, for reversals.
  const fwd = new Float64Array(2 * n + 1), bwd = new Float64Array(2 * n + 1);
  const reindex = () => {
    for (let i = 0; i < n; i++) pos[tour[i]] = i;
    for (let i = 0; i < 2 * n; i++) {
      const u = tour[i % n], v = tour[(i + 1) % n];
      fwd[i + 1] = fwd[i] + c[u * n + v];
      bwd[i + 1] = bwd[i] + c[v * n + u];
    }
  };
  reindex();
  const at = (i: number) => tour[((i % n) + n) % n];
  const push = (x: number) => { if (!inQueue[x]) { inQueue[x] = 1; queue.push(x); } };
  const target = options.target ?? -Infinity;

  // Moves the segment a..b (tour order) to between cc and its successor.
  const apply = (a: number, b: number, cc: number) => {
    let len = 0;
    const segLen = ((pos[b] - pos[a] + n) % n) + 1;
    for (let i = 0, x = pos[b] + 1; i < n - segLen; i++, x++) {
      const node = at(x);
      next[len++] = node;
      if (node === cc) for (let s = 0; s < segLen; s++) next[len++] = at(pos[a] + s);
    }
    tour.set(next.subarray(0, n));
    reindex();
  };

  // Reverses the segment a..b (tour order), which changes the direction of its inner edges.
  const reverse = (a: number, b: number) => {
    const len = ((pos[b] - pos[a] + n) % n) + 1;
    for (let s = 0, i = pos[a], j = pos[a] + len - 1; s < len >> 1; s++, i++, j--) {
      const ii = i % n, jj = j % n;
      const t = tour[ii]; tour[ii] = tour[jj]; tour[jj] = t;
    }
    reindex();
  };
  // Cost change of reversing a..b (unwrapped start position ia, length len) between p and q.
  const reversalDelta = (p: number, a: number, b: number, q: number, ia: number, len: number) =>
    c[p * n + b] + c[a * n + q] - c[p * n + a] - c[b * n + q] + (bwd[ia + len - 1] - bwd[ia]) - (fwd[ia + len - 1] - fwd[ia]);

  const improveByReversal = (x: number): boolean => {
    // x precedes the reversed segment: new edge x → b.
    const a = at(pos[x] + 1);
    for (let t = 0; t < k; t++) {
      const b = outN[x * k + t];
      const len = ((pos[b] - pos[a] + n) % n) + 1;
      if (len < 2 || len > n - 2) continue;
      const q = at(pos[b] + 1);
      if (reversalDelta(x, a, b, q, pos[a], len) < -1e-9) { reverse(a, b); [x, a, b, q].forEach(push); return true; }
    }
    // x follows the reversed segment: new edge a → x.
    const b = at(pos[x] - 1);
    for (let t = 0; t < k; t++) {
      const a = inN[x * k + t];
      const len = ((pos[b] - pos[a] + n) % n) + 1;
      if (len < 2 || len > n - 2) continue;
      const p = at(pos[a] - 1);
      if (reversalDelta(p, a, b, x, pos[a], len) < -1e-9) { reverse(a, b); [p, a, b, x].forEach(push); return true; }
    }
    return false;
  };

  const improveFrom = (x: number): boolean => {
    if (improveByReversal(x)) return true;
    const i = pos[x];
    // x starts the segment; new edge cc → x with cc among x's cheapest predecessors.
    const p = at(i - 1);
    for (let t = 0; t < k; t++) {
      const cc = inN[x * k + t];
      if (cc === p) continue;
      const d = at(pos[cc] + 1);
      const gainIn = c[p * n + x] + c[cc * n + d] - c[cc * n + x];
      if (gainIn <= 0) continue;
      for (let L = 1; L <= n - 2; L++) {
        const b = at(i + L - 1);
        if (b === cc) break;
        const q = at(i + L);
        const delta = c[p * n + q] - c[b * n + q] + c[b * n + d] - gainIn;
        if (delta < -1e-9) { apply(x, b, cc); [p, x, b, q, cc, d].forEach(push); return true; }
      }
    }
    // x ends the segment; new edge x → d with d among x's cheapest successors.
    const q = at(i + 1);
    for (let t = 0; t < k; t++) {
      const d = outN[x * k + t];
      if (d === q) continue;
      const cc = at(pos[d] - 1);
      const gainOut = c[x * n + q] + c[cc * n + d] - c[x * n + d];
      if (gainOut <= 0) continue;
      for (let L = 1; L <= n - 2; L++) {
        const a = at(i - L + 1);
        if (a === d) break;
        const p = at(i - L);
        const delta = c[p * n + q] - c[p * n + a] + c[cc * n + a] - gainOut;
        if (delta < -1e-9) { apply(a, x, cc); [p, a, x, q, cc, d].forEach(push); return true; }
      }
    }
    return false;
  };

  const localSearch = () => {
    while (queue.length > 0) {
      const x = queue.pop()!;
      inQueue[x] = 0;
      while (improveFrom(x)) { /* keep improving around x */ }
    }
  };

  for (let i = 0; i < n; i++) push(tour[i]);
  localSearch();
  let length = closedLength(c, n, tour);
  let best = length;
  const bestTour = tour.slice();
  const saved = tour.slice();
  let iteration = 0, stall = 0;
  while (best > target && !clock.stop(iteration)) {
    iteration++;
    if (++stall > 20 * n) {
      // Stuck in a deep valley: restart from the best tour with a burst of kicks, accepting the result.
      stall = 0;
      tour.set(bestTour);
      reindex();
      for (let r = 0; r < 3; r++) kick();
      localSearch();
      length = closedLength(c, n, tour);
    }
    saved.set(tour);
    kick();
    localSearch();
    const trial = closedLength(c, n, tour);
    if (trial <= length) {
      if (trial < length) stall = 0;
      length = trial;
      if (trial < best) { best = trial; bestTour.set(tour); clock.report(iteration, best, true); }
    } else {
      tour.set(saved);
      reindex();
    }
    clock.report(iteration, best, false);
  }
  return { tour: Array.from(bestTour), length: best, iterations: iteration };

  function kick(): void {
    // Local double bridge: A B C D → A C B D with short B and C near a random position.
    const span = Math.max(1, Math.min(16, Math.floor(n / 3)));
    const l1 = 1 + randomInt(random, span), l2 = 1 + randomInt(random, span);
    if (l1 + l2 < n) {
      const s = randomInt(random, n);
      const a = at(s), b = at(s + l1 - 1), cc = at(s + l1 + l2 - 1);
      [at(s - 1), a, b, at(s + l1), cc, at(s + l1 + l2)].forEach(push);
      apply(a, b, cc);
    }
  }
}

function closedLength(c: Float64Array, n: number, tour: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < tour.length; i++) s += c[tour[i] * n + tour[(i + 1) % tour.length]];
  return s;
}

/** For each node, its k cheapest successors (or predecessors when `incoming`). */
function neighbourLists(c: Float64Array, n: number, k: number, incoming: boolean): Int32Array {
  const lists = new Int32Array(n * k);
  const others: number[] = [];
  for (let a = 0; a < n; a++) {
    others.length = 0;
    for (let b = 0; b < n; b++) if (b !== a) others.push(b);
    const w = (b: number) => (incoming ? c[b * n + a] : c[a * n + b]);
    others.sort((x, y) => w(x) - w(y) || x - y);
    for (let t = 0; t < k; t++) lists[a * k + t] = others[t];
  }
  return lists;
}

/**
 * A nearest-neighbour closed tour from `start`.
 * @example nearestNeighbourTour({ dimension: 3, cost: Float64Array.of(0, 1, 9, 9, 0, 1, 1, 9, 0) }, 0) // [0, 1, 2]
 */
export function nearestNeighbourTour(instance: AtspInstance, start: number): number[] {
  const n = instance.dimension;
  const used = new Uint8Array(n);
  const tour = [start];
  used[start] = 1;
  for (let s = 1; s < n; s++) {
    const from = tour[s - 1];
    let best = -1;
    for (let v = 0; v < n; v++) if (!used[v] && (best < 0 || instance.cost[from * n + v] < instance.cost[from * n + best])) best = v;
    used[best] = 1;
    tour.push(best);
  }
  return tour;
}
