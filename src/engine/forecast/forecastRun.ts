// Forecasts every series of a history (docs/formats.md §6): the aps-forecast/1 record with each series'
// forecast, interval, λ, σ_D, pattern and ABC/XYZ segment, and the exceptions a planner should see.

import { isPlanningInputError } from "../errors";
import { forecastSeries, SeriesForecast } from "./forecastSeries";
import type { DemandSeries } from "./history";
import { DEFAULT_SEGMENTATION, segmentDemand, SegmentationSettings } from "./segmentation";
import { TRACKING_LIMIT } from "./trackingSignal";

export interface ForecastSettings {
  /** Default horizon where neither the series nor the call give one (default 12). */
  horizon?: number;
  /** Season length for every series (wins over the series' own frequency). */
  seasonLength?: number;
  level?: number;
  segmentation?: SegmentationSettings;
  /** sMAPE (%) of the one-step forecasts above which a warning is raised (none when undefined). */
  errorThreshold?: number;
  /** Relative deviation a partner's forecast may have before reconciliation reports it (default 0.2). */
  reconciliationTolerance?: number;
  /** |tracking signal| above which persistent bias is reported (default 1.96: 5 % false alarms, trackingSignal.ts). */
  trackingLimit?: number;
  /** Unit value per series id, for ABC by value. */
  unitValues?: Record<string, number>;
}

/** One series of an aps-forecast/1 record: the forecast's figures plus its id and segment. */
export interface ForecastRecordSeries extends Pick<SeriesForecast, "method" | "forecast" | "lower" | "upper" | "level" | "rate" | "errorSd" | "seasonLength" | "accuracy"> {
  id: string;
  pattern: string;
  abc: string;
  xyz: string;
}

export interface ForecastIssue {
  severity: "error" | "warning" | "info";
  /** The series (stage) concerned. */
  series: string;
  message: string;
}

export interface ForecastRun {
  record: { format: "aps-forecast/1"; series: ForecastRecordSeries[] };
  /** Full results per series (history included), for sheets. */
  details: { series: DemandSeries; result: SeriesForecast }[];
  issues: ForecastIssue[];
}

const round = (v: number) => (Number.isFinite(v) ? Math.round(v * 1e6) / 1e6 : v);

/**
 * Forecasts each series; a series that cannot be forecast becomes an error issue and the others
 * go on. `onProgress` is told after each series; `shouldStop` ends the run early (the series done
 * so far are kept).
 */
export function forecastHistory(
  series: DemandSeries[], settings: ForecastSettings = {},
  onProgress?: (done: number, total: number) => void, shouldStop?: () => boolean,
): ForecastRun {
  const issues: ForecastIssue[] = [];
  const details: ForecastRun["details"] = [];
  const trackingLimit = settings.trackingLimit ?? TRACKING_LIMIT;
  for (const s of series) {
    if (shouldStop?.()) break;
    try {
      const result = forecastSeries(s.values, {
        horizon: s.horizon ?? settings.horizon ?? 12,
        seasonLength: settings.seasonLength ?? s.frequency,
        level: settings.level,
      });
      details.push({ series: s, result });
      const ts = result.accuracy?.trackingSignal;
      if (ts !== null && ts !== undefined && Math.abs(ts) > trackingLimit) {
        issues.push({ severity: "warning", series: s.id, message: `Stage ${s.id}: tracking signal ${ts.toFixed(1)} is outside ±${trackingLimit} over the last ${result.accuracyPeriods} periods: the forecast (${result.method}) runs persistently ${ts > 0 ? "below" : "above"} demand.` });
      }
      const smape = result.accuracy?.smape;
      if (settings.errorThreshold !== undefined && smape !== undefined && smape > settings.errorThreshold) {
        issues.push({ severity: "warning", series: s.id, message: `Stage ${s.id}: one-step sMAPE ${smape.toFixed(1)} % is above the threshold ${settings.errorThreshold} % (forecastErrorThreshold).` });
      }
    } catch (error) {
      if (!isPlanningInputError(error)) throw error;
      issues.push({ severity: "error", series: s.id, message: `Stage ${s.id}: ${(error as Error).message}` });
    }
    onProgress?.(details.length, series.length);
  }
  const segments = segmentDemand(details.map((d) => ({ id: d.series.id, values: d.series.values, price: settings.unitValues?.[d.series.id] })), settings.segmentation ?? DEFAULT_SEGMENTATION);
  const record = {
    format: "aps-forecast/1" as const,
    series: details.map((d, i) => ({
      id: d.series.id, method: d.result.method,
      forecast: d.result.forecast.map(round), lower: d.result.lower.map(round), upper: d.result.upper.map(round),
      level: d.result.level, rate: round(d.result.rate), errorSd: round(d.result.errorSd),
      pattern: d.result.pattern, abc: segments[i].abc, xyz: segments[i].xyz, seasonLength: d.result.seasonLength,
      accuracy: d.result.accuracy,
    })),
  };
  return { record, details, issues };
}
