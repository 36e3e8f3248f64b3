// Placement with some committed service times fixed (a partner's commitment, docs/model.md §8): an exact
// reduction to the plain problem, solved by any method, then mapped back to the original network.
//
// Stage j with S_j = c fixed: its customers d see SI_d ≥ c, which is E_d := max(E_d, c) with the arc
// j → d removed; j itself keeps its suppliers, may commit at most c and has no customers left, so the
// cheapest choice is S_j = c as soon as SI_j + L_j ≥ c, which E_j := max(E_j, c − L_j) guarantees; its
// cost c_j sqrt(max(SI_j, c − L_j) + L_j − c) is c_j sqrt(max(0, SI_j + L_j − c)) of the original.

import { PlanningInputError, requireNonNegative } from "../errors";
import type { PlacementProblem, PlacementResult } from "./types";

/** True when some stage has a fixed service time. */
export function hasFixedServiceTimes(problem: PlacementProblem): boolean {
  return Array.isArray(problem?.stages) && problem.stages.some((s) => s?.fixedServiceTime !== null && s?.fixedServiceTime !== undefined);
}

/** The plain problem equivalent to `problem` with its fixed service times (see the file's head). */
export function reduceFixedServiceTimes(problem: PlacementProblem): PlacementProblem {
  const fixed = problem.stages.map((s, j) => {
    if (s.fixedServiceTime === null || s.fixedServiceTime === undefined) return null;
    return requireNonNegative(s.fixedServiceTime, `stages[${j}] (${s.id}).fixedServiceTime`);
  });
  const stages = problem.stages.map((s, j) => {
    const c = fixed[j];
    if (c === null) return { ...s, fixedServiceTime: null };
    return { ...s, externalInboundTime: Math.max(s.externalInboundTime ?? 0, c - s.leadTime), maxServiceTime: c, fixedServiceTime: null };
  });
  const arcs: { from: number; to: number }[] = [];
  for (const arc of problem.arcs) {
    const c = fixed[arc.from];
    if (c === null || c === undefined) {
      arcs.push(arc);
      continue;
    }
    const d = stages[arc.to];
    if (!d) throw new PlanningInputError(`arcs refer to stage index ${arc.to}, which does not exist.`, "arcs");
    stages[arc.to] = { ...d, externalInboundTime: Math.max(d.externalInboundTime ?? 0, c) };
  }
  return { stages, arcs };
}

/**
 * Solves a placement with fixed service times S_j = c_j: the reduced problem by `solve`, then S,
 * SI_j = max(E_j, max over arcs i → j of S_i), τ_j = max(0, SI_j + L_j − S_j) and the cost
 * Σ_j c_j sqrt(τ_j) on the original network. Optimal (and proven) exactly when the reduced solve is.
 * @example Casting fixed at S = 3 in docs/model.md §10: Assembly's SI becomes 3 and the DP places around it.
 */
export function placeAroundFixedServiceTimes(
  problem: PlacementProblem, solve: (reduced: PlacementProblem) => PlacementResult,
): PlacementResult {
  const reduced = reduceFixedServiceTimes(problem);
  const result = solve(reduced);
  const n = problem.stages.length;
  const S = result.serviceTimes.map((s, j) => problem.stages[j].fixedServiceTime ?? s);
  const SI = problem.stages.map((s) => s.externalInboundTime ?? 0);
  for (const arc of problem.arcs) SI[arc.to] = Math.max(SI[arc.to], S[arc.from]);
  const tau = S.map((s, j) => Math.max(0, SI[j] + problem.stages[j].leadTime - s));
  let cost = 0;
  for (let j = 0; j < n; j++) cost += problem.stages[j].unitCost * Math.sqrt(tau[j]);
  const fixedStages = problem.stages.filter((s) => s.fixedServiceTime !== null && s.fixedServiceTime !== undefined).length;
  return {
    ...result,
    serviceTimes: S,
    inboundServiceTimes: SI,
    netReplenishmentTimes: tau,
    cost,
    bound: Math.min(result.bound, cost),
    statistics: { ...result.statistics, fixedStages },
  };
}
