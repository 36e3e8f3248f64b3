// Test-only seeded generator of small random placement problems: trees and general acyclic
// networks, integer or fractional times, random caps and external inbound times.

import type { PlacementProblem } from "../../src/engine/placement";
import { seededRandom as rng } from "../../src/engine/random";

export { rng };

export interface RandomNetworkSpec {
  n: number;
  tree: boolean;
  integer: boolean;
  /** Largest lead time (default 4). */
  maxLead?: number;
}

export function randomPlacementProblem(seed: number, spec: RandomNetworkSpec): PlacementProblem {
  const r = rng(seed);
  const { n, tree, integer } = spec;
  const maxLead = spec.maxLead ?? 4;
  const time = (hi: number): number => (integer ? Math.floor(r() * (hi + 1)) : r() * hi);
  // Stages are created in a random topological order: arcs always go from lower to higher rank.
  const rank = Array.from({ length: n }, (_, k) => k).sort(() => r() - 0.5);
  const arcs: { from: number; to: number }[] = [];
  const has = (a: number, b: number): boolean => arcs.some((x) => (x.from === a && x.to === b) || (x.from === b && x.to === a));
  const directed = (a: number, b: number) => (rank[a] < rank[b] ? { from: a, to: b } : { from: b, to: a });
  for (let k = 1; k < n; k++) {
    if (r() < 0.1) continue; // a forest now and then
    arcs.push(directed(k, Math.floor(r() * k)));
  }
  if (!tree) {
    const extra = 1 + Math.floor(r() * Math.min(3, n));
    for (let t = 0; t < extra * 4 && arcs.length < n - 1 + extra; t++) {
      const a = Math.floor(r() * n);
      const b = Math.floor(r() * n);
      if (a !== b && !has(a, b)) arcs.push(directed(a, b));
    }
  }
  const stages = Array.from({ length: n }, (_, j) => {
    const u = r();
    return {
      id: `S${j}`,
      leadTime: time(maxLead),
      externalInboundTime: r() < 0.5 ? 0 : time(3),
      maxServiceTime: u < 0.35 ? null : u < 0.6 ? 0 : time(2 * maxLead),
      unitCost: r() < 0.1 ? 0 : 0.1 + 5 * r(),
    };
  });
  return { stages, arcs };
}
