// The tracking signal with a known false-alarm rate: the t statistic of the mean one-step error over
// the scored window, re-expressed as the normal deviate of the same two-sided tail probability, so
// that one limit (±1.96: 5 % false alarms when the errors are independent and unbiased) serves
// every window length.

import { standardNormalInverse } from "../normal";

/** |signal| beyond this is reported as bias: 5 % false alarms on unbiased independent Gaussian errors. */
export const TRACKING_LIMIT = 1.96;

/**
 * A mean error within this share of the demand level is no bias worth a warning, however steady:
 * on a near-perfect fit (a straight trend) the errors are tiny and of one sign, and the t statistic
 * alone would call them significant.
 */
export const MATERIAL_BIAS = 0.01;

/** log Γ(x), x > 0 (Lanczos, g = 7, 9 terms). */
export function logGamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  x -= 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1, d = 1 - ((a + b) * x) / (a + 1);
  d = Math.abs(d) < tiny ? tiny : d;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d; d = Math.abs(d) < tiny ? tiny : d; c = 1 + aa / c; c = Math.abs(c) < tiny ? tiny : c; d = 1 / d; h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d; d = Math.abs(d) < tiny ? tiny : d; c = 1 + aa / c; c = Math.abs(c) < tiny ? tiny : c; d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-14) break;
  }
  return h;
}

/**
 * Regularised incomplete beta I_x(a, b), 0 ≤ x ≤ 1.
 * @example incompleteBeta(0.5, 1, 1) // 0.5
 */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaFraction(a, b, x)) / a : 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/**
 * Two-sided tail probability P(|T| ≥ |t|) of Student's t with ν degrees of freedom: I_{ν/(ν+t²)}(ν/2, 1/2).
 * @example studentTwoSided(2.201, 11) // ≈ 0.05
 */
export function studentTwoSided(t: number, nu: number): number {
  return incompleteBeta(nu / (nu + t * t), nu / 2, 0.5);
}

/**
 * Tracking signal of a run of one-step errors e = y − f (k ≥ 2): t = ē/(s/√k), with s the sample
 * standard deviation, as the normal deviate of equal two-sided tail probability (sign of ē; positive:
 * the forecast runs below demand). Null for fewer than 2 errors; ±Infinity-safe: capped at ±40.
 * With `level` (the mean |demand| over the window), a mean error within MATERIAL_BIAS of it is 0.
 * @example Math.abs(trackingSignal([1, -1, 1, -1, 1, -1])!) < 1 // true: no bias
 */
export function trackingSignal(errors: ArrayLike<number>, level?: number): number | null {
  const k = errors.length;
  if (k < 2) return null;
  let sum = 0;
  for (let i = 0; i < k; i++) sum += errors[i];
  const mean = sum / k;
  if (level !== undefined && Math.abs(mean) <= MATERIAL_BIAS * Math.abs(level)) return 0;
  let ss = 0;
  for (let i = 0; i < k; i++) ss += (errors[i] - mean) ** 2;
  const s = Math.sqrt(ss / (k - 1));
  if (!(s > 0)) return mean === 0 ? 0 : Math.sign(mean) * 40;
  const t = mean / (s / Math.sqrt(k));
  const p = studentTwoSided(t, k - 1);
  if (!(p > 0)) return Math.sign(t) * 40;
  return Math.sign(t) * Math.min(40, -standardNormalInverse(p / 2));
}
