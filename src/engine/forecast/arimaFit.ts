// Fits one seasonal ARIMA(p,d,q)(P,D,Q)m, with or without a constant (the mean when d + D = 0, the
// drift when d + D = 1), by exact maximum likelihood on the differenced series (Kalman filter),
// started from conditional least squares, as R's arima(method = "CSS-ML") does.

import { nelderMead } from "./nelderMead";
import { ArimaOrder, difference, expandAr, expandMa, pacfToAr, rootsOutside } from "./arimaPolynomial";
import { armaCss, armaMinus2LogLik, KalmanResult } from "./arimaLikelihood";
import { coefficientBuffers } from "./arimaCoefficients";

export interface ArimaFit {
  order: ArimaOrder;
  /** True when the model has a constant (mean of the differenced series: the mean or the drift). */
  constant: boolean;
  phi: number[]; theta: number[]; seasonalPhi: number[]; seasonalTheta: number[];
  /** The constant c (0 without one). */
  c: number;
  /** Innovation variance σ̂² = Σ v²/F / N. */
  sigma2: number;
  loglik: number;
  aic: number;
  /** auto.arima's AICc (Infinity when rejected: a root within 1.01 of the unit circle, or too few values). */
  aicc: number;
  /** The history, the unconstrained parameter vector, and the Kalman filter's pass (null for a CSS fit of the search). */
  y: number[];
  x: number[];
  kalman: KalmanResult | null;
}

export interface ArimaFitOptions {
  /** "ML": CSS start then exact likelihood (default); "CSS": conditional least squares only, AICc from the CSS variance (the search's approximation). */
  method?: "ML" | "CSS";
  maxEvaluations?: number;
  /** Start values (the unconstrained vector of a previous fit, e.g. the CSS search's) instead of CSS. */
  start?: number[];
}

interface Layout { order: ArimaOrder; constant: boolean }

function unpack(x: number[], { order, constant }: Layout) {
  const { p, q, P, Q } = order;
  let i = 0;
  const take = (k: number) => x.slice(i, (i += k));
  const phi = pacfToAr(take(p));
  const theta = take(q);
  const seasonalPhi = pacfToAr(take(P));
  const seasonalTheta = take(Q);
  const c = constant ? x[i] : 0;
  return { phi, theta, seasonalPhi, seasonalTheta, c };
}

const centred = (w: number[], c: number) => (c === 0 ? w : w.map((v) => v - c));

/** Number of estimated coefficients plus one for σ² (auto.arima's npar). */
export function arimaParameterCount(order: ArimaOrder, constant: boolean): number {
  return order.p + order.q + order.P + order.Q + (constant ? 1 : 0) + 1;
}

/**
 * Fits ARIMA(order) to y, with a constant when asked (only sensible when d + D ≤ 1). Null when the
 * differenced series is too short for the parameters or no finite likelihood is found.
 * @example fitArima([1, 3, 2, 4, 3, 5, 4, 6, 5, 7], { p: 0, d: 1, q: 0, P: 0, D: 0, Q: 0, m: 1 }, true)!.c // ≈ 0.67, the drift
 */
export function fitArima(y: number[], order: ArimaOrder, constant: boolean, options: ArimaFitOptions = {}): ArimaFit | null {
  const w = difference(y, order.d, order.D, order.m);
  const N = w.length;
  const npar = arimaParameterCount(order, constant);
  if (N < npar + 2) return null;
  const layout = { order, constant };
  const mean = w.reduce((a, b) => a + b, 0) / N;
  const spread = Math.sqrt(w.reduce((a, b) => a + (b - mean) ** 2, 0) / N) || 1;
  const dim = npar - 1;
  const start = new Array(dim).fill(0);
  if (constant) start[dim - 1] = mean;
  const steps = start.map((_, i) => (constant && i === dim - 1 ? 0.1 * spread : 0.1));
  const polynomials = (x: number[]) => {
    const u = unpack(x, layout);
    return { ...u, a: expandAr(u.phi, u.seasonalPhi, order.m), b: expandMa(u.theta, u.seasonalTheta, order.m) };
  };
  const maxEvaluations = options.maxEvaluations ?? 100 * Math.max(1, dim);
  const buffer = new Float64Array(N);
  const coefficients = coefficientBuffers(order, constant);
  const cssCost = (x: number[]) => {
    const c = coefficients.set(x);
    const css = armaCss(w, coefficients.a, coefficients.b, c, buffer);
    return css.count > 0 && css.sse > 0 ? 0.5 * Math.log(css.sse / css.count) : Infinity;
  };
  let x = options.start ?? start;
  if (dim > 0 && !options.start) x = nelderMead(cssCost, start, { steps, maxEvaluations, tolerance: 1e-7 }).x;
  if (options.method !== "CSS" && dim > 0) {
    const centredW = new Float64Array(N);
    const mlCost = (v: number[]) => {
      const c = coefficients.set(v);
      for (let t = 0; t < N; t++) centredW[t] = c === 0 ? w[t] : w[t] - c;
      return armaMinus2LogLik(centredW, coefficients.a, coefficients.b).minus2LogLik;
    };
    // From a given start (the chosen model of a CSS search, already close): one short run with small steps.
    let best = nelderMead(mlCost, x, options.start ? { steps: steps.map((s) => s * 0.2), maxEvaluations: Math.ceil(maxEvaluations / 2) } : { steps: steps.map((s) => s * 0.5), maxEvaluations });
    if (!options.start) {
      const again = nelderMead(mlCost, best.x, { steps: steps.map((s) => s * 0.2), maxEvaluations: Math.ceil(maxEvaluations / 2) });
      if (again.value < best.value) best = again;
    }
    x = best.x;
  }
  const k = polynomials(x);
  let minus2LogLik: number, sigma2: number, kalman: KalmanResult | null = null;
  if (options.method === "CSS") {
    const css = armaCss(w, k.a, k.b, k.c, buffer);
    sigma2 = css.sse / css.count;
    minus2LogLik = N * Math.log(2 * Math.PI * sigma2) + N;
    if (!Number.isFinite(minus2LogLik)) return null;
  } else {
    const ml = armaMinus2LogLik(centred(w, k.c), k.a, k.b);
    if (!ml.kalman || !Number.isFinite(ml.minus2LogLik)) return null;
    minus2LogLik = ml.minus2LogLik; sigma2 = ml.sigma2; kalman = ml.kalman;
  }
  const aic = minus2LogLik + 2 * npar;
  // auto.arima's AICc (myarima): nstar = n − d − mD, n the length of the undifferenced series.
  const nstar = y.length - order.d - order.D * order.m;
  const admissible = rootsOutside(k.a, 1.01) && rootsOutside(k.b.map((v) => -v), 1.01);
  const aicc = admissible && nstar - npar - 1 > 0 ? aic + (2 * npar * (npar + 1)) / (nstar - npar - 1) : Infinity;
  return {
    order, constant, phi: k.phi, theta: k.theta, seasonalPhi: k.seasonalPhi, seasonalTheta: k.seasonalTheta, c: k.c,
    sigma2, loglik: -minus2LogLik / 2, aic, aicc, y, x, kalman,
  };
}

/** The fit with its Kalman pass (computed once for a CSS fit); null when the likelihood is not finite. */
export function withKalman(fit: ArimaFit): ArimaFit | null {
  if (fit.kalman) return fit;
  const { order } = fit;
  const w = difference(fit.y, order.d, order.D, order.m).map((v) => v - fit.c);
  const ml = armaMinus2LogLik(w, expandAr(fit.phi, fit.seasonalPhi, order.m), expandMa(fit.theta, fit.seasonalTheta, order.m));
  return ml.kalman ? { ...fit, kalman: ml.kalman } : null;
}

/** One-step fitted values of y from the Kalman innovations (NaN for the first d + mD values). */
export function arimaFitted(fit: ArimaFit): number[] {
  const innovations = fit.kalman?.innovations ?? [];
  const lag = fit.y.length - innovations.length;
  return fit.y.map((v, t) => (t < lag ? NaN : v - innovations[t - lag]));
}
