// Demand-supply matching on an arc i -> j (docs/model.md §6, eq. 15): how long the inbound lots of a
// component take to cover the consuming stage's demand bound.
import { requireFiniteResult, requireNonNegative, requirePositive } from "./errors";

/**
 * Inbound lead time on arc i -> j, eq. (15): L̄_ij = max(1, Φ_ij D_j(τ_j) / q_i) · SI_j (docs/model.md §6).
 * @param options.quantity Φ_ij, units of i per unit of j (> 0).
 * @param options.demandBound D_j(τ_j) of the consuming stage, units (≥ 0).
 * @param options.lotSize q_i, lot size of the supplying stage, units (> 0).
 * @param options.inboundServiceTime SI_j, time units (≥ 0).
 * @returns L̄_ij in time units.
 * @example inboundLeadTime({ quantity: 2, demandBound: 150, lotSize: 100, inboundServiceTime: 3 }) // 9
 */
export function inboundLeadTime(options: { quantity: number; demandBound: number; lotSize: number; inboundServiceTime: number }): number {
  const phi = requirePositive(options.quantity, "quantity");
  const bound = requireNonNegative(options.demandBound, "demandBound");
  const q = requirePositive(options.lotSize, "lotSize");
  const si = requireNonNegative(options.inboundServiceTime, "inboundServiceTime");
  const lots = Math.max(1, (phi * bound) / q);
  return requireFiniteResult(lots * si, "The inbound lead time", "quantity, demandBound, lotSize and inboundServiceTime");
}
