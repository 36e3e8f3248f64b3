// Per-series weights of the combination's members from rolling-origin errors on the series' own
// history: each member's model form (chosen on the whole series) re-estimated at the last origins.
// A measurement for bench/forecastWeights.ts: no rule of it held out of fold (docs/forecasting.md).

import { naiveScale } from "../src/engine/forecast/accuracy";
import { fitEts } from "../src/engine/forecast/etsFit";
import { etsPointForecast } from "../src/engine/forecast/etsForecast";
import { fitArima, withKalman } from "../src/engine/forecast/arimaFit";
import { arimaPointForecast } from "../src/engine/forecast/arimaForecast";
import { fitTheta, thetaForecast } from "../src/engine/forecast/theta";
import type { MemberForm } from "../src/engine/forecast/members";

/**
 * Re-estimates the form on y (ETS: maximum likelihood, one Nelder–Mead run; ARIMA: conditional
 * least squares, then the Kalman state; Theta: refitted) and forecasts `horizon` steps; null when
 * the history is too short for it.
 */
export function refitForecast(y: number[], m: number, horizon: number, form: MemberForm): number[] | null {
  if (form.kind === "ETS") {
    const fit = fitEts(y, form.spec, { restarts: 0, maxEvaluations: 400 });
    return fit ? etsPointForecast(fit.spec, fit.parameters, fit.final, horizon) : null;
  }
  if (form.kind === "Theta") {
    const fit = fitTheta(y, m);
    return fit ? thetaForecast(fit, horizon) : null;
  }
  const css = fitArima(y, form.order, form.constant, { method: "CSS" });
  const fit = css ? withKalman(css) : null;
  return fit ? arimaPointForecast(fit, horizon) : null;
}

/** One origin's errors, one per member (NaN where the member could not be refitted). */
export interface OriginErrors {
  /** Mean absolute error over the steps, over the in-sample seasonal naive MAE of the cut history. */
  mase: number[];
  /** sMAPE (%) over the steps. */
  smape: number[];
}

/**
 * Cuts y at origins o = n − horizon − j, j = 0 … origins − 1 (each keeping at least max(4, m + 2)
 * values), refits every form there and scores its `horizon`-step forecast against y[o .. o + horizon).
 * @example holdoutErrors([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 1, 2, [{ kind: "Theta" }], 2).length // 2 origins: 8 and 7
 */
export function holdoutErrors(y: readonly number[], m: number, horizon: number, forms: readonly MemberForm[], origins: number): OriginErrors[] {
  const n = y.length;
  const out: OriginErrors[] = [];
  for (let j = 0; j < origins; j++) {
    const o = n - horizon - j;
    if (o < Math.max(4, m + 2)) break;
    const cut = y.slice(0, o);
    const actual = y.slice(o, o + horizon);
    const scale = naiveScale(cut, m);
    const mase: number[] = [], smape: number[] = [];
    for (const form of forms) {
      const f = refitForecast(cut, m, horizon, form);
      if (!f || !f.every(Number.isFinite)) { mase.push(NaN); smape.push(NaN); continue; }
      let abs = 0, sym = 0;
      actual.forEach((v, h) => {
        abs += Math.abs(v - f[h]);
        const d = Math.abs(v) + Math.abs(f[h]);
        sym += d > 0 ? (200 * Math.abs(v - f[h])) / d : 0;
      });
      mase.push(scale ? abs / actual.length / scale : NaN);
      smape.push(sym / actual.length);
    }
    out.push({ mase, smape });
  }
  return out;
}

/** Each member's mean error over the first k origins (NaN when a member has an error missing). */
export function meanOriginErrors(errors: readonly OriginErrors[], k: number, metric: keyof OriginErrors): number[] {
  const used = errors.slice(0, k);
  if (used.length === 0) return [];
  return used[0][metric].map((_, i) => used.reduce((a, e) => a + e[metric][i], 0) / used.length);
}

/**
 * How the errors become weights. "inverse": w ∝ 1/e^power (power 1 by default; 2 with squared
 * errors is Bates and Granger's inverse-MSE weighting), shrunk toward equal weights by `shrink` ∈
 * [0, 1] (0: equal; 1: pure inverse-error). "softmax": w ∝ exp(−(e / mean e) / temperature). "dropWorst":
 * equal weights over the others when the worst error exceeds `ratio` times the mean of the others.
 */
export type WeightRule =
  | { kind: "equal" }
  | { kind: "inverse"; shrink: number; power?: number }
  | { kind: "softmax"; temperature: number }
  | { kind: "dropWorst"; ratio: number };

/**
 * Weights (summing to 1) for members with these errors; equal weights when any error is missing
 * or not positive-finite in a way that would decide nothing (all zero).
 * @example combinationWeights([1, 1, 2], { kind: "inverse", shrink: 1 }) // [0.4, 0.4, 0.2]
 */
export function combinationWeights(errors: readonly number[], rule: WeightRule): number[] {
  const k = errors.length;
  const equal = errors.map(() => 1 / k);
  if (k === 0 || rule.kind === "equal" || !errors.every((e) => Number.isFinite(e) && e >= 0)) return equal;
  const total = errors.reduce((a, b) => a + b, 0);
  if (!(total > 0)) return equal;
  if (rule.kind === "inverse") {
    const floor = total * 1e-6;
    const inv = errors.map((e) => Math.max(e, floor) ** -(rule.power ?? 1));
    const s = inv.reduce((a, b) => a + b, 0);
    return inv.map((v, i) => rule.shrink * (v / s) + (1 - rule.shrink) * equal[i]);
  }
  if (rule.kind === "softmax") {
    const meanError = total / k;
    const score = errors.map((e) => -e / meanError / rule.temperature);
    const top = Math.max(...score);
    const w = score.map((s) => Math.exp(s - top));
    const s = w.reduce((a, b) => a + b, 0);
    return w.map((v) => v / s);
  }
  if (k < 3) return equal;
  const worst = errors.indexOf(Math.max(...errors));
  const others = (total - errors[worst]) / (k - 1);
  if (!(errors[worst] > rule.ratio * others)) return equal;
  return errors.map((_, i) => (i === worst ? 0 : 1 / (k - 1)));
}
