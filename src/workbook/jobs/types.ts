// The contract between the task pane and each planning feature: a job reads named input tables,
// runs the pure engine (inside the pane's Web Worker, or in-process for tests and the CLI) and
// returns the result sheets, headline cards and exceptions. No Office, DOM or file I/O here.

import type { CellValue, ResultSheet, TableData } from "../port";
import type { JobFigure } from "./figures";

/**
 * The pane's workflow, in the order a planner works: the data, the plan of the network, the supply
 * plan, the shop's schedule, the partners. Each job names its step; the pane shows the steps that
 * have a job (Data always) and nothing else decides where a job appears.
 */
export const WORKFLOW_STEPS = ["data", "plan", "supply", "schedule", "partners"] as const;
export type WorkflowStep = (typeof WORKFLOW_STEPS)[number];

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
  /** The pane offers the distinct values of this column of the workbook (a text option stays free to type). */
  choicesFrom?: { table: string; column: string };
  /** An action rather than a setting (e.g. "Undo edits"): back to its default once a run with it has written its sheets, so the next run does not repeat it. */
  oneShot?: boolean;
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
  /** A picture of the result the pane draws (the network after a plan, the Gantt after a schedule); small. */
  figure?: JobFigure;
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
  /** The title of the job's section in the pane. */
  title: string;
  /** One sentence on what the job does, shown in its section. */
  description: string;
  /** The workflow step whose page shows the job (unset: the step its id starts with, else "plan"; see stepOf). */
  step?: WorkflowStep;
  /** Its place within the step (lower first; unset or equal orders keep the registry's order, after the set ones). */
  order?: number;
  /** Input tables read before the run (names as in docs/formats.md, case-insensitive). */
  tables: string[];
  /** Tables that must exist; the pane says which is missing instead of running. */
  requiredTables: string[];
  options: JobOption[];
  /** True when the job wants files picked by the user (JobInput.files). */
  takesFiles?: {
    label: string;
    accept: string;
    multiple: boolean;
    /** The picker button's text ("Pick responses…"). */
    pickLabel?: string;
    /** The files are networks the pane reads first (JobInput.sources) and compares, the first as the base. */
    networks?: boolean;
  };
  run(input: JobInput, onProgress: (progress: JobProgress) => void): JobOutput | Promise<JobOutput>;
}

/** The step a job appears in: its own, else the step its id names ("supply-promise" → supply), else plan. */
export function stepOf(job: Pick<WorkbookJob, "id" | "step">): WorkflowStep {
  return job.step ?? WORKFLOW_STEPS.find((s) => job.id === s || job.id.startsWith(`${s}-`)) ?? "plan";
}
