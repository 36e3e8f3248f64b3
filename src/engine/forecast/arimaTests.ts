// Unit-root and seasonality tests that set the differencing orders of automatic ARIMA, as R's
// ndiffs (KPSS, 5 %) and nsdiffs (STL seasonal strength above 0.64) do.

import { difference } from "./arimaPolynomial";
import { mstlSettings, stl } from "./stl";

/** KPSS 5 % critical value for level stationarity (Kwiatkowski et al. 1992, table 1). */
export const KPSS_CRITICAL_5 = 0.463;

/** Seasonal strength above which a seasonal difference is taken (Wang, Smith & Hyndman 2006; nsdiffs). */
export const SEASONAL_STRENGTH_THRESHOLD = 0.64;

const isConstant = (y: readonly number[]) => y.every((v) => v === y[0]);

/**
 * KPSS statistic for level stationarity: Σ S_t² / (n² σ̂²), S the partial sums of y − ȳ and σ̂² the
 * Newey–West long-run variance with Bartlett weights and ⌊3√n/13⌋ lags (as R's ndiffs asks urca's ur.kpss).
 * @example kpssStatistic([1, -1, 1, -1, 1, -1, 1, -1]) // small: no unit root
 */
export function kpssStatistic(y: readonly number[]): number {
  const n = y.length;
  const mean = y.reduce((a, b) => a + b, 0) / n;
  const e = y.map((v) => v - mean);
  let partial = 0, eta = 0;
  for (const v of e) { partial += v; eta += partial * partial; }
  const lags = Math.floor((3 * Math.sqrt(n)) / 13);
  let s2 = e.reduce((a, v) => a + v * v, 0) / n;
  for (let i = 1; i <= lags; i++) {
    let cov = 0;
    for (let t = i; t < n; t++) cov += e[t] * e[t - i];
    s2 += (2 * (1 - i / (lags + 1)) * cov) / n;
  }
  return s2 > 0 ? eta / (n * n * s2) : 0;
}

/**
 * Number of first differences d (at most maxD) after which KPSS no longer rejects level
 * stationarity at 5 % (R's ndiffs with test = "kpss").
 * @example kpssDifferences(Array.from({ length: 50 }, (_, t) => t * t)) // 2
 */
export function kpssDifferences(y: readonly number[], maxD = 2): number {
  let x = y.slice();
  let d = 0;
  while (d < maxD && x.length > 3 && !isConstant(x) && kpssStatistic(x) > KPSS_CRITICAL_5) {
    x = difference(x, 1, 0, 1);
    d++;
  }
  return d;
}

/**
 * Seasonal strength max(0, 1 − Var(R)/Var(S + R)) of y with season m, S and R from STL as forecast's
 * mstl() runs it (s.window = 11; seas.heuristic, the test of nsdiffs' default); 0 when there are
 * not more than two full seasons.
 */
export function seasonalStrength(y: readonly number[], m: number): number {
  if (m < 2 || y.length <= 2 * m) return 0;
  const { seasonal, remainder } = stl(y, m, mstlSettings(m));
  const variance = (v: number[]) => { const mu = v.reduce((a, b) => a + b, 0) / v.length; return v.reduce((a, b) => a + (b - mu) ** 2, 0) / Math.max(1, v.length - 1); };
  const total = variance(remainder.map((r, t) => r + seasonal[t]));
  return total > 0 ? Math.min(1, Math.max(0, 1 - variance(remainder) / total)) : 0;
}

/**
 * Seasonal differences D (0 or 1): 1 when m > 1, the series has at least 2m + 1 values and its
 * seasonal strength exceeds 0.64 (nsdiffs' default test).
 */
export function seasonalDifferences(y: readonly number[], m: number): number {
  if (m < 2 || isConstant(y)) return 0;
  return seasonalStrength(y, m) > SEASONAL_STRENGTH_THRESHOLD ? 1 : 0;
}
