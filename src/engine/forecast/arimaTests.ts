// Unit-root and seasonality tests that set the differencing orders of automatic ARIMA, as R's
// ndiffs (KPSS, 5 %) and nsdiffs (seasonal strength above 0.64) do.

import { difference } from "./arimaPolynomial";

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
 * Seasonal strength max(0, 1 − Var(R)/Var(S + R)) of y with season m, from a classical additive
 * decomposition (centred moving-average trend, mean detrended value by position as the season, R
 * the remainder); 0 when there are fewer than two full seasons.
 */
export function seasonalStrength(y: readonly number[], m: number): number {
  const n = y.length;
  if (m < 2 || n < 2 * m + 1) return 0;
  const half = Math.floor(m / 2);
  const detrended: number[] = new Array(n).fill(NaN);
  for (let t = half; t < n - half; t++) {
    let s = 0;
    if (m % 2 === 0) {
      for (let k = -half; k <= half; k++) s += (Math.abs(k) === half ? 0.5 : 1) * y[t + k];
    } else {
      for (let k = -half; k <= half; k++) s += y[t + k];
    }
    detrended[t] = y[t] - s / m;
  }
  const sums = new Array(m).fill(0), counts = new Array(m).fill(0);
  detrended.forEach((v, t) => { if (Number.isFinite(v)) { sums[t % m] += v; counts[t % m]++; } });
  const raw = sums.map((s, i) => (counts[i] ? s / counts[i] : 0));
  const centre = raw.reduce((a, b) => a + b, 0) / m;
  const season = raw.map((v) => v - centre);
  const rem: number[] = [], seasonPlusRem: number[] = [];
  detrended.forEach((v, t) => { if (Number.isFinite(v)) { rem.push(v - season[t % m]); seasonPlusRem.push(v); } });
  const variance = (v: number[]) => { const mu = v.reduce((a, b) => a + b, 0) / v.length; return v.reduce((a, b) => a + (b - mu) ** 2, 0) / Math.max(1, v.length - 1); };
  const total = variance(seasonPlusRem);
  return total > 0 ? Math.max(0, 1 - variance(rem) / total) : 0;
}

/**
 * Seasonal differences D (0 or 1): 1 when m > 1, the series has at least 2m + 1 values and its
 * seasonal strength exceeds 0.64 (nsdiffs' default test).
 */
export function seasonalDifferences(y: readonly number[], m: number): number {
  if (m < 2 || isConstant(y)) return 0;
  return seasonalStrength(y, m) > SEASONAL_STRENGTH_THRESHOLD ? 1 : 0;
}
