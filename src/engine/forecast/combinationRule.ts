// Which methods the automatic forecast averages, by season length: chosen on the M3 development set
// with three-fold checks (docs/forecasting.md, "Combination"); long non-seasonal series are chosen
// per series on held-back data instead (heldBackChoice.ts).

/** A member of an equal-weight combination. */
export type CombinationMember = "ETS" | "Theta" | "Damped" | "Drift";

/**
 * The random walk with drift joins a non-seasonal combination only when the series behaves like a
 * walk: Theta's smoothing parameter α at least this (noise around a level gives a small α, and there
 * the last value is a poor forecast).
 */
export const DRIFT_MIN_ALPHA = 0.2;

/** The longest season for which the random walk with drift and the damped trend join (quarterly). */
export const DRIFT_MAX_SEASON = 4;

/**
 * The members for a series of season length m whose Theta fit has smoothing parameter thetaAlpha
 * (NaN when Theta could not be fitted):
 * - m = 1: ETS + random walk with drift when α ≥ 0.2, else ETS + Theta;
 * - 2 ≤ m ≤ 4: ETS + damped trend + random walk with drift (the last two on the adjusted series);
 * - longer seasons (monthly, weekly, daily): ETS + Theta.
 * @example combinationMembers(12, 0.5) // ["ETS", "Theta"]
 */
export function combinationMembers(m: number, thetaAlpha: number): CombinationMember[] {
  if (m === 1) return thetaAlpha >= DRIFT_MIN_ALPHA ? ["ETS", "Drift"] : ["ETS", "Theta"];
  if (m <= DRIFT_MAX_SEASON) return ["ETS", "Damped", "Drift"];
  return ["ETS", "Theta"];
}
