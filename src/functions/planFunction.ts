// APS.PLAN's work: the Stages / Arcs / Settings ranges of a formula (header row first) read as the
// workbook's tables are, planned by the same engine as "Run plan" and `aps plan`, and spilled as the
// Plan sheet's columns. Input errors come back as one #VALUE! cell whose message names the cell.
// Runs in the functions worker (worker/serveCalls.ts), with a short placement time limit by default.

import { memoryPort } from "../workbook/jobs/memoryPort";
import { PLAN_COLUMNS } from "../workbook/plan/planSheets";
import { planWorkbookTables } from "../workbook/plan/planWorkbook";
import type { CellValue, TableData } from "../workbook/port";
import { isCellError, notAvailable, valueError } from "./cellErrors";
import { CellFailure } from "./broadcast";
import { propagate, toGrid } from "./cells";

/** Most input errors listed in the message; the rest are counted. */
const MAX_LISTED = 3;

/**
 * Placement time limit (seconds) of a plan computed for a cell, unless the Settings range sets
 * placementTimeLimit: short, since Excel recalculates APS.PLAN on every edit of its ranges (the pane's
 * "Run plan" keeps the engine's default of 10 s).
 */
export const CELL_PLACEMENT_TIME_LIMIT = 2;

export interface PlanSpillOptions {
  /** Seconds, used when the Settings range does not set placementTimeLimit. */
  placementTimeLimit?: number;
}

/**
 * A cell of a range as a table cell: null, undefined and "" are blank; 0 is the number 0. Excel for
 * Windows and Mac passes an empty cell as 0: functions.ts reads the range's value types by reference
 * first (referenceBlanks.ts) and passes those cells as null, as Excel on the web does.
 */
function tableCell(cell: unknown): CellValue {
  if (cell === null || cell === undefined) return null;
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
  const headers = grid.cells[0].map((h) => (tableCell(h) === null || h === 0 ? "" : String(h).trim()));
  if (headers.every((h) => h === "")) return null;
  // A row of nothing but 0s and blanks is an empty row of the range (desktop Excel passes its cells as 0).
  const rows = grid.cells.slice(1).map((row) => (row.every((cell) => cell === 0 || tableCell(cell) === null) ? row.map(() => null) : row.map(tableCell)));
  return { name, sheet: argument, headers, rows, headerRow: 1, firstColumn: 1 };
}

const simple = (text: string) => text.toLowerCase().replace(/[^a-z]/g, "");

/** The Settings table with a placementTimeLimit row added when it has none (and a limit is given). */
function withTimeLimit(settings: TableData | null, seconds: number | undefined): TableData | null {
  if (seconds === undefined) return settings;
  if (!settings) return { name: "Settings", sheet: "settingsRange", headers: ["Name", "Value"], rows: [["placementTimeLimit", seconds]], headerRow: 1, firstColumn: 1 };
  const nameColumn = settings.headers.findIndex((h) => simple(h) === "name");
  const valueColumn = settings.headers.findIndex((h) => simple(h) === "value");
  if (nameColumn < 0 || valueColumn < 0) return settings; // the reader reports the missing column
  if (settings.rows.some((row) => simple(String(row[nameColumn] ?? "")) === "placementtimelimit")) return settings;
  const row: CellValue[] = settings.headers.map(() => null);
  row[nameColumn] = "placementTimeLimit";
  row[valueColumn] = seconds;
  return { ...settings, rows: [...settings.rows, row] };
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
export async function planSpill(stages: unknown, arcs: unknown, settings: unknown, options: PlanSpillOptions = {}): Promise<unknown[][]> {
  const tables = {
    Stages: rangeTable("Stages", "stagesRange", stages),
    Arcs: rangeTable("Arcs", "arcsRange", arcs),
    Settings: withTimeLimit(rangeTable("Settings", "settingsRange", settings), options.placementTimeLimit),
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
