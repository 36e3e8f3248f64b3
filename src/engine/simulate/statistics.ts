// Summaries over replications: mean with a 95 % Student-t interval, paired differences, and
// percentiles of a weighted histogram (the customer lead-time distribution).

/** A mean over replications and its 95 % confidence interval (docs/formats.md §7). */
export interface Estimate {
  mean: number | null;
  ci95: [number, number] | null;
}

/** Regularised incomplete beta I_x(a, b) by Lentz's continued fraction (Numerical Recipes' betacf form). */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const lnFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x);
  if (x > (a + 1) / (a + b + 2)) return 1 - incompleteBeta(1 - x, b, a);
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let f = d;
  for (let m = 1; m <= 500; m++) {
    const m2 = 2 * m;
    let num = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + num * d; if (Math.abs(d) < tiny) d = tiny; d = 1 / d;
    c = 1 + num / c; if (Math.abs(c) < tiny) c = tiny;
    f *= d * c;
    num = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + num * d; if (Math.abs(d) < tiny) d = tiny; d = 1 / d;
    c = 1 + num / c; if (Math.abs(c) < tiny) c = tiny;
    const delta = d * c;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return (Math.exp(lnFront) * f) / a;
}

/** ln Γ(x) for x > 0 (Lanczos, g = 7, nine terms: ~1e-15 relative). */
export function logGamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const y = x - 1;
  let sum = c[0];
  for (let i = 1; i < 9; i++) sum += c[i] / (y + i);
  const t = y + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** P(T ≤ t) for Student's t with ν degrees of freedom. */
export function studentTCdf(t: number, nu: number): number {
  const tail = 0.5 * incompleteBeta(nu / (nu + t * t), nu / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/**
 * The p-quantile of Student's t with ν degrees of freedom (bisection on the CDF, to 1e-12).
 * @example studentTQuantile(0.975, 9) // 2.2621571627...
 */
export function studentTQuantile(p: number, nu: number): number {
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, nu);
  let lo = 0;
  let hi = 1;
  while (studentTCdf(hi, nu) < p) hi *= 2;
  for (let k = 0; k < 200 && hi - lo > 1e-12 * hi; k++) {
    const mid = 0.5 * (lo + hi);
    if (studentTCdf(mid, nu) < p) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

const T975 = new Map<number, number>();

function t975(nu: number): number {
  let q = T975.get(nu);
  if (q === undefined) {
    q = studentTQuantile(0.975, nu);
    T975.set(nu, q);
  }
  return q;
}

/**
 * Mean and 95 % Student-t interval of per-replication values (null values are left out).
 * One value gives the mean with a degenerate interval; none gives nulls.
 * @example estimate([1, 2, 3, 4]) // { mean: 2.5, ci95: [0.4457, 4.5543] } (t₀.₉₇₅,₃ = 3.1824)
 */
export function estimate(values: readonly (number | null)[]): Estimate {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const n = xs.length;
  if (n === 0) return { mean: null, ci95: null };
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  if (n === 1) return { mean, ci95: [mean, mean] };
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
  const half = t975(n - 1) * Math.sqrt(variance / n);
  return { mean, ci95: [mean - half, mean + half] };
}

/** The paired difference a − b, replication by replication, as an estimate. */
export function pairedDifference(a: readonly (number | null)[], b: readonly (number | null)[]): Estimate {
  const d: number[] = [];
  for (let r = 0; r < Math.min(a.length, b.length); r++) {
    const x = a[r];
    const y = b[r];
    if (x !== null && y !== null && Number.isFinite(x) && Number.isFinite(y)) d.push(x - y);
  }
  return estimate(d);
}

/**
 * The p-quantile of a histogram of weights by integer bin (bin k = value k·scale): the smallest
 * value whose cumulative weight reaches p of the total; null when the histogram is empty.
 */
export function histogramQuantile(weights: ArrayLike<number>, p: number, scale: number): number | null {
  let total = 0;
  for (let k = 0; k < weights.length; k++) total += weights[k];
  if (!(total > 0)) return null;
  const target = p * total;
  let cumulative = 0;
  for (let k = 0; k < weights.length; k++) {
    cumulative += weights[k];
    if (cumulative >= target - 1e-12 * total && weights[k] > 0) return k * scale;
  }
  return (weights.length - 1) * scale;
}
