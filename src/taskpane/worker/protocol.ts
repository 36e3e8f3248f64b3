// The messages between the pane (main thread) and its job worker: run {jobId, input} → progress… →
// result | error. Results travel packed: the small head (status, cards, exceptions) as objects, the
// bulk (sheets, JSON) as one JSON string the main thread passes on without parsing, so a big
// result never blocks the page while it is copied in.

import type { JobInput, JobOutput, JobProgress } from "../../workbook/jobs/types";
import type { ResultSheet } from "../../workbook/port";

/** What the pane shows of an output: everything but the sheets and the JSON, plus the sheet names and whether a JSON result came. */
export type JobSummary = Omit<JobOutput, "sheets" | "json"> & { sheetNames: string[]; hasJson?: boolean };

/** An output as it crosses threads: `bulk` is JSON of { sheets, json }. */
export interface PackedOutput {
  head: JobSummary;
  bulk: string;
}

/** Main thread → worker. `tablesJson`, when given, is JSON of the input's tables (a file worker's answer, passed on). */
export interface RunMessage {
  type: "run";
  jobId: string;
  input: JobInput;
  tablesJson?: string;
}

/** Worker → main thread. */
export type WorkerReply =
  | { type: "progress"; progress: Omit<JobProgress, "partial">; partial?: PackedOutput }
  | { type: "result"; output: PackedOutput }
  | { type: "error"; message: string };

/** What the pane needs of a Worker (a real one in the browser, an in-process stand-in in jest). */
export interface JobWorkerLike {
  postMessage(message: RunMessage): void;
  terminate(): void;
  onmessage: ((event: { data: WorkerReply }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
}

/** Packs an output for the trip to the main thread. */
export function packOutput(output: JobOutput): PackedOutput {
  const { sheets, json, ...rest } = output;
  return { head: { ...rest, sheetNames: sheets.map((s) => s.name), hasJson: json !== undefined && json !== null }, bulk: JSON.stringify({ sheets, json: json ?? null }) };
}

/** The sheets and JSON of a packed output (parsed only where they are needed). */
export function unpackBulk(bulk: string): { sheets: ResultSheet[]; json: unknown } {
  return JSON.parse(bulk) as { sheets: ResultSheet[]; json: unknown };
}
