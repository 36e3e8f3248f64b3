// The one-machine relaxation bound of the job shop: Jackson's preemptive schedule (JPS) gives the
// optimal max_i (C_i + q_i) of one machine with release dates r and tails q, a valid lower bound.
import type { FlatJobShop } from "./jobShop";

/**
 * Jackson's preemptive schedule value max(C_i + q_i) for operations `ops` with releases r,
 * processing times p and tails q (preemption allowed: always run the largest tail available).
 * @example jacksonPreemptiveBound([0, 1], [3, 1], [0, 5], [0, 1]) // 7: op 1 preempts op 0 at t=1
 */
export function jacksonPreemptiveBound(
  release: ArrayLike<number>, duration: ArrayLike<number>, tail: ArrayLike<number>, ops: ArrayLike<number>,
): number {
  const k = ops.length;
  if (k === 0) return 0;
  const byRelease = Array.from(ops).sort((a, b) => release[a] - release[b]);
  // Operations by their place i in byRelease: what is left of each, and a binary heap of the ready
  // ones, longest tail first (typed arrays: no map or object per operation).
  const left = new Float64Array(k);
  const heap = new Int32Array(k);
  let size = 0;
  const key = (i: number) => tail[byRelease[i]];
  const push = (i: number) => {
    let at = size++;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (key(i) - key(heap[parent]) <= 0) break;
      heap[at] = heap[parent];
      at = parent;
    }
    heap[at] = i;
  };
  const pop = () => {
    const last = heap[--size];
    let at = 0;
    for (;;) {
      const l = 2 * at + 1, r = l + 1;
      let m = -1, mk = key(last);
      if (l < size && key(heap[l]) - mk > 0) { m = l; mk = key(heap[l]); }
      if (r < size && key(heap[r]) - mk > 0) m = r;
      if (m < 0) break;
      heap[at] = heap[m];
      at = m;
    }
    heap[at] = last;
  };
  let t = 0, next = 0, bound = 0;
  while (next < k || size > 0) {
    if (size === 0 && t < release[byRelease[next]]) t = release[byRelease[next]];
    while (next < k && release[byRelease[next]] <= t) {
      left[next] = duration[byRelease[next]];
      push(next++);
    }
    // Run the operation with the largest tail until it ends or the next release preempts it. Whether it
    // ends is decided by comparing times, never by a remainder reaching 0: with durations that are not
    // exact binary fractions (0.1, 1e-12) the remainder can stay a few ulps above 0 while t + remainder
    // rounds back to t, and the loop would never end. Every pass ends an operation or reaches a release.
    const i = heap[0];
    const rem = left[i];
    const end = t + rem;
    if (next < k && release[byRelease[next]] < end && rem - (release[byRelease[next]] - t) > 0) {
      const r = release[byRelease[next]];
      left[i] = rem - (r - t);
      t = r;
    } else {
      pop();
      t = end;
      { const c = t + tail[byRelease[i]]; if (c > bound) bound = c; }
    }
  }
  return bound;
}

/**
 * A lower bound on the makespan of the whole shop: the best one-machine JPS bound, with heads and
 * tails from the job chains alone, and the longest job.
 * @example jobShopLowerBound(flatten(ft06)) // 55
 */
export function jobShopLowerBound(flat: FlatJobShop): number {
  const release = new Float64Array(flat.operationCount);
  const tail = new Float64Array(flat.operationCount);
  let bound = 0;
  for (let j = 0; j < flat.jobCount; j++) {
    let t = 0;
    for (let o = flat.jobFirst[j]; o < flat.jobFirst[j + 1]; o++) { release[o] = t; t += flat.duration[o]; }
    bound = Math.max(bound, t);
    let q = 0;
    for (let o = flat.jobFirst[j + 1] - 1; o >= flat.jobFirst[j]; o--) { tail[o] = q; q += flat.duration[o]; }
  }
  for (const ops of flat.machineOperations) bound = Math.max(bound, jacksonPreemptiveBound(release, flat.duration, tail, ops));
  return bound;
}
