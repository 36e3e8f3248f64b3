// The queue at one stage: GI/G/1 with Kingman's bound (docs/model.md §1, eq. 5-6).
// λ orders per time unit arrive with inter-arrival deviation σ_A; the stage serves μ per time unit.
import { PlanningInputError, requireFiniteResult, requireNonNegative, requirePositive } from "./errors";

/** A GI/G/1 queue: arrival rate λ, service rate μ (per time unit), deviations in time units. */
export interface QueueOptions {
  /** λ: orders arriving per time unit (> 0). */
  arrivalRate: number;
  /** μ: orders the stage can serve per time unit (> 0). */
  serviceRate: number;
  /** σ_A: standard deviation of the time between arrivals (time units, ≥ 0). */
  interarrivalSd: number;
  /** σ_S: standard deviation of the service time (time units, ≥ 0). */
  serviceSd: number;
}

/**
 * Utilisation ρ = λ/μ of a stage (docs/model.md §1).
 * @param options.arrivalRate λ, orders per time unit (> 0).
 * @param options.serviceRate μ, orders per time unit (> 0).
 * @returns ρ (dimensionless; ≥ 1 means the stage cannot keep up).
 * @example utilisation({ arrivalRate: 20, serviceRate: 50 }) // 0.4
 */
export function utilisation(options: { arrivalRate: number; serviceRate: number }): number {
  const lambda = requirePositive(options.arrivalRate, "arrivalRate");
  const mu = requirePositive(options.serviceRate, "serviceRate");
  return requireFiniteResult(lambda / mu, "The utilisation", "arrivalRate and serviceRate");
}

/** Validates a queue and returns λ, ρ and V = σ_A² + σ_S², refusing an unstable queue. */
function stableQueue(options: QueueOptions): { lambda: number; rho: number; variance: number } {
  const lambda = requirePositive(options.arrivalRate, "arrivalRate");
  const mu = requirePositive(options.serviceRate, "serviceRate");
  const sdA = requireNonNegative(options.interarrivalSd, "interarrivalSd");
  const sdS = requireNonNegative(options.serviceSd, "serviceSd");
  const rho = lambda / mu;
  const variance = sdA * sdA + sdS * sdS;
  requireFiniteResult(rho, "The utilisation", "arrivalRate and serviceRate");
  requireFiniteResult(variance, "The variance of the queue", "interarrivalSd and serviceSd");
  if (variance > 0 && rho >= 1) {
    throw new PlanningInputError(
      `The queue is unstable: arrivalRate ${lambda} is not below serviceRate ${mu} (utilisation ${rho}), so with variability the wait is not finite.`,
      "serviceRate",
    );
  }
  if (rho > 1) {
    throw new PlanningInputError(
      `The queue is unstable: arrivalRate ${lambda} exceeds serviceRate ${mu} (utilisation ${rho}), so orders pile up without limit.`,
      "serviceRate",
    );
  }
  return { lambda, rho, variance };
}

/**
 * Kingman's waiting time in queue, eq. (6): W_q = λ (σ_A² + σ_S²) / (2 (1 − ρ)), an upper bound
 * for GI/G/1 (docs/model.md §1). 0 when σ_A = σ_S = 0 and ρ ≤ 1.
 * @param options λ, μ per time unit; σ_A, σ_S in time units.
 * @returns W_q in time units.
 * @throws PlanningInputError when ρ ≥ 1 with variability ("The queue is unstable …"), or an input is invalid.
 * @example kingmanWait({ arrivalRate: 20, serviceRate: 60.27200568999305, interarrivalSd: 0.0165206092104802, serviceSd: 0.20068116635271335 }) // 0.6068186390236735
 */
export function kingmanWait(options: QueueOptions): number {
  const { lambda, rho, variance } = stableQueue(options);
  if (variance === 0) return 0;
  return requireFiniteResult((lambda * variance) / (2 * (1 - rho)), "The wait in queue", "queue inputs");
}

/**
 * Orders in the system, eq. (5): N = λ² (σ_A² + σ_S²) / (2 (1 − ρ)) + ρ = λ W_q + ρ (docs/model.md §1).
 * @param options λ, μ per time unit; σ_A, σ_S in time units.
 * @returns N, orders (waiting and in service).
 * @throws PlanningInputError when ρ ≥ 1 with variability, or an input is invalid.
 * @example ordersInSystem({ arrivalRate: 2, serviceRate: 4, interarrivalSd: 0.3, serviceSd: 0.4 }) // 1.5 (= 2²·0.25/(2·0.5) + 0.5)
 */
export function ordersInSystem(options: QueueOptions): number {
  const { lambda, rho } = stableQueue(options);
  const wait = kingmanWait(options);
  return requireFiniteResult(lambda * wait + rho, "The number of orders in the system", "queue inputs");
}
