// Reads the supply tables of a workbook (docs/formats.md §10: Demands, Customers, Resources, Resource
// Capacity, Resource Loads, Open Supply, Period Commitments) beside Stages / Arcs / Settings into one
// aps-network/1 record, and names every supply input location as a cell ("Demands!C4").

import type { InputProblem } from "../../engine/inputErrors";
import { problemLine } from "../../engine/inputErrors";
import { describeCount, INPUT_LIMITS } from "../../engine/limits";
import type { InputLocation } from "../../engine/network/types";
import { SUPPLY_JSON_KEYS, SUPPLY_TABLE_FIELDS } from "../../engine/supply";
import type { SupplyLocation } from "../../engine/supply";
import { readWorkbookNetwork } from "../plan/networkTables";
import { type CellValue, type TableData, tableCellAddress, type WorkbookPort } from "../port";
import { type ColumnMeaning, markedCellProblems } from "../tables/cellMarks";
import { headerKey, isBlankRow, nearMiss } from "../tables/tableReader";

/** The supply tables a workbook may hold, in reading order (docs/formats.md §10). */
export const SUPPLY_TABLES = ["Demands", "Customers", "Resources", "Resource Capacity", "Resource Loads", "Open Supply", "Period Commitments"] as const;
export type SupplyInputTable = (typeof SUPPLY_TABLES)[number];

/** One supply table as read: its columns by field name, the records and the data row of each. */
interface ReadTable {
  table: TableData;
  columns: Map<string, number>;
  rowOf: number[];
}

export interface WorkbookSupply {
  /** The aps-network/1 record with the supply tables, or null when the Stages table is missing. */
  raw: Record<string, unknown> | null;
  /** Problems with the tables themselves (missing column, misspelt header, too many rows). */
  records: InputProblem[];
  /** The same problems as the command prints them. */
  problems: string[];
  /** True when a table or a required column is missing, so the cells are not worth validating. */
  unreadable: boolean;
  /** True when the workbook has a Demands table (else demand comes from forecasts or Demand Rate). */
  hasDemands: boolean;
  /** The cell of a supply input location (network tables included). */
  where(location: SupplyLocation | null): string;
  /** The cell of a network input location, or null where it is a whole sheet (WorkbookNetwork.cell). */
  networkCell(location: InputLocation | null): string | null;
}

/** Maps a supply table's header to its fields (header or camelCase name, case and spaces ignored). */
function mapColumns(table: TableData, name: SupplyInputTable, problems: InputProblem[]): { columns: Map<string, number>; missing: boolean } {
  const { fields, required } = SUPPLY_TABLE_FIELDS[name];
  const columns = new Map<string, number>();
  const add = (where: string, message: string, field: string | null) => problems.push({ where, table: name, row: null, field, message });
  table.headers.forEach((header, c) => {
    const key = headerKey(String(header ?? ""));
    if (key === "") return;
    const field = fields.find((f) => headerKey(f.header) === key || headerKey(f.name) === key);
    if (!field) return;
    if (columns.has(field.name)) add(tableCellAddress(table, -1, c), `column "${header}" repeats "${field.header}" (${tableCellAddress(table, -1, columns.get(field.name)!)}); keep one.`, field.header);
    else columns.set(field.name, c);
  });
  let missing = false;
  for (const fieldName of required) {
    if (columns.has(fieldName)) continue;
    missing = true;
    const header = fields.find((f) => f.name === fieldName)!.header;
    const miss = nearMiss(table, header, fields.map((f) => f.header));
    const hint = miss ? `; is "${miss.header}" in ${tableCellAddress(table, -1, miss.column)} meant to be "${header}"?` : ".";
    add(tableCellAddress(table, -1, miss?.column ?? 0), `the ${name} table has no "${header}" column (its header row is row ${table.headerRow})${hint}`, header);
  }
  if (table.rows.length > INPUT_LIMITS.rows.supply) {
    missing = true;
    add(table.sheet, `the ${name} table has ${describeCount(table.rows.length)} rows; aps reads at most ${describeCount(INPUT_LIMITS.rows.supply)}.`, null);
  }
  return { columns, missing };
}

/** The non-blank rows of a table as records keyed by field name, with the data row of each. */
function recordsOf(table: TableData, columns: Map<string, number>): { records: Record<string, CellValue>[]; rowOf: number[] } {
  const records: Record<string, CellValue>[] = [];
  const rowOf: number[] = [];
  table.rows.forEach((row, r) => {
    if (isBlankRow(row)) return;
    const record: Record<string, CellValue> = {};
    for (const [field, c] of columns) record[field] = row[c] ?? null;
    records.push(record);
    rowOf.push(r);
  });
  return { records, rowOf };
}

/** The cell of a location in a supply table: the data cell, the row, the header cell or the sheet. */
function supplyCell(read: ReadTable, location: SupplyLocation): string {
  const { table, columns, rowOf } = read;
  const column = location.field ? columns.get(location.field) : undefined;
  if (location.row === null || rowOf[location.row] === undefined) return column === undefined ? table.sheet : tableCellAddress(table, -1, column);
  const dataRow = rowOf[location.row];
  if (column !== undefined) return tableCellAddress(table, dataRow, column);
  return `${tableCellAddress(table, dataRow, 0)}:${tableCellAddress(table, dataRow, table.headers.length - 1).split("!").pop()}`;
}

/**
 * Reads the network and supply tables through the port into the aps-network/1 record that a JSON
 * file would hold, so that readSupply validates both alike (naming "workbook", places as cells).
 * @example (await readWorkbookSupply(port)).where({ table: "Demands", row: 2, field: "period" }) // "Demands!B4"
 */
export async function readWorkbookSupply(port: WorkbookPort): Promise<WorkbookSupply> {
  const network = await readWorkbookNetwork(port);
  const records: InputProblem[] = [...network.records];
  const tables = new Map<SupplyInputTable, ReadTable>();
  const raw: Record<string, unknown> | null = network.raw ? { ...network.raw } : null;
  let unreadable = network.unreadable;
  for (const name of SUPPLY_TABLES) {
    // A table's name cannot hold spaces: "ResourceCapacity" as a table, "Resource Capacity" as a sheet.
    const table = (await port.readTable(name)) ?? (name.includes(" ") ? await port.readTable(name.replace(/ /g, "")) : null);
    if (!table) continue;
    const { columns, missing } = mapColumns(table, name, records);
    unreadable ||= missing;
    // Excel's quirks in the cells read: a formula with no saved value anywhere, a date in a number column (a Period may be one).
    const fields = SUPPLY_TABLE_FIELDS[name].fields;
    records.push(...markedCellProblems(table, [...columns].map(([field, column]) => {
      const spec = fields.find((f) => f.name === field)!;
      return { column, field: table.headers[column] || spec.header, meaning: (field === "period" ? "date" : spec.kind === "number" ? "number" : "text") as ColumnMeaning };
    })));
    const read = recordsOf(table, columns);
    tables.set(name, { table, columns, rowOf: read.rowOf });
    if (raw) raw[SUPPLY_JSON_KEYS[name]] = read.records;
  }
  const where = (location: SupplyLocation | null): string => {
    if (!location || location.table === "Stages" || location.table === "Arcs" || location.table === "Settings") return network.where(location as InputLocation | null);
    const read = tables.get(location.table as SupplyInputTable);
    return read ? supplyCell(read, location) : location.table;
  };
  return { raw, records, problems: records.map(problemLine), unreadable, hasDemands: tables.has("Demands"), where, networkCell: network.cell };
}
