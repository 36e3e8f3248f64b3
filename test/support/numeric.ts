// Test-only numerics, independent of the engine: forward-mode dual numbers (exact derivatives of a
// cost function), a 1-D minimiser that scans for sign changes of that derivative and bisects each to
// the last bit, and a standard normal CDF by Gauss-Legendre quadrature of the density.

/** A dual number v + d·ε (ε² = 0): carries a value and its exact derivative. */
export class Dual {
  constructor(readonly v: number, readonly d = 0) {}
  static variable(x: number): Dual {
    return new Dual(x, 1);
  }
  static of(x: number | Dual): Dual {
    return typeof x === "number" ? new Dual(x, 0) : x;
  }
  add(o: number | Dual): Dual {
    const b = Dual.of(o);
    return new Dual(this.v + b.v, this.d + b.d);
  }
  sub(o: number | Dual): Dual {
    const b = Dual.of(o);
    return new Dual(this.v - b.v, this.d - b.d);
  }
  mul(o: number | Dual): Dual {
    const b = Dual.of(o);
    return new Dual(this.v * b.v, this.d * b.v + this.v * b.d);
  }
  div(o: number | Dual): Dual {
    const b = Dual.of(o);
    return new Dual(this.v / b.v, (this.d * b.v - this.v * b.d) / (b.v * b.v));
  }
  square(): Dual {
    return this.mul(this);
  }
}

/** Constant c as a dual (derivative 0). */
export const c = (x: number): Dual => new Dual(x, 0);

/** Derivative of f at x, exact up to rounding (forward mode). */
export function derivative(f: (x: Dual) => Dual, x: number): number {
  return f(Dual.variable(x)).d;
}

/** Bisects [lo, hi] (df(lo) < 0 ≤ df(hi)) on the sign of df until the two ends are adjacent doubles. */
export function bisectSign(df: (x: number) => number, lo: number, hi: number): number {
  for (let i = 0; i < 3000; i++) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    if (df(mid) < 0) lo = mid;
    else hi = mid;
  }
  return Math.abs(df(lo)) <= Math.abs(df(hi)) ? lo : hi;
}

/**
 * Global minimiser of a smooth f on [lo, hi] (lo > 0): scans `points` log-spaced abscissae for every
 * − to + sign change of f′, bisects each, and returns the one with the lowest f. It never uses a
 * closed form, only f and its derivative.
 */
export function minimise1D(f: (x: Dual) => Dual, lo: number, hi: number, points = 400): { x: number; value: number; found: boolean } {
  return minimiseBySlope((x) => f(c(x)).v, (x) => derivative(f, x), lo, hi, points);
}

/** As minimise1D, with the value f and slope df given as plain functions (e.g. an envelope derivative). */
export function minimiseBySlope(
  f: (x: number) => number,
  df: (x: number) => number,
  lo: number,
  hi: number,
  points = 400,
): { x: number; value: number; found: boolean } {
  const ratio = Math.pow(hi / lo, 1 / (points - 1));
  let best = { x: NaN, value: Infinity, found: false };
  let prevX = lo;
  let prevD = df(lo);
  for (let i = 1; i < points; i++) {
    const x = i === points - 1 ? hi : lo * Math.pow(ratio, i);
    const d = df(x);
    if (prevD < 0 && d >= 0) {
      const root = bisectSign(df, prevX, x);
      const value = f(root);
      if (value < best.value) best = { x: root, value, found: true };
    }
    prevX = x;
    prevD = d;
  }
  return best;
}

// --- Standard normal CDF by quadrature (independent of the engine's series / continued fraction).

function gaussLegendre(n: number): { nodes: number[]; weights: number[] } {
  const nodes: number[] = [];
  const weights: number[] = [];
  for (let i = 1; i <= n; i++) {
    let x = Math.cos((Math.PI * (i - 0.25)) / (n + 0.5));
    let dp = 0;
    for (let iter = 0; iter < 100; iter++) {
      let p0 = 1;
      let p1 = x;
      for (let k = 2; k <= n; k++) {
        const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      dp = (n * (x * p1 - p0)) / (x * x - 1);
      const dx = p1 / dp;
      x -= dx;
      if (Math.abs(dx) < 1e-16) break;
    }
    nodes.push(x);
    weights.push(2 / ((1 - x * x) * dp * dp));
  }
  return { nodes, weights };
}

const GL = gaussLegendre(24);
const density = (t: number) => {
  const head = Math.round(t * 16) / 16; // exact head², so exp keeps its relative accuracy far out
  return (Math.exp(-0.5 * head * head) * Math.exp(-0.5 * (t - head) * (t + head))) / Math.sqrt(2 * Math.PI);
};

/** Q(x) = ∫_x^∞ φ, x ≥ 0, by 24-point Gauss-Legendre on panels of width 1/8 up to x + 14. */
export function upperTailByQuadrature(x: number): number {
  const width = 0.125;
  const panels = Math.ceil(14 / width);
  let sum = 0;
  for (let k = panels - 1; k >= 0; k--) {
    const a = x + k * width;
    const half = width / 2;
    let s = 0;
    for (let i = 0; i < GL.nodes.length; i++) s += GL.weights[i] * density(a + half + half * GL.nodes[i]);
    sum += s * half;
  }
  return sum;
}

/** Φ(x) by quadrature: Q(−x) below 0 (full relative accuracy in the lower tail), 1 − Q(x) above. */
export function normalCdfByQuadrature(x: number): number {
  return x < 0 ? upperTailByQuadrature(-x) : 1 - upperTailByQuadrature(x);
}

/** Standard normal density φ(x). */
export const normalDensity = density;

/** Relative difference |a − b| / max(|b|, tiny). */
export function relativeError(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
}
