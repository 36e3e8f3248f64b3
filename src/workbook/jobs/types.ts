// The contract between the task pane and each planning feature: a job reads named input tables,
// runs the pure engine (inside the pane's Web Worker, or in-process for tests and the CLI) and
// returns the result sheets, headline cards and exceptions. No Office, DOM or file I/O here.

import type { CellValue, ResultSheet, TableData } from "../port";

/** A setting the pane shows as a field of the job's tab (defaults apply where the user leaves it). */
export interface JobOption {
  name: string;
  label: string;
  kind: "number" | "integer" | "choice" | "boolean" | "text";
  default: number | string | boolean | null;
  choices?: string[];
  min?: number;
  max?: number;
  /** One short sentence shown under the field. */
  hint?: string;
}

/**
 * A network file the user picked, read already within the input limits (the pane's file worker does
 * this): a workbook's Stages/Arcs/Settings tables, an aps-network/1 record, or why it cannot be read.
 */
export type NetworkSource =
  | { name: string; kind: "tables"; tables: Record<string, TableData | null> }
  | { name: string; kind: "json"; raw: unknown }
  | { name: string; kind: "unreadable"; message: string };

/** What the main thread hands a job: the tables it asked for (null where the workbook has none). */
export interface JobInput {
  tables: Record<string, TableData | null>;
  /** Option values by name; a missing name takes the option's default. */
  options: Record<string, number | string | boolean | null>;
  /** Extra files the user picked for the job (a partner's response, a second scenario file). */
  files?: { name: string; bytes: Uint8Array }[];
  /** Network files already read (Compare files); a job that takes them reads `files` itself when absent. */
  sources?: NetworkSource[];
  /** "now" for time stamps (ISO 8601, UTC), so a run is reproducible in tests. */
  now?: string;
}

/** A headline figure of the result, shown as a card. */
export interface JobCard {
  label: string;
  value: CellValue;
  unit?: string;
  /** A one-line explanation (method, optimality, gap). */
  detail?: string;
}

/** A problem or remark of a run; `where` is a workbook place ("Stages!C7") the pane can select. */
export interface JobException {
  severity: "error" | "warning" | "info";
  where: string | null;
  message: string;
  /** The user's header of the field the problem is in ("Duration"), when an input problem has one. */
  field?: string;
}

export interface JobOutput {
  /** "done"; "stopped" when cancelled or stopped by a time limit with a usable result; "invalid" when the input was refused (nothing to write). */
  status: "done" | "stopped" | "invalid";
  cards: JobCard[];
  exceptions: JobException[];
  /** Sheets to write into the workbook, all or nothing. */
  sheets: ResultSheet[];
  /** Files to offer for download (a partner package), built in the job. */
  files?: { name: string; bytes: Uint8Array; mime: string }[];
  /** The command's JSON result (aps-plan/1, aps-schedule/1, ...), for tests and "Copy JSON". */
  json?: unknown;
}

/** Progress of a long run; `partial` is the best usable result so far (kept if the run is cancelled). */
export interface JobProgress {
  step: string;
  /** 0..1 when known. */
  fraction?: number;
  partial?: JobOutput;
}

/** One feature as the pane runs it. `run` must be pure and synchronous-safe for a Web Worker. */
export interface WorkbookJob {
  /** Stable id used by the worker protocol: "plan", "schedule", "simulate", "forecast", ... */
  id: string;
  /** The pane tab's title. */
  title: string;
  /** One sentence on what the job does, shown on its tab. */
  description: string;
  /** Input tables read before the run (names as in docs/formats.md, case-insensitive). */
  tables: string[];
  /** Tables that must exist; the pane says which is missing instead of running. */
  requiredTables: string[];
  options: JobOption[];
  /** True when the job wants files picked by the user (JobInput.files). */
  takesFiles?: { label: string; accept: string; multiple: boolean };
  run(input: JobInput, onProgress: (progress: JobProgress) => void): JobOutput | Promise<JobOutput>;
}
