// Reads named input tables through Office.js: one sync learns which tables, sheets and remembered
// ranges exist, one their addresses and sizes (cheap), then the values come in row blocks that keep
// every response under Excel's limit (readBlocks.ts); the shared tableBlock rules make the TableData.

import type { TableData } from "../port";
import { rangeOrigin, splitAddress, tableFromRange, tableFromSheet } from "../tables/tableBlock";
import type { Range, RequestContext, Worksheet } from "./officeApi";
import { RangeToRead, readValuesInBlocks, ReadStatistics, RESPONSE_BUDGET, TableReadError } from "./readBlocks";

/** workbook.settings entry: table name → "Sheet!A1:D20" chosen with "Use selection as …". */
export const TABLE_RANGES_SETTING = "aps.tableRanges";

export function parseTableRanges(value: unknown): Record<string, string> {
  if (typeof value !== "string") return {};
  try {
    const map = JSON.parse(value);
    if (!map || typeof map !== "object" || Array.isArray(map)) return {};
    return Object.fromEntries(Object.entries(map).filter((e): e is [string, string] => typeof e[1] === "string").map(([k, v]) => [k.toLowerCase(), v]));
  } catch {
    return {};
  }
}

/** Where a named table is read from, and the worksheet its blocks are taken from. */
interface Source {
  kind: "table" | "range" | "sheet";
  name: string;
  /** A table whose last row is its totals row (not data). */
  totals?: boolean;
  range: Range;
  sheet: Worksheet;
}

const SIZES = "address,rowCount,columnCount";

export interface TablesRead {
  tables: Record<string, TableData | null>;
  /** Syncs of the whole read (the two that find the tables and their sizes included) and the value blocks. */
  statistics: ReadStatistics & { allSyncs: number };
}

/** Wraps a failure of the first two syncs in a message that says what was being read. */
async function syncFinding(context: RequestContext, names: readonly string[]): Promise<void> {
  try {
    await context.sync();
  } catch (error) {
    throw new TableReadError(`Excel could not read the input tables (${names.join(", ")}): ${error instanceof Error ? error.message : String(error)}. Nothing was read; run again.`);
  }
}

function label(source: Source, sheet: string, address: string): string {
  if (source.kind === "table") return `the table "${source.name}" on sheet "${sheet}"`;
  if (source.kind === "sheet") return `sheet "${sheet}"`;
  return `the range ${address} chosen for ${source.name}`;
}

/** Blanks, in a sheet's block of values, the last row of each table showing totals on that sheet (given by address). */
function blankTotalsRows(values: unknown[][], origin: { sheet: string; row: number; column: number }, addresses: readonly string[]): void {
  for (const address of addresses) {
    const { sheet, range } = splitAddress(address);
    if (sheet.toLowerCase() !== origin.sheet.toLowerCase()) continue;
    const [first, last] = range.split(":");
    const top = rangeOrigin(`${sheet}!${first}`);
    const bottom = rangeOrigin(`${sheet}!${last ?? first}`);
    const line = values[bottom.row - origin.row];
    if (!line) continue;
    for (let c = top.column; c <= bottom.column; c++) if (c - origin.column >= 0 && c - origin.column < line.length) line[c - origin.column] = null;
  }
}

/** The workbook's tables (with `tableFields` loaded), its sheets and the ranges remembered for tables: one sync, no values read. */
async function workbookNames(context: RequestContext, names: readonly string[], tableFields: string) {
  const wb = context.workbook;
  const tables = wb.tables.load(tableFields);
  const sheets = wb.worksheets.load("items/name");
  const mapping = wb.settings.getItemOrNullObject(TABLE_RANGES_SETTING).load();
  await syncFinding(context, names);
  return { tables, sheets, remembered: mapping.isNullObject ? {} : parseTableRanges(mapping.value) };
}

/** Which of `names` the workbook has (a remembered range, a table or a sheet of that name): one sync, no values read. */
export async function findTableNamesThroughOffice(context: RequestContext, names: readonly string[]): Promise<string[]> {
  const { tables, sheets, remembered } = await workbookNames(context, names, "items/name");
  const known = new Set([...tables.items, ...sheets.items].map((item) => item.name.toLowerCase()));
  return names.filter((name) => known.has(name.toLowerCase()) || remembered[name.toLowerCase()] !== undefined);
}

/** Reads each named table: a range remembered for it, else a table (ListObject), else a sheet of that name. */
export async function readTablesThroughOffice(context: RequestContext, names: readonly string[], budget = RESPONSE_BUDGET): Promise<TablesRead> {
  const { tables, sheets, remembered } = await workbookNames(context, names, "items/name,items/showTotals");
  const sources = new Map<string, Source>();
  for (const name of names) {
    const wanted = name.toLowerCase();
    const address = remembered[wanted];
    const table = tables.items.find((t) => t.name.toLowerCase() === wanted);
    const sheet = sheets.items.find((s) => s.name.toLowerCase() === wanted);
    const rangeSheet = address ? sheets.items.find((s) => s.name.toLowerCase() === splitAddress(address).sheet.toLowerCase()) : undefined;
    if (address && rangeSheet) {
      sources.set(name, { kind: "range", name, range: rangeSheet.getRange(splitAddress(address).range).load(SIZES), sheet: rangeSheet });
    } else if (table) {
      sources.set(name, { kind: "table", name: table.name, totals: table.showTotals === true, range: table.getRange().load(SIZES), sheet: table.worksheet.load("name") });
    } else if (sheet) {
      sources.set(name, { kind: "sheet", name: sheet.name, range: sheet.getUsedRangeOrNullObject(true).load(SIZES), sheet });
    }
  }
  // A table read through its sheet (named otherwise, e.g. "DemandHistory") keeps its totals row out too: its address comes in the same sync.
  const anySheet = [...sources.values()].some((source) => source.kind === "sheet");
  const totalsRanges = anySheet ? tables.items.filter((t) => t.showTotals === true).map((t) => t.getRange().load("address")) : [];
  if (sources.size > 0) await syncFinding(context, names);
  const toRead: { name: string; source: Source; sheet: string; range: RangeToRead }[] = [];
  const result: Record<string, TableData | null> = {};
  for (const name of names) {
    const source = sources.get(name);
    result[name] = null;
    if (!source || (source.kind === "sheet" && source.range.isNullObject)) continue;
    const address = source.range.address;
    const origin = rangeOrigin(address);
    const sheet = source.kind === "table" ? source.sheet.name : origin.sheet;
    toRead.push({
      name, source, sheet,
      range: { label: label(source, sheet, address), worksheet: source.sheet, top: origin.row, left: origin.column, rows: source.range.rowCount, columns: source.range.columnCount },
    });
  }
  const { values, statistics } = await readValuesInBlocks(context, toRead.map((t) => t.range), budget);
  toRead.forEach(({ name, source, sheet, range }, k) => {
    const origin = { sheet, row: range.top, column: range.left };
    if (source.kind === "sheet") blankTotalsRows(values[k], origin, totalsRanges.map((r) => r.address));
    result[name] = source.kind === "sheet" ? tableFromSheet(source.name, values[k], origin) : tableFromRange(source.name, values[k], origin, { totalsRow: source.totals });
  });
  return { tables: result, statistics: { ...statistics, allSyncs: statistics.syncs + (sources.size > 0 ? 2 : 1) } };
}
