// Exact Gaussian likelihood of a stationary ARMA series by the Kalman filter (state space of
// Akaike / Gardner et al.: the state holds w_t and its forecasts w_{t+i|t}, whose initial covariance
// comes from the autocovariances and ψ weights), and the conditional sum of squares used to start.

/** ψ weights ψ_0..ψ_{count−1} of the ARMA model with AR a (w_t = Σ a_k w_{t−k} + …) and MA b. */
export function psiWeights(a: readonly number[], b: readonly number[], count: number): number[] {
  const psi = new Array(count).fill(0);
  for (let j = 0; j < count; j++) {
    let v = j === 0 ? 1 : j <= b.length ? b[j - 1] : 0;
    for (let i = 1; i <= Math.min(j, a.length); i++) v += a[i - 1] * psi[j - i];
    psi[j] = v;
  }
  return psi;
}

/** Solves the square system A x = rhs by Gaussian elimination with partial pivoting (A is overwritten); null if singular. */
function solve(A: number[][], rhs: number[]): number[] | null {
  const n = rhs.length;
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(A[r][c]) > Math.abs(A[piv][c])) piv = r;
    if (!(Math.abs(A[piv][c]) > 1e-14)) return null;
    [A[c], A[piv]] = [A[piv], A[c]];
    [rhs[c], rhs[piv]] = [rhs[piv], rhs[c]];
    for (let r = c + 1; r < n; r++) {
      const f = A[r][c] / A[c][c];
      if (f === 0) continue;
      for (let k = c; k < n; k++) A[r][k] -= f * A[c][k];
      rhs[r] -= f * rhs[c];
    }
  }
  const x = new Array(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = rhs[r];
    for (let k = r + 1; k < n; k++) s -= A[r][k] * x[k];
    x[r] = s / A[r][r];
  }
  return x;
}

/**
 * Autocovariances γ(0..count−1) of the stationary ARMA process with unit innovation variance:
 * γ(k) − Σ a_i γ(|k − i|) = Σ_{j≥k} b_j ψ_{j−k} (b_0 = 1) solved for k ≤ p, then the recursion.
 * Null when the AR part is not stationary (singular system).
 */
export function armaAutocovariances(a: readonly number[], b: readonly number[], count: number): number[] | null {
  const p = a.length, q = b.length;
  const psi = psiWeights(a, b, q + 1);
  const rhsAt = (k: number) => { let s = 0; for (let j = k; j <= q; j++) s += (j === 0 ? 1 : b[j - 1]) * psi[j - k]; return s; };
  const gamma = new Array(Math.max(count, p + 1)).fill(0);
  if (p === 0) {
    for (let k = 0; k < gamma.length; k++) gamma[k] = k <= q ? rhsAt(k) : 0;
  } else {
    const A = Array.from({ length: p + 1 }, () => new Array(p + 1).fill(0));
    const rhs = new Array(p + 1).fill(0);
    for (let k = 0; k <= p; k++) {
      A[k][k] += 1;
      for (let i = 1; i <= p; i++) A[k][Math.abs(k - i)] -= a[i - 1];
      rhs[k] = rhsAt(k);
    }
    const g = solve(A, rhs);
    if (!g || !(g[0] > 0)) return null;
    for (let k = 0; k <= p; k++) gamma[k] = g[k];
    for (let k = p + 1; k < gamma.length; k++) {
      let s = k <= q ? rhsAt(k) : 0;
      for (let i = 1; i <= p; i++) s += a[i - 1] * gamma[k - i];
      gamma[k] = s;
    }
  }
  return gamma.slice(0, count);
}

export interface KalmanResult {
  /** Σ v_t²/F_t and Σ log F_t over the series (unit innovation variance). */
  ssq: number;
  sumLog: number;
  /** One-step innovations v_t = w_t − ŵ_{t|t−1}. */
  innovations: number[];
  /** Predicted state a_{N|N−1} after the last value (w_{N}, w_{N+1}, … forecasts) . */
  state: number[];
}

/**
 * Runs the Kalman filter over the zero-mean series w under ARMA(a, b) with unit innovation
 * variance: w_t = x_{0,t}, x_{t+1} = T x_t + ψ ε_{t+1}, T the companion of a. Null when the AR part
 * is not stationary. Once the predicted covariance stops changing, the gain is frozen (steady state).
 */
export function kalmanArma(w: ArrayLike<number>, a: readonly number[], b: readonly number[]): KalmanResult | null {
  const r = Math.max(a.length, b.length + 1);
  const phi = new Array(r).fill(0);
  a.forEach((v, i) => { phi[i] = v; });
  const psi = psiWeights(a, b, r);
  const arLags = nonZeroLags(phi);
  const gamma = armaAutocovariances(a, b, r);
  if (!gamma) return null;
  // P0_ij = γ(j − i) − Σ_{k<i} ψ_k ψ_{k+j−i} (i ≤ j).
  const P = new Float64Array(r * r);
  for (let i = 0; i < r; i++) {
    for (let j = i; j < r; j++) {
      let v = gamma[j - i];
      for (let k = 0; k < i; k++) v -= psi[k] * psi[k + j - i];
      P[i * r + j] = v; P[j * r + i] = v;
    }
  }
  const state = new Float64Array(r);
  const gain = new Float64Array(r);
  const B = new Float64Array(r * r);
  const column = new Float64Array(r);
  const innovations: number[] = new Array(w.length);
  let ssq = 0, sumLog = 0, steady = false, F = P[0];
  for (let t = 0; t < w.length; t++) {
    if (!steady) {
      F = P[0];
      if (!(F > 0)) return null;
      for (let i = 0; i < r; i++) gain[i] = P[i * r] / F;
    }
    const v = w[t] - state[0];
    innovations[t] = v;
    ssq += (v * v) / F;
    sumLog += Math.log(F);
    // Update then predict the state: x ← T(x + K v).
    for (let i = 0; i < r; i++) state[i] += gain[i] * v;
    let last = 0;
    for (const k of arLags) last += phi[k] * state[r - 1 - k];
    for (let i = 0; i < r - 1; i++) state[i] = state[i + 1];
    state[r - 1] = last;
    if (steady) continue;
    // Covariance: P ← T (P − P e0 e0' P / F) T' + ψψ'.
    for (let i = 0; i < r; i++) column[i] = P[i * r];
    for (let i = 0; i < r; i++) {
      for (let j = 0; j < r; j++) P[i * r + j] -= (column[i] * column[j]) / F;
    }
    for (let j = 0; j < r; j++) {
      for (let i = 0; i < r - 1; i++) B[i * r + j] = P[(i + 1) * r + j];
      let s = 0;
      for (const k of arLags) s += phi[k] * P[(r - 1 - k) * r + j];
      B[(r - 1) * r + j] = s;
    }
    let change = 0;
    for (let i = 0; i < r; i++) {
      for (let j = 0; j < r; j++) {
        let value: number;
        if (j < r - 1) value = B[i * r + j + 1];
        else { value = 0; for (const k of arLags) value += phi[k] * B[i * r + r - 1 - k]; }
        value += psi[i] * psi[j];
        change = Math.max(change, Math.abs(value - P[i * r + j]));
        P[i * r + j] = value;
      }
    }
    if (change < 1e-11) steady = true;
  }
  return { ssq, sumLog, innovations, state: Array.from(state) };
}

/**
 * −2 log L of w (mean already removed) under ARMA(a, b) with the innovation variance concentrated
 * out, σ̂² = Σ v²/F / N, as R's arima reports it: N log(2π σ̂²) + Σ log F + N. Infinity when not stationary.
 */
export function armaMinus2LogLik(w: ArrayLike<number>, a: readonly number[], b: readonly number[]): { minus2LogLik: number; sigma2: number; kalman: KalmanResult | null } {
  const k = kalmanArma(w, a, b);
  const N = w.length;
  if (!k || !(k.ssq > 0)) return { minus2LogLik: Infinity, sigma2: NaN, kalman: null };
  const sigma2 = k.ssq / N;
  return { minus2LogLik: N * Math.log(2 * Math.PI * sigma2) + k.sumLog + N, sigma2, kalman: k };
}

/**
 * Conditional sum of squares of w − c under ARMA(a, b): residuals from t = len(a) on, pre-sample
 * errors 0 (`buffer`: scratch space of at least w.length, to save an allocation per call).
 */
export function armaCss(w: ArrayLike<number>, a: readonly number[], b: readonly number[], c = 0, buffer?: Float64Array): { sse: number; count: number } {
  const p = a.length, q = b.length, N = w.length;
  const e = buffer && buffer.length >= N ? buffer : new Float64Array(N);
  // Only the non-zero lags of the expanded (mostly empty) seasonal polynomials are visited.
  const arLags = nonZeroLags(a), maLags = nonZeroLags(b);
  let sse = 0;
  for (let t = 0; t < p; t++) e[t] = 0;
  for (let t = p; t < N; t++) {
    let v = w[t] - c;
    for (const i of arLags) v -= a[i] * (w[t - i - 1] - c);
    const lags = Math.min(q, t - p);
    for (const j of maLags) { if (j >= lags) break; v -= b[j] * e[t - j - 1]; }
    e[t] = v;
    sse += v * v;
  }
  return { sse, count: N - p };
}

/** Indices of the non-zero coefficients, ascending. */
function nonZeroLags(c: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < c.length; i++) if (c[i] !== 0) out.push(i);
  return out;
}
