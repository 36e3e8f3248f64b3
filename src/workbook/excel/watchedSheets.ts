// Which worksheets can hold the tables the pane is following: a sheet of that name, a sheet with a
// table (ListObject) of that name, or the sheet of a range remembered for it ("Use selection as …").

import { splitAddress } from "../tables/tableBlock";
import type { RequestContext } from "./officeApi";
import { parseTableRanges, TABLE_RANGES_SETTING } from "./readTables";

export interface SheetMap {
  /** Every worksheet's name by id. */
  names: Map<string, string>;
  /** Ids of the sheets that can hold one of the tables (all sheets when no tables are named). */
  watched: Set<string>;
}

/** The sheets now, and those of them the tables live on (two syncs at most; reads only). */
export async function watchedSheets(context: RequestContext, tables: readonly string[] | undefined): Promise<SheetMap> {
  const wb = context.workbook;
  const sheets = wb.worksheets.load("items/id,items/name");
  const listObjects = tables ? wb.tables.load("items/name") : null;
  const mapping = tables ? wb.settings.getItemOrNullObject(TABLE_RANGES_SETTING).load() : null;
  await context.sync();
  const names = new Map(sheets.items.map((s) => [s.id, s.name]));
  if (!tables || !listObjects || !mapping) return { names, watched: new Set(names.keys()) };
  const wanted = new Set(tables.map((t) => t.toLowerCase()));
  const idOf = (name: string) => sheets.items.find((s) => s.name.toLowerCase() === name.toLowerCase())?.id;
  const watched = new Set<string>();
  for (const s of sheets.items) if (wanted.has(s.name.toLowerCase())) watched.add(s.id);
  const remembered = mapping.isNullObject ? {} : parseTableRanges(mapping.value);
  for (const [table, address] of Object.entries(remembered)) {
    const id = wanted.has(table) ? idOf(splitAddress(address).sheet) : undefined;
    if (id) watched.add(id);
  }
  const holders = listObjects.items.filter((t) => wanted.has(t.name.toLowerCase())).map((t) => t.worksheet.load("id"));
  if (holders.length > 0) {
    await context.sync();
    for (const sheet of holders) watched.add(sheet.id);
  }
  return { names, watched };
}
