// Graves & Willems (2000) dynamic program for spanning-tree networks, run over the vertex
// candidate sets of candidates.ts so that it is exact for real-valued as well as integer data.
//
// Each stage j is solved once its subtree is: with its parent downstream (j → p) it hands up
//   F_j(x) = min cost of j's subtree given S_j = x,
// with its parent upstream (p → j)
//   Q_j(v) = min cost of j's subtree given SI_j = v.
// Suppliers u of j enter through G_u(v) = min_{x ≤ v} F_u(x) (non-increasing), customers d through
// H_d(x) = min_{v ≥ x} Q_d(v) (non-decreasing). In F_j the best SI is its smallest value or a point
// where Σ G_u strictly drops; in Q_j the best S is its largest value or a point just before Σ H_d
// rises (c sqrt(τ) is monotone in each), so only those staircase points are tried.
//
// Optional linear weights w_S S_j + w_SI SI_j per stage (the multipliers of lagrangian.ts) keep the
// stage cost concave but not monotone; a concave function on each flat step of Σ G (Σ H) is least
// at a step end, so the far ends SI_j = UI_j and S_j = floor_j join the points tried, and SI_j
// becomes a variable bounded by UI_j over all arcs (not only tree arcs), as in the full network.

import type { PlacementNetwork } from "./network";
import type { TreeLayout } from "./forest";
import { treeBounds, treeCandidates, type StageLimits } from "./candidates";
import {
  prefixIndex, prefixMin, suffixIndex, suffixMin, unionOfPoints, type PrefixMin, type SuffixMin,
} from "./stepFunctions";

export interface TreeDpSolution {
  /** Optimal S_j of the tree problem (before the caller's repair). */
  serviceTimes: Float64Array;
  /** SI_j chosen with S (equal to max(E_j, tree suppliers' S) without weights, up to ties). */
  inboundTimes: Float64Array;
  /** Optimal value of the tree problem, Σ_j c_j sqrt(τ_j) (eq. (13)), plus the weighted terms if any. */
  cost: number;
  /** Candidate values examined (statistics). */
  candidates: number;
  /** Inner staircase evaluations (statistics). */
  evaluations: number;
}

/** Linear terms added to stage j's cost: `service[j]` · S_j + `inbound[j]` · SI_j (any signs). */
export interface StageWeights {
  service: Float64Array;
  inbound: Float64Array;
}

/**
 * Minimises Σ_j c_j sqrt(SI_j + L_j − S_j) over S on the forest `layout` (docs/model.md §5,
 * eq. (13)-(14)) with SI_j ≥ E_j (`limits.inbound`), SI_j ≥ S_i on tree arcs, and
 * floor_j ≤ S_j ≤ min(cap_j, SI_j + L_j). Exact: the optimum lies at a vertex whose values are all
 * among the candidates. Cost +∞ (and no service times) when the limits leave no solution.
 * With `weights`, minimises Σ_j [c_j sqrt(τ_j) + w_S,j S_j + w_SI,j SI_j] with E_j ≤ SI_j ≤ UI_j,
 * UI_j = max(E_j, max over all arcs i → j of U_i): still concave, still exact over the candidates.
 */
export function solveTreeDp(
  net: PlacementNetwork, layout: TreeLayout, limits: StageLimits, weights?: StageWeights,
): TreeDpSolution {
  const { n, eps, leadTime: L, unitCost: c } = net;
  const { inbound, floor, cap } = limits;
  const bounds = treeBounds(net, layout, limits, weights ? net.upstream : layout.treeUpstream);
  const wS = weights?.service;
  const wI = weights?.inbound;
  const infeasible: TreeDpSolution = {
    serviceTimes: new Float64Array(n), inboundTimes: new Float64Array(n), cost: Infinity, candidates: 0, evaluations: 0,
  };
  for (let j = 0; j < n; j++) if (floor[j] > bounds.maxS[j] + eps) return infeasible;
  const cand = treeCandidates(net, layout, limits, bounds);
  const G: PrefixMin[] = new Array(n);
  const H: SuffixMin[] = new Array(n);
  const choice: Float64Array[] = new Array(n); // F_j: chosen SI per S candidate; Q_j: chosen S per SI candidate
  let evaluations = 0;

  const sumG = (suppliers: number[], v: number): number => {
    let a = 0;
    for (const u of suppliers) {
      const k = prefixIndex(G[u], v, eps);
      a += k < 0 ? Infinity : G[u].value[k];
    }
    return a;
  };
  const sumH = (customers: number[], x: number): number => {
    let b = 0;
    for (const d of customers) {
      const k = suffixIndex(H[d], x, eps);
      b += k < 0 ? Infinity : H[d].value[k];
    }
    return b;
  };

  /** F_j over the S candidates: min over SI ≥ max(E_j, x − L_j). */
  const solveGivenService = (j: number): Float64Array => {
    const suppliers = layout.supplierChildren[j];
    const customers = layout.customerChildren[j];
    const xs = cand.service[j];
    const drops = unionOfPoints(suppliers.map((u) => G[u].x), eps);
    const aAtDrop = drops.map((v) => sumG(suppliers, v));
    let aMin = 0;
    for (const u of suppliers) aMin += G[u].value[G[u].value.length - 1];
    const f = new Float64Array(xs.length);
    const bestSi = new Float64Array(xs.length);
    const w = wI ? wI[j] : 0;
    const wx = wS ? wS[j] : 0;
    const top = bounds.maxSI[j];
    let start = 0;
    for (let k = 0; k < xs.length; k++) {
      const x = xs[k];
      const v0 = Math.max(inbound[j], x - L[j]);
      let best = c[j] * Math.sqrt(Math.max(0, v0 + L[j] - x)) + w * v0 + sumG(suppliers, v0);
      let bestV = v0;
      // A negative weight on SI_j may make its upper end SI_j = UI_j (where Σ G = aMin) the best.
      const tTop = w < 0 ? c[j] * Math.sqrt(Math.max(0, top + L[j] - x)) + w * top : Infinity;
      if (tTop + aMin < best) {
        best = tTop + aMin;
        bestV = top;
      }
      while (start < drops.length && drops[start] <= v0 + eps) start++;
      for (let q = start; q < drops.length; q++) {
        evaluations++;
        const t = c[j] * Math.sqrt(drops[q] + L[j] - x) + w * drops[q];
        if (Math.min(t, tTop) + aMin >= best) break; // concave t: least at an end of [drop, UI_j]
        if (t + aAtDrop[q] < best) {
          best = t + aAtDrop[q];
          bestV = drops[q];
        }
      }
      f[k] = best + wx * x + sumH(customers, x);
      bestSi[k] = bestV;
    }
    choice[j] = bestSi;
    return f;
  };

  /** Q_j over the SI candidates: min over S ≤ min(s_j, v + L_j). */
  const solveGivenInbound = (j: number): Float64Array => {
    const suppliers = layout.supplierChildren[j];
    const customers = layout.customerChildren[j];
    const vs = cand.inbound[j];
    const rises = unionOfPoints(customers.map((d) => H[d].x), eps);
    const bAtRise = rises.map((x) => sumH(customers, x));
    let bMin = 0;
    for (const d of customers) bMin += H[d].value[0];
    const q = new Float64Array(vs.length);
    const bestS = new Float64Array(vs.length);
    const w = wS ? wS[j] : 0;
    const wv = wI ? wI[j] : 0;
    let end = -1;
    for (let k = 0; k < vs.length; k++) {
      const v = vs[k];
      const x1 = Math.min(cap[j], v + L[j]);
      let best = x1 < floor[j] - eps ? Infinity : c[j] * Math.sqrt(Math.max(0, v + L[j] - x1)) + w * x1 + sumH(customers, x1);
      let bestX = x1;
      // A positive weight on S_j may make its lower end S_j = floor_j the best.
      let tLow = Infinity;
      if (w > 0 && floor[j] <= x1 + eps) {
        tLow = c[j] * Math.sqrt(Math.max(0, v + L[j] - floor[j])) + w * floor[j];
        const atFloor = tLow + sumH(customers, floor[j]);
        if (atFloor < best) {
          best = atFloor;
          bestX = floor[j];
        }
      }
      while (end + 1 < rises.length && rises[end + 1] < x1 - eps) end++;
      for (let r = end; r >= 0 && rises[r] >= floor[j] - eps; r--) {
        evaluations++;
        const t = c[j] * Math.sqrt(v + L[j] - rises[r]) + w * rises[r];
        if (Math.min(t, tLow) + bMin >= best) break; // concave t: least at an end of [floor_j, rise]
        if (t + bAtRise[r] < best) {
          best = t + bAtRise[r];
          bestX = rises[r];
        }
      }
      q[k] = best + wv * v + sumG(suppliers, v);
      bestS[k] = bestX;
    }
    choice[j] = bestS;
    return q;
  };

  const S = new Float64Array(n);
  const SI = new Float64Array(n);
  let cost = 0;
  for (let p = layout.order.length - 1; p >= 0; p--) {
    const j = layout.order[p];
    if (layout.parentArc[j] === 2) {
      H[j] = suffixMin(cand.inbound[j], solveGivenInbound(j));
      if (H[j].x.length === 0) return infeasible;
      continue;
    }
    const f = solveGivenService(j);
    if (layout.parentArc[j] === 1) {
      G[j] = prefixMin(cand.service[j], f);
      if (G[j].x.length === 0) return infeasible;
      continue;
    }
    let k = 0;
    for (let r = 1; r < f.length; r++) if (f[r] < f[k]) k = r;
    if (!(f[k] < Infinity)) return infeasible;
    cost += f[k];
    S[j] = cand.service[j][k];
    SI[j] = choice[j][k];
  }
  // Traceback, parents before children.
  for (const j of layout.order) {
    for (const u of layout.supplierChildren[j]) {
      const idx = G[u].at[prefixIndex(G[u], SI[j], eps)];
      S[u] = cand.service[u][idx];
      SI[u] = choice[u][idx];
    }
    for (const d of layout.customerChildren[j]) {
      const idx = H[d].at[suffixIndex(H[d], S[j], eps)];
      SI[d] = cand.inbound[d][idx];
      S[d] = choice[d][idx];
    }
  }
  return { serviceTimes: S, inboundTimes: SI, cost, candidates: cand.count, evaluations };
}
