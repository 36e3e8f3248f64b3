// The optimiser's cost of one ETS model: −2 log L straight from the packed parameter vector, with no
// allocation per call (one seasonal scratch buffer per fit); the same arithmetic as etsRecursion.

import { USUAL_BOUNDS } from "./etsFit";
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
  const additiveSeason = spec.season === "A", multiplicativeSeason = spec.season === "M";
  const multiplicativeError = spec.error === "M";
  const season = new Float64Array(m);
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
    let level = x[k++];
    let trend = hasTrend ? x[k++] : 0;
    if (hasSeason) {
      let sum = 0;
      for (let i = 0; i < m - 1; i++) { season[i] = x[k]; sum += x[k++]; }
      season[m - 1] = (multiplicativeSeason ? m : 0) - sum;
      if (multiplicativeSeason) for (let i = 0; i < m; i++) if (!(season[i] > 1e-3)) return Infinity;
    } else season[0] = 0;
    let sse = 0, sumLog = 0, si = 0;
    for (let t = 0; t < n; t++) {
      const s = season[si];
      const q = hasTrend ? level + phi * trend : level;
      const yhat = additiveSeason ? q + s : multiplicativeSeason ? q * s : q;
      const yt = y[t];
      let e: number;
      if (multiplicativeError) {
        if (!(yhat > 0)) return Infinity;
        e = (yt - yhat) / yhat; sumLog += Math.log(yhat);
      } else e = yt - yhat;
      sse += e * e;
      const deseasonalised = additiveSeason ? yt - s : multiplicativeSeason ? yt / s : yt;
      const newLevel = q + alpha * (deseasonalised - q);
      if (hasTrend) trend = phi * trend + beta * (deseasonalised - q);
      if (additiveSeason) season[si] = s + gamma * (yt - q - s);
      else if (multiplicativeSeason) season[si] = s + gamma * (yt / q - s);
      level = newLevel;
      si = si + 1 === m ? 0 : si + 1;
    }
    if (!Number.isFinite(sse) || (multiplicativeSeason && !(level > 0))) return Infinity;
    return n * Math.log(Math.max(sse, 1e-300)) + (multiplicativeError ? 2 * sumLog : 0);
  };
}
