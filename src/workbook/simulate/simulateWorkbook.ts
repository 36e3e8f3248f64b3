// The simulate run of a workbook, shared by `aps simulate` and the pane's simulate job: reads
// Stages / Arcs / Settings and Demand History through the port, then plans and simulates every policy.
// Blank demand rates are filled from Demand History exactly as the plan fills them, so the plan
// that is simulated is the plan `aps plan` writes.

import { inputRefusal } from "../../engine/inputErrors";
import { simulateRecord, type SimulationOutcome } from "../../engine/simulate/simulateRecord";
import type { SimulationOptions } from "../../engine/simulate/types";
import { readDemandHistory } from "../forecast/demandHistoryTable";
import { readWorkbookNetwork } from "../plan/networkTables";
import { demandFromHistory } from "../plan/planDemandFromHistory";
import type { WorkbookPort } from "../port";

/** Simulates the workbook's network; input problems (every table's) come back as the outcome's errors. */
export async function simulateWorkbookTables(port: WorkbookPort, options: SimulationOptions): Promise<SimulationOutcome> {
  const tables = await readWorkbookNetwork(port);
  const history = await readDemandHistory(port);
  const problems = [...tables.records, ...history.problems];
  if (problems.length > 0 || !tables.raw) return inputRefusal(problems);
  const planned = await demandFromHistory(port, tables.raw);
  return simulateRecord(planned.raw, history.rows, options, "workbook", tables.where);
}
