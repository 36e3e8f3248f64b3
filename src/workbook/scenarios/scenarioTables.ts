// Reads a workbook's Scenarios table (Scenario, Table, Key, Column, Value; docs/scenarios.md) into
// scenario rows, and names each of its cells for messages ("Scenarios!E4").

import { fieldForHeader, FieldSpec, likelyMeant } from "../../engine/network/fields";
import type { ScenarioField, ScenarioRow } from "../../engine/scenarios";
import type { InputProblem } from "../../engine/inputErrors";
import { CellValue, TableData, tableCellAddress } from "../port";
import { markedCellProblems } from "../tables/cellMarks";

const SCENARIO_COLUMNS: readonly (FieldSpec & { name: ScenarioField })[] = [
  { name: "scenario", header: "Scenario", kind: "text", rule: "any" },
  { name: "table", header: "Table", kind: "text", rule: "any" },
  { name: "key", header: "Key", kind: "text", rule: "any" },
  { name: "column", header: "Column", kind: "text", rule: "any" },
  { name: "value", header: "Value", kind: "text", rule: "any" },
];

export interface WorkbookScenarioRows {
  rows: ScenarioRow[];
  /** Header problems (a missing or misspelt column), each at its cell. */
  problems: InputProblem[];
  /** The cell of a row's field; row −1 (or field null) names the table's sheet or row. */
  rowWhere(row: number, field: ScenarioField | null): string;
}

/** The Scenarios table's rows by column name (all five columns are required; header order is free). */
export function readScenarioRows(table: TableData): WorkbookScenarioRows {
  const columns = new Map<ScenarioField, number>();
  const problems: InputProblem[] = [];
  const add = (where: string, field: string | null, message: string) => problems.push({ where, table: table.name, row: null, field, message });
  table.headers.forEach((header, c) => {
    if (header === "") return;
    const field = fieldForHeader(SCENARIO_COLUMNS, header) as (typeof SCENARIO_COLUMNS)[number] | null;
    if (field) {
      if (columns.has(field.name)) add(tableCellAddress(table, -1, c), field.header, `column "${header}" repeats "${field.header}" (${tableCellAddress(table, -1, columns.get(field.name)!)}); keep one.`);
      else columns.set(field.name, c);
      return;
    }
    const meant = likelyMeant(SCENARIO_COLUMNS, header);
    if (meant && !table.headers.some((h) => fieldForHeader(SCENARIO_COLUMNS, h)?.name === meant.name)) {
      add(tableCellAddress(table, -1, c), header, `column "${header}" is not a column of the Scenarios table; did you mean "${meant.header}"?`);
    }
  });
  for (const column of SCENARIO_COLUMNS) {
    if (!columns.has(column.name)) add(table.sheet, column.header, `the Scenarios table has no "${column.header}" column (its header row is row ${table.headerRow}).`);
  }
  // A formula with no saved value in any of the five columns is named at its cell (a Value may be any type, so dates stay).
  if (problems.length === 0) {
    problems.push(...markedCellProblems(table, [...columns].map(([field, column]) => ({ column, field: SCENARIO_COLUMNS.find((c) => c.name === field)!.header, meaning: "date" as const }))));
  }
  const cellOf = (cells: CellValue[], field: ScenarioField): CellValue => (columns.has(field) ? cells[columns.get(field)!] ?? null : null);
  const rows: ScenarioRow[] = problems.length > 0 ? [] : table.rows.map((cells) => ({
    scenario: cellOf(cells, "scenario"), table: cellOf(cells, "table"), key: cellOf(cells, "key"),
    column: cellOf(cells, "column"), value: cellOf(cells, "value"),
  }));
  const rowWhere = (row: number, field: ScenarioField | null): string => {
    if (row < 0) return table.sheet;
    if (field === null || !columns.has(field)) {
      return `${tableCellAddress(table, row, 0)}:${tableCellAddress(table, row, Math.max(0, table.headers.length - 1)).split("!").pop()}`;
    }
    return tableCellAddress(table, row, columns.get(field)!);
  };
  return { rows, problems, rowWhere };
}

