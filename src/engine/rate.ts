// Master planning at one stage: the production rate μ that minimises the expected cost per time
// unit E(C)(μ) = C_T μ + C_W N(μ) (docs/model.md §2, eq. 1-4, with the correction of eq. 4).
import { requireFiniteResult, requireNonNegative, requirePositive } from "./errors";
import { kingmanWait } from "./queue";

/** Inputs of the rate decision at one stage (docs/model.md §2). */
export interface RateOptions {
  /** λ: demand (arrival) rate, orders per time unit (> 0). */
  arrivalRate: number;
  /** σ_A: inter-arrival time deviation, time units (≥ 0). */
  interarrivalSd: number;
  /** σ_S: service time deviation, time units (≥ 0). */
  serviceSd: number;
  /** C_T: service cost per unit of rate per time unit (> 0). */
  serviceCost: number;
  /** C_W: penalty per waiting order per time unit (≥ 0). */
  penaltyCost: number;
}

/** What `rateCost` counts. */
export interface RateCostOptions {
  /** Keep the C_W ρ term of eq. (2) (true: the full cost; false: the paper's eq. 3 cost). */
  includeUtilisationTerm: boolean;
}

function validate(options: RateOptions) {
  const lambda = requirePositive(options.arrivalRate, "arrivalRate");
  const sdA = requireNonNegative(options.interarrivalSd, "interarrivalSd");
  const sdS = requireNonNegative(options.serviceSd, "serviceSd");
  const cT = requirePositive(options.serviceCost, "serviceCost");
  const cW = requireNonNegative(options.penaltyCost, "penaltyCost");
  const variance = requireFiniteResult(sdA * sdA + sdS * sdS, "σ_A² + σ_S²", "interarrivalSd and serviceSd");
  return { lambda, cT, cW, variance };
}

/**
 * Expected cost per time unit of serving at rate μ, eq. (1)-(2): E(C)(μ) = C_T μ + C_W N(μ), with
 * N(μ) = λ²(σ_A² + σ_S²)/(2(1 − λ/μ)) + λ/μ (eq. 5). Without the utilisation term the last λ/μ is
 * dropped (the cost the paper differentiates in eq. 3).
 * @param mu μ, the production rate (orders per time unit), > λ (or ≥ λ without variability).
 * @param params λ, σ_A, σ_S, C_T, C_W (see RateOptions).
 * @param options includeUtilisationTerm: keep C_W ρ.
 * @returns Cost per time unit (currency).
 * @throws PlanningInputError when μ does not exceed λ with variability (unstable queue).
 * @example rateCost(4, { arrivalRate: 2, interarrivalSd: 0.3, serviceSd: 0.4, serviceCost: 1, penaltyCost: 10 }, { includeUtilisationTerm: true }) // 19 (= 4 + 10·1.5)
 */
export function rateCost(mu: number, params: RateOptions, options: RateCostOptions): number {
  validate(params);
  const wait = kingmanWait({ arrivalRate: params.arrivalRate, serviceRate: mu, interarrivalSd: params.interarrivalSd, serviceSd: params.serviceSd });
  const orders = params.arrivalRate * wait + (options.includeUtilisationTerm ? params.arrivalRate / mu : 0);
  return requireFiniteResult(params.serviceCost * mu + params.penaltyCost * orders, "The rate cost", "inputs");
}

/**
 * Optimal production rate of eq. (3), the paper's master-planning rule with eq. (4) corrected
 * (docs/model.md §2): μ* = λ + λ·sqrt(λ C_W (σ_A² + σ_S²) / (2 C_T)), the minimiser of
 * C_T μ + C_W λ²(σ_A² + σ_S²)/(2(1 − λ/μ)) (eq. 2 without the C_W ρ term).
 * @param options λ per time unit; σ_A, σ_S in time units; C_T, C_W per time unit.
 * @returns μ*, orders per time unit (= λ without variability).
 * @example optimalRate({ arrivalRate: 20, interarrivalSd: 0.0165206092104802, serviceSd: 0.20068116635271335, serviceCost: 1, penaltyCost: 10 }) // 60.27200568999305
 */
export function optimalRate(options: RateOptions): number {
  const { lambda, cT, cW, variance } = validate(options);
  const excess = lambda * Math.sqrt((lambda * cW * variance) / (2 * cT));
  return requireFiniteResult(lambda + excess, "The optimal rate", "rate inputs");
}

/**
 * Exact minimiser of the full eq. (2), E(C)(μ) = C_T μ + C_W [λ²V/(2(1 − λ/μ)) + λ/μ], V = σ_A² + σ_S²
 * (docs/model.md §2 "exact option"). E is convex on μ > λ; with u = μ − λ its derivative is
 * f(u) = C_T − C_W λ³V/(2u²) − C_W λ/(λ + u)², increasing in u. Its root lies in
 * [u0, u1] with u0 = λ sqrt(λC_W V/(2C_T)) (the eq. 3 offset, where f < 0) and
 * u1 = sqrt(C_W(λ³V/2 + λ)/C_T) (where f ≥ 0); bisection to the last bit. With V = 0 the
 * minimiser is max(λ, sqrt(C_W λ/C_T)).
 * @param options λ per time unit; σ_A, σ_S in time units; C_T, C_W per time unit.
 * @returns μ, orders per time unit.
 * @example optimalRateExact({ arrivalRate: 2, interarrivalSd: 0.3, serviceSd: 0.4, serviceCost: 1, penaltyCost: 10 }) // 6.412463682767948 (eq. 3 gives 5.16227766016838)
 */
export function optimalRateExact(options: RateOptions): number {
  const { lambda, cT, cW, variance } = validate(options);
  if (variance === 0 || cW === 0) {
    return requireFiniteResult(Math.max(lambda, Math.sqrt((cW * lambda) / cT)), "The optimal rate", "rate inputs");
  }
  const a = (cW * lambda * lambda * lambda * variance) / 2;
  const b = cW * lambda;
  const slope = (u: number) => cT - a / (u * u) - b / ((lambda + u) * (lambda + u));
  let lo = lambda * Math.sqrt((lambda * cW * variance) / (2 * cT));
  let hi = Math.sqrt((a + b) / cT);
  requireFiniteResult(hi, "The optimal rate", "rate inputs");
  if (!(lo > 0)) lo = Number.MIN_VALUE;
  if (!(hi > lo)) hi = lo * 2;
  while (slope(hi) < 0) hi *= 2; // guards rounding in the bound
  for (let i = 0; i < 2200; i++) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    if (slope(mid) < 0) lo = mid;
    else hi = mid;
  }
  const u = Math.abs(slope(lo)) <= Math.abs(slope(hi)) ? lo : hi;
  return requireFiniteResult(lambda + u, "The optimal rate", "rate inputs");
}
