// The planner's edits of `Planned Orders` (docs/editing.md "Firm planned orders"): Quantity and
// Release period as left beside the last run's (Run Quantity, Run Period), and Firm; read back into
// firm orders for the next supply run, and the edit columns the run writes onto the sheet.

import type { InputProblem } from "../../engine/inputErrors";
import type { NetworkInput } from "../../engine/network/types";
import type { FirmOrder, SupplyProblem } from "../../engine/supply";
import { type CellValue, type ResultSheet, type TableData, tableCellAddress } from "../port";
import { periodStartSerial } from "./supplyFigures";

/** The table the Planned Orders sheet is written as, read back by the next run. */
export const PLANNED_ORDERS_TABLE = "PlannedOrders";

/** The header note of the sheet: how to edit it. */
export const PLANNED_ORDERS_NOTE = "Edit Quantity or Release period and set Firm to yes: the next supply run (aps supply, the pane's Supply) keeps firm orders as given and re-plans the rest around them; a changed row without Firm is kept this once. Run Period, Run Quantity and Run Firm hold this run's values (Undo edits writes them back).";

const norm = (s: string) => s.trim().toLowerCase().replace(/[\s_]+/g, " ");
const isBlank = (v: CellValue) => v === null || (typeof v === "string" && v.trim() === "");
/** Quantities within this (relative) of the run's are unchanged. */
const SAME = 1e-9;

/** One row of the table as the planner left it. */
export interface PlannedOrderRow {
  stage: string;
  period: number;
  quantity: number;
  firm: boolean;
  /** The last run's values; null in a row the planner added. */
  runPeriod: number | null;
  runQuantity: number | null;
  runFirm: boolean;
  /** The 0-based data row of the table. */
  row?: number;
  where: { stage: string; period: string; quantity: string; firm: string | null };
}

/** True when the row differs from what the last run wrote (a hand change: firm for this run). */
export function isChanged(row: PlannedOrderRow): boolean {
  if (row.runPeriod === null || row.runQuantity === null) return true;
  return row.period !== row.runPeriod || Math.abs(row.quantity - row.runQuantity) > SAME * Math.max(1, Math.abs(row.runQuantity));
}

/** The column a header names: exact, or with a unit in brackets ("Quantity (units)"). */
function findColumn(headers: string[], ...names: string[]): number {
  for (const name of names) {
    const k = headers.findIndex((h) => norm(String(h ?? "")) === norm(name) || norm(String(h ?? "")).startsWith(`${norm(name)} (`));
    if (k >= 0) return k;
  }
  return -1;
}

/** "yes"/"y"/"true"/"x"/"firm"/1 → true, blank/"no" → false; else undefined. */
export function firmOf(value: CellValue): boolean | undefined {
  if (isBlank(value) || value === false || value === 0) return false;
  if (value === true || value === 1) return true;
  const text = String(value).trim().toLowerCase();
  if (["yes", "y", "true", "x", "firm"].includes(text)) return true;
  if (["no", "n", "false"].includes(text)) return false;
  return undefined;
}

/**
 * The rows of a PlannedOrders table, or every problem with its cell. A table without Run columns (a
 * sheet written before them) has no hand changes: only Firm rows are edits.
 * @example readPlannedOrders(table).rows[0].where.quantity // "'Planned Orders'!G4"
 */
export function readPlannedOrders(table: TableData): { rows: PlannedOrderRow[]; problems: InputProblem[] } {
  const h = table.headers;
  const col = {
    stage: findColumn(h, "Stage"), period: findColumn(h, "Release period", "Period"), quantity: findColumn(h, "Quantity"),
    firm: findColumn(h, "Firm"), runPeriod: findColumn(h, "Run Period"), runQuantity: findColumn(h, "Run Quantity"), runFirm: findColumn(h, "Run Firm"),
  };
  const problems: InputProblem[] = [];
  const add = (row: number | null, column: number, field: string, message: string) =>
    problems.push({ where: row === null ? table.sheet : tableCellAddress(table, row, column), table: table.name, row, field, message });
  for (const [key, label] of [["stage", "Stage"], ["period", "Release period"], ["quantity", "Quantity"]] as const) {
    if (col[key] < 0) add(null, -1, label, `the ${table.name} table has no "${label}" column (header row ${table.headerRow}); run the supply plan again to write it`);
  }
  if (problems.length > 0) return { rows: [], problems };
  const rows: PlannedOrderRow[] = [];
  table.rows.forEach((row, r) => {
    if (row.every(isBlank)) return;
    const at = (c: number) => tableCellAddress(table, r, c);
    const cell = (c: number): CellValue => (c >= 0 ? row[c] : null);
    const number = (c: number, what: string, whole: boolean, field: string): number | null | undefined => {
      const v = cell(c);
      if (isBlank(v)) return null;
      const x = typeof v === "number" ? v : Number(String(v).trim());
      if (!Number.isFinite(x) || x < 0 || (whole && !Number.isInteger(x))) {
        add(r, c, field, `${what} must be ${whole ? "a whole period" : "a number ≥ 0"} (got "${String(v)}")`);
        return undefined;
      }
      return x;
    };
    const stage = cell(col.stage);
    if (isBlank(stage)) add(r, col.stage, "Stage", "Stage is blank");
    const period = number(col.period, "Release period", true, "Release period");
    const quantity = number(col.quantity, "Quantity", false, "Quantity");
    if (period === null) add(r, col.period, "Release period", "Release period is blank");
    if (quantity === null) add(r, col.quantity, "Quantity", "Quantity is blank (0 for no order)");
    const firm = col.firm >= 0 ? firmOf(cell(col.firm)) : false;
    if (firm === undefined) add(r, col.firm, "Firm", `Firm must be yes or blank (got "${String(cell(col.firm))}")`);
    const runFirm = col.runFirm >= 0 ? firmOf(cell(col.runFirm)) ?? false : false;
    const hasRun = col.runPeriod >= 0 && col.runQuantity >= 0;
    const runPeriod = hasRun ? number(col.runPeriod, "Run Period (the last run's; do not edit it)", true, "Run Period") : period;
    const runQuantity = hasRun ? number(col.runQuantity, "Run Quantity (the last run's; do not edit it)", false, "Run Quantity") : quantity;
    if (isBlank(stage) || period == null || quantity == null || firm === undefined || runPeriod === undefined || runQuantity === undefined) return;
    rows.push({
      stage: String(stage).trim(), period, quantity, firm, runPeriod: runPeriod ?? null, runQuantity: runQuantity ?? null, runFirm,
      row: r, where: { stage: at(col.stage), period: at(col.period), quantity: at(col.quantity), firm: col.firm >= 0 ? at(col.firm) : null },
    });
  });
  return { rows, problems };
}

/** The cell an edit of the row is reported at: Quantity when changed, else Release period when changed, else Firm. */
export function editedCell(row: PlannedOrderRow): string {
  if (row.runQuantity === null || Math.abs(row.quantity - row.runQuantity) > SAME * Math.max(1, Math.abs(row.runQuantity))) return row.where.quantity;
  if (row.runPeriod === null || row.period !== row.runPeriod) return row.where.period;
  return row.where.firm ?? row.where.quantity;
}

/**
 * The firm orders of the rows: Firm rows, and rows changed by hand (firm this once). Rows of unknown
 * stages are problems at their Stage cell.
 */
export function firmOrdersOf(rows: readonly PlannedOrderRow[], problem: SupplyProblem): { firm: FirmOrder[]; kept: PlannedOrderRow[]; problems: InputProblem[] } {
  const stageOf = new Map(problem.stages.map((s, j) => [s.id.toLowerCase(), j]));
  const firm: FirmOrder[] = [];
  const kept: PlannedOrderRow[] = [];
  const problems: InputProblem[] = [];
  for (const row of rows) {
    if (!row.firm && !isChanged(row)) continue;
    const stage = stageOf.get(row.stage.toLowerCase());
    if (stage === undefined) { problems.push({ where: row.where.stage, table: PLANNED_ORDERS_TABLE, row: row.row ?? null, field: "Stage", message: `"${row.stage}" is not a stage of the network` }); continue; }
    firm.push({ stage, period: row.period, quantity: row.quantity, where: editedCell(row), periodWhere: row.where.period });
    kept.push(row);
  }
  return { firm, kept, problems };
}

/** Firm flags of the next sheet: "stage id\u0000period" of the rows marked Firm (persistent firm). */
export function firmKeys(rows: readonly PlannedOrderRow[]): Set<string> {
  return new Set(rows.filter((r) => r.firm).map((r) => `${r.stage.toLowerCase()}\u0000${r.period}`));
}

/**
 * The Planned Orders sheet with the edit columns (Firm, Run Period, Run Quantity, Run Firm), written as
 * the PlannedOrders table with a yes/blank drop-down on Firm. Firm rows of quantity 0 stay as rows.
 */
export function withOrderEdits(sheet: ResultSheet, firm: ReadonlySet<string>, zeroRow: (stage: string, period: number) => CellValue[] | null): ResultSheet {
  const seen = new Set<string>();
  const rows = sheet.rows.map((row) => {
    const key = `${String(row[0]).toLowerCase()}\u0000${row[2]}`;
    seen.add(key);
    return row;
  });
  for (const key of firm) {
    if (seen.has(key)) continue;
    const [stage, period] = key.split("\u0000");
    const row = zeroRow(stage, Number(period));
    if (row) rows.push(row);
  }
  rows.sort((a, b) => (a[2] as number) - (b[2] as number) || String(a[0]).localeCompare(String(b[0])));
  const edited = rows.map((row) => {
    const isFirm = firm.has(`${String(row[0]).toLowerCase()}\u0000${row[2]}`) ? "yes" : null;
    return [...row, isFirm, row[2], row[6], isFirm];
  });
  return {
    ...sheet,
    title: `${sheet.title ?? ""}. ${PLANNED_ORDERS_NOTE}`,
    columns: [...sheet.columns, { header: "Firm", width: 8 }, { header: "Run Period", numberFormat: "0" }, { header: "Run Quantity", numberFormat: "#,##0.00" }, { header: "Run Firm", width: 8 }],
    rows: edited,
    tableName: PLANNED_ORDERS_TABLE,
    validations: [
      ...(sheet.validations ?? []),
      { column: sheet.columns.length, kind: "list", values: ["yes"], error: "Firm: yes keeps the order as given in the next supply run; blank: re-planned.", rows: Math.max(edited.length + 20, 100) },
    ],
  };
}

/** A Planned Orders row of quantity 0 (a firm "no order here"), as plannedOrdersSheet lays rows out. */
export function zeroOrderRow(problem: SupplyProblem, network: NetworkInput, stageId: string, period: number): CellValue[] | null {
  const j = problem.stages.findIndex((s) => s.id.toLowerCase() === stageId);
  if (j < 0) return null;
  const stage = problem.stages[j];
  const receipt = period + stage.leadTimePeriods;
  return [stage.id, network.stages[j]?.owner ?? null, period, periodStartSerial(problem, period), receipt, periodStartSerial(problem, receipt), 0, null];
}

/** The Planned Orders sheet of a run, with the edit columns and the run's persistent firm rows. */
export function editablePlannedOrders(sheet: ResultSheet, input: { problem: SupplyProblem; network: NetworkInput; firm?: ReadonlySet<string> }): ResultSheet {
  return withOrderEdits(sheet, input.firm ?? new Set(), (stage, period) => zeroOrderRow(input.problem, input.network, stage, period));
}
