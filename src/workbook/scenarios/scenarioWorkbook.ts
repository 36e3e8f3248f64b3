// Plans a workbook's scenarios through the port: reads Stages / Arcs / Settings and the Scenarios
// table, plans the base and each scenario, and compares them. Input tables are never modified.

import { cappedErrors, planScenarios, ScenarioPlanOptions, ScenariosOutcome } from "../../engine/scenarios";
import { readWorkbookNetwork } from "../plan/networkTables";
import type { WorkbookPort } from "../port";
import { readScenarioRows } from "./scenarioTables";

/** The message when a workbook has no Scenarios table. */
export const NO_SCENARIOS_TABLE =
  'The workbook has no "Scenarios" table: add a table (or sheet) named Scenarios with the columns Scenario, Table, Key, Column, Value (docs/scenarios.md).';

/** Reads, validates and plans the workbook's scenarios; every error names its sheet, row and column. */
export async function planWorkbookScenarios(port: WorkbookPort, options: ScenarioPlanOptions = {}): Promise<ScenariosOutcome> {
  const tables = await readWorkbookNetwork(port);
  const scenarioTable = await port.readTable("Scenarios");
  const scenarioRows = scenarioTable ? readScenarioRows(scenarioTable) : null;
  const problems = [...tables.problems, ...(scenarioRows ? scenarioRows.problems : [NO_SCENARIOS_TABLE])];
  if (problems.length > 0 || !tables.raw || !scenarioRows) return { ok: false, errors: cappedErrors(problems), errorCount: problems.length };
  return planScenarios({ base: tables.raw, rows: scenarioRows.rows, naming: "workbook", where: tables.where, rowWhere: scenarioRows.rowWhere }, options);
}
