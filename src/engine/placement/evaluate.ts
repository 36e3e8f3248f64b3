// The independent checker: inbound times, net replenishment times, feasibility and cost of
// given committed service times (docs/model.md §5, eq. (13)); plus the repair the solvers use.

import { PlanningInputError, requireFinite } from "../errors";
import { buildPlacementNetwork, type PlacementNetwork } from "./network";
import type { PlacementProblem } from "./types";

export interface PlacementEvaluation {
  feasible: boolean;
  /** One sentence per violated constraint, naming the stage. */
  violations: string[];
  /** Σ_j c_j sqrt(max(0, τ_j)). */
  cost: number;
  inboundServiceTimes: number[];
  netReplenishmentTimes: number[];
}

/**
 * Evaluates committed service times S: SI_j = max(E_j, max over arcs i → j of S_i),
 * τ_j = SI_j + L_j − S_j, cost Σ_j c_j sqrt(τ_j) (eq. (13)); feasible when 0 ≤ S_j ≤ s_j and
 * τ_j ≥ 0 for every j (to a tolerance of 1e-11 relative to the longest time).
 * @example docs/model.md §10 (Casting, Electronics → Assembly) with S = [0, 0, 2]: cost 68.33438163153009.
 */
export function evaluatePlacement(problem: PlacementProblem, serviceTimes: number[]): PlacementEvaluation {
  const net = buildPlacementNetwork(problem);
  if (!Array.isArray(serviceTimes) || serviceTimes.length !== net.n) {
    throw new PlanningInputError(`serviceTimes must hold one number per stage (${net.n}).`, "serviceTimes");
  }
  serviceTimes.forEach((s, j) => requireFinite(s, `serviceTimes[${j}]`));
  const si = inboundServiceTimes(net, serviceTimes);
  const violations: string[] = [];
  const tau: number[] = [];
  let cost = 0;
  for (let j = 0; j < net.n; j++) {
    const id = problem.stages[j].id;
    const s = serviceTimes[j];
    const t = si[j] + net.leadTime[j] - s;
    tau.push(t);
    cost += net.unitCost[j] * Math.sqrt(Math.max(0, t));
    if (s < -net.eps) violations.push(`Stage ${id}: service time ${s} is negative.`);
    if (s > net.maxService[j] + net.eps) {
      violations.push(`Stage ${id}: service time ${s} exceeds its maximum service time ${net.maxService[j]}.`);
    }
    if (t < -net.eps) {
      violations.push(`Stage ${id}: service time ${s} exceeds inbound time plus lead time ${si[j] + net.leadTime[j]}.`);
    }
  }
  return { feasible: violations.length === 0, violations, cost, inboundServiceTimes: si, netReplenishmentTimes: tau };
}

/** SI_j = max(E_j, max over arcs i → j of S_i) (docs/model.md §3). */
export function inboundServiceTimes(net: PlacementNetwork, serviceTimes: ArrayLike<number>): number[] {
  const si: number[] = Array.from(net.externalInbound);
  for (let a = 0; a < net.arcFrom.length; a++) {
    const j = net.arcTo[a];
    si[j] = Math.max(si[j], serviceTimes[net.arcFrom[a]]);
  }
  return si;
}

/**
 * Makes service times exactly feasible without raising the cost: in topological order,
 * SI_j = max(E_j, S_i) and S_j is clipped into [0, min(s_j, SI_j + L_j)]. Lowering S_j only
 * lowers downstream SI, so no τ grows beyond the tolerance (removes round-off from the solvers' tolerant comparisons).
 */
export function repairServiceTimes(net: PlacementNetwork, serviceTimes: ArrayLike<number>): number[] {
  const s = Array.from(serviceTimes);
  for (const j of net.topologicalOrder) {
    let si = net.externalInbound[j];
    for (const i of net.upstream[j]) si = Math.max(si, s[i]);
    const top = Math.min(net.maxService[j], si + net.leadTime[j]);
    // Snap to the ends: sqrt magnifies a round-off τ of 1e-13 into 3e-7 per unit of c_j.
    s[j] = s[j] >= top - net.eps ? top : s[j] <= net.eps ? 0 : s[j];
  }
  return s;
}

/** Σ_j c_j sqrt(τ_j) of feasible service times on the network (no checks). */
export function placementCost(net: PlacementNetwork, serviceTimes: ArrayLike<number>): number {
  const si = inboundServiceTimes(net, serviceTimes);
  let cost = 0;
  for (let j = 0; j < net.n; j++) {
    cost += net.unitCost[j] * Math.sqrt(Math.max(0, si[j] + net.leadTime[j] - serviceTimes[j]));
  }
  return cost;
}
