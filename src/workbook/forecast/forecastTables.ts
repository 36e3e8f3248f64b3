// Reads the `Demand History` table (Stage, Period, Quantity; docs/formats.md §6) once per run, the forecast
// settings of the `Settings` table and the optional `Segment Service Levels` table, naming cells in messages.

import type { ForecastSettings } from "../../engine/forecast/forecastRun";
import { DemandSeries, seriesFromRows } from "../../engine/forecast/history";
import type { SegmentServiceLevel } from "../../engine/forecast/segmentation";
import { type InputProblem, problemLine } from "../../engine/inputErrors";
import { normaliseName } from "../../engine/network/fields";
import { CellValue, TableData, tableCellAddress, WorkbookPort } from "../port";
import type { HistoryRow as SimulationHistoryRow } from "../../engine/simulate/demandHistory";
import { demandHistoryRows, simulationHistoryRows } from "./demandHistoryTable";
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
  /** The Demand History table's own problems (its columns and cells), without the Settings' and Segment Service Levels'. */
  tableRecords: InputProblem[];
  /** Its rows for the simulation's empirical demand (one per data row, with their cells); empty when `tableRecords` is not. */
  rows: SimulationHistoryRow[];
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

/** The tables readWorkbookHistory reads besides Settings: a job that fills from history declares these. */
export const HISTORY_TABLES: readonly string[] = ["Demand History", "Segment Service Levels"];

/**
 * The one reading of the Demand History table in a run (with the forecast's Settings and the Segment
 * Service Levels): the forecast, the plan's blank demand rates and the simulation's empirical demand all
 * take this result, so a bad cell is the same problem, at the same cell, for every command.
 */
export async function readWorkbookHistory(port: WorkbookPort): Promise<WorkbookHistory | null> {
  const table = await port.readTable("Demand History");
  if (!table) return null;
  const read = demandHistoryRows(table);
  // Rows of one stage and period add up, gaps are zero; a period that does not fit is named at its cell.
  const built = seriesFromRows(read.rows);
  const fields = { stage: "Stage", period: "Period", quantity: "Quantity" } as const;
  const tableRecords: InputProblem[] = [
    ...read.problems,
    ...built.problems.map((p) => ({ where: tableCellAddress(table, p.row, read.columns[p.field]), table: table.name, row: p.row, field: fields[p.field], message: p.message })),
  ];
  const problems: InputProblem[] = [...tableRecords];
  const settings = readSettings(await port.readTable("Settings"), problems);
  const serviceLevels = readServiceLevels(await port.readTable("Segment Service Levels"), problems);
  if (read.unitValues !== null) settings.unitValues = read.unitValues;
  return {
    series: problems.length === 0 ? built.series : [], settings, serviceLevels, records: problems, problems: cappedLines(problems), sheet: table.sheet,
    tableRecords, rows: tableRecords.length === 0 ? simulationHistoryRows(table, read) : [],
  };
}

/** The command's lines of the problems: the first CAP, then a line counting the rest. */
function cappedLines(problems: readonly InputProblem[]): string[] {
  const lines = problems.slice(0, CAP).map(problemLine);
  if (problems.length > CAP) lines.push(`… and ${problems.length - CAP} more problem(s) in the Demand History table.`);
  return lines;
}
