// A fake Excel object model for the Excel adapter's tests: worksheets, tables, ranges (values, number
// formats, formats, links, validation), charts, settings, names and custom properties behind proxies
// that queue their work until `context.sync()`, as Office.js does. It counts syncs, records the
// estimated payload of each (JSON of the queued writes), refuses reads of properties not loaded,
// and can fail the Nth sync after applying half of its queue.

import type { ExcelHost, RequestContext } from "../../../src/workbook/excel/officeApi";

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
}

export interface FakeState {
  sheets: FakeSheet[];
  tables: FakeTable[];
  settings: Map<string, unknown>;
  names: Map<string, string>;
  activeSheetId: string | null;
  selection: { sheetId: string; address: string } | null;
}

interface Box { top: number; left: number; bottom: number; right: number }

const letters = (column: number): string => {
  let s = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

function parseBox(address: string): Box {
  const range = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(range);
  if (!m) throw new Error(`InvalidArgument: the address "${address}" is not valid.`);
  const col = (s: string) => [...s.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  const top = Number(m[2]);
  const left = col(m[1]);
  return { top, left, bottom: m[4] ? Number(m[4]) : top, right: m[3] ? col(m[3]) : left };
}

const quote = (name: string) => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);
const boxAddress = (sheet: string, b: Box) => `${quote(sheet)}!${letters(b.left)}${b.top}${b.bottom === b.top && b.right === b.left ? "" : `:${letters(b.right)}${b.bottom}`}`;
const key = (r: number, c: number) => `${r},${c}`;

/** What Excel makes of a value assigned as if typed: "12", " 3.5 ", "50%", "TRUE" are not text any more. */
function typed(v: string | number | boolean): string | number | boolean {
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

export function addFakeSheet(state: FakeState, name: string): FakeSheet {
  if (name.length > 31 || /[\\/?*[\]:]/.test(name) || name.trim() === "") throw new Error(`InvalidArgument: "${name}" is not a valid sheet name.`);
  if (state.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new Error(`ItemAlreadyExists: a sheet named "${name}" exists.`);
  const sheet: FakeSheet = { id: `{sheet-${nextId++}}`, name, visibility: "Visible", cells: new Map(), columnWidths: new Map(), frozenRows: 0, autoFilter: null, charts: [], customProperties: new Map() };
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

export interface FakeOptions {
  /** Highest ExcelApi version offered ("1.12"). */
  apiVersion?: string;
  /** Fail this sync (1-based, counted over the host's lifetime) after applying half of its queue. */
  failAtSync?: number;
  /** Called at the start of every sync with its number (to cancel a run part-way, say). */
  onSync?: (sync: number) => void;
}

interface Queued { run: () => void; bytes: number }

/** A fake `Excel.run` + `isSetSupported` over a state, with its statistics. */
export class FakeExcel implements ExcelHost {
  syncs = 0;
  payloads: number[] = [];
  failAtSync: number | null;
  readonly apiVersion: number[];
  constructor(readonly state: FakeState, options: FakeOptions = {}) {
    this.apiVersion = (options.apiVersion ?? "1.12").split(".").map(Number);
    this.failAtSync = options.failAtSync ?? null;
    this.onSync = options.onSync ?? null;
  }
  onSync: ((sync: number) => void) | null;

  isSetSupported(name: string, version: string): boolean {
    if (name !== "ExcelApi") return false;
    const [a, b] = version.split(".").map(Number);
    return this.apiVersion[0] > a || (this.apiVersion[0] === a && this.apiVersion[1] >= b);
  }

  async run<T>(batch: (context: RequestContext) => Promise<T>): Promise<T> {
    const context = new FakeContext(this);
    const result = await batch(context as unknown as RequestContext);
    if (context.queue.length > 0) await context.sync();
    return result;
  }
}

class FakeContext {
  queue: Queued[] = [];
  readonly workbook: FakeWorkbookProxy;
  readonly application = {
    suspendApiCalculationUntilNextSync: () => this.enqueue({ op: "suspendCalc" }, () => undefined),
    suspendScreenUpdatingUntilNextSync: () => this.enqueue({ op: "suspendScreen" }, () => undefined),
  };
  constructor(readonly host: FakeExcel) {
    this.workbook = new FakeWorkbookProxy(this);
  }
  get state(): FakeState {
    return this.host.state;
  }
  enqueue(payload: unknown, run: () => void): void {
    this.queue.push({ run, bytes: JSON.stringify(payload).length });
  }
  async sync(): Promise<void> {
    const host = this.host;
    host.syncs++;
    host.onSync?.(host.syncs);
    const queue = this.queue;
    this.queue = [];
    const bytes = queue.reduce((n, q) => n + q.bytes, 0);
    host.payloads.push(bytes);
    if (bytes > 5 * 1024 * 1024) throw new Error("RequestPayloadSizeLimitExceeded: the request payload size has exceeded the limit.");
    const failing = host.failAtSync === host.syncs;
    const upTo = failing ? Math.floor(queue.length / 2) : queue.length;
    for (let i = 0; i < upTo; i++) queue[i].run();
    if (failing) throw new Error("GeneralException: injected failure");
  }
}

/** A property bag whose reads throw until loaded and synced. */
class Loaded {
  protected loaded = new Map<string, unknown>();
  protected read(name: string): unknown {
    if (!this.loaded.has(name)) throw new Error(`PropertyNotLoaded: the property '${name}' is not available. Load it and call context.sync() first.`);
    return this.loaded.get(name);
  }
}

class FakeWorkbookProxy {
  readonly worksheets: ReturnType<FakeWorkbookProxy["makeWorksheets"]>;
  readonly tables: ReturnType<FakeWorkbookProxy["makeTables"]>;
  readonly settings: ReturnType<FakeWorkbookProxy["makeSettings"]>;
  readonly names: ReturnType<FakeWorkbookProxy["makeNames"]>;
  constructor(readonly ctx: FakeContext) {
    this.worksheets = this.makeWorksheets();
    this.tables = this.makeTables();
    this.settings = this.makeSettings();
    this.names = this.makeNames();
  }
  private makeWorksheets() {
    const ctx = this.ctx;
    const collection = new FakeCollection<SheetProxy>(ctx, () => ctx.state.sheets.map((s) => new SheetProxy(ctx, () => s)));
    return Object.assign(collection, {
      add: (name?: string) => {
        let made: FakeSheet | null = null;
        ctx.enqueue({ op: "addSheet", name }, () => { made = addFakeSheet(ctx.state, name ?? `Sheet${ctx.state.sheets.length + 1}`); });
        return new SheetProxy(ctx, () => made);
      },
      getItem: (name: string) => new SheetProxy(ctx, () => {
        const sheet = findSheet(ctx.state, name);
        if (!sheet) throw new Error(`ItemNotFound: no sheet "${name}".`);
        return sheet;
      }),
      getItemOrNullObject: (name: string) => new SheetProxy(ctx, () => findSheet(ctx.state, name), true),
    });
  }
  private makeTables() {
    const ctx = this.ctx;
    const collection = new FakeCollection<TableProxy>(ctx, () => ctx.state.tables.map((t) => new TableProxy(ctx, () => t)));
    return Object.assign(collection, {
      getItemOrNullObject: (name: string) => new TableProxy(ctx, () => ctx.state.tables.find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? null, true),
    });
  }
  private makeSettings() {
    const ctx = this.ctx;
    const item = (k: string) => new KeyValueProxy(ctx, k, () => ctx.state.settings);
    return {
      add: (k: string, value: unknown) => {
        ctx.enqueue({ op: "setting", k, value }, () => ctx.state.settings.set(k, value));
        return item(k);
      },
      getItemOrNullObject: item,
    };
  }
  private makeNames() {
    const ctx = this.ctx;
    return { getItemOrNullObject: (name: string) => new NameProxy(ctx, name) };
  }
  getSelectedRange(): RangeProxy {
    const ctx = this.ctx;
    return new RangeProxy(ctx, () => {
      const selection = ctx.state.selection;
      if (!selection) throw new Error("InvalidSelection: nothing is selected.");
      const sheet = ctx.state.sheets.find((s) => s.id === selection.sheetId)!;
      return { sheet, box: parseBox(selection.address) };
    });
  }
}

function findSheet(state: FakeState, nameOrId: string): FakeSheet | null {
  return state.sheets.find((s) => s.id === nameOrId || s.name.toLowerCase() === nameOrId.toLowerCase()) ?? null;
}

class FakeCollection<T extends { applyLoad(props: string[]): void }> extends Loaded {
  constructor(private ctx: FakeContext, private list: () => T[]) { super(); }
  load(properties = ""): this {
    const props = properties.split(",").map((p) => p.trim().replace(/^items\//, "")).filter(Boolean);
    this.ctx.enqueue({ op: "load" }, () => {
      const items = this.list();
      for (const item of items) item.applyLoad(props);
      this.loaded.set("items", items);
    });
    return this;
  }
  get items(): T[] {
    return this.read("items") as T[];
  }
}

class KeyValueProxy extends Loaded {
  constructor(private ctx: FakeContext, readonly keyName: string, private store: () => Map<string, unknown>) { super(); }
  load(): this {
    this.ctx.enqueue({ op: "load" }, () => {
      const map = this.store();
      this.loaded.set("isNullObject", !map.has(this.keyName));
      if (map.has(this.keyName)) this.loaded.set("value", map.get(this.keyName));
    });
    return this;
  }
  get isNullObject(): boolean { return this.read("isNullObject") as boolean; }
  get key(): string { return this.keyName; }
  get value(): unknown { return this.read("value"); }
  set value(v: unknown) { this.ctx.enqueue({ op: "set", v }, () => this.store().set(this.keyName, v)); }
  delete(): void { this.ctx.enqueue({ op: "delete" }, () => this.store().delete(this.keyName)); }
}

class NameProxy extends Loaded {
  constructor(private ctx: FakeContext, private name: string) { super(); }
  load(): this {
    this.ctx.enqueue({ op: "load" }, () => {
      const formula = this.ctx.state.names.get(this.name);
      this.loaded.set("isNullObject", formula === undefined);
      if (formula !== undefined) this.loaded.set("formula", formula);
    });
    return this;
  }
  get isNullObject(): boolean { return this.read("isNullObject") as boolean; }
  get formula(): string { return this.read("formula") as string; }
}

class SheetProxy extends Loaded {
  constructor(private ctx: FakeContext, private resolveSheet: () => FakeSheet | null, private nullable = false) { super(); }
  sheet(): FakeSheet {
    const sheet = this.resolveSheet();
    if (!sheet) throw new Error("ItemNotFound: the sheet does not exist.");
    return sheet;
  }
  applyLoad(props: string[]): void {
    const sheet = this.resolveSheet();
    this.loaded.set("isNullObject", sheet === null);
    if (!sheet) return;
    const all = props.length === 0;
    if (all || props.includes("name")) this.loaded.set("name", sheet.name);
    if (all || props.includes("id")) this.loaded.set("id", sheet.id);
    if (all || props.includes("position")) this.loaded.set("position", this.ctx.state.sheets.indexOf(sheet));
    if (all || props.includes("visibility")) this.loaded.set("visibility", sheet.visibility);
  }
  load(properties = ""): this {
    const props = properties.split(",").map((p) => p.trim()).filter(Boolean);
    this.ctx.enqueue({ op: "load" }, () => this.applyLoad(props));
    return this;
  }
  get isNullObject(): boolean { return this.read("isNullObject") as boolean; }
  get name(): string { return this.read("name") as string; }
  set name(name: string) {
    this.ctx.enqueue({ op: "rename", name }, () => {
      const sheet = this.sheet();
      const other = findSheet(this.ctx.state, name);
      if (other && other !== sheet) throw new Error(`ItemAlreadyExists: a sheet named "${name}" exists.`);
      if (name.length > 31 || /[\\/?*[\]:]/.test(name)) throw new Error(`InvalidArgument: "${name}" is not a valid sheet name.`);
      sheet.name = name;
    });
  }
  get id(): string { return this.read("id") as string; }
  get position(): number { return this.read("position") as number; }
  set position(position: number) {
    this.ctx.enqueue({ op: "position", position }, () => {
      const sheets = this.ctx.state.sheets;
      const sheet = this.sheet();
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(Math.min(position, sheets.length), 0, sheet);
    });
  }
  get visibility(): string { return this.read("visibility") as string; }
  set visibility(v: string) { this.ctx.enqueue({ op: "visibility", v }, () => { this.sheet().visibility = v; }); }
  get tables() {
    const ctx = this.ctx;
    const collection = new FakeCollection<TableProxy>(ctx, () => ctx.state.tables.filter((t) => t.sheetId === this.sheet().id).map((t) => new TableProxy(ctx, () => t)));
    return Object.assign(collection, {
      add: (address: RangeProxy | string, hasHeaders: boolean) => {
        let made: FakeTable | null = null;
        const addr = typeof address === "string" ? address : address.addressText;
        this.ctx.enqueue({ op: "addTable", addr, hasHeaders }, () => {
          const sheet = this.sheet();
          const box = parseBox(addr);
          const overlaps = this.ctx.state.tables.some((t) => t.sheetId === sheet.id && !(t.box.bottom < box.top || t.box.top > box.bottom || t.box.right < box.left || t.box.left > box.right));
          if (overlaps) throw new Error("InvalidOperation: a table can't overlap another table.");
          made = { name: `Table${nextId++}`, sheetId: sheet.id, box, style: "TableStyleMedium2" };
          this.ctx.state.tables.push(made);
        });
        return new TableProxy(this.ctx, () => made);
      },
    });
  }
  get charts() {
    return {
      add: (type: string, source: RangeProxy, seriesBy?: string) => {
        const chart: Record<string, unknown> = { type, source: source.addressText, seriesBy, series: [{}] };
        this.ctx.enqueue({ op: "addChart", type, source: source.addressText }, () => this.sheet().charts.push(chart));
        return new ChartProxy(this.ctx, chart);
      },
    };
  }
  get freezePanes() {
    return { freezeRows: (count = 1) => this.ctx.enqueue({ op: "freeze", count }, () => { this.sheet().frozenRows = count; }) };
  }
  get autoFilter() {
    return {
      apply: (range: RangeProxy | string) => {
        const addr = typeof range === "string" ? range : range.addressText;
        this.ctx.enqueue({ op: "autoFilter", addr }, () => { this.sheet().autoFilter = addr; });
      },
    };
  }
  get customProperties() {
    return {
      add: (k: string, value: string) => {
        this.ctx.enqueue({ op: "customProperty", k, value }, () => this.sheet().customProperties.set(k, value));
        return new KeyValueProxy(this.ctx, k, () => this.sheet().customProperties);
      },
      getItemOrNullObject: (k: string) => new KeyValueProxy(this.ctx, k, () => this.sheet().customProperties),
    };
  }
  getRange(address = "A1"): RangeProxy {
    return new RangeProxy(this.ctx, () => ({ sheet: this.sheet(), box: parseBox(address) }), address);
  }
  getUsedRangeOrNullObject(): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const sheet = this.sheet();
      if (sheet.cells.size === 0) return null;
      const box = { top: Infinity, left: Infinity, bottom: 0, right: 0 };
      for (const k of sheet.cells.keys()) {
        const [r, c] = k.split(",").map(Number);
        box.top = Math.min(box.top, r); box.left = Math.min(box.left, c);
        box.bottom = Math.max(box.bottom, r); box.right = Math.max(box.right, c);
      }
      return { sheet, box };
    });
  }
  activate(): void { this.ctx.enqueue({ op: "activate" }, () => { this.ctx.state.activeSheetId = this.sheet().id; }); }
  delete(): void {
    this.ctx.enqueue({ op: "deleteSheet" }, () => {
      const sheet = this.sheet();
      const state = this.ctx.state;
      state.sheets.splice(state.sheets.indexOf(sheet), 1);
      state.tables = state.tables.filter((t) => t.sheetId !== sheet.id);
    });
  }
}

class TableProxy extends Loaded {
  constructor(private ctx: FakeContext, private resolveTable: () => FakeTable | null, private nullable = false) { super(); }
  private table(): FakeTable {
    const table = this.resolveTable();
    if (!table) throw new Error("ItemNotFound: the table does not exist.");
    return table;
  }
  applyLoad(props: string[]): void {
    const table = this.resolveTable();
    this.loaded.set("isNullObject", table === null);
    if (table && (props.length === 0 || props.includes("name"))) this.loaded.set("name", table.name);
  }
  load(properties = ""): this {
    const props = properties.split(",").map((p) => p.trim()).filter(Boolean);
    this.ctx.enqueue({ op: "load" }, () => this.applyLoad(props));
    return this;
  }
  get isNullObject(): boolean { return this.read("isNullObject") as boolean; }
  get name(): string { return this.read("name") as string; }
  set name(name: string) {
    this.ctx.enqueue({ op: "tableName", name }, () => {
      const table = this.table();
      if (this.ctx.state.tables.some((t) => t !== table && t.name.toLowerCase() === name.toLowerCase())) throw new Error(`InvalidArgument: a table named "${name}" exists.`);
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name)) throw new Error(`InvalidArgument: "${name}" is not a valid table name.`);
      table.name = name;
    });
  }
  set style(style: string) { this.ctx.enqueue({ op: "tableStyle", style }, () => { this.table().style = style; }); }
  get worksheet(): SheetProxy {
    return new SheetProxy(this.ctx, () => this.ctx.state.sheets.find((s) => s.id === this.table().sheetId) ?? null);
  }
  getRange(): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const table = this.table();
      return { sheet: this.ctx.state.sheets.find((s) => s.id === table.sheetId)!, box: table.box };
    });
  }
}

type Where = { sheet: FakeSheet; box: Box } | null;

class RangeProxy extends Loaded {
  constructor(private ctx: FakeContext, private where: () => Where, readonly addressText = "") { super(); }
  private at(): { sheet: FakeSheet; box: Box } {
    const w = this.where();
    if (!w) throw new Error("ItemNotFound: the range does not exist.");
    return w;
  }
  private eachCell(fn: (cell: FakeCell | undefined, r: number, c: number, sheet: FakeSheet) => void): void {
    const { sheet, box } = this.at();
    for (let r = box.top; r <= box.bottom; r++) for (let c = box.left; c <= box.right; c++) fn(sheet.cells.get(key(r, c)), r, c, sheet);
  }
  private cellAt(sheet: FakeSheet, r: number, c: number): FakeCell {
    let cell = sheet.cells.get(key(r, c));
    if (!cell) { cell = { value: "" }; sheet.cells.set(key(r, c), cell); }
    return cell;
  }
  private setEach(payload: unknown, fn: (cell: FakeCell) => void): void {
    this.ctx.enqueue(payload, () => this.eachCell((_, r, c, sheet) => fn(this.cellAt(sheet, r, c))));
  }
  private setGrid(name: string, grid: unknown[][], fn: (cell: FakeCell, v: unknown) => void): void {
    this.ctx.enqueue({ op: name, grid }, () => {
      const { sheet, box } = this.at();
      if (grid.length !== box.bottom - box.top + 1 || grid.some((row) => row.length !== box.right - box.left + 1)) {
        throw new Error(`InvalidArgument: the ${name} array does not match the size of the range.`);
      }
      grid.forEach((row, r) => row.forEach((v, c) => { if (v !== null) fn(this.cellAt(sheet, box.top + r, box.left + c), v); }));
    });
  }
  load(properties = ""): this {
    const props = properties.split(",").map((p) => p.trim()).filter(Boolean);
    this.ctx.enqueue({ op: "load" }, () => {
      const w = this.where();
      this.loaded.set("isNullObject", w === null);
      if (!w) return;
      if (props.includes("address")) this.loaded.set("address", boxAddress(w.sheet.name, w.box));
      const grid = (pick: (cell: FakeCell | undefined) => unknown) => {
        const rows: unknown[][] = [];
        for (let r = w.box.top; r <= w.box.bottom; r++) {
          const row: unknown[] = [];
          for (let c = w.box.left; c <= w.box.right; c++) row.push(pick(w.sheet.cells.get(key(r, c))));
          rows.push(row);
        }
        return rows;
      };
      if (props.includes("values")) this.loaded.set("values", grid((cell) => cell?.value ?? ""));
      if (props.includes("numberFormat")) this.loaded.set("numberFormat", grid((cell) => cell?.numberFormat ?? "General"));
    });
    return this;
  }
  get isNullObject(): boolean { return this.read("isNullObject") as boolean; }
  get address(): string { return this.read("address") as string; }
  get values(): unknown[][] { return this.read("values") as unknown[][]; }
  set values(grid: unknown[][]) {
    this.setGrid("values", grid, (cell, v) => {
      if (typeof v === "string" && v.startsWith("'")) { cell.value = v.slice(1); delete cell.formula; }
      else if (typeof v === "string" && v.startsWith("=")) { cell.formula = v; cell.value = 0; }
      else { cell.value = typed(v as string | number | boolean); delete cell.formula; }
    });
  }
  get numberFormat(): unknown[][] { return this.read("numberFormat") as unknown[][]; }
  set numberFormat(grid: unknown[][]) { this.setGrid("numberFormat", grid, (cell, v) => { cell.numberFormat = String(v); }); }
  set hyperlink(link: Record<string, unknown>) { this.setEach({ op: "hyperlink", link }, (cell) => { cell.hyperlink = { ...link }; }); }
  get format() {
    const font = (prop: string) => ({ set: (v: unknown) => this.setEach({ op: "font", prop, v }, (cell) => { cell.font = { ...cell.font, [prop]: v }; }) });
    const fontObject = {};
    for (const prop of ["bold", "color", "size", "underline"]) Object.defineProperty(fontObject, prop, font(prop));
    const proxy = this;
    return {
      font: fontObject,
      fill: { set color(v: string) { proxy.setEach({ op: "fill", v }, (cell) => { cell.fill = v; }); } },
      set wrapText(v: boolean) { proxy.setEach({ op: "wrap", v }, (cell) => { cell.wrapText = v; }); },
      set verticalAlignment(v: string) { proxy.ctx.enqueue({ op: "align", v }, () => undefined); },
      set columnWidth(v: number) {
        proxy.ctx.enqueue({ op: "width", v }, () => {
          const { sheet, box } = proxy.at();
          for (let c = box.left; c <= box.right; c++) sheet.columnWidths.set(c, v);
        });
      },
    };
  }
  get dataValidation() {
    const proxy = this;
    return {
      set rule(rule: Record<string, unknown>) { proxy.setEach({ op: "rule", rule }, (cell) => { cell.validation = { ...cell.validation, rule }; }); },
      set errorAlert(alert: Record<string, unknown>) { proxy.setEach({ op: "alert", alert }, (cell) => { cell.validation = { ...cell.validation, alert }; }); },
    };
  }
  select(): void {
    this.ctx.enqueue({ op: "select" }, () => {
      const { sheet, box } = this.at();
      if (this.ctx.state.activeSheetId !== sheet.id) throw new Error("InvalidSelection: select a range on the active sheet only.");
      this.ctx.state.selection = { sheetId: sheet.id, address: boxAddress(sheet.name, box).split("!")[1] };
    });
  }
}

class ChartProxy {
  constructor(private ctx: FakeContext, private chart: Record<string, unknown>) {}
  private set(path: string, v: unknown): void {
    this.ctx.enqueue({ op: "chart", path, v }, () => { this.chart[path] = v; });
  }
  get title() { const p = this; return { set text(v: string) { p.set("title", v); } }; }
  get legend() { const p = this; return { set visible(v: boolean) { p.set("legend", v); } }; }
  get axes() {
    const p = this;
    return {
      categoryAxis: { set reversePlotOrder(v: boolean) { p.set("reversePlotOrder", v); } },
      valueAxis: { set minimum(v: number) { p.set("minimum", v); }, set maximum(v: number) { p.set("maximum", v); } },
    };
  }
  get series() {
    const series = (index: () => number) => {
      const p = this;
      const set = (prop: string, v: unknown) => this.ctx.enqueue({ op: "series", prop, v }, () => {
        const list = this.chart.series as Record<string, unknown>[];
        list[index()] = { ...list[index()], [prop]: v };
      });
      return {
        set name(v: string) { set("name", v); },
        format: { fill: { clear: () => set("fill", "none"), setSolidColor: (c: string) => set("fill", c) } },
        setValues: (r: RangeProxy) => set("values", r.addressText),
        setXAxisValues: (r: RangeProxy) => set("categories", r.addressText),
        _p: p,
      };
    };
    return {
      getItemAt: (i: number) => series(() => i),
      add: (name?: string) => {
        let at = -1;
        this.ctx.enqueue({ op: "addSeries", name }, () => {
          const list = this.chart.series as Record<string, unknown>[];
          list.push({ name });
          at = list.length - 1;
        });
        return series(() => at);
      },
    };
  }
  setPosition(start: RangeProxy | string, end?: RangeProxy | string): void {
    const text = (r: RangeProxy | string | undefined) => (typeof r === "string" || r === undefined ? r : r.addressText);
    this.set("position", [text(start), text(end)]);
  }
}
