// The Theta method of Assimakopoulos & Nikolopoulos (2000) as run in the M3 competition:
// seasonal adjustment by classical multiplicative decomposition when the 90 % seasonality test
// passes, simple exponential smoothing of the theta = 2 line plus half the theta = 0 line's slope
// (Hyndman & Billah 2003: SES with drift b/2), then reseasonalised.

import { seasonalAdjustment, SeasonalAdjustment } from "./seasonalAdjustment";
import { fitEts } from "./etsFit";
import { etsPointForecast } from "./etsForecast";

export interface ThetaFit {
  /** Seasonal indices by position (t mod m from the first value), or null when not adjusted. */
  seasonal: number[] | null;
  m: number;
  /** SES smoothing parameter and final level of the adjusted series. */
  alpha: number;
  level: number;
  /** Slope b of the least-squares line through the adjusted series (the theta = 0 line). */
  slope: number;
  n: number;
  /** One-step-ahead fitted values and errors y − ŷ (in the series' own units). */
  fitted: number[];
  residuals: number[];
  /** Variance of the SES one-step errors of the adjusted series. */
  sigma2: number;
}

/** Least-squares slope of y against t = 1..n. */
export function linearSlope(y: ArrayLike<number>): number {
  const n = y.length;
  if (n < 2) return 0;
  let sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (let t = 0; t < n; t++) { const x = t + 1; sx += x; sy += y[t]; sxx += x * x; sxy += x * y[t]; }
  const d = n * sxx - sx * sx;
  return d !== 0 ? (n * sxy - sx * sy) / d : 0;
}

/**
 * Fits the Theta method to y with season length m. The seasonal indices are used only when all
 * values are positive and the seasonality test passes (`adjustment`: that of y and m, when the
 * caller has it already). Returns null for fewer than 3 values.
 */
export function fitTheta(y: ArrayLike<number>, m: number, adjustment?: SeasonalAdjustment): ThetaFit | null {
  const n = y.length;
  if (n < 3) return null;
  const { indices: seasonal, adjusted } = adjustment ?? seasonalAdjustment(y, m);
  const ses = fitEts(adjusted, { error: "A", trend: "N", season: "N", m: 1 }, { restarts: 1 });
  if (!ses) return null;
  const slope = linearSlope(adjusted);
  const alpha = ses.parameters.alpha;
  // One-step fitted values of SES with drift: ℓ_{t−1} + (b/2)(1 + ... ) is approximated by the
  // SES one-step forecasts plus the drift's contribution at that origin.
  const fitted = ses.fitted.map((f, t) => {
    const drift = (slope / 2) * (1 / alpha - ((1 - alpha) ** t) / alpha);
    const value = f + drift;
    return seasonal ? value * seasonal[t % m] : value;
  });
  const residuals = fitted.map((f, t) => y[t] - f);
  return { seasonal, m, alpha, level: ses.final.level, slope, n, fitted, residuals, sigma2: ses.sigma2 };
}

/**
 * Theta forecasts: ŷ_{n+h} = ℓ_n + (b/2)(h − 1 + 1/α − (1 − α)^n/α), times the seasonal index.
 * @example thetaForecast(fitTheta([1, 2, 3, 4, 5, 6, 7, 8], 1)!, 1)[0] // ≈ 8.5 (a line goes on at half its slope)
 */
export function thetaForecast(fit: ThetaFit, horizon: number): number[] {
  const { alpha, level, slope, n, seasonal, m } = fit;
  const base = etsPointForecast({ error: "A", trend: "N", season: "N", m: 1 }, { alpha, beta: 0, gamma: 0, phi: 1 }, { level, trend: 0, season: [] }, horizon);
  return base.map((f, i) => {
    const value = f + (slope / 2) * (i + 1 / alpha - (1 - alpha) ** n / alpha);
    return seasonal ? value * seasonal[(n + i) % m] : value;
  });
}

/** Forecast standard deviations of the Theta method, as SES's: σ·sqrt(1 + α²(h − 1)) (times the index). */
export function thetaForecastSd(fit: ThetaFit, horizon: number): number[] {
  const out: number[] = [];
  for (let h = 1; h <= horizon; h++) {
    const sd = Math.sqrt(fit.sigma2 * (1 + fit.alpha * fit.alpha * (h - 1)));
    out.push(fit.seasonal ? sd * fit.seasonal[(fit.n + h - 1) % fit.m] : sd);
  }
  return out;
}
