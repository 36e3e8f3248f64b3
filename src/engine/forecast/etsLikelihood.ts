// The optimiser's cost of one ETS model: −2 log L straight from the packed parameter vector, by
// etsRecursion's own pass (etsPass) with nothing recorded and one seasonal buffer per fit.

import { USUAL_BOUNDS } from "./etsFit";
import { etsPass, EtsPassState, passMinus2LogLik } from "./etsRecursion";
import type { EtsSpec } from "./etsTypes";

/**
 * A cost function x ↦ −2 log L for ETS(spec) on y, x = [α, β?, γ?, φ?, ℓ₀, b₀?, s₁..s_{m−1}] (the m-th
 * seasonal state keeps the sum at m or 0): Infinity outside the usual region (β ≤ α, γ ≤ 1 − α),
 * for a multiplicative season with a state ≤ 0.001, or where the model breaks down (ŷ ≤ 0 for M errors).
 */
export function etsCost(y: ArrayLike<number>, spec: EtsSpec): (x: number[]) => number {
  const n = y.length;
  const hasTrend = spec.trend !== "N", hasSeason = spec.season !== "N", damped = spec.trend === "Ad";
  const m = hasSeason ? spec.m : 1;
  const multiplicativeSeason = spec.season === "M";
  const state: EtsPassState = { level: 0, trend: 0, season: new Float64Array(m), sse: 0, sumLog: 0, broken: false, position: 0 };
  const season = state.season;
  const { lower, upper, phiLower, phiUpper } = USUAL_BOUNDS;
  return (x: number[]): number => {
    let k = 0;
    const alpha = x[k++];
    const beta = hasTrend ? x[k++] : 0;
    const gamma = hasSeason ? x[k++] : 0;
    const phi = damped ? x[k++] : 1;
    if (!(alpha >= lower && alpha <= upper)) return Infinity;
    if (hasTrend && !(beta >= lower && beta <= alpha)) return Infinity;
    if (hasSeason && !(gamma >= lower && gamma <= 1 - alpha)) return Infinity;
    if (damped && !(phi >= phiLower && phi <= phiUpper)) return Infinity;
    state.level = x[k++];
    state.trend = hasTrend ? x[k++] : 0;
    if (hasSeason) {
      let sum = 0;
      for (let i = 0; i < m - 1; i++) { season[i] = x[k]; sum += x[k++]; }
      season[m - 1] = (multiplicativeSeason ? m : 0) - sum;
      if (multiplicativeSeason) for (let i = 0; i < m; i++) if (!(season[i] > 1e-3)) return Infinity;
    } else season[0] = 0;
    state.sse = 0; state.sumLog = 0;
    etsPass(y, spec, alpha, beta, gamma, phi, state, null);
    return passMinus2LogLik(n, spec, state);
  };
}
