// The "schedule" job: the pane's side of the one schedule run (scheduleRun.ts, as `aps schedule`):
// Operations with Downtime, Customers and Release/Customer columns, and Changeovers; progress carries the best so far.

import { isPlanningInputError } from "../../engine/errors";
import type { JobShopObjective } from "../../engine/schedule/jobShop/solveJobShop";
import { inputErrorExceptions } from "../tables/problems";
import type { JobException, JobInput, JobOutput, JobProgress, WorkbookJob } from "../jobs/types";
import type { TableData } from "../port";
import { editedRowsFromTable } from "../reschedule/scheduleEdits";
import { runScheduleTables, type ScheduleRun } from "./scheduleRun";
import { ganttFigure } from "./ganttFigure";

/** The objective an option value asks for (undefined: tardiness when some job has a due date). */
export function objectiveOf(value: unknown): JobShopObjective | undefined {
  if (value === "makespan") return "makespan";
  if (value === "tardiness" || value === "totalWeightedTardiness") return "totalWeightedTardiness";
  return undefined;
}

/** The table of that name in the job's input, whatever the case of its key. */
function tableNamed(input: JobInput, name: string): TableData | null {
  const key = Object.keys(input.tables).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? null : input.tables[key] ?? null;
}

function output(run: ScheduleRun, stopped: boolean): JobOutput {
  const figure = ganttFigure(run.record);
  return { status: stopped ? "stopped" : "done", cards: run.cards, exceptions: run.exceptions, sheets: run.sheets, json: run.record ?? undefined, ...(figure ? { figure } : {}) };
}

function runSchedule(input: JobInput, onProgress: (p: JobProgress) => void): JobOutput {
  const tables = {
    operations: tableNamed(input, "Operations"), changeovers: tableNamed(input, "Changeovers"), downtime: tableNamed(input, "Downtime"),
    customers: tableNamed(input, "Customers"), escalation: tableNamed(input, "Escalation"), settings: tableNamed(input, "Settings"),
  };
  // An iteration budget (the Iterations field; reproducible runs) replaces the time limit, as `aps schedule --iterations`.
  const iterations = typeof input.options.iterations === "number" && input.options.iterations > 0 ? Math.floor(input.options.iterations) : undefined;
  const limitMs = iterations === undefined ? Math.max(0.05, Number(input.options.timeLimit ?? 10)) * 1000 : undefined;
  const seed = Number(input.options.seed ?? 1) || 1;
  const started = Date.now();
  onProgress({ step: tables.changeovers ? "Sequencing the changeovers" : "Scheduling the operations", fraction: 0 });
  const run = runScheduleTables(tables, {
    objective: objectiveOf(input.options.objective),
    search: {
      seed, maxIterations: iterations, timeLimitMs: limitMs, progressIntervalMs: 500,
      onProgress: (p) => onProgress({ step: `Searching, best ${p.best} so far`, fraction: limitMs ? Math.min(1, (Date.now() - started) / limitMs) : undefined }),
    },
    onRound: (k, rounds, best) => onProgress({ step: `Round ${k + 1} of ${rounds} done`, fraction: limitMs ? Math.min(1, (Date.now() - started) / limitMs) : undefined, partial: output(best, true) }),
  });
  const done = output(run, false);
  done.exceptions = [...done.exceptions, ...replacedEdits(tableNamed(input, "ScheduleOperations"))];
  return done;
}

/** An info when this run replaces the planner's edits of Schedule Operations (docs/editing.md). */
function replacedEdits(table: TableData | null): JobException[] {
  if (!table) return [];
  let edited: string[] = [];
  try {
    edited = editedRowsFromTable(table).filter((r) => r.lock !== null || r.start !== r.runStart || r.machine !== r.runMachine).map((r) => r.where.start ?? "");
  } catch (error) {
    if (!isPlanningInputError(error)) throw error;
  }
  if (edited.length === 0) return [];
  return [{ severity: "info", where: edited[0] || null, message: `This run replaces ${edited.length} edited row${edited.length === 1 ? "" : "s"} of Schedule Operations; Re-time schedule keeps edits (Undo is not possible after a new run).` }];
}

export const scheduleJob: WorkbookJob = {
  id: "schedule",
  title: "Schedule",
  step: "schedule",
  order: 10,
  description: "Schedules the Operations table on its machines (with the Downtime and Customers tables where the workbook has them) and orders the Changeovers table's products, keeping the best schedule found in the time limit.",
  tables: ["Operations", "Changeovers", "Downtime", "Customers", "Escalation", "Settings", "ScheduleOperations"],
  requiredTables: [],
  options: [
    { name: "timeLimit", label: "Time limit (s)", kind: "number", default: 10, min: 0.1, hint: "The search stops with the best schedule found." },
    { name: "objective", label: "Objective", kind: "choice", default: "auto", choices: ["auto", "makespan", "tardiness"], hint: "auto: weighted tardiness when jobs have due dates, else makespan." },
    { name: "seed", label: "Seed", kind: "integer", default: 1, min: 0, hint: "The same seed and limit give the same kind of search." },
    { name: "iterations", label: "Iterations", kind: "integer", default: null, min: 1, hint: "Blank: search until the time limit. A number: that many search steps instead, the same schedule on every run with the same seed (aps schedule --iterations)." },
  ],
  run(input, onProgress): JobOutput {
    try {
      return runSchedule(input, onProgress);
    } catch (error) {
      if (isPlanningInputError(error)) return { status: "invalid", cards: [], exceptions: inputErrorExceptions(error), sheets: [] };
      throw error;
    }
  },
};
