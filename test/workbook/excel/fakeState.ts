// The state of the fake Excel of the tests: sheets with their cells, tables, settings, names; set-up
// helpers (a sheet, a block of values, a table) and a comparable snapshot of the whole workbook.

export interface FakeCell {
  value: string | number | boolean;
  formula?: string;
  numberFormat?: string;
  fill?: string;
  font?: Record<string, unknown>;
  hyperlink?: Record<string, unknown>;
  validation?: Record<string, unknown>;
  wrapText?: boolean;
}

export interface FakeSheet {
  id: string;
  name: string;
  visibility: string;
  cells: Map<string, FakeCell>;
  columnWidths: Map<number, number>;
  frozenRows: number;
  autoFilter: string | null;
  charts: Record<string, unknown>[];
  customProperties: Map<string, string>;
}

export interface FakeTable {
  name: string;
  sheetId: string;
  box: Box;
  style: string;
  /** A totals row at the bottom of the box (Excel's "Total Row"). */
  showTotals?: boolean;
}

export interface FakeState {
  sheets: FakeSheet[];
  tables: FakeTable[];
  settings: Map<string, unknown>;
  names: Map<string, string>;
  activeSheetId: string | null;
  selection: { sheetId: string; address: string } | null;
}

export interface Box { top: number; left: number; bottom: number; right: number }

export const letters = (column: number): string => {
  let s = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

export function parseBox(address: string): Box {
  const range = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(range);
  if (!m) throw new Error(`InvalidArgument: the address "${address}" is not valid.`);
  const col = (s: string) => [...s.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  const top = Number(m[2]);
  const left = col(m[1]);
  return { top, left, bottom: m[4] ? Number(m[4]) : top, right: m[3] ? col(m[3]) : left };
}

const quote = (name: string) => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);
export const boxAddress = (sheet: string, b: Box) => `${quote(sheet)}!${letters(b.left)}${b.top}${b.bottom === b.top && b.right === b.left ? "" : `:${letters(b.right)}${b.bottom}`}`;
export const key = (r: number, c: number) => `${r},${c}`;

/** What Excel makes of a value assigned as if typed: "12", " 3.5 ", "50%", "TRUE" are not text any more. */
export function typed(v: string | number | boolean): string | number | boolean {
  if (typeof v !== "string") return v;
  const t = v.trim();
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return Number(t);
  if (/^[-+]?\d+(\.\d+)?%$/.test(t)) return Number(t.slice(0, -1)) / 100;
  if (/^(true|false)$/i.test(t)) return t.toLowerCase() === "true";
  if (/^\d{1,4}[-/]\d{1,2}([-/]\d{1,4})?$/.test(t)) return 45000;
  return v;
}

/** An empty fake workbook with the given sheets. */
export function fakeState(): FakeState {
  return { sheets: [], tables: [], settings: new Map(), names: new Map(), activeSheetId: null, selection: null };
}

let nextId = 1;

/** A fresh id for a sheet or table. */
export function newId(): number {
  return nextId++;
}

export function addFakeSheet(state: FakeState, name: string): FakeSheet {
  if (name.length > 31 || /[\\/?*[\]:]/.test(name) || name.trim() === "") throw new Error(`InvalidArgument: "${name}" is not a valid sheet name.`);
  if (state.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new Error(`ItemAlreadyExists: a sheet named "${name}" exists.`);
  const sheet: FakeSheet = { id: `{sheet-${newId()}}`, name, visibility: "Visible", cells: new Map(), columnWidths: new Map(), frozenRows: 0, autoFilter: null, charts: [], customProperties: new Map() };
  state.sheets.push(sheet);
  return sheet;
}

/** Puts a block of values on a sheet (test set-up), optionally as a table. */
export function putBlock(state: FakeState, sheetName: string, topLeft: string, values: unknown[][], tableName?: string): void {
  const sheet = state.sheets.find((s) => s.name === sheetName) ?? addFakeSheet(state, sheetName);
  const { top, left } = parseBox(topLeft);
  values.forEach((row, r) => row.forEach((v, c) => {
    if (v !== null && v !== undefined && v !== "") sheet.cells.set(key(top + r, left + c), { value: v as string | number | boolean });
  }));
  if (tableName) state.tables.push({ name: tableName, sheetId: sheet.id, box: { top, left, bottom: top + values.length - 1, right: left + (values[0]?.length ?? 1) - 1 }, style: "TableStyleMedium2" });
}

/** A plain, comparable copy of the whole workbook (for "nothing changed" checks). */
export function snapshot(state: FakeState): unknown {
  return JSON.parse(JSON.stringify({
    sheets: state.sheets.map((s) => ({ ...s, cells: [...s.cells.entries()].sort(), columnWidths: [...s.columnWidths.entries()].sort(), customProperties: [...s.customProperties.entries()].sort() })),
    tables: state.tables, settings: [...state.settings.entries()].sort(), names: [...state.names.entries()].sort(),
  }));
}

export function findSheet(state: FakeState, nameOrId: string): FakeSheet | null {
  return state.sheets.find((s) => s.id === nameOrId || s.name.toLowerCase() === nameOrId.toLowerCase()) ?? null;
}

/** The whole workbook as one string in insertion order, for "nothing changed" checks on big ones (snapshot sorts every cell). */
export function digest(state: FakeState): string {
  return JSON.stringify({
    sheets: state.sheets.map((s) => ({ ...s, cells: [...s.cells], columnWidths: [...s.columnWidths], customProperties: [...s.customProperties] })),
    tables: state.tables, settings: [...state.settings], names: [...state.names],
  });
}
