// Plans a workbook through the port: read the network tables, plan, and write the result sheets.
// Input tables are never modified; on bad input nothing is written.

import { planRecord, PlanOptions, PlanOutcome } from "../engine/plan";
import { readWorkbookNetwork } from "./networkTables";
import { planSheets } from "./planSheets";
import type { WorkbookPort } from "./port";

/** Reads and plans the workbook's Stages / Arcs / Settings tables; errors name sheet, row and column. */
export async function planWorkbookTables(port: WorkbookPort, options: PlanOptions = {}): Promise<PlanOutcome> {
  const tables = await readWorkbookNetwork(port);
  if (tables.problems.length > 0 || !tables.raw) return { ok: false, errors: tables.problems };
  return planRecord(tables.raw, { ...options, naming: "workbook", where: tables.where });
}

/** Plans the workbook and, when the plan could be made, writes Plan, Matching, KPIs and Exceptions. */
export async function planWorkbook(port: WorkbookPort, options: PlanOptions = {}): Promise<PlanOutcome> {
  const outcome = await planWorkbookTables(port, options);
  if (outcome.ok) await port.writeResultSheets(planSheets(outcome.plan));
  return outcome;
}
