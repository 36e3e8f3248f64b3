// The automatic forecast of one demand series: intermittent series by Croston/SBA/TSB, the others
// by the equal-weight combination of automatic ETS, Theta and automatic ARIMA (combinationRule.ts)
// with intervals calibrated on out-of-sample errors; with accuracy, λ and σ_D.

import { PlanningInputError } from "../errors";
import { standardNormalInverse } from "../normal";
import { accuracy, Accuracy } from "./accuracy";
import { detectSeasonLength } from "./decompose";
import { demandPattern, DemandPattern, fitIntermittent, intermittentMethodFor } from "./intermittent";
import { combinationMembers, intervalScale, OWN_ERROR_PRIOR } from "./combinationRule";
import { ownErrorScale, rollingErrors, RollingErrors } from "./rollingOrigin";
import { ALL_MEMBERS, averageCores, CombinationMember, Core, fitMembers } from "./members";

export type ForecastMethodChoice = "auto" | "ets" | "theta" | "intermittent";

export interface ForecastOptions {
  /** Periods to forecast (integer ≥ 1). */
  horizon: number;
  /** Season length m (integer ≥ 1); undefined: detected from the data. */
  seasonLength?: number;
  /** Interval coverage (default 0.95). */
  level?: number;
  /** Force a method family (default "auto"). */
  method?: ForecastMethodChoice;
}

export interface SeriesForecast {
  /** "ETS(M,Ad,M)+Theta+ARIMA(0,1,1)(0,1,1)[12]", "ETS(A,N,N)" (method "ets"), "Theta", "SBA", "Croston", "TSB", "Mean". */
  method: string;
  forecast: number[];
  lower: number[];
  upper: number[];
  level: number;
  /** λ: mean forecast per period over the horizon. */
  rate: number;
  /**
   * σ_D: the one-step-ahead forecast standard deviation. For the model methods it is the half-width
   * of the first period's interval over z (for the combination: calibrated on out-of-sample
   * errors, combinationRule.ts); for Croston/SBA/TSB and the mean, the sd of the one-step errors.
   */
  errorSd: number;
  seasonLength: number;
  pattern: DemandPattern;
  adi: number;
  cv2: number;
  /** One-step-ahead errors y − ŷ of the history (NaN where the method has no forecast yet). */
  oneStepErrors: number[];
  /** Accuracy of the one-step forecasts over the last periods (rolling origin, parameters fixed). */
  accuracy: Accuracy | null;
  /** How many last periods `accuracy` covers. */
  accuracyPeriods: number;
}

/** At most this many last periods are scored (the ±4 tracking-signal limit is meant for short runs). */
export const ACCURACY_WINDOW = 12;

/** The longest horizon accepted (ten years of weekly periods and more). */
export const MAX_HORIZON = 1000;

function validate(values: readonly unknown[], options: ForecastOptions): void {
  if (!Number.isInteger(options.horizon) || options.horizon < 1 || options.horizon > MAX_HORIZON) {
    throw new PlanningInputError(`horizon must be a whole number from 1 to ${MAX_HORIZON} (got ${options.horizon}).`, "horizon");
  }
  if (options.seasonLength !== undefined && (!Number.isInteger(options.seasonLength) || options.seasonLength < 1 || options.seasonLength > 366)) {
    throw new PlanningInputError(`seasonLength must be a whole number from 1 to 366 (got ${options.seasonLength}).`, "seasonLength");
  }
  if (options.level !== undefined && !(options.level > 0 && options.level < 1)) {
    throw new PlanningInputError(`level must be strictly between 0 and 1 (got ${options.level}).`, "level");
  }
  if (values.length === 0) throw new PlanningInputError("history is empty: give at least one period of demand.", "history");
  values.forEach((v, i) => {
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new PlanningInputError(`history value ${i + 1} must be a finite number (got ${typeof v === "string" ? `text "${String(v).slice(0, 40)}"` : String(v)}).`, "history");
    }
    if (Math.abs(v) > 1e150) throw new PlanningInputError(`history value ${i + 1} is too large to forecast with (${v}).`, "history");
  });
}

function sdOf(errors: number[]): number {
  const finite = errors.filter((e) => Number.isFinite(e));
  if (finite.length < 2) return 0;
  const mean = finite.reduce((a, b) => a + b, 0) / finite.length;
  return Math.sqrt(finite.reduce((a, b) => a + (b - mean) ** 2, 0) / (finite.length - 1));
}

function meanCore(y: number[], horizon: number, z: number): Core {
  const mean = y.reduce((a, b) => a + b, 0) / y.length;
  const sd = sdOf(y.map((v) => v - mean));
  return { method: "Mean", forecast: new Array(horizon).fill(mean), lower: new Array(horizon).fill(mean - z * sd), upper: new Array(horizon).fill(mean + z * sd), fitted: y.map(() => mean) };
}

/**
 * Widens the combination's half-widths by the calibrated factors of combinationRule.ts (per class
 * of history and step h) times the series' own factor (`own`, from its rolling-origin errors).
 */
function calibrated(core: Core, m: number, n: number, own: number): Core {
  const lower = core.forecast.map((f, h) => f - own * intervalScale(m, n, h + 1) * (f - core.lower[h]));
  const upper = core.forecast.map((f, h) => f + own * intervalScale(m, n, h + 1) * (core.upper[h] - f));
  return { ...core, lower, upper };
}

/** What continuousCore needs fitted: the rule's members, or one method when asked. */
function membersFor(choice: ForecastMethodChoice, m: number, all: boolean): CombinationMember[] {
  if (choice === "ets") return ["ETS"];
  if (choice === "theta") return ["Theta"];
  return all ? ALL_MEMBERS.slice() : combinationMembers(m);
}

function continuousCore(m: number, n: number, choice: ForecastMethodChoice, fitted: Partial<Record<CombinationMember, Core>>, own: number): Core | null {
  if (choice === "ets") return fitted.ETS ?? null;
  if (choice === "theta") return fitted.Theta ?? null;
  const parts = combinationMembers(m).map((member) => fitted[member]).filter((c): c is Core => c !== undefined);
  return parts.length > 0 ? calibrated(averageCores(parts), m, n, own) : null;
}

/**
 * Forecasts one series of demand per period. Series with ADI > 1.32 (intermittent or lumpy, or
 * method "intermittent") go to SBA / TSB; others to the combination of combinationRule.ts (or ETS or
 * Theta alone when asked); one
 * or two values give their mean. The series is scaled by its mean absolute value while fitting
 * (ETS's likelihood ranking does not change with scale), so huge values do not overflow. When no
 * value is negative, forecasts and lower limits are kept at 0 or above.
 * @example forecastSeries([10, 12, 11, 13, 12, 14, 13, 15], { horizon: 2 }).forecast.length // 2
 */
export function forecastSeries(values: readonly number[], options: ForecastOptions): SeriesForecast {
  return forecastSeriesWithMembers(values, options, false).result;
}

/**
 * forecastSeries, also returning every member fitted (in the series' units, unclipped, uncalibrated;
 * with `allMembers`, all of ALL_MEMBERS: the benchmark scores other combinations with them) and the
 * series' own rolling-origin errors (count 0 when the combination was not used).
 */
export function forecastSeriesWithMembers(values: readonly number[], options: ForecastOptions, allMembers: boolean): { result: SeriesForecast; members: Partial<Record<CombinationMember, Core>>; rolling: RollingErrors } {
  validate(values, options);
  const level = options.level ?? 0.95;
  const horizon = options.horizon;
  const raw = Array.from(values);
  const n = raw.length;
  const m = options.seasonLength ?? detectSeasonLength(raw);
  const scale = raw.reduce((a, v) => a + Math.abs(v), 0) / n || 1;
  const y = raw.map((v) => v / scale);
  const z = standardNormalInverse(1 - (1 - level) / 2);
  const stats = demandPattern(raw);
  const choice = options.method ?? "auto";
  let core: Core | null = null;
  let members: Partial<Record<CombinationMember, Core>> = {};
  let rolling: RollingErrors = { ratio: 1, count: 0 };
  const intermittent = choice === "intermittent" || (choice === "auto" && stats.adi > 1.32);
  if (intermittent && n >= 2) {
    const fit = fitIntermittent(y, intermittentMethodFor(stats.pattern === "smooth" || stats.pattern === "erratic" ? "intermittent" : stats.pattern));
    const sd = sdOf(y.map((v, t) => v - fit.fitted[t]));
    core = { method: fit.method, forecast: new Array(horizon).fill(fit.forecast), lower: new Array(horizon).fill(fit.forecast - z * sd), upper: new Array(horizon).fill(fit.forecast + z * sd), fitted: fit.fitted };
  } else if (n >= 3) {
    members = fitMembers(y, m, horizon, level, membersFor(choice, m, allMembers));
    // Theta alone falls back to ETS when it cannot be fitted.
    if (choice === "theta" && !members.Theta) members = fitMembers(y, m, horizon, level, ["ETS"]);
    if (choice === "auto") rolling = rollingErrors(y, m);
    core = continuousCore(m, n, choice === "theta" && !members.Theta ? "ets" : choice, members, ownErrorScale(rolling, OWN_ERROR_PRIOR));
  }
  const modelInterval = core !== null && !intermittent;
  core ??= meanCore(y, horizon, z);
  const nonNegative = raw.every((v) => v >= 0);
  const clip = (v: number) => (nonNegative ? Math.max(0, v * scale) : v * scale);
  const forecast = core.forecast.map(clip);
  const oneStepErrors = raw.map((v, t) => v - core!.fitted[t] * scale);
  const k = Math.min(horizon, Math.floor(n / 3), ACCURACY_WINDOW);
  const window = oneStepErrors.slice(n - k).map((e, i) => ({ y: raw[n - k + i], f: raw[n - k + i] - e })).filter((p) => Number.isFinite(p.f));
  const acc = k >= 1 && window.length > 0 ? accuracy(window.map((p) => p.y), window.map((p) => p.f), raw.slice(0, n - k), m) : null;
  const unscaled: Partial<Record<CombinationMember, Core>> = {};
  for (const [name, c] of Object.entries(members) as [CombinationMember, Core][]) {
    const times = (v: number[]) => v.map((x) => x * scale);
    unscaled[name] = { method: c.method, forecast: times(c.forecast), lower: times(c.lower), upper: times(c.upper), fitted: times(c.fitted) };
  }
  const result: SeriesForecast = {
    method: core.method, forecast, lower: core.lower.map(clip), upper: core.upper.map(clip), level,
    rate: forecast.reduce((a, b) => a + b, 0) / horizon,
    errorSd: modelInterval ? (scale * (core.upper[0] - core.lower[0])) / (2 * z) : sdOf(oneStepErrors),
    seasonLength: m, pattern: stats.pattern, adi: stats.adi, cv2: stats.cv2,
    oneStepErrors, accuracy: acc, accuracyPeriods: window.length,
  };
  return { result, members: unscaled, rolling };
}
