// The part of Office.js the Excel adapter uses, as plain interfaces: the real `Excel.run` fits them,
// and so does the fake object model of the tests. Names and semantics are Office.js's own.

/** Anything Office.js can load: reading a property before `load` + `sync` throws. */
export interface Loadable {
  load(properties?: string): this;
}

export interface NullableObject {
  readonly isNullObject: boolean;
}

export interface RangeFormatFont {
  bold: boolean;
  color: string;
  size: number;
  underline: string;
}

export interface RangeFormat {
  columnWidth: number;
  wrapText: boolean;
  verticalAlignment: string;
  readonly font: RangeFormatFont;
  readonly fill: { color: string };
}

export interface DataValidationRule {
  list?: { inCellDropDown: boolean; source: string };
  decimal?: { formula1: number | string; formula2?: number | string; operator: string };
  wholeNumber?: { formula1: number | string; formula2?: number | string; operator: string };
  date?: { formula1: number | string; formula2?: number | string; operator: string };
  textLength?: { formula1: number | string; formula2?: number | string; operator: string };
}

export interface Range extends Loadable, NullableObject {
  readonly address: string;
  readonly rowCount: number;
  readonly columnCount: number;
  values: unknown[][];
  numberFormat: unknown[][];
  hyperlink: { documentReference?: string; textToDisplay?: string; address?: string; screenTip?: string };
  readonly format: RangeFormat;
  readonly dataValidation: { rule: DataValidationRule; errorAlert: { message: string; showAlert: boolean; style: string; title: string } };
  readonly worksheet: Worksheet;
  select(): void;
}

export interface Table extends Loadable, NullableObject {
  name: string;
  style: string;
  readonly worksheet: Worksheet;
  getRange(): Range;
}

export interface ChartSeries {
  readonly format: { readonly fill: { clear(): void; setSolidColor(color: string): void } };
  name: string;
  setValues(range: Range): void;
  setXAxisValues(range: Range): void;
}

export interface Chart {
  name: string;
  readonly title: { text: string };
  readonly legend: { visible: boolean };
  readonly axes: {
    readonly categoryAxis: { reversePlotOrder: boolean };
    readonly valueAxis: { minimum: number; maximum: number };
  };
  readonly series: { getItemAt(index: number): ChartSeries; add(name?: string): ChartSeries };
  setPosition(startCell: Range | string, endCell?: Range | string): void;
}

export interface CustomProperty extends Loadable, NullableObject {
  readonly key: string;
  value: string;
}

export interface Worksheet extends Loadable, NullableObject {
  name: string;
  readonly id: string;
  position: number;
  visibility: string;
  readonly tables: Collection<Table> & { add(address: Range | string, hasHeaders: boolean): Table };
  readonly charts: { add(type: string, sourceData: Range, seriesBy?: string): Chart };
  readonly freezePanes: { freezeRows(count?: number): void };
  readonly autoFilter: { apply(range: Range | string): void };
  readonly customProperties: { add(key: string, value: string): CustomProperty; getItemOrNullObject(key: string): CustomProperty };
  getRange(address?: string): Range;
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range;
  activate(): void;
  delete(): void;
}

export interface Collection<T> extends Loadable {
  readonly items: T[];
}

export interface Setting extends Loadable, NullableObject {
  readonly key: string;
  value: unknown;
  delete(): void;
}

export interface Workbook {
  readonly worksheets: Collection<Worksheet> & { add(name?: string): Worksheet; getItem(name: string): Worksheet; getItemOrNullObject(name: string): Worksheet };
  readonly tables: Collection<Table> & { getItemOrNullObject(name: string): Table };
  readonly settings: { add(key: string, value: unknown): Setting; getItemOrNullObject(key: string): Setting };
  readonly names: { getItemOrNullObject(name: string): Loadable & NullableObject & { readonly formula: string } };
  getSelectedRange(): Range;
}

export interface RequestContext {
  readonly workbook: Workbook;
  readonly application: { suspendApiCalculationUntilNextSync(): void; suspendScreenUpdatingUntilNextSync(): void };
  sync(): Promise<void>;
}

/** What the adapter needs from the host: `Excel.run` and `Office.context.requirements.isSetSupported`. */
export interface ExcelHost {
  run<T>(batch: (context: RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
}
