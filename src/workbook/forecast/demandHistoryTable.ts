// The Demand History table (Stage, Period, Quantity, optional Unit Value; docs/formats.md §6) checked
// cell by cell, once per run: the rows the forecast builds its series from and the simulation draws from.

import { periodIndex, type HistoryRow } from "../../engine/forecast/history";
import { type InputProblem } from "../../engine/inputErrors";
import { historyQuantityProblem } from "../../engine/limits";
import { normaliseName } from "../../engine/network/fields";
import type { HistoryRow as SimulationHistoryRow } from "../../engine/simulate/demandHistory";
import { type CellValue, tableCellAddress, type TableData } from "../port";
import { cellMarkProblem, markAt } from "../tables/cellMarks";

/** The table checked: its good rows (every row good when `problems` is empty) and every bad cell. */
export interface DemandHistoryRows {
  /** The good rows, stage trimmed, as the forecast's seriesFromRows takes them (row: the data row's index). */
  rows: HistoryRow[];
  /** Unit Value per stage (the stage's last value given), or null when the table has no Unit Value column. */
  unitValues: Record<string, number> | null;
  /** Every bad cell, and a missing column (then no row is read), each at its place. */
  problems: InputProblem[];
  /** The column of each field, for problems found later (seriesFromRows). */
  columns: { stage: number; period: number; quantity: number };
}

/**
 * The one header lookup of the Demand History table: the Stage, Period and Quantity columns, and a
 * problem naming the header row when any is missing.
 */
export function demandHistoryColumns(table: TableData): { columns: { stage: number; period: number; quantity: number }; missing: InputProblem | null } {
  const column = (name: string) => table.headers.findIndex((h) => normaliseName(String(h ?? "")) === normaliseName(name));
  const columns = { stage: column("Stage"), period: column("Period"), quantity: column("Quantity") };
  const missing = Object.entries(columns).filter(([, c]) => c < 0).map(([name]) => `"${name.charAt(0).toUpperCase() + name.slice(1)}"`);
  return {
    columns,
    missing: missing.length === 0 ? null : { where: table.sheet, table: table.name, row: null, field: null, message: `the Demand History table has no ${missing.join(", ")} column (its header row is row ${table.headerRow}).` },
  };
}

const isBlank = (v: CellValue | undefined): boolean => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

function show(v: CellValue): string {
  return typeof v === "string" ? `text "${v.slice(0, 40)}"` : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
}

/** A stage's id as written: trimmed, in one Unicode form (a number is its text). */
const stageId = (stage: CellValue): string => String(stage).trim().normalize("NFC");

/**
 * Checks every row of the Demand History table by one set of rules: Stage names a stage; Period is a
 * number or a date text ("2024-01", "2024-Q1", "2024-01-31"); Quantity a number ≥ 0 within the limit;
 * Unit Value, where given, a number ≥ 0. A row blank in all three (and holding no formula) is skipped.
 * @example demandHistoryRows(table).problems // [{ where: "'Demand History'!C3", field: "Quantity", message: "Quantity must be … (got -3)." }]
 */
export function demandHistoryRows(table: TableData): DemandHistoryRows {
  const { columns: cols, missing } = demandHistoryColumns(table);
  if (missing) return { rows: [], unitValues: null, problems: [missing], columns: cols };
  const problems: InputProblem[] = [];
  const rows: HistoryRow[] = [];
  const unitHeader = table.headers.findIndex((h) => normaliseName(String(h ?? "")) === normaliseName("Unit Value"));
  const unitValues: Record<string, number> | null = unitHeader >= 0 ? {} : null;
  table.rows.forEach((row, r) => {
    const stage = row[cols.stage] ?? null, period = row[cols.period] ?? null, quantity = row[cols.quantity] ?? null;
    const marked = [cols.stage, cols.period, cols.quantity].some((c) => markAt(table, r, c) !== null);
    if ([stage, period, quantity].every(isBlank) && !marked) return;
    const at = (c: number, field: string, message: string) => problems.push({ where: tableCellAddress(table, r, c), table: table.name, row: r, field, message });
    let ok = true;
    // A formula with no saved value is named as such (a date is a Period's own kind of value).
    const stageMark = cellMarkProblem(table, r, cols.stage, "Stage", "text");
    const periodMark = cellMarkProblem(table, r, cols.period, "Period", "date");
    if (stageMark !== null) { at(cols.stage, "Stage", stageMark); ok = false; }
    else if (isBlank(stage) || typeof stage === "boolean") { at(cols.stage, "Stage", `Stage must name a stage (got ${isBlank(stage) ? "a blank" : show(stage)}).`); ok = false; }
    if (periodMark !== null) { at(cols.period, "Period", periodMark); ok = false; }
    else if (isBlank(period) || typeof period === "boolean" || (typeof period === "string" && periodIndex(period, "month") === null)) {
      at(cols.period, "Period", `Period must be a date or a whole number (got ${isBlank(period) ? "a blank" : show(period)}).`);
      ok = false;
    }
    const tooBig = cellMarkProblem(table, r, cols.quantity, "Quantity", "number") ?? historyQuantityProblem(quantity, "Quantity");
    if (tooBig !== null || typeof quantity !== "number" || quantity < 0) {
      at(cols.quantity, "Quantity", `${(tooBig ?? `Quantity must be a number of at least 0 (got ${isBlank(quantity) ? "a blank" : show(quantity)})`).replace(/\.$/, "")}.`);
      ok = false;
    }
    if (unitValues !== null && !isBlank(row[unitHeader] ?? null)) {
      const v = row[unitHeader];
      const unitMark = cellMarkProblem(table, r, unitHeader, "Unit Value", "number");
      if (unitMark !== null) { at(unitHeader, "Unit Value", unitMark); ok = false; }
      else if (typeof v !== "number" || !Number.isFinite(v) || v < 0) { at(unitHeader, "Unit Value", `Unit Value must be a number ≥ 0 (got ${show(v)}).`); ok = false; }
      else if (ok) unitValues[stageId(stage)] = v;
    }
    if (ok) rows.push({ stage: stageId(stage), period: typeof period === "string" ? period.trim() : (period as number), quantity: quantity as number, row: r });
  });
  return { rows, unitValues, problems, columns: cols };
}

/**
 * The good rows as the simulation's engine takes them (engine/simulate/demandHistory.ts historySeries,
 * as JSON `demandHistory` rows): one per data row of the table, so a row's index is its table row,
 * blank where the table row is blank, each with its cells for messages.
 */
export function simulationHistoryRows(table: TableData, read: DemandHistoryRows): SimulationHistoryRow[] {
  const good = new Map(read.rows.map((row) => [row.row, row]));
  return table.rows.map((_, r) => {
    const row = good.get(r);
    return {
      stage: row?.stage ?? null,
      period: row?.period ?? null,
      quantity: row?.quantity ?? null,
      where: {
        stage: tableCellAddress(table, r, read.columns.stage),
        period: tableCellAddress(table, r, read.columns.period),
        quantity: tableCellAddress(table, r, read.columns.quantity),
      },
    };
  });
}
