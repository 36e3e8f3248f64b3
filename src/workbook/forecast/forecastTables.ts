// Reads the `Demand History` table (Stage, Period, Quantity; docs/formats.md §6), the forecast settings
// of the `Settings` table and the optional `Segment Service Levels` table, naming cells in messages.

import type { ForecastSettings } from "../../engine/forecast/forecastRun";
import { DemandSeries, HistoryRow, seriesFromRows } from "../../engine/forecast/history";
import type { SegmentServiceLevel } from "../../engine/forecast/segmentation";
import { type InputProblem, problemLine } from "../../engine/inputErrors";
import { historyQuantityProblem } from "../../engine/limits";
import { normaliseName } from "../../engine/network/fields";
import { CellValue, TableData, tableCellAddress, WorkbookPort } from "../port";
import { demandHistoryColumns } from "./demandHistoryTable";
import { cellMarkProblem } from "../tables/cellMarks";
import { settingsEntries } from "../tables/settingsTable";

export interface WorkbookHistory {
  series: DemandSeries[];
  settings: ForecastSettings;
  serviceLevels: SegmentServiceLevel[];
  /** Input problems as records, each at its cell (every one); nothing is forecast when there are any. */
  records: InputProblem[];
  /** The same problems as the command prints them: the first CAP lines, then a line counting the rest. */
  problems: string[];
  /** The Demand History table's sheet (for exceptions' "where"). */
  sheet: string;
}

const CAP = 20;

function column(table: TableData, name: string): number {
  return table.headers.findIndex((h) => normaliseName(String(h ?? "")) === normaliseName(name));
}

function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === "string" && v.trim() === "");
}

function show(v: CellValue): string {
  return typeof v === "string" ? `text "${v.slice(0, 40)}"` : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
}

/** A problem at a cell of the table (row and field given), or at its sheet (row null). */
function problemIn(table: TableData, row: number | null, column: number, field: string | null, message: string): InputProblem {
  return { where: row === null ? table.sheet : tableCellAddress(table, row, column), table: table.name, row, field, message };
}

/** The Settings table's forecast settings (forecastHorizon, seasonLength, forecastErrorThreshold, abc/xyz cut-offs). */
function readSettings(table: TableData | null, problems: InputProblem[]): ForecastSettings {
  const settings: ForecastSettings = {};
  if (!table) return settings;
  // The shared reader: a name given twice or misspelt is reported (for a forecast, no other reader runs).
  const read = settingsEntries(table);
  problems.push(...read.problems);
  const cut: Record<string, number> = {};
  const known = ["forecasthorizon", "seasonlength", "forecasterrorthreshold", "reconciliationtolerance", "abccutoffa", "abccutoffb", "xyzcutoffx", "xyzcutoffy"];
  for (const entry of read.entries) {
    const key = entry.key;
    const value = entry.value;
    if (!known.includes(key) || isBlank(value)) continue;
    const bad = (message: string) => problems.push(problemIn(table, entry.row, read.valueColumn, "Value", message));
    const marked = cellMarkProblem(table, entry.row, read.valueColumn, `setting ${entry.name}`, "number");
    if (marked !== null) {
      bad(marked);
      continue;
    }
    const whole = key === "forecasthorizon" || key === "seasonlength";
    if (typeof value !== "number" || !Number.isFinite(value) || value <= 0 || (whole && !Number.isInteger(value))) {
      bad(`setting ${entry.name} must be a ${whole ? "whole number" : "number"} above 0 (got ${show(value)}).`);
      continue;
    }
    if (key === "forecasthorizon") settings.horizon = value > 1000 ? (bad(`forecastHorizon must be at most 1000 (got ${value}).`), undefined) : value;
    else if (key === "seasonlength") settings.seasonLength = value > 366 ? (bad(`seasonLength must be at most 366 (got ${value}).`), undefined) : value;
    else if (key === "forecasterrorthreshold") settings.errorThreshold = value;
    else if (key === "reconciliationtolerance") settings.reconciliationTolerance = value;
    else cut[key] = value;
  }
  const a = cut.abccutoffa ?? 0.8, b = cut.abccutoffb ?? 0.95, x = cut.xyzcutoffx ?? 0.5, y = cut.xyzcutoffy ?? 1.0;
  if (!(a < b && b <= 1)) problems.push(problemIn(table, null, -1, null, `abcCutoffA (${a}) must be below abcCutoffB (${b}), and both at most 1.`));
  else if (!(x < y)) problems.push(problemIn(table, null, -1, null, `xyzCutoffX (${x}) must be below xyzCutoffY (${y}).`));
  else settings.segmentation = { abcCutoffs: [a, b], xyzCutoffs: [x, y] };
  return settings;
}

function readServiceLevels(table: TableData | null, problems: InputProblem[]): SegmentServiceLevel[] {
  if (!table) return [];
  const segCol = column(table, "Segment"), levelCol = column(table, "Service Level");
  if (segCol < 0 || levelCol < 0) {
    problems.push(problemIn(table, null, -1, null, 'the Segment Service Levels table needs "Segment" and "Service Level" columns.'));
    return [];
  }
  const out: SegmentServiceLevel[] = [];
  table.rows.forEach((row, r) => {
    if (isBlank(row[segCol])) return;
    const level = row[levelCol];
    if (typeof level !== "number" || !(level > 0 && level < 1)) {
      problems.push(problemIn(table, r, levelCol, "Service Level", `Service Level must be strictly between 0 and 1 (got ${show(level)}).`));
      return;
    }
    out.push({ segment: String(row[segCol]), serviceLevel: level });
  });
  return out;
}

/** Reads the demand history and its settings through the port. */
export async function readWorkbookHistory(port: WorkbookPort): Promise<WorkbookHistory | null> {
  const table = await port.readTable("Demand History");
  if (!table) return null;
  const problems: InputProblem[] = [];
  const { columns: cols, missing } = demandHistoryColumns(table);
  if (missing) problems.push(missing);
  const settings = readSettings(await port.readTable("Settings"), problems);
  const serviceLevels = readServiceLevels(await port.readTable("Segment Service Levels"), problems);
  if (problems.length > 0) return { series: [], settings, serviceLevels, records: problems, problems: cappedLines(problems), sheet: table.sheet };
  const rows: HistoryRow[] = [];
  // ABC by value when the table has a Unit Value column (the stage's last value given), else by volume.
  const valueCol = column(table, "Unit Value");
  const unitValues: Record<string, number> = {};
  table.rows.forEach((row, r) => {
    const stage = row[cols.stage], period = row[cols.period], quantity = row[cols.quantity];
    if ([stage, period, quantity].every(isBlank)) return;
    const at = (c: number, field: string, message: string) => problems.push(problemIn(table, r, c, field, message));
    let ok = true;
    // A formula with no saved value in Stage or Period is named as such (a date is a Period's own kind of value).
    const stageMark = cellMarkProblem(table, r, cols.stage, "Stage", "date");
    const periodMark = cellMarkProblem(table, r, cols.period, "Period", "date");
    if (stageMark !== null) { at(cols.stage, "Stage", stageMark); ok = false; }
    else if (isBlank(stage) || typeof stage === "boolean") { at(cols.stage, "Stage", `Stage must name a stage (got ${isBlank(stage) ? "a blank" : show(stage)}).`); ok = false; }
    if (periodMark !== null) { at(cols.period, "Period", periodMark); ok = false; }
    else if (isBlank(period) || typeof period === "boolean") { at(cols.period, "Period", `Period must be a date or a whole number (got ${isBlank(period) ? "a blank" : show(period)}).`); ok = false; }
    const tooBig = cellMarkProblem(table, r, cols.quantity, "Quantity", "number") ?? historyQuantityProblem(quantity, "Quantity");
    if (tooBig !== null || typeof quantity !== "number" || quantity < 0) {
      at(cols.quantity, "Quantity", `${(tooBig ?? `Quantity must be a number of at least 0 (got ${isBlank(quantity) ? "a blank" : show(quantity)})`).replace(/\.$/, "")}.`);
      ok = false;
    }
    if (valueCol >= 0 && !isBlank(row[valueCol])) {
      const v = row[valueCol];
      const marked = cellMarkProblem(table, r, valueCol, "Unit Value", "number");
      if (marked !== null) { at(valueCol, "Unit Value", marked); ok = false; }
      else if (typeof v !== "number" || !Number.isFinite(v) || v < 0) { at(valueCol, "Unit Value", `Unit Value must be a number ≥ 0 (got ${show(v)}).`); ok = false; }
      else if (ok) unitValues[String(stage).trim().normalize("NFC")] = v;
    }
    if (ok) rows.push({ stage: String(stage).trim().normalize("NFC"), period: period as number | string, quantity: quantity as number, row: r });
  });
  if (valueCol >= 0) settings.unitValues = unitValues;
  const built = seriesFromRows(rows);
  for (const p of built.problems) {
    const field = p.field === "period" ? "Period" : p.field === "stage" ? "Stage" : "Quantity";
    problems.push(problemIn(table, p.row, p.field === "period" ? cols.period : p.field === "stage" ? cols.stage : cols.quantity, field, p.message));
  }
  return { series: problems.length ? [] : built.series, settings, serviceLevels, records: problems, problems: cappedLines(problems), sheet: table.sheet };
}

/** The command's lines of the problems: the first CAP, then a line counting the rest. */
function cappedLines(problems: readonly InputProblem[]): string[] {
  const lines = problems.slice(0, CAP).map(problemLine);
  if (problems.length > CAP) lines.push(`… and ${problems.length - CAP} more problem(s) in the Demand History table.`);
  return lines;
}
