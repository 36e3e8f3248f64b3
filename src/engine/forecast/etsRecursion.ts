// The ETS state-space recursions (Hyndman et al. 2008, ch. 2 table 2.1, error-correction form):
// one pass over the history gives the one-step forecasts, errors, states and the likelihood.

import type { EtsParameters, EtsSpec, EtsStates } from "./etsTypes";

export interface EtsPass {
  fitted: Float64Array;
  residuals: Float64Array;
  /** Level and trend after each observation t (index t), for tests and plots. */
  levels: Float64Array;
  trends: Float64Array;
  final: EtsStates;
  /** Σε². */
  sse: number;
  /** Σ log|ŷ_t| (used by the multiplicative-error likelihood). */
  sumLogFitted: number;
  /** n·log(Σε²) + (multiplicative error) 2·Σlog|ŷ|; Infinity when the model breaks down (ŷ ≤ 0 for M). */
  minus2LogLik: number;
}

/**
 * Runs the recursions of ETS(spec) with given parameters and initial states over `y`:
 * ŷ_t = (ℓ + φb) ∘ s_{t−m}; ℓ_t = q + α(p − q) with q = ℓ + φb and p = y deseasonalised;
 * b_t = φb + β(p − q); s_t = s_{t−m} + γ(y ⊘ q − s_{t−m}). The updates are the same for additive
 * and multiplicative errors; only the likelihood differs.
 * @example etsRecursion([10, 12], {error:"A",trend:"N",season:"N",m:1}, {alpha:0.5,beta:0,gamma:0,phi:1}, {level:10,trend:0,season:[]}).final.level // 11
 */
export function etsRecursion(y: ArrayLike<number>, spec: EtsSpec, p: EtsParameters, init: EtsStates, keep = true): EtsPass {
  const n = y.length;
  const m = spec.season === "N" ? 1 : spec.m;
  const fitted = new Float64Array(keep ? n : 0);
  const residuals = new Float64Array(keep ? n : 0);
  const levels = new Float64Array(keep ? n : 0);
  const trends = new Float64Array(keep ? n : 0);
  const season = new Float64Array(m);
  for (let i = 0; i < m; i++) season[i] = spec.season === "N" ? 0 : init.season[i];
  const hasTrend = spec.trend !== "N";
  const phi = spec.trend === "Ad" ? p.phi : 1;
  const additiveSeason = spec.season === "A";
  const multiplicativeSeason = spec.season === "M";
  const multiplicativeError = spec.error === "M";
  let level = init.level;
  let trend = hasTrend ? init.trend : 0;
  let sse = 0;
  let sumLog = 0;
  let broken = false;
  let si = 0;
  for (let t = 0; t < n; t++) {
    const s = season[si];
    const q = hasTrend ? level + phi * trend : level;
    const yhat = additiveSeason ? q + s : multiplicativeSeason ? q * s : q;
    const yt = y[t];
    let e: number;
    if (multiplicativeError) {
      if (!(yhat > 0)) { broken = true; e = 0; } else { e = (yt - yhat) / yhat; sumLog += Math.log(yhat); }
    } else e = yt - yhat;
    sse += e * e;
    const deseasonalised = additiveSeason ? yt - s : multiplicativeSeason ? yt / s : yt;
    const newLevel = q + p.alpha * (deseasonalised - q);
    if (hasTrend) trend = phi * trend + p.beta * (deseasonalised - q);
    if (additiveSeason) season[si] = s + p.gamma * (yt - q - s);
    else if (multiplicativeSeason) season[si] = s + p.gamma * (yt / q - s);
    level = newLevel;
    if (keep) { fitted[t] = yhat; residuals[t] = e; levels[t] = level; trends[t] = trend; }
    si = si + 1 === m ? 0 : si + 1;
  }
  const ordered: number[] = [];
  if (spec.season !== "N") for (let i = 0; i < m; i++) ordered.push(season[(si + i) % m]);
  const minus2LogLik = broken || !Number.isFinite(sse) || (multiplicativeSeason && !(level > 0))
    ? Infinity
    : n * Math.log(Math.max(sse, 1e-300)) + (multiplicativeError ? 2 * sumLog : 0);
  return { fitted, residuals, levels, trends, final: { level, trend, season: ordered }, sse, sumLogFitted: sumLog, minus2LogLik };
}
