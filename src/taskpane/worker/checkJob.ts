// "Check": validates every input table the workbook has (Stages/Arcs/Settings, Operations,
// Changeovers, Downtime, Customers, the supply tables, Scenarios, Demand History) without planning, and lists each problem with its cell. Run by the job worker.

import { isPlanningInputError } from "../../engine/errors";
import { readNetwork } from "../../engine/network/readNetwork";
import { readWorkbookNetwork } from "../../workbook/plan/networkTables";
import { memoryPort } from "../../workbook/jobs/memoryPort";
import { inputErrorExceptions, problemException } from "../../workbook/tables/problems";
import type { JobException, JobOutput, WorkbookJob } from "../../workbook/jobs/types";
import { readWorkbookHistory } from "../../workbook/forecast/forecastTables";
import { readScheduleTables } from "../../workbook/schedule/scheduleRun";
import { readScenarios, scenarioRowProblems } from "../../engine/scenarios";
import { readScenarioRows } from "../../workbook/scenarios/scenarioTables";
import { readWorkbookSupply } from "../../workbook/supply/supplyTables";
import { SUPPLY_TABLES } from "../../workbook/supply/supplyTables";
import { supplyInputProblems } from "../../workbook/supply/supplyWorkbook";

/** The supply tables (both spellings: a table's name has no spaces); Customers alone is the schedule's. */
const SUPPLY_NAMES = [...SUPPLY_TABLES, ...SUPPLY_TABLES.filter((t) => t.includes(" ")).map((t) => t.replace(/ /g, ""))];

function tableCheck(read: () => unknown): JobException[] {
  try {
    read();
    return [];
  } catch (error) {
    if (!isPlanningInputError(error)) throw error;
    return inputErrorExceptions(error);
  }
}

export const checkJob: WorkbookJob = {
  id: "check",
  title: "Check",
  step: "data",
  order: 10,
  description: "Checks the input tables and lists every problem with its cell.",
  tables: ["Stages", "Arcs", "Settings", "Scenarios", "Operations", "Changeovers", "Downtime", "Customers", "Escalation", ...SUPPLY_NAMES.filter((t) => t !== "Customers"), "Demand History", "Segment Service Levels"],
  requiredTables: [],
  options: [],
  async run(input, onProgress): Promise<JobOutput> {
    onProgress({ step: "Checking the tables", fraction: 0 });
    const exceptions: JobException[] = [];
    const found = Object.entries(input.tables).filter(([, t]) => t !== null).map(([name]) => name);
    if (input.tables.Stages || input.tables.Arcs || input.tables.Settings) {
      const network = await readWorkbookNetwork(memoryPort(input.tables));
      exceptions.push(...network.records.map(problemException));
      if (network.raw && network.problems.length === 0) {
        const { issues } = readNetwork(network.raw, "workbook");
        for (const issue of issues) exceptions.push({ severity: issue.severity, where: network.where(issue.location), message: issue.message });
      }
    }
    const networkClean = exceptions.every((e) => e.severity !== "error");
    if (networkClean && input.tables.Stages && SUPPLY_NAMES.some((t) => t !== "Customers" && input.tables[t])) {
      // The supply run's own reading (docs/supply.md), so Check and Supply agree; no solve.
      const refusal = await supplyInputProblems(memoryPort(input.tables));
      if (refusal) exceptions.push(...refusal.problems.map(problemException));
    }
    if (networkClean && input.tables.Stages && input.tables.Scenarios) {
      // The Scenarios rows as the scenarios run reads them (columns, tables, keys); changed values are checked when planned.
      const rows = readScenarioRows(input.tables.Scenarios);
      const base = rows.problems.length === 0 ? (await readWorkbookSupply(memoryPort(input.tables))).raw : null;
      exceptions.push(...[...rows.problems, ...(base ? scenarioRowProblems(readScenarios(rows.rows, base).problems, rows.rowWhere) : [])].map(problemException));
    }
    if (input.tables.Operations || input.tables.Changeovers) {
      // The schedule run's own reading (Downtime and Customers included), so Check and Schedule agree.
      exceptions.push(...tableCheck(() => readScheduleTables({
        operations: input.tables.Operations ?? null, changeovers: input.tables.Changeovers ?? null,
        downtime: input.tables.Downtime ?? null, customers: input.tables.Customers ?? null, escalation: input.tables.Escalation ?? null,
      })));
    }
    if (input.tables["Demand History"]) {
      // The forecast's own reading (its Settings and Segment Service Levels too); a problem the network's reading named already is listed once.
      const history = await readWorkbookHistory(memoryPort(input.tables));
      const listed = new Set(exceptions.map((e) => `${e.where}\u0000${e.message}`));
      for (const exception of (history?.records ?? []).map(problemException)) if (!listed.has(`${exception.where}\u0000${exception.message}`)) exceptions.push(exception);
    }
    const errors = exceptions.filter((e) => e.severity === "error").length;
    return {
      status: errors > 0 ? "invalid" : "done",
      cards: [
        { label: "Tables found", value: found.length === 0 ? "none" : found.join(", ") },
        { label: "Problems", value: errors, detail: errors === 0 ? "Ready to plan and schedule" : "Click one to go to its cell" },
      ],
      exceptions: found.length === 0
        ? [{ severity: "error", where: null, message: "The workbook has none of the tables Stages, Arcs, Settings, Operations, Changeovers: use the Data step to insert examples." }]
        : exceptions,
      sheets: [],
    };
  },
};
