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
  /** True when the table shows a totals row (its range's last row). */
  showTotals: boolean;
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

/** What every worksheet event carries: the sheet's id and whether this user (Local) or a co-author (Remote) caused it. */
export interface WorksheetEventArgs {
  readonly type: string;
  readonly worksheetId: string;
  readonly source: "Local" | "Remote";
}

/** WorksheetCollection.onChanged (ExcelApi 1.9); `triggerSource` from ExcelApi 1.14 ("ThisLocalAddin": our own write). */
export interface WorksheetChangedEventArgs extends WorksheetEventArgs {
  readonly address: string;
  readonly changeType?: string;
  readonly triggerSource?: "Unknown" | "ThisLocalAddin";
}

/** WorksheetCollection.onNameChanged (ExcelApi 1.17). */
export interface WorksheetNameChangedEventArgs extends WorksheetEventArgs {
  readonly nameBefore: string;
  readonly nameAfter: string;
}

/** OfficeExtension.EventHandlerResult: removes the handler, in the request context it was added in. */
export interface EventHandlerResult {
  readonly context: RequestContext;
  remove(): void;
}

/** OfficeExtension.EventHandlers: `add` takes effect at the next sync. */
export interface EventHandlers<A> {
  add(handler: (args: A) => Promise<unknown>): EventHandlerResult;
}

export interface WorksheetEvents {
  /** ExcelApi 1.9: data changed on any worksheet. */
  readonly onChanged: EventHandlers<WorksheetChangedEventArgs>;
  /** ExcelApi 1.7: a worksheet was added / deleted. */
  readonly onAdded: EventHandlers<WorksheetEventArgs>;
  readonly onDeleted: EventHandlers<WorksheetEventArgs>;
  /** ExcelApi 1.17: a worksheet was renamed. */
  readonly onNameChanged: EventHandlers<WorksheetNameChangedEventArgs>;
}

export interface Workbook {
  readonly worksheets: Collection<Worksheet> & WorksheetEvents & { add(name?: string): Worksheet; getItem(name: string): Worksheet; getItemOrNullObject(name: string): Worksheet };
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
  /** `Excel.run(context, batch)`: a batch in an earlier request context (event handlers are removed in the one they were added in). */
  runIn<T>(context: RequestContext, batch: (context: RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
}
