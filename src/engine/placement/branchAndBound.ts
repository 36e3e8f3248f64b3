// Exact branch and bound for general acyclic networks on a spanning-tree relaxation (Humair &
// Willems 2011): drop the arcs outside a spanning tree, solve the rest exactly with the tree DP.
//
// Why this route: the tree DP is exact, fast and pure TypeScript, and the relaxation is tight on
// real chains (few arcs beyond a tree; the Willems chains close at the root or within a few
// hundred nodes). A relaxed optimum violating a dropped arc i → j (S_i > SI_j) is cut off by
// splitting S_i at a threshold: S_i ≤ θ (a tighter cap) or S_i ≥ θ⁺ (a floor, which also raises
// SI_j ≥ θ⁺ for every customer j of i). Both branches are tree problems again, so every node is one
// exact DP, and every relaxed S, with SI recomputed over all arcs, is feasible: an incumbent.
// θ < θ⁺ are consecutive values S_i can take at a vertex of the original polytope (integers with
// integer data, since difference constraints are totally unimodular; else vertexValues.ts), so an
// optimal vertex survives in one branch, each branch strictly tightens a bound, and the search is
// finite and exact. Where the vertex values are too many to list, θ = θ⁺ is the midpoint and the
// search runs to the requested gap. Synchronous; no LP solver needed.
//
// The bound of a node is strengthened by Lagrangian relaxation of the dropped arcs (lagrangian.ts):
// subgradient ascent at the root, a few warm-started steps in each child; a child keeps the larger
// of its own and its parent's bound. Branching uses the relaxed optimum at the best multipliers;
// when it violates no dropped arc the node falls back to the plain tree relaxation (u = 0), whose
// optimum is then either split as above or feasible, so the search stays finite and exact.

import type { PlacementNetwork } from "./network";
import { hasIntegerTimes } from "./network";
import { layoutForest, spanningForestArcs } from "./forest";
import { solveTreeDp, type TreeDpSolution } from "./treeDp";
import { lagrangianAscent } from "./lagrangian";
import { improveByLocalSearch } from "./localSearch";
import { placementCost, repairServiceTimes } from "./evaluate";
import { relativeGap } from "./result";
import { MinHeap } from "../minHeap";
import { vertexServiceValues } from "./vertexValues";
import type { StageLimits } from "./candidates";
import type { PlacementProgress } from "./types";

export interface BranchAndBoundOptions {
  timeLimitMs: number;
  relativeGap: number;
  onProgress?: (p: PlacementProgress) => void;
  /** Search steps allowed for listing vertex values (real-valued data); 0 forces midpoint splits. */
  vertexValueBudget?: number;
  /** Lagrangian DP solves at the root (default 60; 0 = plain spanning-tree bound everywhere). */
  rootLagrangianSolves?: number;
  /** Polish relaxed solutions near the incumbent by coordinate descent (default true). */
  localSearch?: boolean;
  /** Lagrangian DP solves per child node, warm-started from the parent's multipliers (default 8). */
  nodeLagrangianSolves?: number;
}

export interface BranchAndBoundOutcome {
  serviceTimes: number[];
  bound: number;
  stoppedBy: "done" | "gap" | "timeLimit";
  statistics: Record<string, number>;
}

/** Relaxed solutions costing at most this much above the incumbent (relative) get a local search. */
const LOCAL_SEARCH_WINDOW = 0.003;

/** A bound change on the path from the root: S_k ≤ value (cap) or S_k ≥ value (floor). */
interface Change {
  kind: "cap" | "floor";
  stage: number;
  value: number;
  previous: Change | null;
}

interface Node {
  bound: number;
  changes: Change | null;
  depth: number;
  serviceTimes: Float64Array;
  /** SI_j of the node's relaxed optimum. */
  inbound: Float64Array;
  /** Multipliers of the dropped arcs behind `bound` (null: plain tree relaxation). */
  multipliers: Float64Array | null;
  /** Subgradient step factor to continue with in the children. */
  stepFactor: number;
}

/**
 * Minimises Σ_j c_j sqrt(τ_j) (docs/model.md §5, eq. (13)) on any acyclic network. Returns the best
 * placement found, a proven lower bound, and why it stopped ("done" = proven to the gap).
 */
export function placeByBranchAndBound(net: PlacementNetwork, options: BranchAndBoundOptions): BranchAndBoundOutcome {
  const started = Date.now();
  const integral = hasIntegerTimes(net);
  const treeArcs = spanningForestArcs(net, arcsByWeight(net));
  const inTree = new Uint8Array(net.arcFrom.length);
  for (const a of treeArcs) inTree[a] = 1;
  const offTree: number[] = [];
  for (let a = 0; a < net.arcFrom.length; a++) if (!inTree[a]) offTree.push(a);
  const layout = layoutForest(net, treeArcs);
  const values = integral || offTree.length === 0 ? null : vertexServiceValues(net, options.vertexValueBudget);
  const exactSplits = integral || values !== null;

  let dpSolves = 0;
  let localSearches = 0;
  let lagrangianSolves = 0;
  let plainFallbacks = 0;
  let rootBound = -Infinity;
  let candidates = 0;
  let incumbent: number[] = repairServiceTimes(net, new Array<number>(net.n).fill(0));
  let incumbentCost = placementCost(net, incumbent);
  const offer = (s: ArrayLike<number>): void => {
    let repaired = repairServiceTimes(net, s);
    let cost = placementCost(net, repaired);
    if (options.localSearch !== false && cost < incumbentCost * (1 + LOCAL_SEARCH_WINDOW)) {
      improveByLocalSearch(net, repaired);
      repaired = repairServiceTimes(net, repaired);
      cost = placementCost(net, repaired);
      localSearches++;
    }
    if (cost < incumbentCost) {
      incumbentCost = cost;
      incumbent = repaired;
    }
  };
  const limitsOf = (changes: Change | null): StageLimits => {
    const floor = new Float64Array(net.n);
    const cap = Float64Array.from(net.maxService);
    for (let ch = changes; ch; ch = ch.previous) {
      if (ch.kind === "cap") cap[ch.stage] = Math.min(cap[ch.stage], ch.value);
      else floor[ch.stage] = Math.max(floor[ch.stage], ch.value);
    }
    // SI_j ≥ S_i ≥ floor_i on every arc, dropped ones included.
    const inbound = Float64Array.from(net.externalInbound);
    for (let a = 0; a < net.arcFrom.length; a++) {
      const j = net.arcTo[a];
      inbound[j] = Math.max(inbound[j], floor[net.arcFrom[a]]);
    }
    return { inbound, floor, cap };
  };
  const rootSolves = offTree.length === 0 ? 0 : options.rootLagrangianSolves ?? 60;
  const nodeSolves = options.nodeLagrangianSolves ?? 8;
  const pruneLevel = (): number => incumbentCost * (1 - options.relativeGap) - 1e-12;
  const plainSolve = (limits: StageLimits): TreeDpSolution => {
    const dp = solveTreeDp(net, layout, limits);
    dpSolves++;
    candidates += dp.candidates;
    if (dp.cost < Infinity) offer(dp.serviceTimes);
    return dp;
  };
  const solve = (changes: Change | null, depth: number, parent: Node | null): Node => {
    const limits = limitsOf(changes);
    const solves = parent ? (parent.multipliers ? nodeSolves : 0) : rootSolves;
    if (solves === 0) {
      const dp = plainSolve(limits);
      const bound = Math.max(dp.cost, parent?.bound ?? -Infinity);
      if (!parent) rootBound = bound;
      return { bound, changes, depth, serviceTimes: dp.serviceTimes, inbound: dp.inboundTimes, multipliers: null, stepFactor: 1 };
    }
    const start = parent?.multipliers ?? new Float64Array(offTree.length);
    const lr = lagrangianAscent(net, layout, limits, offTree, start, {
      iterations: solves, stepFactor: parent?.stepFactor ?? 1, patience: parent ? 2 : 5,
      target: () => incumbentCost, stopAt: pruneLevel, deadline: started + options.timeLimitMs,
      onSolution: (dp) => offer(dp.serviceTimes),
    });
    dpSolves += lr.solves;
    lagrangianSolves += lr.solves;
    candidates += lr.candidates;
    const bound = Math.max(lr.bound, parent?.bound ?? -Infinity);
    if (!parent) rootBound = bound;
    return {
      bound, changes, depth, serviceTimes: lr.solution.serviceTimes, inbound: lr.solution.inboundTimes,
      multipliers: lr.multipliers, stepFactor: Math.max(lr.stepFactor, 0.05),
    };
  };

  const prunable = (bound: number): boolean => bound >= pruneLevel();
  const open = new MinHeap<Node>((a, b) => a.bound - b.bound);
  const root = solve(null, 0, null);
  open.push(root);
  let nodes = 0;
  let maxDepth = 0;
  let lastProgress = started;
  let stoppedBy: "done" | "gap" | "timeLimit" = "done";
  let closedBound = Infinity;
  while (open.size > 0) {
    const node = open.peek()!;
    if (prunable(node.bound)) break; // best-first: every open node is at least as bad
    if (Date.now() - started > options.timeLimitMs) {
      stoppedBy = "timeLimit";
      break;
    }
    open.pop();
    nodes++;
    maxDepth = Math.max(maxDepth, node.depth);
    let split = chooseSplit(net, layout.treeUpstream, offTree, node, integral, values);
    let solvedAt = node.bound;
    if (!split && node.multipliers) {
      // The priced optimum keeps every dropped arc yet may not be optimal: branch on the plain one.
      const dp = plainSolve(limitsOf(node.changes));
      plainFallbacks++;
      solvedAt = Math.max(solvedAt, dp.cost);
      split = chooseSplit(net, layout.treeUpstream, offTree, { ...node, serviceTimes: dp.serviceTimes, inbound: dp.inboundTimes }, integral, values);
    }
    if (!split) {
      // The (plain) relaxed optimum satisfies every arc: the node is solved at its cost. That still
      // counts, in case round-off made the repaired solution (the incumbent offered) dearer.
      closedBound = Math.min(closedBound, solvedAt);
      continue;
    }
    for (const change of split) {
      const child = solve({ ...change, previous: node.changes }, node.depth + 1, node);
      if (!prunable(child.bound)) open.push(child);
    }
    const now = Date.now();
    if (options.onProgress && now - lastProgress >= 200) {
      lastProgress = now;
      options.onProgress({ elapsedMs: now - started, bestCost: incumbentCost, bound: globalBound(open, incumbentCost) });
    }
  }
  const bound = Math.min(globalBound(open, incumbentCost), closedBound);
  // A last report, so a caller learns the final bound even when the root used the whole time limit.
  if (options.onProgress) options.onProgress({ elapsedMs: Date.now() - started, bestCost: incumbentCost, bound });
  if (stoppedBy === "done" && open.size > 0 && relativeGap(incumbentCost, bound) > 0) stoppedBy = "gap";
  return {
    serviceTimes: incumbent,
    bound,
    stoppedBy,
    statistics: {
      nodes, dpSolves, lagrangianSolves, plainFallbacks, rootBound, openNodes: open.size, maxDepth,
      offTreeArcs: offTree.length, candidates, localSearches,
      exactSplits: exactSplits ? 1 : 0,
      elapsedMs: Date.now() - started,
    },
  };
}

function globalBound(open: MinHeap<Node>, incumbentCost: number): number {
  return open.size > 0 ? Math.min(open.peek()!.bound, incumbentCost) : incumbentCost;
}

/** Arcs in the order the spanning tree should keep them: the costliest stages' arcs first. */
function arcsByWeight(net: PlacementNetwork): number[] {
  const weight = (a: number): number => net.unitCost[net.arcFrom[a]] + net.unitCost[net.arcTo[a]];
  return Array.from({ length: net.arcFrom.length }, (_, a) => a).sort((a, b) => weight(b) - weight(a));
}

/**
 * The off-tree arc whose violation costs the most at this node's relaxed optimum, and the two
 * bound changes on its supplier S_i that cut it off; null when no off-tree arc is violated.
 */
function chooseSplit(
  net: PlacementNetwork, treeUpstream: number[][], offTree: number[], node: Node, integral: boolean,
  values: Float64Array[] | null,
): Omit<Change, "previous">[] | null {
  const S = node.serviceTimes;
  let bestArc = -1;
  let bestScore = -1;
  let bestSi = 0;
  for (const a of offTree) {
    const i = net.arcFrom[a];
    const j = net.arcTo[a];
    let si = node.inbound[j];
    for (const k of treeUpstream[j]) si = Math.max(si, S[k]);
    if (S[i] <= si + 4 * net.eps) continue;
    const tau = Math.max(0, si + net.leadTime[j] - S[j]);
    const score = net.unitCost[j] * (Math.sqrt(tau + S[i] - si) - Math.sqrt(tau)) + 1e-12 * (S[i] - si);
    if (score > bestScore) {
      bestScore = score;
      bestArc = a;
      bestSi = si;
    }
  }
  if (bestArc < 0) return null;
  const i = net.arcFrom[bestArc];
  const lo = bestSi;
  const hi = S[i];
  const split = (below: number | undefined, above: number | undefined): Omit<Change, "previous">[] => {
    const out: Omit<Change, "previous">[] = [];
    if (below !== undefined) out.push({ kind: "cap", stage: i, value: below });
    if (above !== undefined) out.push({ kind: "floor", stage: i, value: above });
    return out;
  };
  if (integral) {
    const theta = Math.floor((Math.round(lo) + Math.round(hi) - 1) / 2);
    return split(theta, theta + 1);
  }
  if (!values) return split((lo + hi) / 2, (lo + hi) / 2);
  // Consecutive vertex values θ < θ⁺ of S_i with θ < S_i and θ⁺ > SI_j: the median of those in
  // [SI_j, S_i), else the last one below SI_j (then θ⁺ ≥ S_i).
  const v = values[i];
  const eps = net.eps;
  let first = 0;
  while (first < v.length && v[first] < lo - eps) first++;
  let last = first;
  while (last < v.length && v[last] < hi - eps) last++;
  const k = last > first ? (first + last - 1) >> 1 : first - 1;
  return split(k >= 0 ? v[k] : undefined, k + 1 < v.length ? v[k + 1] : undefined);
}
