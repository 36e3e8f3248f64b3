// The pane's workbook in a plain browser: an .xlsx chosen with a file chooser, held by the file worker
// (ExcelJS off the main thread), with the same result sheets as Excel and `aps`; Save downloads a copy.

import type { ChangeSubscription, ExampleSet, PaneSettings, PaneWorkbook, WriteReport } from "../../workbook/paneWorkbook";
import type { CellValue, ResultSheet, TableData } from "../../workbook/port";
import type { NetworkSource } from "../../workbook/jobs/types";
import type { FileSummary } from "./fileBook";
import type { FileAnswer, FileRequest, FileWorkerLike } from "./fileProtocol";

/** A cell the pane points at (browser mode cannot select it, so the pane shows it). */
export interface CellView {
  sheet: string;
  address: string;
  value: CellValue;
}

/** Requests to a file worker, each answered by its id (a message saying what failed rejects). */
export function connectFileWorker(worker: FileWorkerLike): { call: (request: FileRequest, transfer?: Transferable[]) => Promise<unknown> } {
  const calls = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let id = 1;
  worker.onmessage = ({ data }: { data: FileAnswer }) => {
    const call = calls.get(data.id);
    if (!call) return;
    calls.delete(data.id);
    if (data.ok) call.resolve(data.value);
    else call.reject(new Error(data.message));
  };
  worker.onerror = (event) => {
    for (const call of calls.values()) call.reject(new Error(`The workbook worker stopped: ${event.message ?? "unknown error"}`));
    calls.clear();
  };
  const call = (request: FileRequest, transfer: Transferable[] = []) => new Promise<unknown>((resolve, reject) => {
    const n = id++;
    calls.set(n, { resolve, reject });
    worker.postMessage({ id: n, request }, transfer);
  });
  return { call };
}

/** Reads the files picked for Compare files… in a file worker of their own (the limits checked there). */
export async function readNetworkFiles(files: { name: string; bytes: Uint8Array }[], makeWorker: () => FileWorkerLike): Promise<NetworkSource[]> {
  const worker = makeWorker();
  try {
    return (await connectFileWorker(worker).call({ op: "readNetworkFiles", files })) as NetworkSource[];
  } finally {
    worker.terminate();
  }
}

export class FileWorkbook implements PaneWorkbook {
  readonly kind = "file" as const;
  private settings: PaneSettings = {};
  /** The last place goTo was given, with its value (shown by the pane). */
  lastPlace: CellView | null = null;

  private constructor(private readonly worker: FileWorkerLike, readonly file: FileSummary) {}

  private call!: (request: FileRequest, transfer?: Transferable[]) => Promise<unknown>;

  /** A file worker that has loaded ExcelJS already (made when the page is idle), for the next open. */
  static prewarm(makeWorker: () => FileWorkerLike): () => FileWorkerLike {
    let spare: FileWorkerLike | null = makeWorker();
    spare.postMessage({ id: 0, request: { op: "warm" } });
    return () => {
      const worker = spare ?? makeWorker();
      spare = null;
      return worker;
    };
  }

  /** Opens .xlsx bytes in a new file worker. */
  static async open(name: string, bytes: Uint8Array, makeWorker: () => FileWorkerLike): Promise<FileWorkbook> {
    return FileWorkbook.start({ op: "open", name, bytes }, makeWorker, [bytes.buffer as ArrayBuffer]);
  }

  /** Starts from an empty workbook (examples can then be inserted and saved). */
  static async blank(name: string, makeWorker: () => FileWorkerLike): Promise<FileWorkbook> {
    return FileWorkbook.start({ op: "blank", name }, makeWorker, []);
  }

  private static async start(request: FileRequest, makeWorker: () => FileWorkerLike, transfer: Transferable[]): Promise<FileWorkbook> {
    const worker = makeWorker();
    const link = connectFileWorker(worker);
    try {
      const summary = (await link.call(request, transfer)) as FileSummary;
      const book = new FileWorkbook(worker, summary);
      book.call = link.call;
      return book;
    } catch (error) {
      worker.terminate();
      throw error;
    }
  }

  /** Ends the worker (when another file is opened). */
  close(): void {
    this.worker.terminate();
  }

  async summary(): Promise<FileSummary> {
    return (await this.call({ op: "summary" })) as FileSummary;
  }

  async readTable(name: string): Promise<TableData | null> {
    return (await this.readTables([name]))[name] ?? null;
  }

  async readTables(names: string[]): Promise<Record<string, TableData | null>> {
    return (await this.call({ op: "readTables", names })) as Record<string, TableData | null>;
  }

  async writeResultSheets(sheets: ResultSheet[]): Promise<void> {
    await this.writeSheets(sheets);
  }

  async writeSheets(sheets: ResultSheet[]): Promise<WriteReport> {
    return (await this.call({ op: "writeSheets", sheets })) as WriteReport;
  }

  /** Tables as JSON (for the job worker) and the names present. */
  async readTablesJson(names: string[]): Promise<{ json: string; present: string[] }> {
    return (await this.call({ op: "readTablesJson", names })) as { json: string; present: string[] };
  }

  /** Writes the sheets of a packed job output without parsing them on this thread. */
  async writeSheetsJson(bulk: string): Promise<WriteReport> {
    return (await this.call({ op: "writeSheetsJson", bulk })) as WriteReport;
  }

  async goTo(place: string): Promise<void> {
    this.lastPlace = (await this.call({ op: "cellAt", place })) as CellView | null;
  }

  async insertExampleTables(set: ExampleSet): Promise<string[]> {
    return (await this.call({ op: "insertExamples", set })) as string[];
  }

  async loadSettings(): Promise<PaneSettings> {
    return { ...this.settings };
  }

  async saveSettings(settings: PaneSettings): Promise<void> {
    this.settings = { ...settings };
  }

  /** A file in the browser changes only through the pane, which refreshes after each of its writes. */
  async subscribeChanges(): Promise<ChangeSubscription> {
    return { status: "unneeded" };
  }

  missingFeatures(): string[] {
    return ["native charts (a file saved here keeps the cell-fill Gantt)", "Use selection as… (there is no selection in a file)"];
  }

  /** The workbook, results included, as .xlsx bytes. */
  async toBytes(): Promise<Uint8Array> {
    return (await this.call({ op: "toBytes" })) as Uint8Array;
  }
}
