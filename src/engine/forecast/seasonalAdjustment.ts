// Seasonal adjustment as the M3 Theta method does it (classical multiplicative decomposition when
// the 90 % seasonality test passes and every value is positive), shared by the methods that work
// on the adjusted series: Theta, random walk with drift and Holt's damped trend.

import { isSeasonal, seasonalIndices } from "./decompose";

export interface SeasonalAdjustment {
  /** Multiplicative indices by position (t mod m from the first value), or null when not adjusted. */
  indices: number[] | null;
  m: number;
  /** The series divided by its indices (the series itself when not adjusted). */
  adjusted: number[];
}

/**
 * Adjusts y for season length m: by classical multiplicative indices when all values are positive
 * and |r_m| passes the 90 % test, else not at all.
 * @example seasonalAdjustment([1, 2, 3], 1).indices // null
 */
export function seasonalAdjustment(y: ArrayLike<number>, m: number): SeasonalAdjustment {
  let positive = true;
  for (let t = 0; t < y.length; t++) if (!(y[t] > 0)) { positive = false; break; }
  const indices = positive && isSeasonal(y, m) ? seasonalIndices(y, m, "multiplicative") : null;
  return { indices, m, adjusted: Array.from(y, (v, t) => (indices ? v / indices[t % m] : v)) };
}

/** The index of position t (1 when not adjusted). */
export function seasonalIndexAt(adjustment: Pick<SeasonalAdjustment, "indices" | "m">, t: number): number {
  return adjustment.indices ? adjustment.indices[t % adjustment.m] : 1;
}

/**
 * Puts the season back on values of the adjusted series that start at position `start`.
 * @example reseasonalise({ indices: [0.5, 1.5], m: 2 }, [10, 10], 4) // [5, 15]
 */
export function reseasonalise(adjustment: Pick<SeasonalAdjustment, "indices" | "m">, values: readonly number[], start: number): number[] {
  return values.map((v, i) => v * seasonalIndexAt(adjustment, start + i));
}
