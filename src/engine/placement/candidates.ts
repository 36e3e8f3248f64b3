// Candidate service times for the tree DP: the values S_j can take at a vertex of the placement
// polytope of a spanning-tree network, so that a DP over them is exact for real-valued data.
//
// At a vertex every variable is fixed by a chain of tight constraints from one anchor
// (S_k = 0, S_k = s_k or SI_k = E_k; branching adds S_k = floor or cap, SI_k = raised E_k) along the unique tree path: SI_j = S_i on an arc i → j
// adds 0, S_j = SI_j + L_j adds L_j. So each stage has O(n) candidates, found by passing value
// sets along the tree in two sweeps (leaves → roots, roots → leaves). With integer data they
// are integers, and the sets collapse to the integer grid of the classic DP.

import type { PlacementNetwork } from "./network";
import type { TreeLayout } from "./forest";

/** Per-stage bounds and anchors of one tree DP solve (the caps and inbound times may be tightened by branching). */
export interface TreeBounds {
  /** Largest feasible S_j: U_j = min(s_j, UI_j + L_j). */
  maxS: Float64Array;
  /** Largest useful SI_j: UI_j = max(E_j, max over tree suppliers of U_i). */
  maxSI: Float64Array;
}

/**
 * Bounds of one tree DP solve: SI_j ≥ `inbound`[j] (E_j, raised by branching), and
 * `floor`[j] ≤ S_j ≤ `cap`[j] (0 and s_j unless branching tightened them).
 */
export interface StageLimits {
  inbound: Float64Array;
  floor: Float64Array;
  cap: Float64Array;
}

/**
 * U_j and UI_j in topological order over the tree arcs, or over the arcs in `upstream` (all arcs of
 * the network when SI_j is a bounded variable, as in the Lagrangian relaxation).
 */
export function treeBounds(
  net: PlacementNetwork, layout: TreeLayout, { inbound, cap }: StageLimits, upstream = layout.treeUpstream,
): TreeBounds {
  const maxS = new Float64Array(net.n);
  const maxSI = new Float64Array(net.n);
  for (const j of net.topologicalOrder) {
    let si = inbound[j];
    for (const i of upstream[j]) si = Math.max(si, maxS[i]);
    maxSI[j] = si;
    maxS[j] = Math.min(cap[j], si + net.leadTime[j]);
  }
  return { maxS, maxSI };
}

/** Sorted, de-duplicated (within eps) union of value lists, each shifted by its offset. */
function mergeShifted(lists: { values: Float64Array; shift: number }[], eps: number): Float64Array {
  let total = 0;
  for (const l of lists) total += l.values.length;
  const all = new Float64Array(total);
  let p = 0;
  for (const { values, shift } of lists) for (let k = 0; k < values.length; k++) all[p++] = values[k] + shift;
  all.sort();
  let m = 0;
  for (let k = 0; k < total; k++) if (m === 0 || all[k] - all[m - 1] > eps) all[m++] = all[k];
  return all.subarray(0, m);
}

/** Keeps only values in [lo − eps, hi + eps]. */
function window(values: Float64Array, lo: number, hi: number, eps: number): Float64Array {
  let a = 0;
  while (a < values.length && values[a] < lo - eps) a++;
  let b = values.length;
  while (b > a && values[b - 1] > hi + eps) b--;
  return values.subarray(a, b);
}

/** Candidate sets on the "S scale": x stands for S_j = x and for SI_j = x − L_j. */
export interface TreeCandidates {
  /** Candidates for S_j in [floor_j, U_j], ascending. */
  service: Float64Array[];
  /** Candidates for SI_j in [E_j, UI_j], ascending. */
  inbound: Float64Array[];
  /** Total number of candidates (statistics). */
  count: number;
}

/**
 * Candidate S_j and SI_j values of every stage for a tree DP with inbound times `inbound` (E_j)
 * and caps `cap` (s_j). Exact superset of the vertex values described at the top of this file.
 */
export function treeCandidates(
  net: PlacementNetwork, layout: TreeLayout, limits: StageLimits, bounds: TreeBounds,
): TreeCandidates {
  const { inbound, floor, cap } = limits;
  const { eps, leadTime: L } = net;
  const { maxS: U, maxSI: UI } = bounds;
  const n = net.n;
  const anchors = (j: number): Float64Array => {
    const a = [floor[j], inbound[j] + L[j], U[j], UI[j] + L[j]];
    if (Number.isFinite(cap[j])) a.push(cap[j]);
    return Float64Array.from(a);
  };
  // Values useful at j: as S_j in [floor_j, U_j] or as SI_j + L_j in [E_j + L_j, UI_j + L_j].
  const prune = (j: number, x: Float64Array): Float64Array => {
    const keep = new Float64Array(x.length);
    let m = 0;
    for (let k = 0; k < x.length; k++) {
      const v = x[k];
      if ((v >= floor[j] - eps && v <= U[j] + eps) || (v - L[j] >= inbound[j] - eps && v - L[j] <= UI[j] + eps)) keep[m++] = v;
    }
    return keep.subarray(0, m);
  };
  // What j tells a neighbour: its S_j values (to a customer) or its SI_j values (to a supplier).
  const asService = (j: number, x: Float64Array): Float64Array => window(x, floor[j], U[j], eps);
  const asInbound = (j: number, x: Float64Array): Float64Array => window(x, inbound[j] + L[j], UI[j] + L[j], eps);

  const up: Float64Array[] = new Array(n);
  for (let p = layout.order.length - 1; p >= 0; p--) {
    const j = layout.order[p];
    const lists = [{ values: anchors(j), shift: 0 }];
    for (const u of layout.supplierChildren[j]) lists.push({ values: asService(u, up[u]), shift: L[j] });
    for (const d of layout.customerChildren[j]) lists.push({ values: asInbound(d, up[d]), shift: -L[d] });
    up[j] = prune(j, mergeShifted(lists, eps));
  }
  const full: Float64Array[] = new Array(n);
  for (const j of layout.order) {
    const p = layout.parent[j];
    if (p < 0) {
      full[j] = up[j];
      continue;
    }
    // The parent's full set includes j's own values sent back unchanged: harmless, no new values.
    const fromParent =
      layout.parentArc[j] === 1
        ? { values: asInbound(p, full[p]), shift: -L[p] } // j → p: SI_p = S_j
        : { values: asService(p, full[p]), shift: L[j] }; // p → j: SI_j = S_p
    full[j] = prune(j, mergeShifted([{ values: up[j], shift: 0 }, fromParent], eps));
  }
  const service: Float64Array[] = new Array(n);
  const inboundSets: Float64Array[] = new Array(n);
  let count = 0;
  for (let j = 0; j < n; j++) {
    service[j] = clampUnique(window(full[j], floor[j], U[j], eps), floor[j], U[j], eps);
    inboundSets[j] = clampUnique(
      window(full[j], inbound[j] + L[j], UI[j] + L[j], eps).map((x) => x - L[j]), inbound[j], UI[j], eps,
    );
    count += service[j].length + inboundSets[j].length;
  }
  return { service, inbound: inboundSets, count };
}

/** Snaps values within eps of [lo, hi] onto it and drops near-duplicates. */
function clampUnique(values: Float64Array, lo: number, hi: number, eps: number): Float64Array {
  const out = new Float64Array(values.length);
  let m = 0;
  for (let k = 0; k < values.length; k++) {
    const v = Math.min(hi, Math.max(lo, values[k]));
    if (m === 0 || v - out[m - 1] > eps) out[m++] = v;
  }
  return out.subarray(0, m);
}
