// How far a series' own out-of-sample errors exceed what a model promises: Theta refitted at the
// last few origins of the history, its h-step errors over its own forecast deviations, and the
// shrunk factor that widens (or narrows) the combination's intervals for that series.

import { fitTheta, thetaForecast, thetaForecastSd } from "./theta";

/** Origins (and steps ahead from each) used for a season length m: 2m, at least 6 and at most 18. */
export const rollingSteps = (m: number): number => Math.min(18, Math.max(6, 2 * m));

export interface RollingErrors {
  /** sqrt of the mean of (e_{o,h} / sd_{o,h})² over origins o and steps h; 1 when there are none. */
  ratio: number;
  /** How many errors it was computed from. */
  count: number;
}

/**
 * Refits Theta on y[0..o) for the last rollingSteps(m) origins o (each with at least max(6, 2m)
 * values), forecasts up to as many steps as the history still holds, and compares each error with
 * Theta's own forecast standard deviation: ratio = sqrt(mean (e/sd)²). Scale-free.
 * @example rollingErrors([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 1).count // 4 + 3 + 2 + 1 errors, from origins 6 to 9
 */
export function rollingErrors(y: readonly number[], m: number): RollingErrors {
  const n = y.length;
  const steps = rollingSteps(m);
  let sum = 0, count = 0;
  for (let o = Math.max(n - steps, Math.max(6, 2 * m)); o < n; o++) {
    const fit = fitTheta(y.slice(0, o), m);
    if (!fit) continue;
    const k = Math.min(steps, n - o);
    const forecast = thetaForecast(fit, k), sd = thetaForecastSd(fit, k);
    for (let h = 0; h < k; h++) {
      if (!(sd[h] > 0)) continue;
      const z = (y[o + h] - forecast[h]) / sd[h];
      if (Number.isFinite(z)) { sum += z * z; count++; }
    }
  }
  return count > 0 ? { ratio: Math.sqrt(sum / count), count } : { ratio: 1, count: 0 };
}

/**
 * The series' own interval factor: the ratio, kept within [1/3, 3], raised to the credibility weight
 * count/(count + prior), so that a few errors move it little and many move it much (prior: the
 * number of errors worth as much as the pooled calibration, OWN_ERROR_PRIOR).
 * @example ownErrorScale({ ratio: 2, count: 100 }, 100) // ≈ 1.414 (the square root of 2)
 */
export function ownErrorScale(errors: RollingErrors, prior: number): number {
  if (errors.count === 0 || !Number.isFinite(prior)) return 1;
  const ratio = Math.min(3, Math.max(1 / 3, errors.ratio));
  return ratio ** (errors.count / (errors.count + prior));
}
