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

/**
 * A supply chain of n stages: stage k ≥ 1 joins a random earlier stage (as its supplier or its
 * customer, so assembly and distribution mix); `extraArcs` more arcs make it a general network.
 * Lead times 1..10 (integer) or uniform in [0.5, 10] (fractional); stages without customers face
 * external demand with maximum service time 0..2; a fifth of the sources have an external inbound time.
 */
export function randomChain(seed: number, n: number, extraArcs: number, integer: boolean): PlacementProblem {
  const r = rng(seed);
  const rank = Array.from({ length: n }, () => r());
  const arcs: { from: number; to: number }[] = [];
  const seen = new Set<string>();
  const add = (a: number, b: number): boolean => {
    const [from, to] = rank[a] < rank[b] ? [a, b] : [b, a];
    const key = `${from}>${to}`;
    if (a === b || seen.has(key) || seen.has(`${to}>${from}`)) return false;
    seen.add(key);
    arcs.push({ from, to });
    return true;
  };
  for (let k = 1; k < n; k++) add(k, Math.floor(r() * k));
  for (let added = 0; added < extraArcs; ) if (add(Math.floor(r() * n), Math.floor(r() * n))) added++;
  const hasCustomer = new Array<boolean>(n).fill(false);
  const hasSupplier = new Array<boolean>(n).fill(false);
  for (const a of arcs) {
    hasCustomer[a.from] = true;
    hasSupplier[a.to] = true;
  }
  const stages = Array.from({ length: n }, (_, j) => ({
    id: `S${j}`,
    leadTime: integer ? 1 + Math.floor(r() * 10) : 0.5 + 9.5 * r(),
    externalInboundTime: !hasSupplier[j] && r() < 0.2 ? (integer ? 1 + Math.floor(r() * 5) : 5 * r()) : 0,
    maxServiceTime: hasCustomer[j] ? null : Math.floor(r() * 3),
    unitCost: 1 + 99 * r(),
  }));
  return { stages, arcs };
}
