// The standard normal distribution: CDF and inverse (Excel's NORM.S.DIST / NORM.S.INV) and the
// safety factor z of a service level (docs/model.md §5, eq. 14). Accurate to ~1e-14, tails included.
import { requireFinite, requireProbability } from "./errors";

const SQRT_2PI = Math.sqrt(2 * Math.PI);

/** Standard normal density φ(x); x² split (Cody) so the tails keep full relative accuracy. */
function density(x: number): number {
  const head = Math.round(x * 16) / 16;
  return (Math.exp(-0.5 * head * head) * Math.exp(-0.5 * (x - head) * (x + head))) / SQRT_2PI;
}

/**
 * Upper tail Q(x) = 1 − Φ(x) for x ≥ 0, to ~1e-15 relative.
 * Below 1: Φ(x) − ½ = φ(x) Σ x^(2n+1)/(2n+1)!! (all terms positive; Q ≥ 0.16 so ½ − … loses little).
 * From 1 on: Laplace's continued fraction Q(x) = φ(x) / (x + 1/(x + 2/(x + 3/(x + …)))), Lentz.
 */
function upperTail(x: number): number {
  if (x < 1) {
    let term = x;
    let sum = x;
    for (let n = 1; n < 500; n++) {
      term *= (x * x) / (2 * n + 1);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    return 0.5 - density(x) * sum;
  }
  if (x > 40) return 0; // Q(40) ≈ 3.7e-350: below the smallest double.
  // Modified Lentz for x + 1/(x + 2/(x + 3/(x + …))).
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 5000; k++) {
    d = x + k * d;
    if (d === 0) d = tiny;
    c = x + k / c;
    if (c === 0) c = tiny;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return density(x) / f;
}

/**
 * Standard normal cumulative distribution Φ(x) = P(Z ≤ x) (Excel's NORM.S.DIST(x, TRUE)), accurate
 * to ~1e-15 absolute and ~1e-14 relative in both tails (no 1 − Φ cancellation below the mean).
 * @param x Standard score (dimensionless).
 * @returns Probability in [0, 1].
 * @throws PlanningInputError when x is not a number (±∞ give 1 and 0).
 * @example standardNormalCdf(1.959963984540054) // 0.975
 * @example standardNormalCdf(-6) // 9.86587645037699e-10
 */
export function standardNormalCdf(x: number): number {
  if (typeof x !== "number" || Number.isNaN(x)) requireFinite(x, "x");
  if (x === Infinity) return 1;
  if (x === -Infinity) return 0;
  return x >= 0 ? 1 - upperTail(x) : upperTail(-x);
}

// Acklam's rational approximation (relative error 1.15e-9), refined below by Halley steps.
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

/** Acklam's starting point for the lower-half quantile: q = p ≤ ½. */
function acklamLower(q: number): number {
  if (q < P_LOW) {
    const r = Math.sqrt(-2 * Math.log(q));
    return (((((C[0] * r + C[1]) * r + C[2]) * r + C[3]) * r + C[4]) * r + C[5]) / ((((D[0] * r + D[1]) * r + D[2]) * r + D[3]) * r + 1);
  }
  const r0 = q - 0.5;
  const r = r0 * r0;
  return ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * r0) / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
}

/**
 * Inverse of the standard normal CDF (Excel's NORM.S.INV): the x with Φ(x) = p. Acklam's
 * approximation refined by Halley steps on an accurate CDF, so it matches NORM.S.INV to ~1e-14.
 * For p > ½ it solves the upper tail Q(x) = 1 − p (exact in floating point), so p close to 1 keeps
 * its accuracy.
 * @param p Probability, 0 < p < 1.
 * @returns Standard score x (dimensionless).
 * @throws PlanningInputError "p must be strictly between 0 and 1 (got …)."
 * @example standardNormalInverse(0.95) // 1.6448536269514733 (Excel: 1.6448536269514722)
 * @example standardNormalInverse(1e-9) // -5.9978070150076865 (Excel: -5.997807015007686)
 */
export function standardNormalInverse(p: number): number {
  requireProbability(p, "p");
  if (p === 0.5) return 0;
  const upper = p > 0.5;
  const q = upper ? 1 - p : p; // exact for p > ½ (Sterbenz)
  // Solve upperTail(t) = q for t = −x ≥ 0 (lower-half quantile x = −t).
  let t = -acklamLower(q);
  for (let i = 0; i < 4; i++) {
    const e = upperTail(t) - q; // Q(t) − q; dQ/dt = −φ(t)
    const phi = density(t);
    if (phi === 0) break;
    const u = -e / phi; // Newton step g/g' for g(t) = Q(t) − q, g' = −φ(t)
    const step = u / (1 + 0.5 * t * u); // Halley's correction, g'' = t φ(t)
    t -= step;
    if (Math.abs(step) <= 1e-16 * Math.max(1, Math.abs(t))) break;
  }
  return upper ? t : -t;
}

/**
 * Safety factor z of a cycle service level (docs/model.md §5, eq. 14: z = NORM.S.INV(serviceLevel)).
 * @param serviceLevel Probability of no stock-out in a replenishment cycle, 0 < serviceLevel < 1.
 * @returns z (dimensionless), e.g. the z_j of eq. (13)-(14).
 * @throws PlanningInputError "serviceLevel must be strictly between 0 and 1 (got …)."
 * @example zFromServiceLevel(0.97) // 1.8807936081512504
 */
export function zFromServiceLevel(serviceLevel: number): number {
  requireProbability(serviceLevel, "serviceLevel");
  return standardNormalInverse(serviceLevel);
}
