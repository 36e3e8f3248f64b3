// Exact ATSP by the Held–Karp dynamic program over subsets: O(2^n · n²) time, for up to ~18 nodes.
import { PlanningInputError } from "../../errors";
import type { AtspInstance } from "./atsp";

/** Largest dimension Held–Karp accepts (2^(n-1)·(n-1) table entries). */
export const HELD_KARP_MAX_NODES = 18;

/**
 * The optimal closed tour, starting at `start` (default node 0), and its length.
 * @example heldKarpTour(br17).length // 39
 */
export function heldKarpTour(instance: AtspInstance, start = 0): { tour: number[]; length: number } {
  const n = instance.dimension;
  if (n > HELD_KARP_MAX_NODES) throw new PlanningInputError(`Held–Karp takes at most ${HELD_KARP_MAX_NODES} nodes (got ${n}).`, "dimension");
  if (n === 1) return { tour: [start], length: 0 };
  const c = instance.cost;
  const others: number[] = [];
  for (let v = 0; v < n; v++) if (v !== start) others.push(v);
  const k = n - 1;
  const full = (1 << k) - 1;
  // dp[S * k + i]: shortest path from start through the set S ending at others[i] (i ∈ S).
  const dp = new Float64Array((full + 1) * k).fill(Infinity);
  for (let i = 0; i < k; i++) dp[(1 << i) * k + i] = c[start * n + others[i]];
  for (let S = 1; S <= full; S++) {
    for (let i = 0; i < k; i++) {
      const here = dp[S * k + i];
      if (!(S & (1 << i)) || here === Infinity) continue;
      const from = others[i] * n;
      for (let j = 0; j < k; j++) {
        if (S & (1 << j)) continue;
        const T = S | (1 << j);
        const v = here + c[from + others[j]];
        if (v < dp[T * k + j]) dp[T * k + j] = v;
      }
    }
  }
  let length = Infinity, last = -1;
  for (let i = 0; i < k; i++) {
    const v = dp[full * k + i] + c[others[i] * n + start];
    if (v < length) { length = v; last = i; }
  }
  const reversed: number[] = [];
  let S = full, i = last;
  while (i >= 0) {
    reversed.push(others[i]);
    const prevS = S & ~(1 << i);
    let prev = -1;
    if (prevS !== 0) {
      for (let j = 0; j < k; j++) {
        if ((prevS & (1 << j)) && dp[prevS * k + j] + c[others[j] * n + others[i]] === dp[S * k + i]) { prev = j; break; }
      }
    }
    S = prevS;
    i = prev;
  }
  return { tour: [start, ...reversed.reverse()], length };
}
