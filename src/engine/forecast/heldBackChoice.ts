// The held-back choice for long non-seasonal series: the last h periods are held back, ETS + Theta,
// ETS alone, ETS + damped Holt, ETS + random walk with drift and ETS + damped + drift are fitted on
// the rest, and the one of least sMAPE on them wins.

import { accuracy } from "./accuracy";
import { autoEts } from "./etsAuto";
import { fitEts } from "./etsFit";
import { etsPointForecast } from "./etsForecast";
import { fitTheta, thetaForecast } from "./theta";
import { driftForecast, fitDrift } from "./drift";

/** The combinations the held-back window chooses from. */
export type Combination = "ETS+Theta" | "ETS" | "ETS+Damped" | "ETS+Drift" | "ETS+Damped+Drift";

/** The choice is made only on histories at least this many horizons long (shorter windows are noise). */
export const HELD_BACK_MIN_HORIZONS = 7;

/** True when the series is long and non-seasonal enough for the held-back choice (m = 1, n ≥ 7h). */
export function heldBackApplies(n: number, m: number, horizon: number): boolean {
  return m === 1 && n >= HELD_BACK_MIN_HORIZONS * horizon;
}


/** Forecasts of ETS(A,Ad,N) (Holt's damped trend) fitted by maximum likelihood, or null when it cannot be fitted. */
export function dampedForecast(y: ArrayLike<number>, horizon: number): number[] | null {
  const fit = fitEts(y, { error: "A", trend: "Ad", season: "N", m: 1 }, { restarts: 0, maxEvaluations: 400 });
  return fit ? etsPointForecast(fit.spec, fit.parameters, fit.final, horizon) : null;
}

const average = (...parts: number[][]) => parts[0].map((_, i) => parts.reduce((a, p) => a + p[i], 0) / parts.length);

/**
 * Chooses the combination for a long non-seasonal series y (m = 1) on its last `horizon` values:
 * each candidate is fitted on the values before them and scored by sMAPE (forecasts kept at 0 or
 * above when y has no negative value); ties keep ETS + Theta, the default.
 * @example chooseOnHeldBack(Array.from({ length: 60 }, (_, t) => 10 + t), 6) // one of the five Combination values
 */
export function chooseOnHeldBack(y: readonly number[], horizon: number): Combination {
  const train = y.slice(0, y.length - horizon);
  const actual = y.slice(y.length - horizon);
  const ets = autoEts(train, 1, { restarts: 0, maxEvaluations: 400 });
  const theta = fitTheta(train, 1);
  if (!ets || !theta) return "ETS+Theta";
  const nonNegative = y.every((v) => v >= 0);
  const clip = (f: number[]) => (nonNegative ? f.map((v) => Math.max(0, v)) : f);
  const etsF = etsPointForecast(ets.best.spec, ets.best.parameters, ets.best.final, horizon);
  const thetaF = thetaForecast(theta, horizon);
  const dampedF = dampedForecast(train, horizon);
  const drift = fitDrift(train, 1);
  const driftF = drift ? driftForecast(drift, horizon) : null;
  const candidates: [Combination, number[]][] = [["ETS+Theta", average(etsF, thetaF)], ["ETS", etsF]];
  if (dampedF) candidates.push(["ETS+Damped", average(etsF, dampedF)]);
  if (driftF) candidates.push(["ETS+Drift", average(etsF, driftF)]);
  if (dampedF && driftF) candidates.push(["ETS+Damped+Drift", average(etsF, dampedF, driftF)]);
  let best: Combination = "ETS+Theta", bestScore = Infinity;
  for (const [name, f] of candidates) {
    const score = accuracy(actual, clip(f)).smape;
    if (score < bestScore - 1e-12) { best = name; bestScore = score; }
  }
  return best;
}
