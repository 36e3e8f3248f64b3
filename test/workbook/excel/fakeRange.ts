// Ranges and charts of the fake Excel: values (read as Excel reads typed values), number formats,
// formats, links and validation per cell; chart settings recorded as set.

import type { FakeContext } from "./fakeExcel";
import { Loaded } from "./fakeBase";
import { Box, boxAddress, FakeCell, FakeSheet, key, typed } from "./fakeState";

type Where = { sheet: FakeSheet; box: Box } | null;

export class RangeProxy extends Loaded {
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
      // Data changes raise onChanged (formats raise onFormatChanged in Excel, which the fake leaves out).
      if (name === "values") this.ctx.raise("onChanged", { worksheetId: sheet.id, address: boxAddress(sheet.name, box).split("!")[1], changeType: "RangeEdited" });
    });
  }
  load(properties = ""): this {
    const props = properties.split(",").map((p) => p.trim()).filter(Boolean);
    this.ctx.enqueue({ op: "load" }, () => {
      const w = this.where();
      this.loaded.set("isNullObject", w === null);
      if (!w) return;
      if (props.includes("address")) this.loaded.set("address", boxAddress(w.sheet.name, w.box));
      if (props.includes("rowCount")) this.loaded.set("rowCount", w.box.bottom - w.box.top + 1);
      if (props.includes("columnCount")) this.loaded.set("columnCount", w.box.right - w.box.left + 1);
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
      this.ctx.respond(Object.fromEntries([...this.loaded].filter(([name]) => props.includes(name))));
    });
    return this;
  }
  get isNullObject(): boolean { return this.read("isNullObject") as boolean; }
  get address(): string { return this.read("address") as string; }
  get rowCount(): number { return this.read("rowCount") as number; }
  get columnCount(): number { return this.read("columnCount") as number; }
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

export class ChartProxy {
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
