// Reads named input tables through Office.js in two syncs: first which tables, sheets and remembered
// ranges exist, then the values of each; the shared tableBlock rules turn them into TableData.

import type { TableData } from "../port";
import { rangeOrigin, splitAddress, tableFromRange, tableFromSheet } from "../tableBlock";
import type { Range, RequestContext, Worksheet } from "./officeApi";

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

type Source =
  | { kind: "table"; name: string; range: Range; sheet: Worksheet }
  | { kind: "range"; name: string; range: Range }
  | { kind: "sheet"; name: string; range: Range };

/** Reads each named table: a range remembered for it, else a table (ListObject), else a sheet of that name. */
export async function readTablesThroughOffice(context: RequestContext, names: readonly string[]): Promise<Record<string, TableData | null>> {
  const wb = context.workbook;
  const tables = wb.tables.load("items/name");
  const sheets = wb.worksheets.load("items/name");
  const mapping = wb.settings.getItemOrNullObject(TABLE_RANGES_SETTING).load();
  await context.sync();
  const remembered = mapping.isNullObject ? {} : parseTableRanges(mapping.value);
  const sources = new Map<string, Source>();
  for (const name of names) {
    const wanted = name.toLowerCase();
    const address = remembered[wanted];
    const table = tables.items.find((t) => t.name.toLowerCase() === wanted);
    const sheet = sheets.items.find((s) => s.name.toLowerCase() === wanted);
    const rangeSheet = address ? sheets.items.find((s) => s.name.toLowerCase() === splitAddress(address).sheet.toLowerCase()) : undefined;
    if (address && rangeSheet) {
      sources.set(name, { kind: "range", name, range: rangeSheet.getRange(splitAddress(address).range).load("address,values") });
    } else if (table) {
      const tableSheet = table.worksheet.load("name");
      sources.set(name, { kind: "table", name: table.name, range: table.getRange().load("address,values"), sheet: tableSheet });
    } else if (sheet) {
      sources.set(name, { kind: "sheet", name: sheet.name, range: sheet.getUsedRangeOrNullObject(true).load("address,values") });
    }
  }
  if (sources.size > 0) await context.sync();
  const result: Record<string, TableData | null> = {};
  for (const name of names) {
    const source = sources.get(name);
    if (!source) {
      result[name] = null;
      continue;
    }
    if (source.kind === "sheet" && source.range.isNullObject) {
      result[name] = null;
      continue;
    }
    const origin = rangeOrigin(source.range.address);
    if (source.kind === "table") origin.sheet = source.sheet.name;
    result[name] = source.kind === "sheet" ? tableFromSheet(source.name, source.range.values, origin) : tableFromRange(source.name, source.range.values, origin);
  }
  return result;
}
