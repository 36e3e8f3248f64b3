// The two reference placements a plan compares against: all stock (every S_j = 0) and make to
// order (every S_j as long as its inbound time, lead time and maximum service time allow).

import type { PlacementNetwork } from "./network";

/** S_j = 0 for every stage: every stage holds stock covering τ_j = SI_j + L_j = L_j + E_j. */
export function allStockServiceTimes(net: PlacementNetwork): number[] {
  return new Array<number>(net.n).fill(0);
}

/**
 * Make to order where allowed: in topological order SI_j = max(E_j, max_i S_i) and
 * S_j = min(s_j, SI_j + L_j), so τ_j = 0 wherever the cap s_j does not bind (docs/model.md §3, eq. (7)).
 */
export function makeToOrderServiceTimes(net: PlacementNetwork): number[] {
  const s = new Array<number>(net.n).fill(0);
  for (const j of net.topologicalOrder) {
    let si = net.externalInbound[j];
    for (const i of net.upstream[j]) si = Math.max(si, s[i]);
    s[j] = Math.min(net.maxService[j], si + net.leadTime[j]);
  }
  return s;
}
