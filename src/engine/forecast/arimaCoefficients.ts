// The expanded AR and MA polynomials of a seasonal ARIMA written from the optimiser's unconstrained
// vector into buffers reused across cost evaluations (the same arithmetic as pacfToAr, expandAr, expandMa).

import type { ArimaOrder } from "./arimaPolynomial";

export interface CoefficientBuffers {
  /** a_1..a_{p+mP} of φ(B)Φ(B^m) = 1 − Σ a_k B^k. */
  a: number[];
  /** b_1..b_{q+mQ} of θ(B)Θ(B^m) = 1 + Σ b_k B^k. */
  b: number[];
  /** Writes a and b for the vector x = [pacf(φ), θ, pacf(Φ), Θ, c?] and returns the constant c (0 without). */
  set(x: ArrayLike<number>): number;
}

/** Durbin–Levinson from partial autocorrelations tanh(x[offset..offset+k)) into `next` (R's partrans). */
function pacfInto(x: ArrayLike<number>, offset: number, k: number, next: number[], work: number[]): void {
  for (let i = 0; i < k; i++) { next[i] = Math.tanh(x[offset + i]); work[i] = next[i]; }
  for (let j = 1; j < k; j++) {
    const a = next[j];
    for (let i = 0; i < j; i++) work[i] -= a * next[j - i - 1];
    for (let i = 0; i < j; i++) next[i] = work[i];
  }
}

/**
 * Buffers for ARIMA(order), with a constant as the last entry of x when `constant`.
 * @example const k = coefficientBuffers({ p: 1, d: 0, q: 0, P: 1, D: 0, Q: 0, m: 4 }, false); k.set([0, 0]); k.a.length // 5
 */
export function coefficientBuffers(order: ArimaOrder, constant: boolean): CoefficientBuffers {
  const { p, q, P, Q, m } = order;
  const a = new Array<number>(p + P * m).fill(0);
  const b = new Array<number>(q + Q * m).fill(0);
  const phi = new Array<number>(p).fill(0), seasonalPhi = new Array<number>(P).fill(0);
  const work = new Array<number>(Math.max(p, P)).fill(0);
  return {
    a, b,
    set(x) {
      pacfInto(x, 0, p, phi, work);
      pacfInto(x, p + q, P, seasonalPhi, work);
      a.fill(0); b.fill(0);
      for (let i = 0; i < p; i++) a[i] += phi[i];
      for (let j = 0; j < P; j++) {
        const s = seasonalPhi[j];
        a[(j + 1) * m - 1] += s;
        for (let i = 0; i < p; i++) a[i + (j + 1) * m] -= phi[i] * s;
      }
      for (let i = 0; i < q; i++) b[i] += x[p + i];
      for (let j = 0; j < Q; j++) {
        const s = x[p + q + P + j];
        b[(j + 1) * m - 1] += s;
        for (let i = 0; i < q; i++) b[i + (j + 1) * m] += x[p + i] * s;
      }
      return constant ? x[p + q + P + Q] : 0;
    },
  };
}
