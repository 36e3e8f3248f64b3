// APS.PLAN's work: the Stages / Arcs / Settings ranges of a formula (header row first) read as the
// workbook's tables are, planned by the same engine as "Run plan" and `aps plan`, and spilled as the
// Plan sheet's columns. Input errors come back as one #VALUE! cell whose message names the cell.

import { memoryPort } from "../workbook/jobs/memoryPort";
import { PLAN_COLUMNS } from "../workbook/plan/planSheets";
import { planWorkbookTables } from "../workbook/plan/planWorkbook";
import type { CellValue, TableData } from "../workbook/port";
import { isCellError, notAvailable, valueError } from "./cellErrors";
import { CellFailure } from "./broadcast";
import { propagate, toGrid } from "./cells";

/** Most input errors listed in the message; the rest are counted. */
const MAX_LISTED = 3;

/** A cell of a range as a table cell: blank, "" and 0 (how Excel passes an empty cell of a range) are null. */
function tableCell(cell: unknown): CellValue {
  if (cell === null || cell === undefined || cell === 0) return null;
  if (typeof cell === "string") return cell.trim() === "" ? null : cell;
  if (typeof cell === "number" || typeof cell === "boolean") return cell;
  return String(cell);
}

/** A range argument as a table named after its argument, so places read "stagesRange!C3" (C3 of the range). */
function rangeTable(name: string, argument: string, value: unknown): TableData | null {
  const grid = toGrid(value);
  if (!grid) return null;
  for (let r = 0; r < grid.rows; r++) {
    for (let c = 0; c < grid.cols; c++) {
      const cell = grid.cells[r][c];
      if (isCellError(cell)) throw new CellFailure(propagate(`${argument} (row ${r + 1}, column ${c + 1})`, cell));
    }
  }
  const headers = grid.cells[0].map((h) => (tableCell(h) === null ? "" : String(h).trim()));
  if (headers.every((h) => h === "")) return null;
  const rows = grid.cells.slice(1).map((row) => row.map(tableCell));
  return { name, sheet: argument, headers, rows, headerRow: 1, firstColumn: 1 };
}

/** Words an exception about a figure uses ("no planned rate", "no lot size"), by Plan column field. */
const TOPICS: Record<string, string> = {
  rate: "rate", utilisation: "rate", ordersInSystem: "rate", waitInQueue: "rate",
  lotSize: "lot size", cycleStock: "lot size", inventoryHoldingCost: "lot size",
};

/** Why a figure is blank: its stage's exception on that topic, else the stage's first, else a general reason. */
function reasonFor(stageId: string, field: string, exceptions: { message: string }[]): string {
  const own = exceptions.filter((e) => e.message.includes(`"${stageId}"`));
  const topic = TOPICS[field];
  const best = (topic && own.find((e) => e.message.toLowerCase().includes(topic))) || own[0];
  return best ? best.message : `not computed for stage "${stageId}": an input it needs is blank.`;
}

/**
 * The plan as a spilled table: the Plan sheet's header row, then one row per stage. A figure the plan
 * cannot compute is #N/A with the reason; wrong input is one #VALUE! naming the cells.
 * @example planSpill([["Id", "Demand Rate", "Demand Sd", "Processing Time", "Holding Cost", "Order Cost"], ["A", 10, 2, 1, 1, 50]], null, null)[1][0] // "A"
 */
export async function planSpill(stages: unknown, arcs: unknown, settings: unknown): Promise<unknown[][]> {
  const tables = {
    Stages: rangeTable("Stages", "stagesRange", stages),
    Arcs: rangeTable("Arcs", "arcsRange", arcs),
    Settings: rangeTable("Settings", "settingsRange", settings),
  };
  if (!tables.Stages) return [[valueError("stagesRange is empty: give the Stages table with its header row (Id, Demand Rate, ...).")]];
  const outcome = await planWorkbookTables(memoryPort(tables));
  if (!outcome.ok) {
    const listed = outcome.errors.slice(0, MAX_LISTED).join(" ");
    const more = outcome.errors.length > MAX_LISTED ? ` (and ${outcome.errors.length - MAX_LISTED} more)` : "";
    return [[valueError(`${listed}${more}`)]];
  }
  const plan = outcome.plan;
  const header = PLAN_COLUMNS.map((c) => c.header);
  const rows = plan.stages.map((stage) => PLAN_COLUMNS.map((column) => {
    const value = stage[column.field] as unknown;
    if (value === null || value === undefined || (typeof value === "number" && !Number.isFinite(value))) {
      return column.field === "owner" ? "" : notAvailable(`${column.header}: ${reasonFor(stage.id, column.field, plan.exceptions)}`);
    }
    return value;
  }));
  return [header, ...rows];
}
