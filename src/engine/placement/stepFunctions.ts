// Monotone step functions the tree DP passes from a stage to its parent: the best subtree cost
// of a supplier for S ≤ v (non-increasing in v) and of a customer for SI ≥ x (non-decreasing in x).

/**
 * G(v) = min over candidates x ≤ v of F(x): kept only at the points where it strictly drops.
 * `at[k]` is the index of the candidate attaining `value[k]` (for the traceback).
 */
export interface PrefixMin {
  x: Float64Array;
  value: Float64Array;
  at: Int32Array;
}

/** H(x) = min over candidates v ≥ x of Q(v): kept only at the points where it is attained (ascending). */
export interface SuffixMin {
  x: Float64Array;
  value: Float64Array;
  at: Int32Array;
}

export function prefixMin(points: Float64Array, cost: Float64Array): PrefixMin {
  const x: number[] = [];
  const value: number[] = [];
  const at: number[] = [];
  let best = Infinity;
  for (let k = 0; k < points.length; k++) {
    if (cost[k] < best) {
      best = cost[k];
      x.push(points[k]);
      value.push(best);
      at.push(k);
    }
  }
  return { x: Float64Array.from(x), value: Float64Array.from(value), at: Int32Array.from(at) };
}

export function suffixMin(points: Float64Array, cost: Float64Array): SuffixMin {
  const x: number[] = [];
  const value: number[] = [];
  const at: number[] = [];
  let best = Infinity;
  for (let k = points.length - 1; k >= 0; k--) {
    if (cost[k] < best) {
      best = cost[k];
      x.push(points[k]);
      value.push(best);
      at.push(k);
    }
  }
  x.reverse();
  value.reverse();
  at.reverse();
  return { x: Float64Array.from(x), value: Float64Array.from(value), at: Int32Array.from(at) };
}

/** Index of the last step with x ≤ v + eps, or −1 (G(v) = +∞). */
export function prefixIndex(g: PrefixMin, v: number, eps: number): number {
  let lo = 0;
  let hi = g.x.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (g.x[mid] <= v + eps) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Index of the first step with x ≥ v − eps, or −1 (H(v) = +∞). */
export function suffixIndex(h: SuffixMin, v: number, eps: number): number {
  let lo = 0;
  let hi = h.x.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (h.x[mid] >= v - eps) {
      found = mid;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  return found;
}

/** Sorted union (within eps) of the step points of several functions. */
export function unionOfPoints(lists: Float64Array[], eps: number): Float64Array {
  let total = 0;
  for (const l of lists) total += l.length;
  const all = new Float64Array(total);
  let p = 0;
  for (const l of lists) {
    all.set(l, p);
    p += l.length;
  }
  all.sort();
  let m = 0;
  for (let k = 0; k < total; k++) if (m === 0 || all[k] - all[m - 1] > eps) all[m++] = all[k];
  return all.subarray(0, m);
}
