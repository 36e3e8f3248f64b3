// Requests from the pane to the file worker that holds the open .xlsx (ExcelJS work stays off the main thread).

import type { ExampleSet } from "../../workbook/paneWorkbook";
import type { ResultSheet } from "../../workbook/port";

export type FileRequest =
  | { op: "open"; name: string; bytes: Uint8Array }
  | { op: "blank"; name: string }
  | { op: "summary" }
  | { op: "readTables"; names: string[] }
  | { op: "writeSheets"; sheets: ResultSheet[] }
  /** Tables as one JSON string, and the names present (passed on to the job worker unparsed). */
  | { op: "readTablesJson"; names: string[] }
  /** Sheets as JSON of { sheets } (a packed job output's bulk). */
  | { op: "writeSheetsJson"; bulk: string }
  | { op: "insertExamples"; set: ExampleSet }
  | { op: "cellAt"; place: string }
  | { op: "toBytes" }
  /** Reads network files for Compare files… within the input limits (the open workbook is not touched). */
  | { op: "readNetworkFiles"; files: { name: string; bytes: Uint8Array }[] }
  /** Loads ExcelJS ahead of the first file (sent when the page is idle). */
  | { op: "warm" };

export interface FileCall {
  id: number;
  request: FileRequest;
}

export type FileAnswer = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

/** What the pane needs of the file worker (a Worker in the browser, an in-process stand-in in jest). */
export interface FileWorkerLike {
  postMessage(message: FileCall, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: { data: FileAnswer }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
}
