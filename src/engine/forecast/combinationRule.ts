// Which methods the automatic forecast averages, and how much its intervals are widened: one fixed,
// equal-weight combination for every season length (chosen a priori, checked on folds of M3 that did
// not choose anything: docs/forecasting.md, "Combination"), and interval scale factors calibrated on
// M3's out-of-sample errors, per season class and step ahead (chosen on folds, reported on others).

import type { CombinationMember } from "./members";

/** The members of the automatic combination: ETS + Theta + ARIMA, equal weights, for every series. */
export const COMBINATION: readonly CombinationMember[] = ["ETS", "Theta", "ARIMA"];

/**
 * The members for a series of season length m: always ETS + Theta + ARIMA (per-frequency rules
 * chosen on the development set did not hold on series they had not seen).
 * @example combinationMembers(12) // ["ETS", "Theta", "ARIMA"]
 */
export function combinationMembers(m: number): CombinationMember[] {
  void m;
  return COMBINATION.slice();
}

/** Season classes of the interval calibration: m = 1, 2 ≤ m ≤ 6 (quarterly), m ≥ 7 (monthly, weekly). */
export type SeasonClass = "nonseasonal" | "short" | "long";

export const seasonClass = (m: number): SeasonClass => (m <= 1 ? "nonseasonal" : m <= 6 ? "short" : "long");

/**
 * Factors k_h by which the combination's averaged 95 % half-widths are multiplied, h = 1, 2, …
 * (the last entry holds for longer steps): the 95th percentile of |y − f| / half-width over the
 * out-of-sample errors of the M3 development set (2,353 series), per season class.
 */
export const INTERVAL_SCALE: Record<SeasonClass, readonly number[]> = {
  // M3 yearly (h ≤ 6) and "other" (h ≤ 8: steps 7 and 8 from "other" series alone).
  nonseasonal: [1.13, 1.26, 1.55, 1.57, 1.59, 1.53, 0.93, 0.87],
  // M3 quarterly.
  short: [1.27, 1.21, 1.26, 1.35, 1.36, 1.41, 1.45, 1.54],
  // M3 monthly.
  long: [1.07, 1.00, 0.96, 1.16, 1.06, 1.05, 1.13, 1.06, 1.00, 1.11, 0.99, 1.00, 1.13, 1.10, 1.20, 1.21, 1.20, 1.19],
};

/** The interval scale factor for season length m at step h ≥ 1. */
export function intervalScale(m: number, h: number): number {
  const factors = INTERVAL_SCALE[seasonClass(m)];
  return factors[Math.min(h, factors.length) - 1];
}
