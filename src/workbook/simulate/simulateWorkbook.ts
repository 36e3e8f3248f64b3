// The simulate run of a workbook, shared by `aps simulate` and the pane's simulate job: reads
// Stages / Arcs / Settings and Demand History through the port, then plans and simulates every policy.
// Demand History is read once (readWorkbookHistory): its rows are the empirical demand, and blank demand
// rates are filled from it exactly as the plan fills them, so the plan simulated is the plan `aps plan` writes.

import { inputRefusal } from "../../engine/inputErrors";
import { simulateRecord, type SimulationOutcome } from "../../engine/simulate/simulateRecord";
import type { SimulationOptions } from "../../engine/simulate/types";
import { readWorkbookHistory } from "../forecast/forecastTables";
import { readWorkbookNetwork } from "../plan/networkTables";
import { demandFromHistory } from "../plan/planDemandFromHistory";
import type { WorkbookPort } from "../port";

/** Simulates the workbook's network; input problems (every table's) come back as the outcome's errors. */
export async function simulateWorkbookTables(port: WorkbookPort, options: SimulationOptions): Promise<SimulationOutcome> {
  const tables = await readWorkbookNetwork(port);
  const history = await readWorkbookHistory(port);
  // The table's own problems refuse the run (its rows are the demand); a bad forecast setting only keeps blanks unfilled.
  const problems = [...tables.records, ...(history?.tableRecords ?? [])];
  if (problems.length > 0 || !tables.raw) return inputRefusal(problems);
  const planned = demandFromHistory(history, tables.raw);
  const outcome = simulateRecord(planned.raw, history?.rows ?? [], options, "workbook", tables.where);
  return !outcome.ok && planned.unused.length > 0 ? inputRefusal([...planned.unused, ...outcome.problems]) : outcome;
}
