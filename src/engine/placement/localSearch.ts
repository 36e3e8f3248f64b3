// Primal heuristic for branch and bound: coordinate descent on the committed service times of a
// feasible placement (docs/model.md §5, eq. (13)), each S_j moved to its best value with the rest fixed.
//
// With the others fixed, the cost of S_j = x is c_j sqrt(SI_j + L_j − x) + Σ_d c_d sqrt(max(m_d, x)
// + L_d − S_d) over its customers d, m_d = max(E_d, S_i of d's other suppliers): concave between the
// breakpoints m_d, so its least value over the feasible range [lo_j, hi_j] (hi_j = min(s_j, SI_j + L_j),
// lo_j keeps every customer's τ_d ≥ 0) is at an end or a breakpoint.

import type { PlacementNetwork } from "./network";
import { inboundServiceTimes, placementCost } from "./evaluate";

/**
 * Improves feasible service times S in place by coordinate descent (at most `passes` sweeps in
 * topological order) and returns the cost Σ_j c_j sqrt(τ_j) of the result. Never raises the cost;
 * the result stays feasible (each move keeps 0 ≤ S_j ≤ s_j and every τ ≥ 0).
 */
export function improveByLocalSearch(net: PlacementNetwork, S: number[], passes = 3): number {
  const { leadTime: L, unitCost: c, eps } = net;
  const SI = inboundServiceTimes(net, S);
  const others = (d: number, j: number): number => {
    let m = net.externalInbound[d];
    for (const i of net.upstream[d]) if (i !== j) m = Math.max(m, S[i]);
    return m;
  };
  const m: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    let improved = false;
    for (const j of net.topologicalOrder) {
      const customers = net.downstream[j];
      const hi = Math.min(net.maxService[j], SI[j] + L[j]);
      let lo = 0;
      m.length = 0;
      for (const d of customers) {
        const md = others(d, j);
        m.push(md);
        if (md + L[d] < S[d]) lo = Math.max(lo, S[d] - L[d]);
      }
      if (lo > hi + eps) continue;
      const costAt = (x: number): number => {
        let t = c[j] * Math.sqrt(Math.max(0, SI[j] + L[j] - x));
        customers.forEach((d, k) => {
          t += c[d] * Math.sqrt(Math.max(0, Math.max(m[k], x) + L[d] - S[d]));
        });
        return t;
      };
      const current = costAt(S[j]);
      let best = current;
      let bestX = S[j];
      const tryAt = (x: number): void => {
        if (x < lo - eps || x > hi + eps) return;
        const t = costAt(x);
        if (t < best - 1e-12 * (1 + Math.abs(best))) {
          best = t;
          bestX = x;
        }
      };
      tryAt(lo);
      tryAt(hi);
      for (const md of m) tryAt(md);
      if (bestX !== S[j]) {
        S[j] = bestX;
        customers.forEach((d, k) => (SI[d] = Math.max(m[k], bestX)));
        improved = true;
      }
    }
    if (!improved) break;
  }
  return placementCost(net, S);
}
