// Every value S_i can take at a vertex of the placement polytope of a general network, for
// exact branching with real-valued data (integer data need none of this: vertices are integral).
//
// Variables S_k and SI_k (with SI_k ≤ UI_k, which keeps an optimum) are tied at a vertex by tight
// constraints forming a forest, each tree holding one anchor (S_k = 0, S_k = s_k, SI_k = E_k,
// SI_k = UI_k); so each value is an anchor carried along a simple path of the variable graph
// (S_j − SI_j = L_j, SI_j = S_i on arcs). Enumerated by depth-first search within the variables'
// ranges, under a step budget: null when the network has too many paths.

import type { PlacementNetwork } from "./network";

/** Sorted vertex values of S_i per stage, or null when more than `budget` search steps are needed. */
export function vertexServiceValues(net: PlacementNetwork, budget = 2_000_000): Float64Array[] | null {
  const { n, eps, leadTime: L } = net;
  const maxSI = new Float64Array(n);
  const maxS = new Float64Array(n);
  for (const j of net.topologicalOrder) {
    let si = net.externalInbound[j];
    for (const i of net.upstream[j]) si = Math.max(si, maxS[i]);
    maxSI[j] = si;
    maxS[j] = Math.min(net.maxService[j], si + L[j]);
  }
  // Variable k < n is S_k, k ≥ n is SI_{k−n}.
  const lo = (k: number): number => (k < n ? 0 : net.externalInbound[k - n]);
  const hi = (k: number): number => (k < n ? maxS[k] : maxSI[k - n]);
  const edges: { to: number; add: number }[][] = Array.from({ length: 2 * n }, () => []);
  for (let j = 0; j < n; j++) {
    edges[n + j].push({ to: j, add: L[j] });
    edges[j].push({ to: n + j, add: -L[j] });
  }
  for (let a = 0; a < net.arcFrom.length; a++) {
    const i = net.arcFrom[a];
    const j = net.arcTo[a];
    edges[i].push({ to: n + j, add: 0 });
    edges[n + j].push({ to: i, add: 0 });
  }
  const found: number[][] = Array.from({ length: n }, () => []);
  const onPath = new Uint8Array(2 * n);
  let steps = 0;
  const walk = (k: number, value: number): boolean => {
    if (++steps > budget) return false;
    if (value < lo(k) - eps || value > hi(k) + eps) return true;
    if (k < n) found[k].push(value);
    onPath[k] = 1;
    for (const e of edges[k]) {
      if (!onPath[e.to] && !walk(e.to, value + e.add)) return false;
    }
    onPath[k] = 0;
    return true;
  };
  for (let j = 0; j < n; j++) {
    const anchors: [number, number][] = [[j, 0], [n + j, net.externalInbound[j]], [n + j, maxSI[j]]];
    if (Number.isFinite(net.maxService[j])) anchors.push([j, net.maxService[j]]);
    for (const [k, value] of anchors) if (!walk(k, value)) return null;
  }
  return found.map((values) => {
    const sorted = Float64Array.from(values).sort();
    let m = 0;
    for (let k = 0; k < sorted.length; k++) if (m === 0 || sorted[k] - sorted[m - 1] > eps) sorted[m++] = sorted[k];
    return sorted.slice(0, m);
  });
}
