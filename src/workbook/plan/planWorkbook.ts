// Plans a workbook through the port: reads the Stages / Arcs / Settings tables and plans them.
// Input tables are never modified; the caller writes the result sheets (planSheets.ts).

import { planRecord, PlanOptions, PlanOutcome, refused } from "../../engine/plan";
import { readWorkbookNetwork } from "./networkTables";
import { demandFromHistory } from "./planDemandFromHistory";
import type { WorkbookPort } from "../port";

/**
 * Reads and plans the workbook's Stages / Arcs / Settings tables; errors name sheet, row and column.
 * Problems with the tables' headers come together with the errors in their cells, unless a table or
 * a required column is missing (then the cells cannot be read).
 */
export async function planWorkbookTables(port: WorkbookPort, options: PlanOptions = {}): Promise<PlanOutcome> {
  const tables = await readWorkbookNetwork(port);
  if (!tables.raw || tables.unreadable) return refused(tables.problems);
  // Blank Demand Rate / Demand Sd filled from a Demand History table, when there is one (docs/formats.md §6).
  const fromHistory = await demandFromHistory(port, tables.raw);
  const outcome = planRecord(fromHistory.raw, { ...options, naming: "workbook", where: tables.where, earlier: tables.problems });
  if (outcome.ok) outcome.plan.exceptions.push(...fromHistory.exceptions);
  return outcome;
}
