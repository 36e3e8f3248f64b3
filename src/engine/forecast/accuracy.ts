// Forecast accuracy measures shared by every model (Hyndman & Koehler 2006; M3's sMAPE), and the
// tracking signal that flags persistent bias (trackingSignal.ts).

import { trackingSignal } from "./trackingSignal";

export interface Accuracy {
  mae: number;
  rmse: number;
  /** Mean absolute percentage error, % (periods with actual 0 are skipped; null if none left). */
  mape: number | null;
  /** M3's symmetric MAPE, %: mean of 200|y − f|/(|y| + |f|) (a period with y = f = 0 counts 0). */
  smape: number;
  /** Mean absolute scaled error: MAE over the in-sample MAE of the seasonal naive forecast (null when that is 0). */
  mase: number | null;
  /** Mean error f − y: positive when the forecast runs high. */
  bias: number;
  /**
   * The mean error's t statistic as a normal deviate (trackingSignal.ts): beyond ±1.96 the forecast
   * is biased, with 5 % false alarms on unbiased independent errors. Null for fewer than 2 periods.
   */
  trackingSignal: number | null;
}

/**
 * In-sample MAE of the seasonal naive forecast y_t = y_{t−m} (m = 1: naive), the MASE scale.
 * @example naiveScale([1, 3, 2, 5], 1) // (2 + 1 + 3)/3 = 2
 */
export function naiveScale(history: ArrayLike<number>, m: number): number | null {
  const lag = history.length > m ? m : 1;
  if (history.length <= lag) return null;
  let sum = 0;
  for (let t = lag; t < history.length; t++) sum += Math.abs(history[t] - history[t - lag]);
  return sum / (history.length - lag);
}

/**
 * All measures of forecasts `f` against actuals `y` (same length ≥ 1); `history` (before the
 * actuals) and season length m give MASE's scale.
 * @example accuracy([10, 20], [12, 18], [8, 10, 12], 1).mae // 2
 */
export function accuracy(y: ArrayLike<number>, f: ArrayLike<number>, history: ArrayLike<number> = [], m = 1): Accuracy {
  const n = y.length;
  let abs = 0, sq = 0, pct = 0, pctCount = 0, sym = 0, err = 0, level = 0;
  const errors: number[] = [];
  for (let t = 0; t < n; t++) {
    const e = y[t] - f[t];
    errors.push(e);
    level += Math.abs(y[t]) / n;
    abs += Math.abs(e);
    sq += e * e;
    err += e;
    if (y[t] !== 0) { pct += Math.abs(e / y[t]) * 100; pctCount++; }
    const denominator = Math.abs(y[t]) + Math.abs(f[t]);
    sym += denominator > 0 ? (200 * Math.abs(e)) / denominator : 0;
  }
  const mae = abs / n;
  const scale = naiveScale(history, m);
  return {
    mae,
    rmse: Math.sqrt(sq / n),
    mape: pctCount > 0 ? pct / pctCount : null,
    smape: sym / n,
    mase: scale ? mae / scale : null,
    bias: -err / n,
    trackingSignal: trackingSignal(errors, level),
  };
}
