// Strategic inventory at one stage (docs/model.md §5, eq. 13-14): net replenishment time τ, the demand
// bound D(τ) and the safety stock z σ_D sqrt(τ) of the guaranteed-service model.
import { PlanningInputError, requireFinite, requireFiniteResult, requireNonNegative } from "./errors";

/**
 * Demand bound, eq. (14): D_j(τ) = λ_j τ + z_j σ_D,j sqrt(τ) (docs/model.md §5).
 * @param options.demandRate λ, units per time unit (≥ 0).
 * @param options.demandSd σ_D, units per time unit (≥ 0).
 * @param options.z Safety factor z (finite; NORM.S.INV of the service level).
 * @param options.time τ, time units (≥ 0).
 * @returns D(τ) in units.
 * @example demandBound({ demandRate: 20, demandSd: 6, z: 1.6448536269514715, time: 7.606818639023674 }) // 179.3558661907273
 */
export function demandBound(options: { demandRate: number; demandSd: number; z: number; time: number }): number {
  const lambda = requireNonNegative(options.demandRate, "demandRate");
  const sd = requireNonNegative(options.demandSd, "demandSd");
  const z = requireFinite(options.z, "z");
  const tau = requireNonNegative(options.time, "time");
  return requireFiniteResult(lambda * tau + z * sd * Math.sqrt(tau), "The demand bound", "demandRate, demandSd, z and time");
}

/**
 * Net replenishment time τ_j = SI_j + L_j − S_j ≥ 0 (docs/model.md §5). A rounding residue down to
 * −1e-12 (relative to SI + L, at least 1e-12 absolute) counts as 0.
 * @param options.inboundServiceTime SI_j, time units (≥ 0).
 * @param options.leadTime L_j, time units (≥ 0).
 * @param options.committedServiceTime S_j, time units (≥ 0, at most SI_j + L_j).
 * @returns τ_j in time units.
 * @throws PlanningInputError when S_j exceeds SI_j + L_j.
 * @example netReplenishmentTime({ inboundServiceTime: 0, leadTime: 2.090173579585814, committedServiceTime: 2 }) // 0.09017357958581407
 */
export function netReplenishmentTime(options: { inboundServiceTime: number; leadTime: number; committedServiceTime: number }): number {
  const si = requireNonNegative(options.inboundServiceTime, "inboundServiceTime");
  const l = requireNonNegative(options.leadTime, "leadTime");
  const s = requireNonNegative(options.committedServiceTime, "committedServiceTime");
  const available = requireFiniteResult(si + l, "The inbound service time plus lead time", "inboundServiceTime and leadTime");
  const tau = available - s;
  if (tau >= 0) return tau;
  if (tau >= -1e-12 * Math.max(1, available)) return 0;
  throw new PlanningInputError(
    `committedServiceTime ${s} exceeds inboundServiceTime + leadTime (${available}): a stage cannot promise faster than it can make to order plus wait for its inputs.`,
    "committedServiceTime",
  );
}

/**
 * Safety stock, eq. (13): E(I_j) = D_j(τ) − λ_j τ = z_j σ_D,j sqrt(τ_j) (docs/model.md §5); 0 means the
 * stage can make to order.
 * @param options.demandSd σ_D, units per time unit (≥ 0).
 * @param options.z Safety factor z (finite).
 * @param options.netReplenishmentTime τ, time units (≥ 0).
 * @returns Safety stock in units.
 * @example safetyStock({ demandSd: 6, z: 1.6448536269514715, netReplenishmentTime: 7.606818639023674 }) // 27.219493410253847
 */
export function safetyStock(options: { demandSd: number; z: number; netReplenishmentTime: number }): number {
  const sd = requireNonNegative(options.demandSd, "demandSd");
  const z = requireFinite(options.z, "z");
  const tau = requireNonNegative(options.netReplenishmentTime, "netReplenishmentTime");
  return requireFiniteResult(z * sd * Math.sqrt(tau), "The safety stock", "demandSd, z and netReplenishmentTime");
}
