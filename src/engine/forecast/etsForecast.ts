// Forecasts of a fitted ETS model: point forecasts from the final states, and prediction
// intervals — analytic for the linear (additive) class, by seeded simulation otherwise.

import { standardNormalInverse } from "../normal";
import { seededRandom } from "../random";
import type { EtsFit, EtsParameters, EtsSpec, EtsStates } from "./etsTypes";

export interface Interval {
  lower: number[];
  upper: number[];
  /** Coverage, e.g. 0.95. */
  level: number;
  /** "analytic" (Hyndman et al. 2008 class 1, eq. 6.1) or "simulation" (paths of the model). */
  method: "analytic" | "simulation";
}

/** φ + φ² + … + φ^h (h without damping). */
function dampedSum(phi: number, h: number): number {
  if (phi === 1) return h;
  let sum = 0, power = 1;
  for (let j = 1; j <= h; j++) { power *= phi; sum += power; }
  return sum;
}

/**
 * Point forecasts ŷ_{n+h|n} = (ℓ + φ_h b) ∘ s_{n+h−m(k+1)} for h = 1..horizon, from the final states.
 * @example etsPointForecast({error:"A",trend:"A",season:"N",m:1}, {alpha:0.5,beta:0.1,gamma:0,phi:1}, {level:10,trend:2,season:[]}, 2) // [12, 14]
 */
export function etsPointForecast(spec: EtsSpec, p: EtsParameters, final: EtsStates, horizon: number): number[] {
  const out: number[] = [];
  const phi = spec.trend === "Ad" ? p.phi : 1;
  for (let h = 1; h <= horizon; h++) {
    const q = spec.trend === "N" ? final.level : final.level + dampedSum(phi, h) * final.trend;
    const s = spec.season === "N" ? 0 : final.season[(h - 1) % spec.m];
    out.push(spec.season === "A" ? q + s : spec.season === "M" ? q * s : q);
  }
  return out;
}

/** True for the linear class with analytic forecast variances: additive error, no multiplicative season. */
export function hasAnalyticVariance(spec: EtsSpec): boolean {
  return spec.error === "A" && spec.season !== "M";
}

/** Forecast variances σ²(1 + Σ_{j<h} c_j²), c_j = α + βφ_j + γ·[j ≡ 0 mod m] (class 1 models). */
export function analyticVariances(fit: EtsFit, horizon: number): number[] {
  const { spec, parameters: p, sigma2 } = fit;
  const phi = spec.trend === "Ad" ? p.phi : 1;
  const out: number[] = [];
  let sum = 0;
  for (let h = 1; h <= horizon; h++) {
    out.push(sigma2 * (1 + sum));
    const j = h;
    const c = p.alpha + (spec.trend !== "N" ? p.beta * dampedSum(phi, j) : 0) + (spec.season !== "N" && j % spec.m === 0 ? p.gamma : 0);
    sum += c * c;
  }
  return out;
}

function normalDraw(random: () => number): number {
  const u = Math.max(random(), 1e-12), v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Quantiles of `paths` future sample paths of the model with Gaussian errors of variance σ² (seeded). */
function simulatedInterval(fit: EtsFit, horizon: number, level: number, paths = 1000, seed = 1): { lower: number[]; upper: number[] } {
  const { spec, parameters: p, final } = fit;
  const sd = Math.sqrt(fit.sigma2);
  const random = seededRandom(seed);
  const phi = spec.trend === "Ad" ? p.phi : 1;
  const draws: number[][] = Array.from({ length: horizon }, () => []);
  for (let k = 0; k < paths; k++) {
    let l = final.level, b = final.trend;
    const season = final.season.slice();
    for (let h = 0; h < horizon; h++) {
      const si = h % (spec.season === "N" ? 1 : spec.m);
      const s = spec.season === "N" ? 0 : season[si];
      const q = spec.trend === "N" ? l : l + phi * b;
      const mean = spec.season === "A" ? q + s : spec.season === "M" ? q * s : q;
      const e = sd * normalDraw(random);
      const y = spec.error === "M" ? mean * (1 + e) : mean + e;
      draws[h].push(y);
      const adjusted = spec.season === "A" ? y - s : spec.season === "M" ? y / s : y;
      const newLevel = q + p.alpha * (adjusted - q);
      if (spec.trend !== "N") b = phi * b + p.beta * (adjusted - q);
      if (spec.season === "A") season[si] = s + p.gamma * (y - q - s);
      else if (spec.season === "M") season[si] = s + p.gamma * (y / q - s);
      l = newLevel;
    }
    if (spec.season !== "N") season.length = spec.m;
  }
  const tail = (1 - level) / 2;
  const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))];
  const lower: number[] = [], upper: number[] = [];
  for (const d of draws) {
    d.sort((a, b) => a - b);
    lower.push(quantile(d, tail));
    upper.push(quantile(d, 1 - tail));
  }
  return { lower, upper };
}

/** Prediction interval of coverage `level` around the point forecasts (see Interval.method). */
export function etsInterval(fit: EtsFit, point: number[], level = 0.95): Interval {
  const horizon = point.length;
  if (hasAnalyticVariance(fit.spec)) {
    const z = standardNormalInverse(1 - (1 - level) / 2);
    const variances = analyticVariances(fit, horizon);
    return {
      lower: point.map((f, h) => f - z * Math.sqrt(variances[h])),
      upper: point.map((f, h) => f + z * Math.sqrt(variances[h])),
      level, method: "analytic",
    };
  }
  const { lower, upper } = simulatedInterval(fit, horizon, level);
  return { lower, upper, level, method: "simulation" };
}
