// Plans a workbook through the port: reads the Stages / Arcs / Settings tables and plans them.
// Input tables are never modified; the caller writes the result sheets (planSheets.ts).

import { planRecord, PlanOptions, PlanOutcome, refused } from "../../engine/plan";
import { readWorkbookHistory } from "../forecast/forecastTables";
import { readWorkbookNetwork } from "./networkTables";
import { demandFromHistory, needsDemandFromHistory } from "./planDemandFromHistory";
import type { WorkbookPort } from "../port";

/**
 * The plan run of `aps plan` and the pane's plan job. Reads and plans the workbook's Stages / Arcs / Settings tables
 * (blank demand from Demand History); errors name sheet, row and column.
 * Problems with the tables' headers come together with the errors in their cells, unless a table or
 * a required column is missing (then the cells cannot be read).
 */
export async function planWorkbookTables(
  port: WorkbookPort, options: PlanOptions = {}, settings: (given: Record<string, unknown>) => Record<string, unknown> = (given) => given,
): Promise<PlanOutcome> {
  const tables = await readWorkbookNetwork(port);
  if (!tables.raw || tables.unreadable) return refused(tables.records);
  // The pane's options add Settings rows the table lacks (planJob.ts settingsWithOptions).
  const raw = { ...tables.raw, settings: settings((tables.raw.settings ?? {}) as Record<string, unknown>) };
  // Blank Demand Rate / Demand Sd filled from a Demand History table, when there is one (docs/formats.md §6).
  const fromHistory = demandFromHistory(needsDemandFromHistory(raw) ? await readWorkbookHistory(port) : null, raw);
  const outcome = planRecord(fromHistory.raw, { ...options, naming: "workbook", where: tables.where, earlier: tables.records });
  if (outcome.ok) outcome.plan.exceptions.push(...fromHistory.exceptions);
  // Refused with blanks left unfilled: the Demand History problems that left them come first.
  else if (fromHistory.unused.length > 0) return refused([...fromHistory.unused, ...outcome.problems]);
  return outcome;
}
