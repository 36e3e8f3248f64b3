// Builds a PlacementResult from service times: repairs round-off, recomputes SI, τ and cost with
// the same arithmetic as evaluatePlacement, and fills status, bound and gap.

import type { PlacementNetwork } from "./network";
import { inboundServiceTimes, placementCost, repairServiceTimes } from "./evaluate";
import type { PlacementResult } from "./types";
import { OPTIMALITY_GAP } from "./types";

/** The relative gap (cost − bound)/cost, 0 when cost ≤ bound (or both 0). */
export function relativeGap(cost: number, bound: number): number {
  if (!(cost > 0)) return 0;
  return Math.max(0, (cost - bound) / cost);
}

export function placementResult(
  net: PlacementNetwork, method: string, serviceTimes: ArrayLike<number>, bound: number,
  stoppedBy: "done" | "gap" | "timeLimit", statistics: Record<string, number>,
): PlacementResult {
  const S = repairServiceTimes(net, serviceTimes);
  const SI = inboundServiceTimes(net, S);
  const tau = S.map((s, j) => Math.max(0, SI[j] + net.leadTime[j] - s));
  const cost = placementCost(net, S);
  const gap = relativeGap(cost, bound);
  // Proven when the bound closes the gap, however the search stopped.
  const optimal = (stoppedBy === "done" && bound >= cost) || gap <= OPTIMALITY_GAP;
  return {
    status: optimal ? "optimal" : stoppedBy === "timeLimit" ? "timeLimit" : "feasible",
    method,
    optimal,
    serviceTimes: S,
    inboundServiceTimes: SI,
    netReplenishmentTimes: tau,
    cost,
    bound: Math.min(bound, cost),
    gap: optimal ? 0 : gap,
    statistics,
  };
}
