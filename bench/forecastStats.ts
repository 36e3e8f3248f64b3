// Statistics for bench/forecast.ts: M4's interval score (MSIS), coverage, the paired bootstrap
// interval of a mean difference over series, and the fold helpers (series index mod 3).

import { naiveScale } from "../src/engine/forecast/accuracy";

/** Fraction of actuals within [lower, upper]. */
export function coverage(actual: readonly number[], lower: readonly number[], upper: readonly number[]): number {
  let inside = 0;
  actual.forEach((y, h) => { if (y >= lower[h] && y <= upper[h]) inside++; });
  return inside / actual.length;
}

/**
 * M4's mean scaled interval score for a (1 − alpha) interval: mean over the horizon of
 * (U − L) + (2/α)(L − Y)⁺ + (2/α)(Y − U)⁺, over the in-sample seasonal naive MAE (null when 0).
 */
export function msis(actual: readonly number[], lower: readonly number[], upper: readonly number[], history: readonly number[], m: number, alpha = 0.05): number | null {
  const scale = naiveScale(history, m);
  if (!scale) return null;
  let sum = 0;
  actual.forEach((y, h) => {
    sum += upper[h] - lower[h] + (2 / alpha) * Math.max(0, lower[h] - y) + (2 / alpha) * Math.max(0, y - upper[h]);
  });
  return sum / actual.length / scale;
}

/** A small seeded generator (mulberry32) so that the bootstrap gives the same interval every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const mean = (v: readonly number[]) => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : NaN);

/** Mean of the paired differences d and its 95 % percentile bootstrap interval (resampling series, 2,000 draws). */
export function pairedBootstrap(d: readonly number[], draws = 2000, seed = 1): { mean: number; low: number; high: number } {
  const random = seeded(seed);
  const means: number[] = [];
  for (let b = 0; b < draws; b++) {
    let s = 0;
    for (let i = 0; i < d.length; i++) s += d[Math.floor(random() * d.length)];
    means.push(s / d.length);
  }
  means.sort((a, b) => a - b);
  return { mean: mean(d), low: means[Math.floor(0.025 * draws)], high: means[Math.ceil(0.975 * draws) - 1] };
}

/** The q-quantile (0 ≤ q ≤ 1) of values, by linear interpolation between order statistics. */
export function quantile(values: readonly number[], q: number): number {
  const v = values.slice().sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const pos = q * (v.length - 1);
  const lo = Math.floor(pos), hi = Math.ceil(pos);
  return v[lo] + (v[hi] - v[lo]) * (pos - lo);
}

export const FOLDS = 3;
export const foldOf = (index: number) => index % FOLDS;
