// All-or-nothing writing of result sheets through Office.js: read which sheets the add-in owns, write
// every sheet under a temporary name, then swap the new sheets in and delete the old ones last. Any
// failure or cancellation removes what was added and restores what was renamed.

import type { WriteReport } from "../paneWorkbook";
import type { ResultSheet } from "../port";
import { OWNED_NAME, placeSheets, SheetPlacement, sheetsOfReference, writeReport } from "../ownedSheets";
import { sheetLayout } from "../sheetLayout";
import { applyLayout } from "./applyLayout";
import { actionBytes, SyncBatch } from "./batch";
import type { ExcelFeatures } from "./features";
import type { CustomProperty, RequestContext, Setting, Table, Worksheet } from "./officeApi";

/** Worksheet custom property that marks a sheet the add-in owns (ExcelApi 1.12). */
export const OWNER_PROPERTY = "APS.owner";
export const OWNER_VALUE = "APS for Excel";
/** workbook.settings entry listing the ids of owned sheets, where custom properties are missing. */
export const OWNED_SETTING = "aps.ownedSheets";

export interface WriteOptions {
  /** Mark the sheets as the add-in's (result sheets); false for example input tables (the user's). */
  owned: boolean;
  signal?: AbortSignal;
  /** Receives the id of every sheet the write adds or deletes (their events are the add-in's own). */
  track?: Set<string>;
}

/** Sheets a write works on before they take their names start so (their renames are the add-in's own). */
export const TEMP_SHEET_PREFIX = "~aps ";

export interface WriteStatistics {
  /** Estimated request size of every sync of the write, in bytes. */
  requests: number[];
}

interface Inventory {
  sheets: { name: string; id: string; position: number; visibility: string; tables: string[] }[];
  owned: Set<string>;
  /** The owned-sheets setting as it was (null: absent). */
  settingBefore: unknown;
  ownedSetting: string[];
}

function parseIdList(value: unknown): string[] {
  if (typeof value !== "string") return [];
  try {
    const list = JSON.parse(value);
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

/** Which sheets exist and which the add-in owns (custom property, settings list, or APS_OWNED from an `aps` file). */
async function takeInventory(batch: SyncBatch, context: RequestContext, features: ExcelFeatures): Promise<Inventory> {
  const wb = context.workbook;
  const sheets = wb.worksheets.load("items/name,items/id,items/position,items/visibility");
  const setting = wb.settings.getItemOrNullObject(OWNED_SETTING).load();
  const marked = features.links ? wb.names.getItemOrNullObject(OWNED_NAME).load() : null;
  await batch.sync();
  const list = sheets.items.map((s) => ({ name: s.name, id: s.id, position: s.position, visibility: s.visibility, tables: [] as string[] }));
  const settingBefore = setting.isNullObject ? null : setting.value;
  const ownedSetting = parseIdList(settingBefore);
  const owned = new Set(ownedSetting.filter((id) => list.some((s) => s.id === id)));
  if (marked && !marked.isNullObject) {
    const names = new Set(sheetsOfReference(marked.formula).map((n) => n.toLowerCase()));
    for (const s of list) if (names.has(s.name.toLowerCase())) owned.add(s.id);
  }
  if (list.length > 0) {
    const props: CustomProperty[] | null = features.sheetProperties ? sheets.items.map((s) => s.customProperties.getItemOrNullObject(OWNER_PROPERTY).load()) : null;
    const tables = sheets.items.map((s) => s.tables.load("items/name"));
    await batch.sync();
    props?.forEach((p, k) => { if (!p.isNullObject && p.value === OWNER_VALUE) owned.add(list[k].id); });
    tables.forEach((t, k) => { list[k].tables = t.items.map((x) => x.name); });
  }
  return { sheets: list, owned, settingBefore, ownedSetting };
}

/** Placements for result sheets (owned ones replaced) or for example sheets (only free names). */
function placementsFor(names: string[], inventory: Inventory, owned: boolean): SheetPlacement[] {
  return placeSheets(names, inventory.sheets.map((s) => ({ name: s.name, owned: owned && inventory.owned.has(s.id) })));
}

/** Writes the sheets all or nothing; returns the names used and the sizes of the requests made. */
export async function writeSheetsThroughOffice(context: RequestContext, features: ExcelFeatures, sheets: readonly ResultSheet[], options: WriteOptions): Promise<WriteReport & WriteStatistics> {
  const batch = new SyncBatch(context, features, options.signal);
  const layouts = sheets.map(sheetLayout);
  const inventory = await takeInventory(batch, context, features);
  const placements = placementsFor(layouts.map((l) => l.name), inventory, options.owned);
  const replaced = placements.filter((p) => p.replaces !== null).map((p) => inventory.sheets.find((s) => s.name === p.replaces)!);
  const replacedIds = new Set(replaced.map((s) => s.id));
  for (const layout of layouts) {
    const wanted = layout.tableName?.toLowerCase();
    const holder = wanted ? inventory.sheets.find((s) => !replacedIds.has(s.id) && s.tables.some((t) => t.toLowerCase() === wanted)) : undefined;
    if (holder) throw new Error(`The workbook already has a table named "${layout.tableName}" (on sheet "${holder.name}"); nothing was written.`);
  }
  const token = Math.random().toString(36).slice(2, 8);
  const tempName = (k: number) => `${TEMP_SHEET_PREFIX}${token} ${k}`;
  const oldName = (k: number) => `${TEMP_SHEET_PREFIX}${token} old ${k}`;
  const track = (id: string) => options.track?.add(id);
  const added: Worksheet[] = [];
  const renamedOld: { id: string; name: string }[] = [];
  const tables: { table: Table; name: string }[] = [];
  try {
    for (let k = 0; k < layouts.length; k++) {
      let sheet!: Worksheet;
      await batch.add(actionBytes(tempName(k)), () => { sheet = context.workbook.worksheets.add(tempName(k)); });
      added.push(sheet);
      sheet.load("id");
      const tableName = layouts[k].tableName;
      const table = await applyLayout(batch, sheet, { ...layouts[k], name: placements[k].name }, features, tableName ? `aps_${token}_${k}` : null);
      if (table && tableName) tables.push({ table, name: tableName });
    }
    await batch.sync();
    added.forEach((sheet) => track(sheet.id));
    // Swap (the commit): the replaced sheets step aside, hidden, under temporary names; the new ones take the names and places.
    await batch.add(actionBytes(placements) * 3, () => {
      replaced.forEach((s, k) => {
        const old = context.workbook.worksheets.getItem(s.id);
        old.name = oldName(k);
        old.visibility = "Hidden";
        renamedOld.push(s);
      });
      placements.forEach((p, k) => {
        added[k].name = p.name;
        const before = inventory.sheets.find((s) => s.name === p.replaces);
        if (before) added[k].position = before.position;
        if (options.owned && features.sheetProperties) added[k].customProperties.add(OWNER_PROPERTY, OWNER_VALUE);
      });
      if (options.owned && !features.sheetProperties) {
        const keep = inventory.ownedSetting.filter((id) => !replacedIds.has(id) && inventory.sheets.some((s) => s.id === id));
        context.workbook.settings.add(OWNED_SETTING, JSON.stringify([...keep, ...added.map((s) => s.id)]));
      }
    });
    await batch.sync();
  } catch (error) {
    await rollBack(context, inventory, error, track);
    throw error;
  }
  // After the commit: the old sheets go (and leftovers of an earlier run whose clean-up failed), and
  // the tables take their names, free now. A failure here is retried once; the results stand either way.
  const leftovers = inventory.sheets.filter((s) => LEFTOVER.test(s.name)).map((s) => s.id);
  const cleanUp = () => {
    for (const id of [...renamedOld.map((s) => s.id), ...leftovers]) {
      track(id);
      context.workbook.worksheets.getItem(id).delete();
    }
    tables.forEach((t) => { t.table.name = t.name; });
  };
  try {
    await batch.add(actionBytes(tables.map((t) => t.name)) + (renamedOld.length + leftovers.length) * 200, cleanUp);
    await batch.sync();
  } catch {
    await finishCleanUp(context, tables, track);
  }
  return { ...writeReport(placements), requests: batch.requests };
}

/** Sheets an earlier write set aside and could not delete. */
const LEFTOVER = /^~aps [a-z0-9]+ old \d+$/;

/** The clean-up again, from what is there now: delete set-aside sheets, name the tables. */
async function finishCleanUp(context: RequestContext, tables: { table: Table; name: string }[], track: (id: string) => void): Promise<void> {
  try {
    const sheets = context.workbook.worksheets.load("items/name,items/id");
    const all = context.workbook.tables.load("items/name");
    await context.sync();
    for (const sheet of sheets.items) {
      if (!LEFTOVER.test(sheet.name)) continue;
      track(sheet.id);
      sheet.delete();
    }
    for (const t of tables) {
      if (!all.items.some((x) => x.name.toLowerCase() === t.name.toLowerCase())) t.table.name = t.name;
    }
    await context.sync();
  } catch {
    // The results are complete; hidden leftovers are deleted by the next write.
  }
}

/** Deletes the sheets this write added; gives the others back their names, visibility and order. */
async function rollBack(context: RequestContext, inventory: Inventory, cause: unknown, track: (id: string) => void): Promise<void> {
  try {
    const sheets = context.workbook.worksheets.load("items/name,items/id,items/visibility");
    const setting: Setting = context.workbook.settings.getItemOrNullObject(OWNED_SETTING).load();
    await context.sync();
    const original = new Map(inventory.sheets.map((s) => [s.id, s]));
    for (const sheet of sheets.items) {
      if (original.has(sheet.id)) continue;
      track(sheet.id);
      sheet.delete();
    }
    for (const sheet of sheets.items) {
      const before = original.get(sheet.id);
      if (!before) continue;
      if (sheet.name !== before.name) sheet.name = before.name;
      if (sheet.visibility !== before.visibility) sheet.visibility = before.visibility;
    }
    [...inventory.sheets].sort((a, b) => a.position - b.position).forEach((s) => { context.workbook.worksheets.getItem(s.id).position = s.position; });
    const now = setting.isNullObject ? null : setting.value;
    if (now !== inventory.settingBefore) {
      if (inventory.settingBefore === null) setting.delete();
      else context.workbook.settings.add(OWNED_SETTING, inventory.settingBefore);
    }
    await context.sync();
  } catch (restoreError) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new Error(`${message} (and the workbook could not be fully restored: ${(restoreError as Error).message})`);
  }
}
