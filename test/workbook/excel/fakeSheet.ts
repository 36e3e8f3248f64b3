// Worksheets and tables of the fake Excel: names, ids, order, visibility, tables, charts, frozen
// rows, filters and custom properties, every change queued until sync.

import type { FakeContext } from "./fakeExcel";
import { FakeCollection, KeyValueProxy, LoadableProxy } from "./fakeBase";
import { ChartProxy, RangeProxy } from "./fakeRange";
import { FakeSheet, FakeTable, findSheet, newId, parseBox } from "./fakeState";

export class SheetProxy extends LoadableProxy {
  constructor(ctx: FakeContext, private resolveSheet: () => FakeSheet | null, private nullable = false) { super(ctx); }
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
  get isNullObject(): boolean { return this.read("isNullObject") as boolean; }
  get name(): string { return this.read("name") as string; }
  set name(name: string) {
    this.ctx.enqueue({ op: "rename", name }, () => {
      const sheet = this.sheet();
      const other = findSheet(this.ctx.state, name);
      if (other && other !== sheet) throw new Error(`ItemAlreadyExists: a sheet named "${name}" exists.`);
      if (name.length > 31 || /[\\/?*[\]:]/.test(name)) throw new Error(`InvalidArgument: "${name}" is not a valid sheet name.`);
      const before = sheet.name;
      sheet.name = name;
      if (before !== name && this.ctx.host.isSetSupported("ExcelApi", "1.17")) this.ctx.raise("onNameChanged", { worksheetId: sheet.id, nameBefore: before, nameAfter: name });
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
          made = { name: `Table${newId()}`, sheetId: sheet.id, box, style: "TableStyleMedium2" };
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
      this.ctx.raise("onDeleted", { worksheetId: sheet.id });
    });
  }
}

export class TableProxy extends LoadableProxy {
  constructor(ctx: FakeContext, private resolveTable: () => FakeTable | null, private nullable = false) { super(ctx); }
  private table(): FakeTable {
    const table = this.resolveTable();
    if (!table) throw new Error("ItemNotFound: the table does not exist.");
    return table;
  }
  applyLoad(props: string[]): void {
    const table = this.resolveTable();
    this.loaded.set("isNullObject", table === null);
    if (table && (props.length === 0 || props.includes("name"))) this.loaded.set("name", table.name);
    if (table && (props.length === 0 || props.includes("showTotals"))) this.loaded.set("showTotals", table.showTotals === true);
  }
  get isNullObject(): boolean { return this.read("isNullObject") as boolean; }
  get name(): string { return this.read("name") as string; }
  get showTotals(): boolean { return this.read("showTotals") as boolean; }
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
