// The improving moves of the ATSP local search around one node, priced with asymmetric costs:
// 2-opt segment reversal, and segment insertion forwards or reversed, as the pure 3-opt "or3"
// move (any length, two new edges from the neighbour lists) and as Or-opt (≤ 3 nodes, anywhere).
import type { AtspTour } from "./atspTour";

/** Neighbour lists of an instance: `out[x * k + t]` cheapest successors, `in[x * k + t]` cheapest predecessors. */
export interface AtspCandidates {
  k: number;
  out: Int32Array;
  in: Int32Array;
}

const EPS = 1e-9;
/** Longest segment the Or-opt moves try at every position (longer ones need both new edges in the lists). */
const OR_OPT_LENGTH = 3;

/**
 * Applies the first improving move that adds an edge between `x` and one of its neighbours and
 * calls `touch` on the endpoints of every changed edge; false when no such move improves the tour.
 * @example while (improveAround(tour, candidates, x, push)) {} // tour is then a local optimum around x
 */
export function improveAround(t: AtspTour, cand: AtspCandidates, x: number, touch: (v: number) => void): boolean {
  return reversalAround(t, cand, x, touch)
    || segmentStartingAt(t, cand, x, touch) || segmentEndingAt(t, cand, x, touch)
    || shortSegmentStartingAt(t, cand, x, touch) || shortSegmentEndingAt(t, cand, x, touch);
}

/** Cost change of reversing the segment a..b of `len` nodes that lies between p and q. */
function reversalDelta(t: AtspTour, p: number, a: number, b: number, q: number, len: number): number {
  const { c, n } = t;
  return c[p * n + b] + c[a * n + q] - c[p * n + a] - c[b * n + q] + t.reversalCost(a, len);
}

function reversalAround(t: AtspTour, cand: AtspCandidates, x: number, touch: (v: number) => void): boolean {
  const { n, pos } = t, k = cand.k;
  // x precedes the reversed segment a..b: new edge x → b.
  const a = t.at(pos[x] + 1);
  for (let s = 0; s < k; s++) {
    const b = cand.out[x * k + s];
    const len = t.span(a, b);
    if (len < 2 || len > n - 2) continue;
    const q = t.at(pos[b] + 1);
    if (reversalDelta(t, x, a, b, q, len) < -EPS) { t.reverse(a, b); touch(x); touch(a); touch(b); touch(q); return true; }
  }
  // x follows the reversed segment a..b: new edge a → x.
  const b = t.at(pos[x] - 1);
  for (let s = 0; s < k; s++) {
    const a = cand.in[x * k + s];
    const len = t.span(a, b);
    if (len < 2 || len > n - 2) continue;
    const p = t.at(pos[a] - 1);
    if (reversalDelta(t, p, a, b, x, len) < -EPS) { t.reverse(a, b); touch(p); touch(a); touch(b); touch(x); return true; }
  }
  return false;
}

/** Or-opt: segment x..b (x first, ≤ OR_OPT_LENGTH nodes) forwards after cc ∈ in(x) (edge cc → x), or reversed before d ∈ out(x) (edge x → d). */
function shortSegmentStartingAt(t: AtspTour, cand: AtspCandidates, x: number, touch: (v: number) => void): boolean {
  const { c, n, pos } = t, k = cand.k;
  const i = pos[x];
  const p = t.at(i - 1);
  for (let s = 0; s < k; s++) {
    const cc = cand.in[x * k + s];
    if (cc === p) continue;
    const d = t.at(pos[cc] + 1);
    const gain = c[p * n + x] + c[cc * n + d] - c[cc * n + x];
    if (gain <= EPS) continue;
    for (let L = 1; L <= n - 2 && L <= OR_OPT_LENGTH; L++) {
      const b = t.at(i + L - 1);
      if (b === cc) break;
      const q = t.at(i + L);
      if (c[p * n + q] - c[b * n + q] + c[b * n + d] - gain < -EPS) {
        t.moveSegment(x, b, cc, false); touch(p); touch(x); touch(b); touch(q); touch(cc); touch(d); return true;
      }
    }
  }
  for (let s = 0; s < k; s++) {
    const d = cand.out[x * k + s];
    const cc = t.at(pos[d] - 1);
    if (cc === x) continue;
    const gain = c[p * n + x] + c[cc * n + d] - c[x * n + d];
    if (gain <= EPS) continue;
    for (let L = 2; L <= n - 2 && L <= OR_OPT_LENGTH; L++) {
      const b = t.at(i + L - 1);
      if (b === cc) break;
      const q = t.at(i + L);
      if (c[p * n + q] - c[b * n + q] + c[cc * n + b] + t.reversalCost(x, L) - gain < -EPS) {
        t.moveSegment(x, b, cc, true); touch(p); touch(x); touch(b); touch(q); touch(cc); touch(d); return true;
      }
    }
  }
  return false;
}

/** Or-opt: segment a..x (x last, ≤ OR_OPT_LENGTH nodes) forwards before d ∈ out(x) (edge x → d), or reversed after cc ∈ in(x) (edge cc → x). */
function shortSegmentEndingAt(t: AtspTour, cand: AtspCandidates, x: number, touch: (v: number) => void): boolean {
  const { c, n, pos } = t, k = cand.k;
  const i = pos[x];
  const q = t.at(i + 1);
  for (let s = 0; s < k; s++) {
    const d = cand.out[x * k + s];
    if (d === q) continue;
    const cc = t.at(pos[d] - 1);
    const gain = c[x * n + q] + c[cc * n + d] - c[x * n + d];
    if (gain <= EPS) continue;
    for (let L = 1; L <= n - 2 && L <= OR_OPT_LENGTH; L++) {
      const a = t.at(i - L + 1);
      if (a === d) break;
      const p = t.at(i - L);
      if (c[p * n + q] - c[p * n + a] + c[cc * n + a] - gain < -EPS) {
        t.moveSegment(a, x, cc, false); touch(p); touch(a); touch(x); touch(q); touch(cc); touch(d); return true;
      }
    }
  }
  for (let s = 0; s < k; s++) {
    const cc = cand.in[x * k + s];
    const d = t.at(pos[cc] + 1);
    if (d === x) continue;
    const gain = c[x * n + q] + c[cc * n + d] - c[cc * n + x];
    if (gain <= EPS) continue;
    for (let L = 2; L <= n - 2 && L <= OR_OPT_LENGTH; L++) {
      const a = t.at(i - L + 1);
      if (a === d) break;
      const p = t.at(i - L);
      if (c[p * n + q] - c[p * n + a] + c[a * n + d] + t.reversalCost(a, L) - gain < -EPS) {
        t.moveSegment(a, x, cc, true); touch(p); touch(a); touch(x); touch(q); touch(cc); touch(d); return true;
      }
    }
  }
  return false;
}

/** Or3 (any length): segment x..b (x first) with both new edges from the lists: forwards after cc ∈ in(x) with b ∈ in(succ cc), or reversed before d ∈ out(x) with b ∈ out(pred d). */
function segmentStartingAt(t: AtspTour, cand: AtspCandidates, x: number, touch: (v: number) => void): boolean {
  const { c, n, pos } = t, k = cand.k;
  const i = pos[x];
  const p = t.at(i - 1);
  for (let s = 0; s < k; s++) {
    const cc = cand.in[x * k + s];
    if (cc === p) continue;
    const d = t.at(pos[cc] + 1);
    const gain = c[p * n + x] + c[cc * n + d] - c[cc * n + x];
    if (gain <= EPS) continue;
    const limit = t.span(x, cc) - 1; // segment lengths that keep cc outside
    for (let r = 0; r < k; r++) {
      const b = cand.in[d * k + r];
      if (c[b * n + d] >= gain) break;
      const L = t.span(x, b);
      if (L > limit) continue;
      const q = t.at(pos[b] + 1);
      if (c[p * n + q] - c[b * n + q] + c[b * n + d] - gain < -EPS) {
        t.moveSegment(x, b, cc, false); touch(p); touch(x); touch(b); touch(q); touch(cc); touch(d); return true;
      }
    }
  }
  for (let s = 0; s < k; s++) {
    const d = cand.out[x * k + s];
    const cc = t.at(pos[d] - 1);
    if (cc === x) continue;
    const gain = c[p * n + x] + c[cc * n + d] - c[x * n + d];
    if (gain <= EPS) continue;
    const limit = t.span(x, cc) - 1;
    for (let r = 0; r < k; r++) {
      const b = cand.out[cc * k + r];
      if (c[cc * n + b] >= gain) break;
      const L = t.span(x, b);
      if (L < 2 || L > limit) continue;
      const q = t.at(pos[b] + 1);
      if (c[p * n + q] - c[b * n + q] + c[cc * n + b] + t.reversalCost(x, L) - gain < -EPS) {
        t.moveSegment(x, b, cc, true); touch(p); touch(x); touch(b); touch(q); touch(cc); touch(d); return true;
      }
    }
  }
  return false;
}

/** Or3 (any length): segment a..x (x last) with both new edges from the lists: forwards before d ∈ out(x) with a ∈ out(pred d), or reversed after cc ∈ in(x) with a ∈ in(succ cc). */
function segmentEndingAt(t: AtspTour, cand: AtspCandidates, x: number, touch: (v: number) => void): boolean {
  const { c, n, pos } = t, k = cand.k;
  const i = pos[x];
  const q = t.at(i + 1);
  for (let s = 0; s < k; s++) {
    const d = cand.out[x * k + s];
    if (d === q) continue;
    const cc = t.at(pos[d] - 1);
    const gain = c[x * n + q] + c[cc * n + d] - c[x * n + d];
    if (gain <= EPS) continue;
    const limit = t.span(d, x) - 1;
    for (let r = 0; r < k; r++) {
      const a = cand.out[cc * k + r];
      if (c[cc * n + a] >= gain) break;
      const L = t.span(a, x);
      if (L > limit) continue;
      const p = t.at(pos[a] - 1);
      if (c[p * n + q] - c[p * n + a] + c[cc * n + a] - gain < -EPS) {
        t.moveSegment(a, x, cc, false); touch(p); touch(a); touch(x); touch(q); touch(cc); touch(d); return true;
      }
    }
  }
  for (let s = 0; s < k; s++) {
    const cc = cand.in[x * k + s];
    const d = t.at(pos[cc] + 1);
    if (d === x) continue;
    const gain = c[x * n + q] + c[cc * n + d] - c[cc * n + x];
    if (gain <= EPS) continue;
    const limit = t.span(d, x) - 1;
    for (let r = 0; r < k; r++) {
      const a = cand.in[d * k + r];
      if (c[a * n + d] >= gain) break;
      const L = t.span(a, x);
      if (L < 2 || L > limit) continue;
      const p = t.at(pos[a] - 1);
      if (c[p * n + q] - c[p * n + a] + c[a * n + d] + t.reversalCost(a, L) - gain < -EPS) {
        t.moveSegment(a, x, cc, true); touch(p); touch(a); touch(x); touch(q); touch(cc); touch(d); return true;
      }
    }
  }
  return false;
}
