// The forecasting methods a combination can average ("members"), each fitted to one series with
// its point forecasts, interval bounds and one-step fitted values; shared by forecastSeries and
// the benchmark (which scores every combination of them on folds of M3).

import { standardNormalInverse } from "../normal";
import { autoEts, dampedTrendSpecs } from "./etsAuto";
import { etsInterval, etsPointForecast } from "./etsForecast";
import { etsName, EtsFit } from "./etsTypes";
import { fitTheta, thetaForecast, thetaForecastSd, ThetaFit } from "./theta";
import { adjustedDamped } from "./adjustedDamped";
import { driftForecast, driftForecastSd, fitDrift } from "./drift";
import { seasonalAdjustment } from "./seasonalAdjustment";
import { autoArima } from "./arimaAuto";
import { arimaForecast, arimaName } from "./arimaForecast";
import { arimaFitted } from "./arimaFit";
import type { EtsSpec } from "./etsTypes";
import type { ArimaOrder } from "./arimaPolynomial";

/** A member's model form, kept fixed when it is re-estimated on a shorter history. */
export type MemberForm =
  | { kind: "ETS"; spec: EtsSpec }
  | { kind: "Theta" }
  | { kind: "ARIMA"; order: ArimaOrder; constant: boolean };

/** A member of an equal-weight combination. */
export type CombinationMember = "ETS" | "Theta" | "ARIMA" | "Damped" | "Drift";

export const ALL_MEMBERS: readonly CombinationMember[] = ["ETS", "Theta", "ARIMA", "Damped", "Drift"];

/** One fitted method: forecasts with interval bounds, and one-step fitted values of the history (NaN where none). */
export interface Core {
  method: string; forecast: number[]; lower: number[]; upper: number[]; fitted: number[];
  /** The model form, for re-estimating it on a shorter history (ETS, Theta, ARIMA). */
  form?: MemberForm;
}

function etsCore(fit: EtsFit, horizon: number, level: number): Core {
  const forecast = etsPointForecast(fit.spec, fit.parameters, fit.final, horizon);
  const interval = etsInterval(fit, forecast, level);
  return { method: etsName(fit.spec), forecast, lower: interval.lower, upper: interval.upper, fitted: fit.fitted, form: { kind: "ETS", spec: fit.spec } };
}

function thetaCore(theta: ThetaFit, horizon: number, z: number): Core {
  const forecast = thetaForecast(theta, horizon);
  const sd = thetaForecastSd(theta, horizon);
  return { method: "Theta", forecast, lower: forecast.map((f, h) => f - z * sd[h]), upper: forecast.map((f, h) => f + z * sd[h]), fitted: theta.fitted, form: { kind: "Theta" } };
}

/**
 * Fits the requested members to y (season length m) and forecasts `horizon` periods with `level`
 * intervals; a member that cannot be fitted (too short a history) is left out of the answer.
 * The seasonal adjustment is computed once and shared by Theta, the drift and the damped trend.
 */
export function fitMembers(y: number[], m: number, horizon: number, level: number, members: readonly CombinationMember[]): Partial<Record<CombinationMember, Core>> {
  const z = standardNormalInverse(1 - (1 - level) / 2);
  const adjustment = seasonalAdjustment(y, m);
  const out: Partial<Record<CombinationMember, Core>> = {};
  for (const member of members) {
    if (member === "ETS") {
      // Trends damped or none (dampedTrendSpecs): on M3 it was the one change of ten tried that
      // lowered quarterly sMAPE on every choice of folds (docs/forecasting.md, "Combination").
      const fit = autoEts(y, m, { restarts: 0, maxEvaluations: 400, specs: dampedTrendSpecs(y, m) });
      if (fit) out.ETS = etsCore(fit.best, horizon, level);
    } else if (member === "Theta") {
      const fit = fitTheta(y, m, adjustment);
      if (fit) out.Theta = thetaCore(fit, horizon, z);
    } else if (member === "ARIMA") {
      // Stepwise search by conditional least squares, exact likelihood for the chosen model only,
      // on every series, and p + q + P + Q ≤ 5 (speed choices): 4–9 times faster on short
      // non-seasonal series, 7 times on quarterly ones, and no less accurate on any fold of M3
      // (docs/forecasting.md, "ARIMA"); autoArima's own defaults keep auto.arima's rule (exact
      // search when n ≤ 150 and m ≤ 12, no bound on p + q + P + Q in the stepwise search).
      const fit = autoArima(y, m, { approximation: true, maxOrder: 5 });
      if (fit) out.ARIMA = { method: arimaName(fit), ...arimaForecast(fit, horizon, level), fitted: arimaFitted(fit), form: { kind: "ARIMA", order: fit.order, constant: fit.constant } };
    } else if (member === "Damped") {
      const damped = adjustedDamped(y, m, horizon, level, adjustment);
      if (damped) out.Damped = { method: "Damped", ...damped };
    } else {
      const fit = fitDrift(y, m, adjustment);
      if (fit) {
        const forecast = driftForecast(fit, horizon);
        const sd = driftForecastSd(fit, horizon);
        out.Drift = { method: "Drift", forecast, lower: forecast.map((f, h) => f - z * sd[h]), upper: forecast.map((f, h) => f + z * sd[h]), fitted: fit.fitted };
      }
    }
  }
  return out;
}

/**
 * The equal-weight average of the parts: forecasts, bounds and one-step fitted values (a period
 * where a part has no fitted value yet, like the drift's first, averages the parts that have one).
 */
export function averageCores(parts: Core[]): Core {
  const avg = (pick: (c: Core) => number[]) => pick(parts[0]).map((_, i) => parts.reduce((a, c) => a + pick(c)[i], 0) / parts.length);
  const fitted = parts[0].fitted.map((_, t) => {
    let sum = 0, count = 0;
    for (const c of parts) if (Number.isFinite(c.fitted[t])) { sum += c.fitted[t]; count++; }
    return count > 0 ? sum / count : NaN;
  });
  return { method: parts.map((c) => c.method).join("+"), forecast: avg((c) => c.forecast), lower: avg((c) => c.lower), upper: avg((c) => c.upper), fitted };
}
