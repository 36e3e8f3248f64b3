// The buyer's supply-plan inputs (FORMATS.md §10) as collaboration needs them: the supply tables read
// through the port into the aps-network/1 record, each place named as a cell, and whether the workbook
// has a supply plan at all (a Demands table or a supply setting). The run is the engine's supplyRecord.

import type { InputLocation } from "../../engine/network/types";
import { SUPPLY_JSON_KEYS, SUPPLY_TABLE_FIELDS } from "../../engine/supply";
import type { SupplyLocation, SupplyTable } from "../../engine/supply";
import type { CellValue, TableData, WorkbookPort } from "../port";
import { tableCellAddress } from "../port";

type RowTable = keyof typeof SUPPLY_TABLE_FIELDS;

/** The supply tables a collaboration reads besides Stages, Arcs and Settings. */
export const SUPPLY_TABLES = Object.keys(SUPPLY_TABLE_FIELDS) as RowTable[];

/** Settings that only a supply plan reads: one of them (or a Demands table) makes a workbook a supply plan. */
const SUPPLY_SETTINGS = ["horizon", "periodLength", "frozenPeriods", "planStart", "lotSizing", "supplyTimeLimit"];

const norm = (s: string) => s.toLowerCase().replace(/[\s_\-%]+/g, "");

export interface SupplyInputs {
  /** The aps-network/1 record with its supply tables. */
  raw: Record<string, unknown>;
  /** The supply tables found, by name (their content goes into the plan's hash). */
  tables: Partial<Record<RowTable, TableData>>;
  where: (location: SupplyLocation | null) => string;
}

/**
 * The workbook's supply inputs, or null when it has no supply plan (no Demands table and no supply
 * setting): then packages stay as they were before partners over time.
 */
export async function readSupplyInputs(
  port: WorkbookPort, network: Record<string, unknown>, networkWhere: (location: InputLocation | null) => string,
): Promise<SupplyInputs | null> {
  const tables: Partial<Record<RowTable, TableData>> = {};
  for (const name of SUPPLY_TABLES) {
    const table = await port.readTable(name);
    if (table) tables[name] = table;
  }
  const settings = (network.settings ?? {}) as Record<string, unknown>;
  const hasSetting = SUPPLY_SETTINGS.some((k) => settings[k] !== undefined && settings[k] !== null && settings[k] !== "");
  if (!tables.Demands && !hasSetting) return null;
  const raw: Record<string, unknown> = { ...network };
  const rowOf = new Map<RowTable, number[]>();
  const columnOf = new Map<RowTable, Map<string, number>>();
  for (const name of SUPPLY_TABLES) {
    const table = tables[name];
    if (!table) continue;
    const fields = SUPPLY_TABLE_FIELDS[name].fields;
    const columns = new Map<string, number>();
    table.headers.forEach((header, c) => {
      const field = fields.find((f) => norm(f.header) === norm(header) || norm(f.name) === norm(header));
      if (field && !columns.has(field.name)) columns.set(field.name, c);
    });
    const rows: Record<string, CellValue>[] = [];
    const at: number[] = [];
    table.rows.forEach((row, r) => {
      if (row.every((v) => v === null || (typeof v === "string" && v.trim() === ""))) return;
      rows.push(Object.fromEntries([...columns].map(([field, c]) => [field, row[c] ?? null])));
      at.push(r);
    });
    raw[SUPPLY_JSON_KEYS[name]] = rows;
    rowOf.set(name, at);
    columnOf.set(name, columns);
  }
  const where = (location: SupplyLocation | null): string => {
    if (!location) return networkWhere(null);
    const table = location.table as SupplyTable;
    if (table === "Stages" || table === "Arcs" || table === "Settings") return networkWhere({ table, row: location.row, field: location.field });
    const data = tables[table as RowTable];
    if (!data) return table;
    if (location.row === null) return data.sheet;
    const r = rowOf.get(table as RowTable)?.[location.row] ?? location.row;
    const c = location.field ? columnOf.get(table as RowTable)?.get(location.field) : undefined;
    return tableCellAddress(data, r, c ?? 0);
  };
  return { raw, tables, where };
}
