// Validated, array-based view of a PlacementProblem that the solvers share: lead times,
// caps and costs as typed arrays, adjacency, a topological order, and the time tolerance.

import { PlanningInputError, requireNonNegative } from "../errors";
import type { PlacementProblem } from "./types";
import { TIME_TOLERANCE } from "./types";

/** The data every placement method works on (docs/model.md §5). `maxService` is +∞ where unbounded. */
export interface PlacementNetwork {
  n: number;
  leadTime: Float64Array;
  externalInbound: Float64Array;
  maxService: Float64Array;
  unitCost: Float64Array;
  arcFrom: Int32Array;
  arcTo: Int32Array;
  /** Upstream stages of each stage (arcs i → j give i ∈ upstream[j]). */
  upstream: number[][];
  downstream: number[][];
  /** Stages in an order where every arc i → j has i before j. */
  topologicalOrder: number[];
  /** Absolute tolerance when comparing times: TIME_TOLERANCE × (1 + largest possible time). */
  eps: number;
}

/**
 * Checks a placement problem and builds its array view. Throws PlanningInputError naming the
 * input for a negative or non-finite lead time, inbound time, cap or cost, an arc to an unknown
 * stage, a self-loop or a cycle.
 */
export function buildPlacementNetwork(problem: PlacementProblem): PlacementNetwork {
  if (!problem || !Array.isArray(problem.stages) || !Array.isArray(problem.arcs)) {
    throw new PlanningInputError("A placement problem needs a stages array and an arcs array.", "problem");
  }
  const n = problem.stages.length;
  const leadTime = new Float64Array(n);
  const externalInbound = new Float64Array(n);
  const maxService = new Float64Array(n);
  const unitCost = new Float64Array(n);
  problem.stages.forEach((stage, j) => {
    const name = `stages[${j}] (${stage?.id ?? "?"})`;
    leadTime[j] = requireNonNegative(stage.leadTime, `${name}.leadTime`);
    externalInbound[j] = requireNonNegative(stage.externalInboundTime ?? 0, `${name}.externalInboundTime`);
    maxService[j] =
      stage.maxServiceTime === null || stage.maxServiceTime === undefined
        ? Infinity
        : requireNonNegative(stage.maxServiceTime, `${name}.maxServiceTime`);
    unitCost[j] = requireNonNegative(stage.unitCost, `${name}.unitCost`);
  });
  const m = problem.arcs.length;
  const arcFrom = new Int32Array(m);
  const arcTo = new Int32Array(m);
  const upstream: number[][] = Array.from({ length: n }, () => []);
  const downstream: number[][] = Array.from({ length: n }, () => []);
  problem.arcs.forEach((arc, a) => {
    for (const end of [arc.from, arc.to]) {
      if (!Number.isInteger(end) || end < 0 || end >= n) {
        throw new PlanningInputError(`arcs[${a}] refers to stage index ${end}, which does not exist.`, `arcs[${a}]`);
      }
    }
    if (arc.from === arc.to) throw new PlanningInputError(`arcs[${a}] is a self-loop.`, `arcs[${a}]`);
    arcFrom[a] = arc.from;
    arcTo[a] = arc.to;
    upstream[arc.to].push(arc.from);
    downstream[arc.from].push(arc.to);
  });
  const topologicalOrder = topologicalSort(n, upstream, downstream);
  // Largest possible time: longest make-to-order lead time W_j (docs/model.md eq. (7)).
  const w = new Float64Array(n);
  let largest = 0;
  for (const j of topologicalOrder) {
    let si = externalInbound[j];
    for (const i of upstream[j]) si = Math.max(si, w[i]);
    w[j] = si + leadTime[j];
    largest = Math.max(largest, w[j]);
    if (Number.isFinite(maxService[j])) largest = Math.max(largest, maxService[j]);
  }
  return {
    n, leadTime, externalInbound, maxService, unitCost, arcFrom, arcTo, upstream, downstream,
    topologicalOrder, eps: TIME_TOLERANCE * (1 + largest),
  };
}

function topologicalSort(n: number, upstream: number[][], downstream: number[][]): number[] {
  const indegree = upstream.map((u) => u.length);
  const order: number[] = [];
  for (let j = 0; j < n; j++) if (indegree[j] === 0) order.push(j);
  for (let head = 0; head < order.length; head++) {
    for (const k of downstream[order[head]]) if (--indegree[k] === 0) order.push(k);
  }
  if (order.length < n) {
    const onCycle = indegree.findIndex((d) => d > 0);
    throw new PlanningInputError(`The arcs form a cycle through stage index ${onCycle}.`, "arcs");
  }
  return order;
}

/** True when all times are integers: then every vertex of the placement polytope is integral. */
export function hasIntegerTimes(net: PlacementNetwork): boolean {
  for (let j = 0; j < net.n; j++) {
    if (!Number.isInteger(net.leadTime[j]) || !Number.isInteger(net.externalInbound[j])) return false;
    if (Number.isFinite(net.maxService[j]) && !Number.isInteger(net.maxService[j])) return false;
  }
  return true;
}
