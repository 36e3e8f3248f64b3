// The analyst's workbench state and its reducer: the open workbook, the selected workflow step, each job's run
// (progress, result, sheets written), option values and the last notice. Pure: no Office, no DOM.

import type { JobOption, JobProgress, WorkbookJob } from "../workbook/jobs/types";
import type { JobSummary } from "./worker/protocol";
import type { PaneSettings, WriteReport } from "../workbook/paneWorkbook";
import type { CellValue } from "../workbook/port";
import type { CollaborationStatus } from "../workbook/collaborate/collaborationStatus";

export type RunPhase = "idle" | "running" | "done" | "stopped" | "invalid" | "failed";

export interface RunState {
  phase: RunPhase;
  step: string;
  fraction: number | null;
  output: JobSummary | null;
  message: string | null;
  report: WriteReport | null;
  startedAt: number | null;
  elapsedMs: number | null;
  /** A usable result exists already (Cancel keeps it). */
  hasPartial: boolean;
}

export interface WorkbookInfo {
  kind: "excel" | "file";
  name: string;
  tables: string[];
  sheets: string[];
  hasCharts: boolean;
}

export interface Notice {
  intent: "success" | "info" | "warning" | "error";
  text: string;
}

/** The Collaborate tab's status panel: the last status read (kept while a refresh runs). */
export interface CollaborationView {
  phase: "idle" | "loading" | "ready" | "failed";
  status: CollaborationStatus | null;
  message: string | null;
}

/**
 * Whether the partner status follows the workbook's changes: "live" (Excel reports them), "unsupported"
 * (an Excel without change events: read on focus and Refresh only, `reason` says why), "unneeded" (a
 * file in the browser: only the pane changes it), "off" (the Collaborate tab is not shown).
 */
export interface ChangeWatchView {
  state: "off" | "live" | "unsupported" | "unneeded";
  reason: string | null;
}

export interface WorkbenchState {
  /** The workflow step shown ("data", "plan", ...; see steps.ts). */
  step: string;
  workbook: WorkbookInfo | null;
  /** "Opening supply-chain.xlsx…" while the pane waits on the workbook. */
  busy: string | null;
  runs: Record<string, RunState>;
  /** Option values by job id, then option name (unset: the option's default). */
  options: Record<string, Record<string, JobOption["default"]>>;
  notice: Notice | null;
  /** The cell a problem points at (browser mode shows it; Excel selects it). */
  place: { sheet: string; address: string; value: CellValue } | null;
  /** The user confirmed saving a workbook that had charts. */
  chartsAcknowledged: boolean;
  collaboration: CollaborationView;
  changeWatch: ChangeWatchView;
  /** Values the workbook knows for the options' pickers, by "Table.Column" (choices.ts). */
  choices: Record<string, string[]>;
  /** Jobs the planner opened (true) or closed (false) on a step with several jobs; unset: only the step's first is open. */
  openJobs: Record<string, boolean>;
}

export type WorkbenchAction =
  | { type: "stepSelected"; step: string }
  | { type: "busy"; text: string | null }
  | { type: "workbookReady"; workbook: WorkbookInfo }
  /** The same workbook after a write (its sheets changed): runs are kept. */
  | { type: "workbookRefreshed"; workbook: WorkbookInfo }
  | { type: "runStarted"; jobId: string; at: number }
  | { type: "runProgress"; jobId: string; progress: Omit<JobProgress, "partial">; hasPartial: boolean }
  | { type: "runFinished"; jobId: string; output: JobSummary | null; cancelled: boolean; report: WriteReport | null; at: number }
  | { type: "runFailed"; jobId: string; message: string; at: number }
  | { type: "optionChanged"; jobId: string; name: string; value: JobOption["default"] }
  | { type: "optionsLoaded"; settings: PaneSettings }
  | { type: "notice"; notice: Notice | null }
  | { type: "placeShown"; place: WorkbenchState["place"] }
  | { type: "chartsAcknowledged" }
  | { type: "collaborationRefreshing" }
  | { type: "collaborationLoaded"; status: CollaborationStatus }
  | { type: "collaborationFailed"; message: string }
  | { type: "changeWatch"; watch: ChangeWatchView }
  | { type: "choicesLoaded"; choices: Record<string, string[]> }
  | { type: "jobToggled"; jobId: string; open: boolean };

export const idleRun: RunState = { phase: "idle", step: "", fraction: null, output: null, message: null, report: null, startedAt: null, elapsedMs: null, hasPartial: false };

export const idleCollaboration: CollaborationView = { phase: "idle", status: null, message: null };

export const notWatching: ChangeWatchView = { state: "off", reason: null };

export const initialWorkbench: WorkbenchState = {
  step: "data", workbook: null, busy: null, runs: {}, options: {}, notice: null, place: null, chartsAcknowledged: false, collaboration: idleCollaboration,
  changeWatch: notWatching, choices: {}, openJobs: {},
};

/** The run of a job (idle when it never ran). */
export function runOf(state: WorkbenchState, jobId: string): RunState {
  return state.runs[jobId] ?? idleRun;
}

/** Whether a job's form is open on a step with several jobs: as the planner left it, else open when it is the step's first. */
export function isJobOpen(state: WorkbenchState, jobId: string, first: boolean): boolean {
  return state.openJobs[jobId] ?? first;
}

/** The options a job runs with: the user's values over the defaults. */
export function effectiveOptions(state: WorkbenchState, job: WorkbookJob): Record<string, JobOption["default"]> {
  const chosen = state.options[job.id] ?? {};
  return Object.fromEntries(job.options.map((o) => [o.name, chosen[o.name] !== undefined ? chosen[o.name] : o.default]));
}

/** The options as saved with the workbook: "jobId.name" → value. */
export function optionsAsSettings(options: WorkbenchState["options"]): PaneSettings {
  const settings: PaneSettings = {};
  for (const [jobId, values] of Object.entries(options)) for (const [name, value] of Object.entries(values)) settings[`${jobId}.${name}`] = value;
  return settings;
}

function settingsAsOptions(settings: PaneSettings): WorkbenchState["options"] {
  const options: WorkbenchState["options"] = {};
  for (const [key, value] of Object.entries(settings)) {
    const dot = key.indexOf(".");
    if (dot <= 0) continue;
    const jobId = key.slice(0, dot);
    (options[jobId] ??= {})[key.slice(dot + 1)] = value;
  }
  return options;
}

function withRun(state: WorkbenchState, jobId: string, change: Partial<RunState>): WorkbenchState {
  return { ...state, runs: { ...state.runs, [jobId]: { ...runOf(state, jobId), ...change } } };
}

function phaseOf(output: JobSummary | null, cancelled: boolean): RunPhase {
  if (!output) return cancelled ? "stopped" : "failed";
  return output.status === "invalid" ? "invalid" : output.status === "stopped" || cancelled ? "stopped" : "done";
}

export function workbenchReducer(state: WorkbenchState, action: WorkbenchAction): WorkbenchState {
  switch (action.type) {
    case "stepSelected":
      return { ...state, step: action.step };
    case "busy":
      return { ...state, busy: action.text };
    case "workbookReady":
      return { ...state, workbook: action.workbook, busy: null, runs: {}, place: null, chartsAcknowledged: false, collaboration: idleCollaboration, choices: {} };
    case "workbookRefreshed":
      return { ...state, workbook: action.workbook };
    case "runStarted":
      return withRun({ ...state, notice: null }, action.jobId, { ...idleRun, phase: "running", step: "Starting", startedAt: action.at });
    case "runProgress": {
      const run = runOf(state, action.jobId);
      if (run.phase !== "running") return state;
      return withRun(state, action.jobId, { step: action.progress.step, fraction: action.progress.fraction ?? run.fraction, hasPartial: run.hasPartial || action.hasPartial });
    }
    case "runFinished": {
      const run = runOf(state, action.jobId);
      const phase = phaseOf(action.output, action.cancelled);
      const message = action.cancelled
        ? action.output ? "Cancelled: the best result found so far was kept (marked stopped)." : "Cancelled before any result: nothing was written."
        : null;
      // A cell shown from an earlier problem on a sheet this run rewrote no longer holds what it says.
      const stale = state.place !== null && (action.report?.written ?? []).includes(state.place.sheet);
      return withRun(stale ? { ...state, place: null } : state, action.jobId, {
        phase, output: action.output, report: action.report, message, fraction: phase === "done" ? 1 : run.fraction,
        step: phase === "done" ? "Done" : phase === "stopped" ? "Stopped" : phase === "invalid" ? "Input needs fixing" : run.step,
        elapsedMs: run.startedAt === null ? null : action.at - run.startedAt,
      });
    }
    case "runFailed":
      return withRun(state, action.jobId, { phase: "failed", message: action.message, elapsedMs: null });
    case "optionChanged":
      return { ...state, options: { ...state.options, [action.jobId]: { ...(state.options[action.jobId] ?? {}), [action.name]: action.value } } };
    case "optionsLoaded":
      return { ...state, options: settingsAsOptions(action.settings) };
    case "notice":
      return { ...state, notice: action.notice };
    case "placeShown":
      return { ...state, place: action.place };
    case "chartsAcknowledged":
      return { ...state, chartsAcknowledged: true };
    case "collaborationRefreshing":
      return { ...state, collaboration: { ...state.collaboration, phase: "loading" } };
    case "collaborationLoaded":
      return { ...state, collaboration: { phase: "ready", status: action.status, message: null } };
    case "collaborationFailed":
      return { ...state, collaboration: { ...state.collaboration, phase: "failed", message: action.message } };
    case "changeWatch":
      return { ...state, changeWatch: action.watch };
    case "choicesLoaded":
      return { ...state, choices: action.choices };
    case "jobToggled":
      return { ...state, openJobs: { ...state.openJobs, [action.jobId]: action.open } };
  }
}
