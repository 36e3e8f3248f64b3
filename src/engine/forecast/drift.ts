// The random walk with drift on the seasonally adjusted series: the last value plus the mean step
// of the history, ŷ_{n+h} = y_n + h(y_n − y_1)/(n − 1), reseasonalised; with its forecast variance.

import { reseasonalise, seasonalAdjustment, SeasonalAdjustment, seasonalIndexAt } from "./seasonalAdjustment";

export interface DriftFit {
  indices: number[] | null;
  m: number;
  n: number;
  /** Last adjusted value y_n. */
  last: number;
  /** Mean step (y_n − y_1)/(n − 1) of the adjusted series. */
  drift: number;
  /** Variance of the steps around the drift (n − 2 degrees of freedom). */
  sigma2: number;
  /** One-step fitted values y_{t−1} + drift in the series' own units (NaN for the first). */
  fitted: number[];
}

/**
 * Fits the random walk with drift to y (season length m, adjusted as Theta adjusts; `adjustment`:
 * that of y and m, when the caller has it already). Returns null for fewer than 2 values.
 * @example driftForecast(fitDrift([10, 12, 14, 16], 1)!, 2) // [18, 20]
 */
export function fitDrift(y: ArrayLike<number>, m: number, adjustment: SeasonalAdjustment = seasonalAdjustment(y, m)): DriftFit | null {
  const n = y.length;
  if (n < 2) return null;
  const a = adjustment.adjusted;
  const drift = (a[n - 1] - a[0]) / (n - 1);
  let ss = 0;
  for (let t = 1; t < n; t++) ss += (a[t] - a[t - 1] - drift) ** 2;
  const fitted = a.map((_, t) => (t === 0 ? NaN : (a[t - 1] + drift) * seasonalIndexAt(adjustment, t)));
  return { indices: adjustment.indices, m, n, last: a[n - 1], drift, sigma2: n > 2 ? ss / (n - 2) : 0, fitted };
}

/** Point forecasts ŷ_{n+h} = (y_n + h·drift) × index, h = 1..horizon. */
export function driftForecast(fit: DriftFit, horizon: number): number[] {
  return reseasonalise(fit, Array.from({ length: horizon }, (_, i) => fit.last + (i + 1) * fit.drift), fit.n);
}

/**
 * Forecast standard deviations σ·sqrt(h(1 + h/(n − 1))): the walk's h steps plus the drift's
 * estimation error (Hyndman & Athanasopoulos, Forecasting: Principles and Practice, §5.5), times the index.
 */
export function driftForecastSd(fit: DriftFit, horizon: number): number[] {
  const out: number[] = [];
  for (let h = 1; h <= horizon; h++) out.push(Math.sqrt(fit.sigma2 * h * (1 + h / (fit.n - 1))) * seasonalIndexAt(fit, fit.n + h - 1));
  return out;
}
