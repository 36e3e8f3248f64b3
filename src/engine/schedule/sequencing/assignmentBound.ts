// The assignment-problem lower bound of the ATSP: every node gets one successor and one predecessor
// (subtours allowed), solved by the Hungarian method (shortest augmenting paths, O(n³)).
import type { AtspInstance } from "./atsp";

/**
 * Minimum cost of an assignment without self-loops: a lower bound on every closed tour.
 * @example assignmentBound(ftv33) // ≤ 1286
 */
export function assignmentBound(instance: AtspInstance): number {
  const n = instance.dimension;
  if (n < 2) return 0;
  let big = 0;
  for (let i = 0; i < instance.cost.length; i++) big = Math.max(big, Math.abs(instance.cost[i]));
  big = big * n + 1;
  const a = (i: number, j: number) => (i === j ? big : instance.cost[(i - 1) * n + (j - 1)]);
  // e-maxx Hungarian, 1-based rows/columns.
  const u = new Float64Array(n + 1), v = new Float64Array(n + 1);
  const p = new Int32Array(n + 1), way = new Int32Array(n + 1);
  const minv = new Float64Array(n + 1);
  const used = new Uint8Array(n + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    minv.fill(Infinity);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = p[j0];
      let delta = Infinity, j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = a(i0, j) - u[i0] - v[j];
        if (cur < minv[j]) { minv[j] = cur; way[j] = j0; }
        if (minv[j] < delta) { delta = minv[j]; j1 = j; }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) { u[p[j]] += delta; v[j] -= delta; } else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do { const j1 = way[j0]; p[j0] = p[j1]; j0 = j1; } while (j0 !== 0);
  }
  let total = 0;
  for (let j = 1; j <= n; j++) total += a(p[j], j);
  return total;
}
