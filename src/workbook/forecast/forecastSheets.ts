// The `Forecast` result sheets (history, forecast, interval, model, accuracy, segment), described
// once for both adapters, with a line chart of history, forecast and interval.

import type { ForecastIssue, ForecastRun } from "../../engine/forecast/forecastRun";
import { futurePeriodLabels } from "../../engine/forecast/history";
import { suggestedServiceLevel, SegmentServiceLevel } from "../../engine/forecast/segmentation";
import type { CellValue, ResultSheet } from "../port";

const finite = (v: number | null | undefined): CellValue => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** Period-by-period sheet: each stage's history then its forecast with the interval. */
export function forecastSheet(run: ForecastRun): ResultSheet {
  const rows: CellValue[][] = [];
  for (const { series, result } of run.details) {
    series.values.forEach((v, t) => rows.push([series.id, series.periods[t] ?? String(t + 1), "history", v, null, null, null, result.method]));
    const labels = futurePeriodLabels(series.grain, series.lastIndex, result.forecast.length, series.values.length);
    result.forecast.forEach((f, h) => rows.push([series.id, labels[h], "forecast", null, f, result.lower[h], result.upper[h], result.method]));
  }
  const level = run.details[0]?.result.level ?? 0.95;
  return {
    name: "Forecast",
    title: "Demand history and forecast per stage",
    columns: [
      { header: "Stage" }, { header: "Period" }, { header: "Kind" },
      { header: "History (units)", numberFormat: "#,##0.0" }, { header: "Forecast (units)", numberFormat: "#,##0.0" },
      { header: `Lower ${Math.round(level * 100)} % (units)`, numberFormat: "#,##0.0" },
      { header: `Upper ${Math.round(level * 100)} % (units)`, numberFormat: "#,##0.0" }, { header: "Model" },
    ],
    rows,
    tableName: "ForecastResult",
    charts: [{ kind: "line", title: "History, forecast and interval", categoryColumn: 1, valueColumns: [3, 4, 5, 6] }],
  };
}

/** One row per stage: model, λ, σ_D, accuracy, pattern, segment and suggested service level. */
export function forecastSummarySheet(run: ForecastRun, serviceLevels: SegmentServiceLevel[] = []): ResultSheet {
  const rows = run.record.series.map((s) => {
    const a = s.accuracy;
    return [
      s.id, s.method, s.rate, s.errorSd, s.seasonLength, finite(a?.mae), finite(a?.rmse), finite(a?.mape), finite(a?.smape), finite(a?.mase),
      finite(a?.bias), finite(a?.trackingSignal), s.pattern, s.abc, s.xyz, suggestedServiceLevel(s.abc, s.xyz, serviceLevels),
    ] as CellValue[];
  });
  return {
    name: "Forecast Summary",
    title: "What the plan takes: rate λ (mean forecast per period) and σ_D (sd of the one-step forecast error, calibrated out of sample)",
    columns: [
      { header: "Stage" }, { header: "Model" }, { header: "Rate λ (units/period)", numberFormat: "#,##0.00" },
      { header: "Error Sd σ_D (units/period)", numberFormat: "#,##0.00" }, { header: "Season Length" },
      { header: "MAE", numberFormat: "#,##0.00" }, { header: "RMSE", numberFormat: "#,##0.00" }, { header: "MAPE (%)", numberFormat: "0.0" },
      { header: "sMAPE (%)", numberFormat: "0.0" }, { header: "MASE", numberFormat: "0.000" }, { header: "Bias (units)", numberFormat: "#,##0.00" },
      { header: "Tracking Signal", numberFormat: "0.0" }, { header: "Pattern" }, { header: "ABC" }, { header: "XYZ" },
      { header: "Suggested Service Level", numberFormat: "0.0%" },
    ],
    rows,
    charts: [{ kind: "column", title: "Rate λ per stage", categoryColumn: 0, valueColumns: [2] }],
  };
}

/** The run's exceptions as rows (Severity, Where, Message). */
export function forecastExceptionsSheet(issues: ForecastIssue[], where: (series: string) => string): ResultSheet {
  return {
    name: "Forecast Exceptions",
    columns: [{ header: "Severity" }, { header: "Where" }, { header: "Message", width: 100 }],
    rows: issues.map((i) => [i.severity, where(i.series), i.message]),
  };
}
