// Fits one ETS model by maximum likelihood: heuristic initial states (as R's forecast::ets), then
// Nelder–Mead over the smoothing parameters and initial states inside the usual region.

import { seasonalAdmissible } from "./admissible";
import { seasonalIndices } from "./decompose";
import { etsRecursion } from "./etsRecursion";
import type { EtsFit, EtsParameters, EtsSpec, EtsStates } from "./etsTypes";
import { nelderMead } from "./nelderMead";
import { etsCost } from "./etsLikelihood";

/** The usual region (Hyndman et al. 2008 §10.1, ets's bounds): limits of α, β (≤ α), γ (≤ 1 − α), φ. */
export const USUAL_BOUNDS = { lower: 1e-4, upper: 0.9999, phiLower: 0.8, phiUpper: 0.98 } as const;

/** True when the parameters lie in the usual region: 0 < β ≤ α < 1, 0 < γ ≤ 1 − α, 0.8 ≤ φ ≤ 0.98. */
export function inUsualRegion(spec: EtsSpec, p: EtsParameters): boolean {
  const { lower, upper, phiLower, phiUpper } = USUAL_BOUNDS;
  if (!(p.alpha >= lower && p.alpha <= upper)) return false;
  if (spec.trend !== "N" && !(p.beta >= lower && p.beta <= p.alpha)) return false;
  if (spec.season !== "N" && !(p.gamma >= lower && p.gamma <= 1 - p.alpha)) return false;
  if (spec.trend === "Ad" && !(p.phi >= phiLower && p.phi <= phiUpper)) return false;
  return true;
}

/**
 * Heuristic initial states, as ets's `initstate`: seasonal indices from a classical decomposition
 * of the first three seasons (or all values when fewer), level and trend from a least-squares line
 * through the first max(10, 2m) seasonally adjusted values (level alone: their mean).
 */
export function initialStates(y: ArrayLike<number>, spec: EtsSpec): EtsStates {
  const n = y.length;
  const m = spec.season === "N" ? 1 : spec.m;
  let adjusted = Array.from(y);
  let season: number[] = [];
  if (spec.season !== "N") {
    const type = spec.season === "M" ? "multiplicative" : "additive";
    const first = Array.from(y).slice(0, Math.min(n, 3 * m));
    const index = seasonalIndices(first, m, type) ?? new Array<number>(m).fill(type === "multiplicative" ? 1 : 0);
    season = index.slice();
    adjusted = adjusted.map((v, t) => (type === "multiplicative" ? v / Math.max(index[t % m], 1e-2) : v - index[t % m]));
  }
  const used = Math.min(Math.max(10, 2 * m), n);
  let level: number;
  let trend = 0;
  if (spec.trend === "N") {
    level = adjusted.slice(0, used).reduce((a, b) => a + b, 0) / used;
  } else {
    let sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (let t = 0; t < used; t++) { const x = t + 1; sx += x; sy += adjusted[t]; sxx += x * x; sxy += x * adjusted[t]; }
    const denominator = used * sxx - sx * sx;
    trend = denominator !== 0 ? (used * sxy - sx * sy) / denominator : 0;
    level = (sy - trend * sx) / used;
    if (Math.abs(level + trend) < 1e-8) { level *= 1 + 1e-3; trend *= 1 - 1e-3; }
  }
  return { level, trend, season };
}

/** ets's starting parameters: α = 0.2/m·(range) above its lower limit, β = 0.1α, γ = 0.05(1 − α), φ = 0.978. */
function startingParameters(spec: EtsSpec): EtsParameters {
  const m = spec.season === "N" ? 1 : spec.m;
  const { lower, upper } = USUAL_BOUNDS;
  const alpha = lower + (0.2 * (upper - lower)) / m;
  return { alpha, beta: lower + 0.1 * (alpha - lower), gamma: lower + 0.05 * (1 - alpha - lower), phi: 0.978 };
}

/** Number of free parameters of the spec (smoothing, initial states) plus one for the error variance. */
export function parameterCount(spec: EtsSpec): number {
  const m = spec.season === "N" ? 0 : spec.m;
  return 1 + (spec.trend !== "N" ? 1 : 0) + (spec.season !== "N" ? 1 : 0) + (spec.trend === "Ad" ? 1 : 0)
    + 1 + (spec.trend !== "N" ? 1 : 0) + Math.max(0, m - 1) + 1;
}

interface Layout {
  pack(p: EtsParameters, s: EtsStates): number[];
  unpack(x: number[]): { p: EtsParameters; s: EtsStates };
}

/** The optimiser's vector: [α, β?, γ?, φ?, ℓ₀, b₀?, s₁..s_{m−1}]; the m-th seasonal state keeps the sum at m (or 0). */
function layout(spec: EtsSpec): Layout {
  const trend = spec.trend !== "N", season = spec.season !== "N", damped = spec.trend === "Ad";
  const m = season ? spec.m : 0;
  return {
    pack(p, s) {
      const x = [p.alpha];
      if (trend) x.push(p.beta);
      if (season) x.push(p.gamma);
      if (damped) x.push(p.phi);
      x.push(s.level);
      if (trend) x.push(s.trend);
      for (let i = 0; i < m - 1; i++) x.push(s.season[i]);
      return x;
    },
    unpack(x) {
      let k = 0;
      const p: EtsParameters = { alpha: x[k++], beta: 0, gamma: 0, phi: 1 };
      if (trend) p.beta = x[k++];
      if (season) p.gamma = x[k++];
      if (damped) p.phi = x[k++];
      const s: EtsStates = { level: x[k++], trend: trend ? x[k++] : 0, season: [] };
      let sum = 0;
      for (let i = 0; i < m - 1; i++) { s.season.push(x[k]); sum += x[k++]; }
      if (season) s.season.push((spec.season === "M" ? m : 0) - sum);
      return { p, s };
    },
  };
}

export interface EtsFitOptions {
  /** Cost evaluations per Nelder–Mead run (default 100 per parameter, at least 300). */
  maxEvaluations?: number;
  /** Extra Nelder–Mead runs restarted from the best point so far (default 1). */
  restarts?: number;
}

/**
 * Fits ETS(spec) to y by maximum likelihood (opt.crit "lik" of ets). Returns null when the model
 * cannot be fitted (too few values for its parameters, or no finite likelihood).
 */
export function fitEts(y: ArrayLike<number>, spec: EtsSpec, options: EtsFitOptions = {}): EtsFit | null {
  const n = y.length;
  const np = parameterCount(spec);
  if (np - 1 >= n - 1) return null;
  const lay = layout(spec);
  const init = initialStates(y, spec);
  let x = lay.pack(startingParameters(spec), init);
  const scale = Math.max(1e-8, Math.abs(init.level) * 0.1, Array.from(y).reduce((a, v) => a + Math.abs(v), 0) / n * 0.1);
  const nSmoothing = 1 + (spec.trend !== "N" ? 1 : 0) + (spec.season !== "N" ? 1 : 0) + (spec.trend === "Ad" ? 1 : 0);
  const steps = x.map((v, i) => (i < nSmoothing ? 0.05 : spec.season === "M" && i >= x.length - (spec.m - 1) ? 0.05 : scale));
  if (spec.trend === "Ad") steps[nSmoothing - 1] = 0.02;
  const maxEvaluations = options.maxEvaluations ?? Math.max(300, 100 * x.length);
  const cost = etsCost(y, spec);
  let best = nelderMead(cost, x, { steps, maxEvaluations });
  for (let r = 0; r < (options.restarts ?? 1); r++) {
    const again = nelderMead(cost, best.x, { steps: steps.map((s) => s * 0.5), maxEvaluations });
    if (again.value < best.value - 1e-9) best = again; else break;
  }
  if (!Number.isFinite(best.value)) return null;
  x = best.x;
  const found = lay.unpack(x).p;
  // Seasonal models must also be admissible (forecastable); a fit that is not is dropped.
  if (spec.season !== "N" && !seasonalAdmissible(found.alpha, spec.trend === "N" ? 0 : found.beta, found.gamma, spec.trend === "Ad" ? found.phi : 1, spec.m)) return null;
  return fitAt(y, spec, lay.unpack(x).p, lay.unpack(x).s);
}

/** The fit object for given parameters and initial states (no optimisation): criteria, residuals, states. */
export function fitAt(y: ArrayLike<number>, spec: EtsSpec, parameters: EtsParameters, initial: EtsStates): EtsFit | null {
  const n = y.length;
  const pass = etsRecursion(y, spec, parameters, initial);
  if (!Number.isFinite(pass.minus2LogLik)) return null;
  const k = parameterCount(spec);
  const aic = pass.minus2LogLik + 2 * k;
  const aicc = n - k - 1 > 0 ? aic + (2 * k * (k + 1)) / (n - k - 1) : Infinity;
  return {
    spec, parameters, initial, final: pass.final,
    fitted: Array.from(pass.fitted), residuals: Array.from(pass.residuals),
    minus2LogLik: pass.minus2LogLik, parameterCount: k,
    aic, aicc, bic: pass.minus2LogLik + Math.log(n) * k,
    sigma2: pass.sse / Math.max(1, n - k),
  };
}
