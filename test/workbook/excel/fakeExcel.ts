// A fake Excel object model for the Excel adapter's tests: worksheets, tables, ranges (values, number
// formats, formats, links, validation), charts, settings, names and custom properties behind proxies
// that queue their work until `context.sync()`, as Office.js does. It counts syncs, records the
// request payload of each (JSON of the queued writes) and its response (JSON of what was loaded),
// refuses either over 5 MB as Excel on the web does, refuses reads of properties not loaded, and
// can fail the Nth sync after applying half of its queue. Worksheet events (fakeEvents.ts) fire after
// writes made through it and after simulated user edits.

import type { ExcelHost, RequestContext } from "../../../src/workbook/excel/officeApi";
import { FakeCollection, KeyValueProxy, Loaded } from "./fakeBase";
import { deliver, FakeEventHandlers, FakeEventName, Origin, RaisedEvent, Registration } from "./fakeEvents";
import { RangeProxy } from "./fakeRange";
import { SheetProxy, TableProxy } from "./fakeSheet";
import { addFakeSheet, boxAddress, FakeSheet, FakeState, findSheet, key, parseBox } from "./fakeState";

export * from "./fakeState";

export interface FakeOptions {
  /** Highest ExcelApi version offered ("1.12"). */
  apiVersion?: string;
  /** Fail this sync (1-based, counted over the host's lifetime) after applying half of its queue. */
  failAtSync?: number;
  /** Called at the start of every sync with its number (to cancel a run part-way, say). */
  onSync?: (sync: number) => void;
  /** Largest response a sync may return, in bytes (Excel on the web: 5 MB); Infinity lifts it. */
  responseLimit?: number;
  /** How long after the change its events reach the handlers, in ms (0: on the next turn of the event loop). */
  eventDelayMs?: number;
}

/** Excel on the web refuses a request or a response over 5 MB. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** An error as Office.js raises it: a code from Excel.ErrorCodes and its message. */
export function officeError(code: string, message: string): Error {
  return Object.assign(new Error(`${code}: ${message}`), { name: "RichApi.Error", code });
}

interface Queued { run: () => void; bytes: number }

/** A fake `Excel.run` + `isSetSupported` over a state, with its statistics. */
export class FakeExcel implements ExcelHost {
  syncs = 0;
  /** Request bytes of every sync. */
  payloads: number[] = [];
  /** Response bytes of every sync (what its loads returned). */
  responses: number[] = [];
  failAtSync: number | null;
  readonly responseLimit: number;
  readonly apiVersion: number[];
  constructor(readonly state: FakeState, options: FakeOptions = {}) {
    this.apiVersion = (options.apiVersion ?? "1.12").split(".").map(Number);
    this.failAtSync = options.failAtSync ?? null;
    this.onSync = options.onSync ?? null;
    this.responseLimit = options.responseLimit ?? PAYLOAD_LIMIT;
    this.eventDelayMs = options.eventDelayMs ?? 0;
  }
  onSync: ((sync: number) => void) | null;
  /** Event handlers registered now, each with the request context it was added in. */
  handlers: Registration[] = [];
  /** Every handler removal that took effect, with its context. */
  removals: { event: FakeEventName; contextId: number }[] = [];
  /** Every event delivered, with the arguments the handlers got. */
  delivered: { event: FakeEventName; args: Record<string, unknown> }[] = [];
  eventDelayMs: number;
  /** Request contexts made so far (each `run` makes one). */
  contexts = 0;

  isSetSupported(name: string, version: string): boolean {
    if (name !== "ExcelApi") return false;
    const [a, b] = version.split(".").map(Number);
    return this.apiVersion[0] > a || (this.apiVersion[0] === a && this.apiVersion[1] >= b);
  }

  async run<T>(batch: (context: RequestContext) => Promise<T>): Promise<T> {
    return this.runIn(new FakeContext(this) as unknown as RequestContext, batch);
  }

  /** `Excel.run(context, batch)`: a batch in a context made earlier by this host. */
  async runIn<T>(context: RequestContext, batch: (context: RequestContext) => Promise<T>): Promise<T> {
    const fake = context as unknown as FakeContext;
    if (!(fake instanceof FakeContext) || fake.host !== this) throw new Error("InvalidArgument: the request context is not one of this Excel's.");
    const result = await batch(context);
    if (fake.queue.length > 0) await fake.sync();
    return result;
  }

  /** A user (or, with "Remote", a co-author) types values at a place: the cells change now, the events follow. */
  userEdit(sheetName: string, topLeft: string, values: (string | number | boolean | null)[][], origin: Exclude<Origin, "addin"> = "Local"): void {
    const sheet = findSheet(this.state, sheetName) ?? this.userAddSheet(sheetName, origin);
    const { top, left } = parseBox(topLeft);
    values.forEach((row, r) => row.forEach((v, c) => {
      if (v === null || v === "") sheet.cells.delete(key(top + r, left + c));
      else sheet.cells.set(key(top + r, left + c), { value: v });
    }));
    const box = { top, left, bottom: top + values.length - 1, right: left + Math.max(1, ...values.map((row) => row.length)) - 1 };
    deliver(this, [{ event: "onChanged", args: { worksheetId: sheet.id, address: boxAddress(sheet.name, box).split("!")[1], changeType: "RangeEdited" } }], origin);
  }

  userAddSheet(name: string, origin: Exclude<Origin, "addin"> = "Local"): FakeSheet {
    const sheet = addFakeSheet(this.state, name);
    deliver(this, [{ event: "onAdded", args: { worksheetId: sheet.id } }], origin);
    return sheet;
  }

  userDeleteSheet(name: string, origin: Exclude<Origin, "addin"> = "Local"): void {
    const sheet = findSheet(this.state, name)!;
    this.state.sheets.splice(this.state.sheets.indexOf(sheet), 1);
    this.state.tables = this.state.tables.filter((t) => t.sheetId !== sheet.id);
    deliver(this, [{ event: "onDeleted", args: { worksheetId: sheet.id } }], origin);
  }

  userRenameSheet(name: string, to: string, origin: Exclude<Origin, "addin"> = "Local"): void {
    const sheet = findSheet(this.state, name)!;
    sheet.name = to;
    const events: RaisedEvent[] = this.isSetSupported("ExcelApi", "1.17") ? [{ event: "onNameChanged", args: { worksheetId: sheet.id, nameBefore: name, nameAfter: to } }] : [];
    deliver(this, events, origin);
  }
}

export class FakeContext {
  queue: Queued[] = [];
  /** The events the sync under way raises (delivered once it ends). */
  private raised: RaisedEvent[] = [];
  readonly id: number;
  private responseBytes = 0;
  readonly workbook: FakeWorkbookProxy;
  readonly application = {
    suspendApiCalculationUntilNextSync: () => this.enqueue({ op: "suspendCalc" }, () => undefined),
    suspendScreenUpdatingUntilNextSync: () => this.enqueue({ op: "suspendScreen" }, () => undefined),
  };
  constructor(readonly host: FakeExcel) {
    this.id = ++host.contexts;
    this.workbook = new FakeWorkbookProxy(this);
  }
  /** An event a queued write causes (Excel raises it after the sync, for the handlers registered then). */
  raise(event: FakeEventName, args: Record<string, unknown>): void {
    this.raised.push({ event, args });
  }
  get state(): FakeState {
    return this.host.state;
  }
  enqueue(payload: unknown, run: () => void): void {
    this.queue.push({ run, bytes: JSON.stringify(payload).length });
  }
  /** A load adds what it returns to the response of the sync that runs it. */
  respond(loaded: unknown): void {
    this.responseBytes += Buffer.byteLength(JSON.stringify(loaded), "utf8");
  }
  async sync(): Promise<void> {
    const host = this.host;
    host.syncs++;
    host.onSync?.(host.syncs);
    const queue = this.queue;
    this.queue = [];
    const bytes = queue.reduce((n, q) => n + q.bytes, 0);
    host.payloads.push(bytes);
    if (bytes > PAYLOAD_LIMIT) throw officeError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
    const failing = host.failAtSync === host.syncs;
    const upTo = failing ? Math.floor(queue.length / 2) : queue.length;
    this.responseBytes = 0;
    this.raised = [];
    try {
      for (let i = 0; i < upTo; i++) queue[i].run();
    } finally {
      host.responses.push(this.responseBytes);
      deliver(host, this.raised, "addin");
      this.raised = [];
    }
    if (failing) throw officeError("GeneralException", "injected failure");
    if (this.responseBytes > host.responseLimit) {
      throw officeError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit. Please refer to the documentation: \"https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins\".");
    }
  }
}

/** A property bag whose reads throw until loaded and synced. */
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
      onChanged: new FakeEventHandlers(ctx, "onChanged"),
      onAdded: new FakeEventHandlers(ctx, "onAdded"),
      onDeleted: new FakeEventHandlers(ctx, "onDeleted"),
      onNameChanged: new FakeEventHandlers(ctx, "onNameChanged"),
      add: (name?: string) => {
        let made: FakeSheet | null = null;
        ctx.enqueue({ op: "addSheet", name }, () => {
          made = addFakeSheet(ctx.state, name ?? `Sheet${ctx.state.sheets.length + 1}`);
          ctx.raise("onAdded", { worksheetId: made.id });
        });
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
