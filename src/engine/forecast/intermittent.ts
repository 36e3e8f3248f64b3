// Intermittent-demand forecasts: Croston (1972), the Syntetos–Boylan approximation (SBA, 2005)
// and Teunter–Syntetos–Babai (TSB, 2011), with the Syntetos–Boylan demand classes that choose them.

export type DemandPattern = "smooth" | "intermittent" | "erratic" | "lumpy";

export interface PatternStatistics {
  /** Average inter-demand interval: periods per non-zero demand (Infinity without any demand). */
  adi: number;
  /** Squared coefficient of variation of the non-zero demand sizes. */
  cv2: number;
  pattern: DemandPattern;
}

/** Syntetos–Boylan cut-offs: ADI 1.32 and CV² 0.49. */
export const ADI_CUTOFF = 1.32;
export const CV2_CUTOFF = 0.49;

/**
 * The Syntetos–Boylan class: smooth (ADI ≤ 1.32, CV² ≤ 0.49), erratic (ADI ≤ 1.32, CV² > 0.49),
 * intermittent (ADI > 1.32, CV² ≤ 0.49), lumpy (both above).
 * @example demandPattern([0, 5, 0, 0, 6, 0, 5]).pattern // "intermittent" (ADI 7/3 = 2.33, CV² 0.0048)
 */
export function demandPattern(y: ArrayLike<number>): PatternStatistics {
  const sizes: number[] = [];
  for (let t = 0; t < y.length; t++) if (y[t] !== 0) sizes.push(y[t]);
  const adi = sizes.length > 0 ? y.length / sizes.length : Infinity;
  let cv2 = 0;
  if (sizes.length > 1) {
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    const variance = sizes.reduce((a, b) => a + (b - mean) ** 2, 0) / (sizes.length - 1);
    cv2 = mean !== 0 ? variance / (mean * mean) : 0;
  }
  const pattern: DemandPattern = adi <= ADI_CUTOFF ? (cv2 <= CV2_CUTOFF ? "smooth" : "erratic") : cv2 <= CV2_CUTOFF ? "intermittent" : "lumpy";
  return { adi, cv2, pattern };
}

export type IntermittentMethod = "Croston" | "SBA" | "TSB";

export interface IntermittentFit {
  method: IntermittentMethod;
  alpha: number;
  /** TSB's smoothing of the demand probability. */
  beta: number;
  /** The flat forecast per period. */
  forecast: number;
  /** One-step-ahead forecasts of the history (NaN before the first demand for Croston/SBA). */
  fitted: number[];
}

/**
 * Croston: smooth the non-zero sizes z and the intervals p between them (both with α), forecast
 * z/p; SBA multiplies by (1 − α/2) to remove Croston's bias. Initial z, p: the first demand and its
 * period number.
 * @example crostonForecast([0, 4, 0, 0, 8], 0.1, "Croston").forecast // z = 4.4, p = 2.1 → 2.0952
 */
export function crostonForecast(y: ArrayLike<number>, alpha = 0.1, method: "Croston" | "SBA" = "Croston"): IntermittentFit {
  const factor = method === "SBA" ? 1 - alpha / 2 : 1;
  const fitted: number[] = [];
  let z = NaN, p = NaN, since = 0;
  for (let t = 0; t < y.length; t++) {
    fitted.push(Number.isNaN(z) ? NaN : (factor * z) / p);
    since++;
    if (y[t] !== 0) {
      if (Number.isNaN(z)) { z = y[t]; p = since; } else { z += alpha * (y[t] - z); p += alpha * (since - p); }
      since = 0;
    }
  }
  return { method, alpha, beta: 0, forecast: Number.isNaN(z) ? 0 : (factor * z) / p, fitted };
}

/**
 * TSB: the demand probability π is smoothed every period with β (towards 1 on a demand, 0
 * otherwise) and the size z on demand periods with α; forecast π·z. Initial π: share of periods with
 * demand; z: the first demand.
 * @example tsbForecast([0, 4, 0, 0, 8], 0.1, 0.1).forecast // π = 0.409096, z = 4.4 → 1.8000224
 */
export function tsbForecast(y: ArrayLike<number>, alpha = 0.1, beta = 0.1): IntermittentFit {
  let demands = 0, first = NaN;
  for (let t = 0; t < y.length; t++) if (y[t] !== 0) { demands++; if (Number.isNaN(first)) first = y[t]; }
  let prob = y.length > 0 ? demands / y.length : 0;
  let z = Number.isNaN(first) ? 0 : first;
  const fitted: number[] = [];
  for (let t = 0; t < y.length; t++) {
    fitted.push(prob * z);
    if (y[t] !== 0) { prob += beta * (1 - prob); z += alpha * (y[t] - z); } else prob += beta * (0 - prob);
  }
  return { method: "TSB", alpha, beta, forecast: prob * z, fitted };
}

/**
 * The intermittent method for a pattern (docs/forecasting.md): intermittent → SBA (Syntetos &
 * Boylan's correction of Croston), lumpy → TSB (it also follows a fall in how often demand comes),
 * else Croston. Smooth and erratic series (ADI ≤ 1.32) go to the continuous methods (ETS, Theta).
 */
export function intermittentMethodFor(pattern: DemandPattern): IntermittentMethod {
  return pattern === "intermittent" ? "SBA" : pattern === "lumpy" ? "TSB" : "Croston";
}

/** Fits the named intermittent method with its default smoothing (α = β = 0.1). */
export function fitIntermittent(y: ArrayLike<number>, method: IntermittentMethod): IntermittentFit {
  return method === "TSB" ? tsbForecast(y) : crostonForecast(y, 0.1, method);
}
