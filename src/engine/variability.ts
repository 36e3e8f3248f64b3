// Variability entering a stage (docs/model.md §1, "Variability entering a stage"; paper §4.2.2):
// the derived inter-arrival deviation σ_A, the inbound deviation σ_in and the service deviation σ_S.
import { PlanningInputError, requireFinite, requireFiniteResult, requireNonNegative, requirePositive, largestNonNegative } from "./errors";

/**
 * Inter-arrival deviation derived from the demand bound over one time unit (docs/model.md §1):
 * σ_A = 1/λ − 1/(λ + zσ_D), computed as zσ_D / (λ(λ + zσ_D)) to avoid cancellation.
 * Each stage makes to order, so this is also the production-time deviation σ_T.
 * @param options.demandRate λ, units per time unit (> 0).
 * @param options.demandSd σ_D, units per time unit (≥ 0).
 * @param options.z Safety factor z (≥ 0: a service level of at least 0.5).
 * @returns σ_A in time units.
 * @example derivedInterarrivalSd({ demandRate: 20, demandSd: 6, z: 1.6448536269514715 }) // 0.0165206092104802
 */
export function derivedInterarrivalSd(options: { demandRate: number; demandSd: number; z: number }): number {
  const lambda = requirePositive(options.demandRate, "demandRate");
  const sd = requireNonNegative(options.demandSd, "demandSd");
  const z = requireFinite(options.z, "z");
  if (z < 0) {
    throw new PlanningInputError(`z must not be negative to derive an inter-arrival deviation (got ${z}; a service level below 0.5).`, "z");
  }
  const spread = z * sd;
  return requireFiniteResult(spread / (lambda * (lambda + spread)), "The inter-arrival deviation", "demandRate, demandSd and z");
}

/**
 * Inbound deviation σ_in,j = max(σ_ext,j, max over upstream i of σ_S,i) (docs/model.md §1).
 * @param options.externalInboundSd σ_ext, deviation of the external suppliers' service time (time units, ≥ 0; 0 when null/omitted).
 * @param options.upstreamServiceSds σ_S,i of each upstream stage (time units, ≥ 0; may be empty).
 * @returns σ_in in time units.
 * @example inboundSd({ externalInboundSd: 0.2, upstreamServiceSds: [0.1, 0.25] }) // 0.25
 */
export function inboundSd(options: { externalInboundSd?: number | null; upstreamServiceSds?: readonly number[] | null }): number {
  return largestNonNegative(options.externalInboundSd ?? 0, "externalInboundSd", options.upstreamServiceSds ?? [], "upstreamServiceSds");
}

/**
 * Service-time deviation σ_S,j = sqrt(σ_in,j² + σ_T,j²) (docs/model.md §1).
 * @param options.inboundSd σ_in, time units (≥ 0).
 * @param options.productionSd σ_T (= σ_A of the stage), time units (≥ 0).
 * @returns σ_S in time units.
 * @example serviceTimeSd({ inboundSd: 0.2, productionSd: 0.0165206092104802 }) // 0.20068116635271332
 */
export function serviceTimeSd(options: { inboundSd: number; productionSd: number }): number {
  const a = requireNonNegative(options.inboundSd, "inboundSd");
  const b = requireNonNegative(options.productionSd, "productionSd");
  return requireFiniteResult(Math.hypot(a, b), "The service-time deviation", "inboundSd and productionSd");
}
