// Lagrangian relaxation of the arcs the spanning-tree relaxation drops (docs/model.md §5, eq. (13)):
// a stronger lower bound for branch and bound, found by subgradient ascent on the multipliers.
//
// A dropped arc a = i → j asks S_i ≤ SI_j. Pricing it with u_a ≥ 0 adds u_a (S_i − SI_j) to the
// objective; for any u that is ≤ 0 at every feasible placement, so
//   L(u) = min over the tree polytope (E_j ≤ SI_j ≤ UI_j) of Σ_j c_j sqrt(τ_j) + Σ_a u_a (S_i − SI_j)
// is a lower bound on the optimal cost. The added terms are linear per stage (w_S,i += u_a,
// w_SI,j −= u_a), so the objective stays separable and concave and the tree DP solves it exactly.
// u = 0 is the plain tree relaxation; the ascent only keeps a u when it raises the bound.

import type { PlacementNetwork } from "./network";
import type { TreeLayout } from "./forest";
import type { StageLimits } from "./candidates";
import { solveTreeDp, type StageWeights, type TreeDpSolution } from "./treeDp";

/** Per-stage linear weights of multipliers u on the dropped arcs `offTree` (arc indexes of `net`). */
export function droppedArcWeights(net: PlacementNetwork, offTree: number[], u: Float64Array): StageWeights {
  const service = new Float64Array(net.n);
  const inbound = new Float64Array(net.n);
  offTree.forEach((a, k) => {
    service[net.arcFrom[a]] += u[k];
    inbound[net.arcTo[a]] -= u[k];
  });
  return { service, inbound };
}

export interface LagrangianAscentOptions {
  /** DP solves allowed (each gives one valid bound L(u)). */
  iterations: number;
  /** Polyak step factor λ at the start; halved after `patience` solves without a better bound. */
  stepFactor: number;
  patience?: number;
  /** Stop once the step factor falls below this (default 1e-3): the ascent has stalled. */
  minStepFactor?: number;
  /** Target of the Polyak step (u ← u + λ (target − L(u)) g/‖g‖²): the incumbent cost. */
  target: () => number;
  /** Stop once the bound reaches this value (the node can be pruned). */
  stopAt: () => number;
  /** Date.now() after which no further solve starts (the caller's time limit). */
  deadline?: number;
  /** Every relaxed solution, for the caller's incumbent. */
  onSolution?: (solution: TreeDpSolution) => void;
}

export interface LagrangianAscentResult {
  /** The best L(u) found (−∞ never: the first solve counts); +∞ when the tree polytope is empty. */
  bound: number;
  /** Multipliers of the best bound. */
  multipliers: Float64Array;
  /** Relaxed optimum at those multipliers. */
  solution: TreeDpSolution;
  /** Step factor to continue with (smaller after stalls). */
  stepFactor: number;
  solves: number;
  candidates: number;
}

/**
 * Subgradient ascent on L(u) (see the top of this file) from multipliers `start`: each step solves
 * the weighted tree DP, takes the subgradient g_a = S_i − SI_j of the relaxed optimum, projected
 * onto u ≥ 0, and moves by a Polyak step toward `target`. Stops after `iterations` solves, when
 * the bound reaches `stopAt`, at the deadline, when the steps have shrunk below `minStepFactor`,
 * or when g = 0 (the relaxed optimum is then feasible and optimal).
 * @example Stages A (L 2, c 3) → B (L 1, c 1) → C (L 1, c 2, s 0) plus arc A → C (dropped): the tree
 * relaxation gives L(0) = 2 + sqrt(3) = 3.7321; 50 solves reach L(u) = 3.9107 (u = 0.0893);
 * the optimum is 4 (S = [2, 3, 0]).
 */
export function lagrangianAscent(
  net: PlacementNetwork, layout: TreeLayout, limits: StageLimits, offTree: number[], start: Float64Array,
  options: LagrangianAscentOptions,
): LagrangianAscentResult {
  const patience = options.patience ?? 3;
  const u = Float64Array.from(start);
  const g = new Float64Array(offTree.length);
  let lambda = options.stepFactor;
  let best: LagrangianAscentResult | null = null;
  let stall = 0;
  let solves = 0;
  let candidates = 0;
  for (let it = 0; it < options.iterations; it++) {
    const dp = solveTreeDp(net, layout, limits, droppedArcWeights(net, offTree, u));
    solves++;
    candidates += dp.candidates;
    if (!(dp.cost < Infinity)) {
      return { bound: Infinity, multipliers: u, solution: dp, stepFactor: lambda, solves, candidates };
    }
    options.onSolution?.(dp);
    if (!best || dp.cost > best.bound) {
      best = { bound: dp.cost, multipliers: Float64Array.from(u), solution: dp, stepFactor: lambda, solves, candidates };
      stall = 0;
    } else if (++stall >= patience) {
      lambda /= 2;
      stall = 0;
      if (lambda < (options.minStepFactor ?? 1e-3)) break;
    }
    if (best.bound >= options.stopAt() || (options.deadline !== undefined && Date.now() > options.deadline)) break;
    let norm = 0;
    offTree.forEach((a, k) => {
      const gk = dp.serviceTimes[net.arcFrom[a]] - dp.inboundTimes[net.arcTo[a]];
      g[k] = u[k] > 0 || gk > 0 ? gk : 0;
      norm += g[k] * g[k];
    });
    if (norm <= net.eps * net.eps) break;
    const step = (lambda * Math.max(options.target() - dp.cost, 1e-9 * Math.abs(dp.cost))) / norm;
    for (let k = 0; k < u.length; k++) u[k] = Math.max(0, u[k] + step * g[k]);
  }
  return { ...best!, stepFactor: lambda, solves, candidates };
}
