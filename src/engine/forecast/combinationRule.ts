// Which methods the automatic forecast averages, and how much its intervals are widened: one fixed,
// equal-weight combination for every season length (chosen a priori, checked on folds of M3 that did
// not choose anything: docs/forecasting.md, "Combination"), and interval scale factors calibrated on
// M3's out-of-sample errors per class of history and step ahead, on top of each series' own
// rolling-origin factor (chosen on folds, reported on others: docs/forecasting.md, "Intervals").

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

/**
 * Classes of the interval calibration: non-seasonal histories (m = 1) shorter than LONG_HISTORY
 * ("nonseasonal") or not ("longNonseasonal"), 2 ≤ m ≤ 6 ("short", quarterly), m ≥ 7 ("long",
 * monthly, weekly). Only the history decides: its season length and its number of values.
 */
export type SeasonClass = "nonseasonal" | "longNonseasonal" | "short" | "long";

export const SEASON_CLASSES: readonly SeasonClass[] = ["nonseasonal", "longNonseasonal", "short", "long"];

/**
 * A non-seasonal history of at least this many values has its own interval factors: the model
 * intervals of long histories need less widening (parameters and model choice are better
 * determined), and the short-history factors made them too wide (97 % coverage on M3 "other").
 * On M3 any threshold from 42 to 63 splits the m = 1 series the same way (yearly: 14–41 values;
 * "other": 63–96), so on that data the split is the yearly / "other" one.
 */
export const LONG_HISTORY = 50;

export const seasonClass = (m: number, n: number): SeasonClass =>
  m <= 1 ? (n >= LONG_HISTORY ? "longNonseasonal" : "nonseasonal") : m <= 6 ? "short" : "long";

/**
 * Classes whose factor is one number for every step: too few series per step to estimate a 95th
 * percentile step by step (124 M3 "other" series), so it is estimated over all steps pooled.
 */
export const POOLED_CLASSES: readonly SeasonClass[] = ["longNonseasonal"];

/**
 * Factors k_h by which the combination's averaged 95 % half-widths (already multiplied by the
 * series' own rolling-origin factor) are multiplied, h = 1, 2, … (the last entry holds for longer
 * steps): the 95th percentile of |y − f| / half-width over the out-of-sample errors of the M3
 * development set (2,353 series), per class.
 */
export const INTERVAL_SCALE: Record<SeasonClass, readonly number[]> = {
  // M3 yearly (h ≤ 6).
  nonseasonal: [1.12, 1.35, 1.57, 1.71, 1.62, 1.62],
  // M3 "other" (h ≤ 8), pooled over the steps: the members' averaged bounds need no widening.
  longNonseasonal: [1.00],
  // M3 quarterly.
  short: [1.23, 1.20, 1.22, 1.30, 1.28, 1.29, 1.36, 1.42],
  // M3 monthly.
  long: [1.05, 1.02, 0.98, 1.13, 1.07, 1.08, 1.11, 1.07, 1.04, 1.09, 0.99, 1.01, 1.16, 1.09, 1.14, 1.21, 1.19, 1.21],
};

/**
 * The credibility prior of the series' own rolling-origin errors (rollingOrigin.ts): a series with
 * c such errors has its intervals multiplied by its own error ratio to the power c/(c + prior).
 * Chosen on the M3 development set by the interval score (MSIS), as the benchmark prints it (and
 * per fold, chosen on the other two).
 */
export const OWN_ERROR_PRIOR = 200;

/** The interval scale factor for a history of n values with season length m, at step h ≥ 1. */
export function intervalScale(m: number, n: number, h: number): number {
  const factors = INTERVAL_SCALE[seasonClass(m, n)];
  return factors[Math.min(h, factors.length) - 1];
}
