// The placement entry point: validates the network, picks the method (`auto`: the exact tree DP
// on spanning-tree networks, branch and bound otherwise) and returns a checked PlacementResult.

import { PlanningInputError, requireNonNegative, requirePositive } from "../errors";
import { buildPlacementNetwork } from "./network";
import { layoutForest, spanningForestArcs } from "./forest";
import { solveTreeDp } from "./treeDp";
import { placeByBranchAndBound } from "./branchAndBound";
import { allStockServiceTimes, makeToOrderServiceTimes } from "./baselines";
import { placementResult } from "./result";
import { hasFixedServiceTimes, placeAroundFixedServiceTimes } from "./fixedServiceTimes";
import type { PlacementOptions, PlacementProblem, PlacementResult } from "./types";

const METHODS = ["auto", "tree-dp", "branch-and-bound", "all-stock", "make-to-order"];

/**
 * A short branch and bound on the plain spanning-tree bound comes first: real chains close in it,
 * and the Lagrangian ascent (tens of milliseconds at the root) only pays on harder networks.
 */
const QUICK_PLAIN_SEARCH_MS = 50;

/**
 * Chooses committed service times S_j minimising the safety-stock cost Σ_j c_j sqrt(τ_j),
 * τ_j = SI_j + L_j − S_j (docs/model.md §5, eq. (13)-(14); Graves & Willems 2000), subject to
 * SI_j = max(E_j, max_i S_i), 0 ≤ S_j ≤ min(s_j, SI_j + L_j).
 * `auto` uses the exact tree DP on forests and branch and bound otherwise; `optimal` is true only
 * when the method proves it. Synchronous; never prints.
 * @example docs/model.md §10 (Casting L 4.606818639023674 E 3, Electronics L 2.0211999078990255 E 1,
 * both → Assembly L 2.090173579585814 s 2): S = [0, 0, 2], cost 68.33438163153009, method "tree-dp".
 */
export function placeSafetyStock(problem: PlacementProblem, options: PlacementOptions = {}): PlacementResult {
  if (hasFixedServiceTimes(problem)) return placeAroundFixedServiceTimes(problem, (reduced) => placeSafetyStock(reduced, options));
  const net = buildPlacementNetwork(problem);
  const method = options.method ?? "auto";
  if (!METHODS.includes(method)) {
    throw new PlanningInputError(`method must be one of ${METHODS.join(", ")} (got ${String(method)}).`, "method");
  }
  const timeLimitMs = options.timeLimitMs === undefined ? 10_000 : requirePositive(options.timeLimitMs, "timeLimitMs");
  const gapTarget = options.relativeGap === undefined ? 1e-9 : requireNonNegative(options.relativeGap, "relativeGap");
  const started = Date.now();

  if (method === "all-stock" || method === "make-to-order") {
    const s = method === "all-stock" ? allStockServiceTimes(net) : makeToOrderServiceTimes(net);
    return placementResult(net, method, s, 0, "gap", { elapsedMs: Date.now() - started });
  }
  const treeArcs = spanningForestArcs(net, []);
  const isForest = treeArcs.length === net.arcFrom.length;
  if (method === "tree-dp" && !isForest) {
    throw new PlanningInputError("The tree-dp method needs a spanning-tree network (no undirected cycle).", "method");
  }
  if (isForest && method !== "branch-and-bound") {
    const limits = { inbound: net.externalInbound, floor: new Float64Array(net.n), cap: net.maxService };
    const dp = solveTreeDp(net, layoutForest(net, treeArcs), limits);
    return placementResult(net, "tree-dp", dp.serviceTimes, dp.cost, "done", {
      candidates: dp.candidates, evaluations: dp.evaluations, elapsedMs: Date.now() - started,
    });
  }
  const quick = placeByBranchAndBound(net, {
    timeLimitMs: Math.min(QUICK_PLAIN_SEARCH_MS, timeLimitMs), relativeGap: gapTarget, onProgress: options.onProgress,
    rootLagrangianSolves: 0, nodeLagrangianSolves: 0,
  });
  const remainingMs = timeLimitMs - (Date.now() - started);
  if (quick.stoppedBy !== "timeLimit" || remainingMs <= 0) {
    return placementResult(net, "branch-and-bound", quick.serviceTimes, quick.bound, quick.stoppedBy, quick.statistics);
  }
  const bb = placeByBranchAndBound(net, { timeLimitMs: remainingMs, relativeGap: gapTarget, onProgress: options.onProgress });
  return placementResult(net, "branch-and-bound", bb.serviceTimes, bb.bound, bb.stoppedBy, { ...bb.statistics, quickPlainSearchMs: Date.now() - started - (bb.statistics.elapsedMs ?? 0) });
}
