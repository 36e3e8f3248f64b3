// Forecasts a workbook's Demand History through the port and builds its result sheets; shared by
// `aps forecast`, the pane's forecast job and the plan step that fills blank demand rates.

import { inputRefusal, type InputRefusal } from "../../engine/inputErrors";
import { forecastHistory, ForecastRun, ForecastSettings } from "../../engine/forecast/forecastRun";
import { forecastExceptionsSheet, forecastSheet, forecastSummarySheet } from "./forecastSheets";
import { customerProfilesSheet } from "../schedule/customerProfiles";
import { reconcilePartnerForecasts } from "./forecastReconcile";
import { readWorkbookHistory } from "./forecastTables";
import type { ResultSheet, WorkbookPort } from "../port";

export type WorkbookForecastOutcome =
  | { ok: true; run: ForecastRun; sheets: ResultSheet[]; exceptions: { severity: "error" | "warning" | "info"; where: string; message: string }[] }
  | InputRefusal;

/** Overrides from the command line or the pane (win over the Settings table). */
export interface ForecastOverrides {
  horizon?: number;
  seasonLength?: number;
  onProgress?: (done: number, total: number) => void;
  shouldStop?: () => boolean;
}

/** Reads, validates and forecasts the Demand History table; null when the workbook has none. */
export async function forecastWorkbookTables(port: WorkbookPort, overrides: ForecastOverrides = {}): Promise<WorkbookForecastOutcome | null> {
  const history = await readWorkbookHistory(port);
  if (!history) return null;
  if (history.records.length > 0) return { ok: false, errors: history.problems, errorCount: history.records.length, problems: history.records };
  if (history.series.length === 0) return inputRefusal([{ where: history.sheet, table: "Demand History", row: null, field: null, message: "the Demand History table has no data rows (Stage, Period, Quantity)." }]);
  const settings: ForecastSettings = {
    ...history.settings,
    ...(overrides.horizon !== undefined ? { horizon: overrides.horizon } : {}),
    ...(overrides.seasonLength !== undefined ? { seasonLength: overrides.seasonLength } : {}),
  };
  const run = forecastHistory(history.series, settings, overrides.onProgress, overrides.shouldStop);
  const where = () => history.sheet;
  const exceptions = run.issues.map((i) => ({ severity: i.severity, where: where(), message: i.message }));
  // CPFR: a Partner Forecasts table, when present, against history and forecast.
  const partner = reconcilePartnerForecasts(await port.readTable("Partner Forecasts"), run, history.settings.reconciliationTolerance ?? 0.2);
  for (const e of partner) run.issues.push({ severity: e.severity, series: e.where, message: e.message });
  exceptions.push(...partner);
  const profiles = customerProfilesSheet(await port.readTable("Orders"));
  for (const e of profiles.exceptions) run.issues.push({ severity: e.severity, series: e.where, message: e.message });
  exceptions.push(...profiles.exceptions);
  const sheets = [forecastSheet(run), forecastSummarySheet(run, history.serviceLevels), forecastExceptionsSheet(run.issues, (s) => (run.record.series.some((r) => r.id === s) ? history.sheet : s))];
  if (profiles.sheet) sheets.push(profiles.sheet);
  return { ok: true, run, sheets, exceptions };
}
