// Plans a workbook's scenarios through the port: reads Stages / Arcs / Settings, the supply tables
// and the Scenarios table, plans the base and each scenario (over time too when the workbook holds
// supply tables), and compares them. Input tables are never modified.

import { normaliseName } from "../../engine/network/fields";
import { hasSupplyInputs, planScenarios, refusedScenarios, ScenarioPlanOptions, ScenarioRow, ScenariosOutcome, ScenarioSupplyInput } from "../../engine/scenarios";
import { readWorkbookHistory } from "../forecast/forecastTables";
import type { WorkbookPort } from "../port";
import { loadHighsModule } from "../supply/highsProvider";
import { recordHorizon, supplyForecasts } from "../supply/supplyForecasts";
import { readWorkbookSupply } from "../supply/supplyTables";
import { readScenarioRows } from "./scenarioTables";

/** The message when a workbook has no Scenarios table. */
export const NO_SCENARIOS_TABLE =
  'The workbook has no "Scenarios" table: add a table (or sheet) named Scenarios with the columns Scenario, Table, Key, Column, Value (docs/scenarios.md).';

/** Reads, validates and plans the workbook's scenarios; every error names its sheet, row and column. */
export async function planWorkbookScenarios(port: WorkbookPort, options: ScenarioPlanOptions & { supplyTimeLimit?: number } = {}): Promise<ScenariosOutcome> {
  const tables = await readWorkbookSupply(port);
  const scenarioTable = await port.readTable("Scenarios");
  const scenarioRows = scenarioTable ? readScenarioRows(scenarioTable) : null;
  const noTable = { where: null, table: "Scenarios", row: null, field: null, message: NO_SCENARIOS_TABLE };
  const problems = [...tables.records, ...(scenarioRows ? scenarioRows.problems : [noTable])];
  if (problems.length > 0 || !tables.raw || tables.unreadable || !scenarioRows) return refusedScenarios(problems);
  let supply: ScenarioSupplyInput | undefined;
  if (hasSupplyInputs(tables.raw)) {
    const fromHistory = tables.hasDemands ? null : supplyForecasts(await readWorkbookHistory(port), longestHorizon(tables.raw, scenarioRows.rows));
    supply = {
      highs: await loadHighsModule(),
      where: tables.where,
      timeLimit: options.supplyTimeLimit,
      ...(fromHistory && Object.keys(fromHistory.forecasts).length > 0 ? { figures: { forecasts: fromHistory.forecasts } } : {}),
    };
  }
  return planScenarios({ base: tables.raw, rows: scenarioRows.rows, naming: "workbook", where: tables.where, cell: tables.networkCell, rowWhere: scenarioRows.rowWhere, supply }, options);
}

/** The longest horizon of the base and of the scenarios that set one, for forecasting far enough (at most 1,000 periods). */
function longestHorizon(raw: Record<string, unknown>, rows: readonly ScenarioRow[]): number {
  let horizon = recordHorizon(raw);
  for (const row of rows) {
    const setsHorizon = normaliseName(String(row.table ?? "")) === "settings" && normaliseName(String(row.key ?? "")) === "horizon";
    if (setsHorizon && typeof row.value === "number" && Number.isInteger(row.value) && row.value <= 1000) horizon = Math.max(horizon, row.value);
  }
  return horizon;
}
