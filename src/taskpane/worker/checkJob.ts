// "Check": validates every input table the workbook has (Stages/Arcs/Settings, Operations,
// Changeovers) without planning, and lists each problem with its cell. Run by the job worker.

import { isPlanningInputError } from "../../engine/errors";
import { readNetwork } from "../../engine/network/readNetwork";
import { readWorkbookNetwork } from "../../workbook/plan/networkTables";
import { memoryPort } from "../../workbook/jobs/memoryPort";
import { problemAsException } from "../../workbook/plan/planJob";
import type { JobException, JobOutput, WorkbookJob } from "../../workbook/jobs/types";
import type { TableData } from "../../workbook/port";
import { jobShopFromOperationsTable, sequencingFromChangeoversTable } from "../../workbook/schedule/scheduleTables";

function tableCheck(table: TableData, read: (t: TableData) => unknown): JobException[] {
  try {
    read(table);
    return [];
  } catch (error) {
    if (!isPlanningInputError(error)) throw error;
    const exception = problemAsException(error.message);
    if (error.where && error.where.includes("!")) exception.where = error.where;
    return [exception];
  }
}

export const checkJob: WorkbookJob = {
  id: "check",
  title: "Check",
  description: "Checks the input tables and lists every problem with its cell.",
  tables: ["Stages", "Arcs", "Settings", "Operations", "Changeovers"],
  requiredTables: [],
  options: [],
  async run(input, onProgress): Promise<JobOutput> {
    onProgress({ step: "Checking the tables", fraction: 0 });
    const exceptions: JobException[] = [];
    const found = Object.entries(input.tables).filter(([, t]) => t !== null).map(([name]) => name);
    if (input.tables.Stages || input.tables.Arcs || input.tables.Settings) {
      const network = await readWorkbookNetwork(memoryPort(input.tables));
      exceptions.push(...network.problems.map(problemAsException));
      if (network.raw && network.problems.length === 0) {
        const { issues } = readNetwork(network.raw, "workbook");
        for (const issue of issues) exceptions.push({ severity: issue.severity, where: network.where(issue.location), message: issue.message });
      }
    }
    if (input.tables.Operations) exceptions.push(...tableCheck(input.tables.Operations, jobShopFromOperationsTable));
    if (input.tables.Changeovers) exceptions.push(...tableCheck(input.tables.Changeovers, sequencingFromChangeoversTable));
    const errors = exceptions.filter((e) => e.severity === "error").length;
    return {
      status: errors > 0 ? "invalid" : "done",
      cards: [
        { label: "Tables found", value: found.length === 0 ? "none" : found.join(", ") },
        { label: "Problems", value: errors, detail: errors === 0 ? "Ready to plan and schedule" : "Click one to go to its cell" },
      ],
      exceptions: found.length === 0
        ? [{ severity: "error", where: null, message: "The workbook has none of the tables Stages, Arcs, Settings, Operations, Changeovers: use Set up to insert examples." }]
        : exceptions,
      sheets: [],
    };
  },
};
