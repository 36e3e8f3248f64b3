// The ETS state-space recursions (Hyndman et al. 2008, ch. 2 table 2.1, error-correction form):
// one pass over the history gives the one-step forecasts, errors, states and the likelihood. The
// optimiser's cost (etsLikelihood.ts) runs the same pass, etsPass, without recording anything.

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

/** The states a pass starts from and ends with (season: one buffer of m states, updated in place). */
export interface EtsPassState { level: number; trend: number; season: Float64Array; sse: number; sumLog: number; broken: boolean; position: number }

/** Where a recording pass writes ŷ_t, ε_t, ℓ_t and b_t. */
export interface EtsPassRecord { fitted: Float64Array; residuals: Float64Array; levels: Float64Array; trends: Float64Array }

/**
 * One pass of the recursions of ETS(spec) over y from `state` (changed in place):
 * ŷ_t = (ℓ + φb) ∘ s_{t−m}; ℓ_t = q + α(p − q) with q = ℓ + φb and p = y deseasonalised;
 * b_t = φb + β(p − q); s_t = s_{t−m} + γ(y ⊘ q − s_{t−m}); ε_t = y − ŷ (A) or (y − ŷ)/ŷ (M).
 * Without a record it stops at the first ŷ ≤ 0 of a multiplicative-error model (broken).
 */
export function etsPass(y: ArrayLike<number>, spec: EtsSpec, alpha: number, beta: number, gamma: number, phi: number, state: EtsPassState, record: EtsPassRecord | null): void {
  const n = y.length;
  const m = state.season.length;
  const season = state.season;
  const hasTrend = spec.trend !== "N";
  const additiveSeason = spec.season === "A", multiplicativeSeason = spec.season === "M";
  const multiplicativeError = spec.error === "M";
  let { level, trend, sse, sumLog } = state;
  let broken = false, si = 0;
  for (let t = 0; t < n; t++) {
    const s = season[si];
    const q = hasTrend ? level + phi * trend : level;
    const yhat = additiveSeason ? q + s : multiplicativeSeason ? q * s : q;
    const yt = y[t];
    let e: number;
    if (multiplicativeError) {
      if (!(yhat > 0)) { broken = true; if (!record) break; e = 0; } else { e = (yt - yhat) / yhat; sumLog += Math.log(yhat); }
    } else e = yt - yhat;
    sse += e * e;
    const deseasonalised = additiveSeason ? yt - s : multiplicativeSeason ? yt / s : yt;
    const newLevel = q + alpha * (deseasonalised - q);
    if (hasTrend) trend = phi * trend + beta * (deseasonalised - q);
    if (additiveSeason) season[si] = s + gamma * (yt - q - s);
    else if (multiplicativeSeason) season[si] = s + gamma * (yt / q - s);
    level = newLevel;
    if (record) { record.fitted[t] = yhat; record.residuals[t] = e; record.levels[t] = level; record.trends[t] = trend; }
    si = si + 1 === m ? 0 : si + 1;
  }
  state.level = level; state.trend = trend; state.sse = sse; state.sumLog = sumLog; state.broken = broken; state.position = si;
}

/** −2 log L of a pass over n values (up to a constant): n·log Σε² (+ 2·Σ log ŷ for multiplicative errors), Infinity when broken. */
export function passMinus2LogLik(n: number, spec: EtsSpec, state: EtsPassState): number {
  if (state.broken || !Number.isFinite(state.sse) || (spec.season === "M" && !(state.level > 0))) return Infinity;
  return n * Math.log(Math.max(state.sse, 1e-300)) + (spec.error === "M" ? 2 * state.sumLog : 0);
}

/**
 * Runs the recursions of ETS(spec) with given parameters and initial states over `y` (etsPass),
 * recording the one-step forecasts, errors and states when `keep`. The updates are the same for
 * additive and multiplicative errors; only the likelihood differs.
 * @example etsRecursion([10, 12], {error:"A",trend:"N",season:"N",m:1}, {alpha:0.5,beta:0,gamma:0,phi:1}, {level:10,trend:0,season:[]}).final.level // 11
 */
export function etsRecursion(y: ArrayLike<number>, spec: EtsSpec, p: EtsParameters, init: EtsStates, keep = true): EtsPass {
  const n = y.length;
  const m = spec.season === "N" ? 1 : spec.m;
  const record: EtsPassRecord = { fitted: new Float64Array(keep ? n : 0), residuals: new Float64Array(keep ? n : 0), levels: new Float64Array(keep ? n : 0), trends: new Float64Array(keep ? n : 0) };
  const season = new Float64Array(m);
  for (let i = 0; i < m; i++) season[i] = spec.season === "N" ? 0 : init.season[i];
  const hasTrend = spec.trend !== "N";
  const state: EtsPassState = { level: init.level, trend: hasTrend ? init.trend : 0, season, sse: 0, sumLog: 0, broken: false, position: 0 };
  etsPass(y, spec, p.alpha, p.beta, p.gamma, spec.trend === "Ad" ? p.phi : 1, state, keep ? record : null);
  const ordered: number[] = [];
  if (spec.season !== "N") for (let i = 0; i < m; i++) ordered.push(season[(state.position + i) % m]);
  return { ...record, final: { level: state.level, trend: state.trend, season: ordered }, sse: state.sse, sumLogFitted: state.sumLog, minus2LogLik: passMinus2LogLik(n, spec, state) };
}
