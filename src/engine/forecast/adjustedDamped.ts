// Holt's damped trend, ETS(A,Ad,N) by maximum likelihood, on the seasonally adjusted series (as
// Theta adjusts it), reseasonalised: the damped member of the combinations.

import { etsInterval, etsPointForecast } from "./etsForecast";
import { fitEts } from "./etsFit";
import { reseasonalise, seasonalAdjustment, SeasonalAdjustment } from "./seasonalAdjustment";

export interface AdjustedDampedForecast {
  forecast: number[];
  lower: number[];
  upper: number[];
  /** One-step fitted values in the series' own units. */
  fitted: number[];
}

/**
 * Fits ETS(A,Ad,N) to y adjusted for season length m and forecasts `horizon` periods with a
 * `level` interval (`adjustment`: that of y and m, when the caller has it already); null when the
 * model cannot be fitted (too short a history).
 */
export function adjustedDamped(y: ArrayLike<number>, m: number, horizon: number, level: number, adjustment: SeasonalAdjustment = seasonalAdjustment(y, m)): AdjustedDampedForecast | null {
  const fit = fitEts(adjustment.adjusted, { error: "A", trend: "Ad", season: "N", m: 1 }, { restarts: 0, maxEvaluations: 400 });
  if (!fit) return null;
  const n = y.length;
  const point = etsPointForecast(fit.spec, fit.parameters, fit.final, horizon);
  const interval = etsInterval(fit, point, level);
  return {
    forecast: reseasonalise(adjustment, point, n),
    lower: reseasonalise(adjustment, interval.lower, n),
    upper: reseasonalise(adjustment, interval.upper, n),
    fitted: reseasonalise(adjustment, fit.fitted, 0),
  };
}
