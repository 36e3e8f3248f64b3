// Demand per period for the supply plan from the workbook's Demand History (docs/formats.md §10):
// without a Demands table, a stage's demand in period t is its forecast's t-th value.

import { forecastHistory } from "../../engine/forecast/forecastRun";
import type { SupplyException } from "../../engine/supply";
import type { WorkbookHistory } from "../forecast/forecastTables";

/** The horizon a record asks for (Settings horizon, default 26), for forecasting that far. */
export function recordHorizon(raw: Record<string, unknown>): number {
  const settings = (raw.settings ?? {}) as Record<string, unknown>;
  const value = Number(settings.horizon);
  return Number.isInteger(value) && value >= 1 && value <= 1000 ? value : 26;
}

/**
 * Forecasts of each Demand History stage over `horizon` periods (one history period = one supply
 * period), with an info exception per stage; null when the workbook has no usable Demand History.
 * `history` is the run's one reading of the table (readWorkbookHistory; null: no table).
 */
export function supplyForecasts(history: WorkbookHistory | null, horizon: number): { forecasts: Record<string, number[]>; exceptions: SupplyException[] } | null {
  if (!history || history.series.length === 0) return null;
  if (history.problems.length > 0) {
    return { forecasts: {}, exceptions: [{ severity: "warning", where: history.records[0].where ?? history.sheet, message: `Demand History not used for the supply plan's demand: ${history.records.length} problem(s), the first: ${history.problems[0]}` }] };
  }
  const run = forecastHistory(history.series.map((s) => ({ ...s, horizon })), { ...history.settings, horizon });
  const forecasts: Record<string, number[]> = {};
  const exceptions: SupplyException[] = run.issues.filter((i) => i.severity === "error").map((i) => ({ severity: "warning", where: history.sheet, message: i.message }));
  for (const s of run.record.series) {
    forecasts[s.id] = s.forecast.map((v) => (Number.isFinite(v) && v > 0 ? v : 0));
    exceptions.push({ severity: "info", where: history.sheet, message: `Stage ${s.id}: demand per period from its Demand History forecast (${s.method}, ${horizon} periods), as there is no Demands table.` });
  }
  return { forecasts, exceptions };
}
