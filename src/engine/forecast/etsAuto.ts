// Automatic ETS model choice, as R's forecast::ets: fit every admissible candidate by maximum
// likelihood and keep the one of least AICc.

import { fitEts, EtsFitOptions } from "./etsFit";
import type { EtsFit, EtsSpec, SeasonType, TrendType } from "./etsTypes";

/**
 * The candidate models for a series: additive or multiplicative error; trend none, additive or
 * damped; season none, additive or multiplicative (only when 2 ≤ m ≤ 24, as ets allows, and the
 * history is longer than one season). Excluded as ets excludes them:
 * additive error with multiplicative season (unstable), and multiplicative components unless all
 * values are positive.
 */
export function candidateSpecs(y: ArrayLike<number>, m: number): EtsSpec[] {
  let positive = true;
  for (let t = 0; t < y.length; t++) if (!(y[t] > 0)) { positive = false; break; }
  const seasonal = m >= 2 && m <= 24 && y.length > m + 2;
  const seasons: SeasonType[] = seasonal ? (positive ? ["N", "A", "M"] : ["N", "A"]) : ["N"];
  const trends: TrendType[] = ["N", "A", "Ad"];
  const specs: EtsSpec[] = [];
  for (const error of positive ? (["A", "M"] as const) : (["A"] as const)) {
    for (const trend of trends) {
      for (const season of seasons) {
        if (error === "A" && season === "M") continue;
        specs.push({ error, trend, season, m: season === "N" ? 1 : m });
      }
    }
  }
  return specs;
}

/**
 * The candidates whose trend, if any, is damped: candidateSpecs without the undamped additive trend
 * (trend none or damped). The combination's ETS member chooses among these. An undamped trend goes
 * on at its last slope for ever; on short business series that over-extrapolates at longer steps,
 * and the damped trend is the robust choice (Gardner & McKenzie 1985; Gardner 2006's review).
 * @example dampedTrendSpecs([1, 2, 3, 4, 5, 6], 1).map((s) => s.trend) // ["N", "Ad", "N", "Ad"]
 */
export function dampedTrendSpecs(y: ArrayLike<number>, m: number): EtsSpec[] {
  return candidateSpecs(y, m).filter((spec) => spec.trend !== "A");
}

export interface AutoEtsResult {
  best: EtsFit;
  /** Every candidate fitted, with its AICc (Infinity where it could not be fitted). */
  tried: { spec: EtsSpec; aicc: number }[];
}

/** Fits all candidates and returns the one of least AICc, or null when none could be fitted. */
export function autoEts(y: ArrayLike<number>, m: number, options: EtsFitOptions & { specs?: EtsSpec[] } = {}): AutoEtsResult | null {
  let best: EtsFit | null = null;
  const tried: { spec: EtsSpec; aicc: number }[] = [];
  for (const spec of options.specs ?? candidateSpecs(y, m)) {
    const fit = fitEts(y, spec, options);
    tried.push({ spec, aicc: fit ? fit.aicc : Infinity });
    if (fit && Number.isFinite(fit.aicc) && (!best || fit.aicc < best.aicc)) best = fit;
  }
  return best ? { best, tried } : null;
}
