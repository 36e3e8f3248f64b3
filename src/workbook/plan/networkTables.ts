// Reads the Stages, Arcs and Settings tables of a workbook (docs/formats.md §1) into an aps-network/1
// record, and names every input location as a cell ("Stages!C7") for messages.

import { ARC_FIELDS, fieldForHeader, FieldSpec, likelyMeant, SETTING_FIELDS, STAGE_FIELDS } from "../../engine/network/fields";
import type { InputLocation } from "../../engine/network/types";
import { type InputProblem, problemLine } from "../../engine/inputErrors";
import { describeCount, INPUT_LIMITS } from "../../engine/limits";
import { CellValue, missingTableHint, TableData, tableCellAddress, WorkbookPort } from "../port";
import { cellMarkProblem, ColumnMeaning, markedCellProblems } from "../tables/cellMarks";
import { settingsEntries } from "../tables/settingsTable";

/** A table's header mapped to fields: column index per field name, and header problems found. */
interface HeaderMap {
  columns: Map<string, number>;
  problems: InputProblem[];
  /** True when a required column is missing, so the table's cells cannot be read. */
  missing: boolean;
}

function headerCell(table: TableData, column: number): string {
  return tableCellAddress(table, -1, column);
}

function mapHeaders(table: TableData, fields: readonly FieldSpec[], required: string[], rowLimit: number): HeaderMap {
  const columns = new Map<string, number>();
  const problems: InputProblem[] = [];
  const add = (where: string, message: string, field: string | null) => problems.push({ where, table: table.name, row: null, field, message });
  table.headers.forEach((header, c) => {
    if (header === "") return;
    const field = fieldForHeader(fields, header);
    if (field) {
      if (columns.has(field.name)) add(headerCell(table, c), `column "${header}" repeats "${field.header}" (${headerCell(table, columns.get(field.name)!)}); keep one.`, header);
      else columns.set(field.name, c);
      return;
    }
    const meant = likelyMeant(fields, header);
    if (meant && !columns.has(meant.name) && !table.headers.some((h) => fieldForHeader(fields, h)?.name === meant.name)) {
      add(headerCell(table, c), `column "${header}" is not a column of the ${table.name} table; did you mean "${meant.header}"?`, header);
    }
  });
  let missing = false;
  for (const name of required) {
    if (!columns.has(name)) {
      missing = true;
      const header = fields.find((f) => f.name === name)!.header;
      add(table.sheet, `the ${table.name} table has no "${header}" column (its header row is row ${table.headerRow}).`, header);
    }
  }
  if (table.rows.length > rowLimit) {
    missing = true;
    add(table.sheet, `the ${table.name} table has ${describeCount(table.rows.length)} rows; aps reads at most ${describeCount(rowLimit)}.`, null);
  }
  return { columns, problems, missing };
}

function isBlankRow(row: CellValue[]): boolean {
  return row.every((v) => v === null || (typeof v === "string" && v.trim() === ""));
}

/** The rows of a table as records keyed by field name, skipping blank rows; `rowOf[k]` is record k's data row. */
function tableRecords(table: TableData, map: HeaderMap): { records: Record<string, CellValue>[]; rowOf: number[] } {
  const records: Record<string, CellValue>[] = [];
  const rowOf: number[] = [];
  table.rows.forEach((row, r) => {
    if (isBlankRow(row)) return;
    const record: Record<string, CellValue> = {};
    for (const [field, c] of map.columns) record[field] = row[c] ?? null;
    records.push(record);
    rowOf.push(r);
  });
  return { records, rowOf };
}

/** The marked cells (formulas without a saved value, dates in number columns) of the columns a table maps. */
function fieldMarkProblems(table: TableData, map: HeaderMap, fields: readonly FieldSpec[]): InputProblem[] {
  if (!table.marks) return [];
  const columns = [...map.columns].map(([name, column]) => ({
    column, field: table.headers[column], meaning: (fields.find((f) => f.name === name)?.kind === "number" ? "number" : "text") as ColumnMeaning,
  }));
  return markedCellProblems(table, columns);
}

export interface WorkbookNetwork {
  /** The aps-network/1 record, or null when the tables cannot be read at all. */
  raw: Record<string, unknown> | null;
  /** Problems with the tables themselves (missing table, misspelt header), each naming its cell: the command's lines. */
  problems: string[];
  /** The same problems as records (place, table, row, field, message), for the pane. */
  records: InputProblem[];
  /** True when a table or a required column is missing, so the cells are not worth validating. */
  unreadable: boolean;
  /** Turns a model location into the cell that holds it (else its sheet or table). */
  where(location: InputLocation | null): string;
  /** The cell (a row's range for a whole row) that holds a model location, or null where it is a whole sheet or a missing table. */
  cell(location: InputLocation | null): string | null;
}

/**
 * Reads the network tables through the port. Blank rows are skipped; unknown columns are ignored,
 * but a header one or two letters away from a known one is reported ("did you mean").
 */
export async function readWorkbookNetwork(port: WorkbookPort): Promise<WorkbookNetwork> {
  const stagesTable = await port.readTable("Stages");
  const arcsTable = await port.readTable("Arcs");
  const settingsTable = await port.readTable("Settings");
  const records: InputProblem[] = [];
  if (!stagesTable) records.push({ where: null, table: "Stages", row: null, field: null, message: `The workbook has no "Stages" table${await missingTableHint(port, "Stages")}: add a table (or sheet) named Stages with an "Id" column.` });
  const stageMap = stagesTable ? mapHeaders(stagesTable, STAGE_FIELDS, ["id"], INPUT_LIMITS.rows.stages) : null;
  const arcMap = arcsTable ? mapHeaders(arcsTable, ARC_FIELDS, ["from", "to"], INPUT_LIMITS.rows.arcs) : null;
  const settingsMap = settingsTable ? mapHeaders(settingsTable, [
    { name: "name", header: "Name", kind: "text", rule: "any" },
    { name: "value", header: "Value", kind: "text", rule: "any" },
  ], ["name", "value"], INPUT_LIMITS.rows.settings) : null;
  for (const map of [stageMap, arcMap, settingsMap]) if (map) records.push(...map.problems);
  // Excel's quirks in the cells read: a formula with no saved value, a date where a number belongs.
  if (stagesTable && stageMap) records.push(...fieldMarkProblems(stagesTable, stageMap, STAGE_FIELDS));
  if (arcsTable && arcMap) records.push(...fieldMarkProblems(arcsTable, arcMap, ARC_FIELDS));

  const stages = stagesTable && stageMap ? tableRecords(stagesTable, stageMap) : { records: [], rowOf: [] };
  const arcs = arcsTable && arcMap ? tableRecords(arcsTable, arcMap) : { records: [], rowOf: [] };
  const settings: Record<string, CellValue> = {};
  const settingRow = new Map<string, number>();
  if (settingsTable && settingsMap && settingsMap.problems.length === 0) {
    // Names given twice and misspelt names of every feature's settings are reported here, once.
    const read = settingsEntries(settingsTable);
    records.push(...read.problems);
    for (const entry of read.entries) {
      const field = fieldForHeader(SETTING_FIELDS, entry.name);
      if (!field) continue;
      const problem = cellMarkProblem(settingsTable, entry.row, read.valueColumn, `setting ${entry.name}`, field.kind === "number" ? "number" : "text");
      if (problem !== null) records.push({ where: entry.valueCell, table: settingsTable.name, row: entry.row, field: "Value", message: problem });
      settings[field.name] = entry.value;
      settingRow.set(field.name, entry.row);
    }
  }

  const tableOf = (location: InputLocation) => (location.table === "Stages" ? stagesTable : location.table === "Arcs" ? arcsTable : settingsTable);
  const mapOf = (location: InputLocation) => (location.table === "Stages" ? stageMap : location.table === "Arcs" ? arcMap : settingsMap);
  const cell = (location: InputLocation | null): string | null => {
    if (!location) return null;
    const table = tableOf(location);
    const map = mapOf(location);
    if (!table || !map) return null;
    if (location.table === "Settings") {
      const r = location.field ? settingRow.get(location.field) : undefined;
      return r === undefined ? null : tableCellAddress(table, r, map.columns.get("value")!);
    }
    const rowOf = location.table === "Stages" ? stages.rowOf : arcs.rowOf;
    const column = location.field ? map.columns.get(location.field) : undefined;
    if (location.row === null) return column === undefined ? null : `${headerCell(table, column)}`;
    const dataRow = rowOf[location.row];
    if (column === undefined) {
      const first = tableCellAddress(table, dataRow, 0);
      return `${first}:${tableCellAddress(table, dataRow, table.headers.length - 1).split("!").pop()}`;
    }
    return tableCellAddress(table, dataRow, column);
  };
  const where = (location: InputLocation | null): string => {
    if (!location) return stagesTable ? stagesTable.sheet : "workbook";
    const table = tableOf(location);
    return cell(location) ?? (table && mapOf(location) ? table.sheet : location.table);
  };

  const unreadable = [stageMap, arcMap, settingsMap].some((map) => map?.missing === true);
  const problems = records.map(problemLine);
  if (!stagesTable) return { raw: null, problems, records, unreadable: true, where, cell };
  return {
    raw: { format: "aps-network/1", stages: stages.records, arcs: arcs.records, settings },
    problems,
    records,
    unreadable,
    where,
    cell,
  };
}
