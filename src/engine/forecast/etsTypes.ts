// The exponential-smoothing state-space models of Hyndman et al. (2008): their specification,
// parameters and initial states, as plain objects shared by fit, forecast and tests.

export type ErrorType = "A" | "M";
export type TrendType = "N" | "A" | "Ad";
export type SeasonType = "N" | "A" | "M";

/** One model ETS(error, trend, season) with season length m (1 when there is no season). */
export interface EtsSpec {
  error: ErrorType;
  trend: TrendType;
  season: SeasonType;
  /** Season length m (periods per cycle); 1 for non-seasonal models. */
  m: number;
}

/** Smoothing parameters: α level, β trend, γ season, φ damping (1 without damping). */
export interface EtsParameters {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
}

/**
 * Initial states x₀: level ℓ₀, trend b₀ (0 without trend) and the m seasonal states in the
 * order they are used (season[0] is s_{1−m}, applied to the first observation).
 */
export interface EtsStates {
  level: number;
  trend: number;
  season: number[];
}

/** A fitted model: spec, parameters, states, errors and information criteria. */
export interface EtsFit {
  spec: EtsSpec;
  parameters: EtsParameters;
  initial: EtsStates;
  /** States after the last observation, from which forecasts start (season in order of use). */
  final: EtsStates;
  /** One-step-ahead forecasts ŷ_t of the history. */
  fitted: number[];
  /** Model errors ε_t: y − ŷ (additive) or (y − ŷ)/ŷ (multiplicative). */
  residuals: number[];
  /** −2 log-likelihood without its constant: n·log(Σε²) (+ 2Σlog|ŷ| for multiplicative error). */
  minus2LogLik: number;
  /** Number of estimated parameters, including the error variance. */
  parameterCount: number;
  aic: number;
  aicc: number;
  bic: number;
  /** Variance of the model errors, Σε²/(n − p). */
  sigma2: number;
}

/** "ETS(M,Ad,M)". */
export function etsName(spec: EtsSpec): string {
  return `ETS(${spec.error},${spec.trend},${spec.season})`;
}
