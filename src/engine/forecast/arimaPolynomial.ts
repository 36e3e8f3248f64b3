// Polynomial helpers of seasonal ARIMA: the expanded AR and MA polynomials of (p,d,q)(P,D,Q)m, the
// stationarity-enforcing PACF transform (as R's arima), root checks and differencing.

/** Orders of a seasonal ARIMA(p,d,q)(P,D,Q)m model. */
export interface ArimaOrder { p: number; d: number; q: number; P: number; D: number; Q: number; m: number }

/**
 * AR coefficients of φ(B)Φ(B^m) = 1 − Σ a_k B^k, given φ (p) and Φ (P).
 * @example expandAr([0.5], [0.3], 4) // [0.5, 0, 0, 0.3, -0.15]
 */
export function expandAr(phi: readonly number[], seasonalPhi: readonly number[], m: number): number[] {
  const out = new Array(phi.length + seasonalPhi.length * m).fill(0);
  phi.forEach((v, i) => { out[i] += v; });
  seasonalPhi.forEach((s, j) => {
    out[(j + 1) * m - 1] += s;
    phi.forEach((v, i) => { out[i + (j + 1) * m] -= v * s; });
  });
  return out;
}

/**
 * MA coefficients of θ(B)Θ(B^m) = 1 + Σ b_k B^k, given θ (q) and Θ (Q).
 * @example expandMa([0.5], [0.3], 4) // [0.5, 0, 0, 0.3, 0.15]
 */
export function expandMa(theta: readonly number[], seasonalTheta: readonly number[], m: number): number[] {
  const out = new Array(theta.length + seasonalTheta.length * m).fill(0);
  theta.forEach((v, i) => { out[i] += v; });
  seasonalTheta.forEach((s, j) => {
    out[(j + 1) * m - 1] += s;
    theta.forEach((v, i) => { out[i + (j + 1) * m] += v * s; });
  });
  return out;
}

/**
 * Maps unconstrained reals to the coefficients of a stationary AR polynomial: partial
 * autocorrelations tanh(x) through the Durbin–Levinson recursion (R's partrans).
 * @example pacfToAr([0]) // [0]
 */
export function pacfToAr(raw: readonly number[]): number[] {
  const p = raw.length;
  const next = raw.map(Math.tanh);
  const work = next.slice();
  for (let j = 1; j < p; j++) {
    const a = next[j];
    for (let k = 0; k < j; k++) work[k] -= a * next[j - k - 1];
    for (let k = 0; k < j; k++) next[k] = work[k];
  }
  return next;
}

/** Inverse of pacfToAr for a stationary polynomial (atanh of the step-down partial autocorrelations). */
export function arToPacf(coefficients: readonly number[]): number[] {
  let a = coefficients.slice();
  const out = new Array(a.length).fill(0);
  for (let k = a.length; k >= 1; k--) {
    const kappa = Math.max(-0.99, Math.min(0.99, a[k - 1]));
    out[k - 1] = Math.atanh(kappa);
    const prev = new Array(k - 1);
    for (let j = 0; j < k - 1; j++) prev[j] = (a[j] + kappa * a[k - 2 - j]) / (1 - kappa * kappa);
    a = prev;
  }
  return out;
}

/**
 * True when every root of 1 − Σ a_k z^k lies outside the circle of radius `radius` (Schur–Cohn
 * step-down: every partial autocorrelation of the polynomial scaled by radius^k below 1 in size).
 * MA polynomials 1 + Σ b_k z^k are checked with a = −b.
 * @example rootsOutside([0.5], 1) // true (root 2)
 */
export function rootsOutside(a: readonly number[], radius = 1): boolean {
  let c = a.map((v, k) => v * radius ** (k + 1));
  while (c.length > 0 && Math.abs(c[c.length - 1]) < 1e-12) c.pop();
  for (let k = c.length; k >= 1; k--) {
    const kappa = c[k - 1];
    if (!(Math.abs(kappa) < 1)) return false;
    const prev = new Array(k - 1);
    for (let j = 0; j < k - 1; j++) prev[j] = (c[j] + kappa * c[k - 2 - j]) / (1 - kappa * kappa);
    c = prev;
  }
  return true;
}

/**
 * Coefficients δ of (1 − B)^d (1 − B^m)^D = 1 − Σ δ_k B^k, so y_t = w_t + Σ δ_k y_{t−k}.
 * @example differencingPolynomial(1, 0, 1) // [1]
 */
export function differencingPolynomial(d: number, D: number, m: number): number[] {
  let poly = [1];
  const times = (factor: number[]) => {
    const out = new Array(poly.length + factor.length - 1).fill(0);
    poly.forEach((a, i) => factor.forEach((b, j) => { out[i + j] += a * b; }));
    poly = out;
  };
  for (let i = 0; i < d; i++) times([1, -1]);
  for (let i = 0; i < D; i++) { const f = new Array(m + 1).fill(0); f[0] = 1; f[m] = -1; times(f); }
  return poly.slice(1).map((v) => 0 - v);
}

/** w = (1 − B)^d (1 − B^m)^D y: the differenced series (length n − d − mD). */
export function difference(y: readonly number[], d: number, D: number, m: number): number[] {
  const delta = differencingPolynomial(d, D, m);
  const k = delta.length;
  const out: number[] = [];
  for (let t = k; t < y.length; t++) {
    let w = y[t];
    for (let i = 0; i < k; i++) w -= delta[i] * y[t - i - 1];
    out.push(w);
  }
  return out;
}
