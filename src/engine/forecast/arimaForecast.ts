// Forecasts of a fitted ARIMA: the differenced series forecast from the Kalman filter's last state,
// integrated back through the differences, with Gaussian intervals from the ψ weights of the
// integrated model (variance σ²Σ_{j<h} ψ_j²).

import { standardNormalInverse } from "../normal";
import { ArimaFit } from "./arimaFit";
import { differencingPolynomial, expandAr, expandMa } from "./arimaPolynomial";
import { psiWeights } from "./arimaLikelihood";

/** "ARIMA(1,1,0)(0,1,1)[12] with drift" in R's style. */
export function arimaName(fit: ArimaFit): string {
  const { p, d, q, P, D, Q, m } = fit.order;
  const seasonal = P + D + Q > 0 && m > 1 ? `(${P},${D},${Q})[${m}]` : "";
  const constant = !fit.constant ? "" : d + D === 0 ? " with mean" : " with drift";
  return `ARIMA(${p},${d},${q})${seasonal}${constant}`;
}

/** Product of polynomials 1 − Σ a_k B^k and 1 − Σ c_k B^k, as the coefficients of 1 − Σ e_k B^k. */
function multiplyAr(a: readonly number[], c: readonly number[]): number[] {
  const left = [1, ...a.map((v) => -v)], right = [1, ...c.map((v) => -v)];
  const out = new Array(left.length + right.length - 1).fill(0);
  left.forEach((x, i) => right.forEach((y, j) => { out[i + j] += x * y; }));
  return out.slice(1).map((v) => -v);
}

/** Point forecasts of the next `horizon` values of the series the model was fitted to. */
export function arimaPointForecast(fit: ArimaFit, horizon: number): number[] {
  const { order, y, c } = fit;
  const a = expandAr(fit.phi, fit.seasonalPhi, order.m);
  const state = fit.kalman?.state ?? [];
  const w: number[] = [];
  for (let h = 0; h < horizon; h++) {
    if (h < state.length) w.push(state[h]);
    else { let s = 0; for (let k = 0; k < a.length; k++) s += a[k] * w[h - k - 1]; w.push(s); }
  }
  const delta = differencingPolynomial(order.d, order.D, order.m);
  const path = y.slice();
  for (let h = 0; h < horizon; h++) {
    let v = w[h] + c;
    for (let k = 0; k < delta.length; k++) v += delta[k] * path[path.length - 1 - k];
    path.push(v);
  }
  return path.slice(y.length);
}

/** Forecast standard deviations σ·sqrt(Σ_{j<h} ψ_j²) of the integrated model. */
export function arimaForecastSd(fit: ArimaFit, horizon: number): number[] {
  const { order } = fit;
  const a = multiplyAr(expandAr(fit.phi, fit.seasonalPhi, order.m), differencingPolynomial(order.d, order.D, order.m));
  const psi = psiWeights(a, expandMa(fit.theta, fit.seasonalTheta, order.m), horizon);
  const out: number[] = [];
  let sum = 0;
  for (let h = 0; h < horizon; h++) { sum += psi[h] * psi[h]; out.push(Math.sqrt(fit.sigma2 * sum)); }
  return out;
}

/** Point forecasts with `level` Gaussian interval bounds. */
export function arimaForecast(fit: ArimaFit, horizon: number, level = 0.95): { forecast: number[]; lower: number[]; upper: number[] } {
  const z = standardNormalInverse(1 - (1 - level) / 2);
  const forecast = arimaPointForecast(fit, horizon);
  const sd = arimaForecastSd(fit, horizon);
  return { forecast, lower: forecast.map((f, h) => f - z * sd[h]), upper: forecast.map((f, h) => f + z * sd[h]) };
}
