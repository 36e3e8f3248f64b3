// What the task pane needs of the open workbook, beyond the port: one implementation over Office.js
// (src/workbook/excel/) and one over an .xlsx file opened in a plain browser (ExcelJS).

import type { ResultSheet, TableData, WorkbookPort } from "./port";

/** Which example tables "Insert example tables" adds. */
export type ExampleSet = "network" | "schedule";

/** Per-workbook pane state kept with the workbook (Excel: workbook.settings; a file: a hidden-free custom sheet is not used, only memory). */
export type PaneSettings = Record<string, string | number | boolean | null>;

/** What a write did: the sheet names used (a user's own "Plan" makes ours "Plan (2)"). */
export interface WriteReport {
  written: string[];
  /** Requested name → name used, where they differ. */
  renamed: Record<string, string>;
}

/** What changed in the workbook since the last call (several edits in a row come as one). */
export interface WorkbookChange {
  /** The sheets whose data changed, or that were added or renamed, by name (deleted ones are gone: see `deleted`). */
  sheets: string[];
  /** A sheet was deleted. */
  deleted: boolean;
  /** A co-author made at least one of the changes (Excel's `source: Remote`). */
  remote: boolean;
  /** How many change events were coalesced into this call. */
  events: number;
}

export interface ChangeOptions {
  /**
   * Only changes that can touch these tables count (a sheet of that name, a table of that name, or a
   * range remembered for it); the others are ignored. Absent: every change counts.
   */
  tables?: readonly string[];
}

/**
 * A subscription to the workbook's changes. "live": the listener is called after changes (never for
 * the pane's own writes), until `unsubscribe`. "unsupported": this host cannot report changes (an old
 * Excel); the pane reads again on focus and on request instead, and can say why. "unneeded": nothing
 * but the pane changes this workbook (a file opened in the browser), so there is nothing to follow.
 */
export type ChangeSubscription =
  | { status: "live"; unsubscribe(): Promise<void> }
  | { status: "unsupported"; reason: string }
  | { status: "unneeded" };

export interface PaneWorkbook extends WorkbookPort {
  /** "excel" inside Excel (Office.js); "file" for an .xlsx opened in the browser. */
  readonly kind: "excel" | "file";
  /** Reads several tables at once (one or two syncs in Excel); null where a table is absent. */
  readTables(names: string[]): Promise<Record<string, TableData | null>>;
  /** Which of `names` exist, without reading their values (the pane's start-up); absent: readTables tells. */
  tableNames?(names: string[]): Promise<string[]>;
  /** Writes all sheets or none; never a user's own sheet, never an input table. */
  writeSheets(sheets: ResultSheet[]): Promise<WriteReport>;
  /** Activates the sheet of an A1 place ("Stages!C7") and selects the cell. */
  goTo(place: string): Promise<void>;
  /** Adds example input tables on new sheets (never touching existing content); returns the sheets added. */
  insertExampleTables(set: ExampleSet): Promise<string[]>;
  /** Maps the current selection (header row + data) as the named input table and remembers it. */
  useSelectionAs?(table: string): Promise<string>;
  /** The pane's remembered options for this workbook. */
  loadSettings(): Promise<PaneSettings>;
  saveSettings(settings: PaneSettings): Promise<void>;
  /** What this host lacks for the pane's features (empty when all is there), in plain words. */
  missingFeatures(): string[];
  /** Calls `listener` after others change the workbook (debounced; the pane's own writes never count). */
  subscribeChanges(listener: (change: WorkbookChange) => void, options?: ChangeOptions): Promise<ChangeSubscription>;
}
