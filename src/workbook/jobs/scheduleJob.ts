// The "schedule" job: schedules the Operations table (job shop) and sequences the Changeovers table,
// as `aps schedule` does, in time slices so that progress carries the best schedule found so far.

import { isPlanningInputError } from "../../engine/errors";
import { solveJobShop, type JobShopObjective, type JobShopResult } from "../../engine/schedule/solveJobShop";
import { solveSequence } from "../../engine/schedule/solveSequence";
import type { ResultSheet, TableData } from "../port";
import { editedRowsFromTable } from "../reschedule/scheduleEdits";
import { jobShopFromOperationsTable, sequencingFromChangeoversTable, type WorkbookJobShop } from "../scheduleTables";
import { scheduleJobsSheet, scheduleOperationsSheet, scheduleSheet, sequenceSheet } from "../scheduleSheet";
import { problemAsException } from "./planJob";
import type { JobCard, JobException, JobInput, JobOutput, JobProgress, WorkbookJob } from "./types";

/** Shares of the time limit given to the successive searches; each keeps the best so far. */
const SLICES = [0.1, 0.3, 0.6];

/** The objective an option value asks for (undefined: tardiness when some job has a due date). */
export function objectiveOf(value: unknown): JobShopObjective | undefined {
  if (value === "makespan") return "makespan";
  if (value === "tardiness" || value === "totalWeightedTardiness") return "totalWeightedTardiness";
  return undefined;
}

const valueOf = (r: JobShopResult) => (r.objective === "makespan" ? r.makespan : r.totalWeightedTardiness);

/** Keeps the better of two results of the same instance and objective; the bound is the best of both. */
export function better(a: JobShopResult | null, b: JobShopResult): JobShopResult {
  if (!a) return b;
  const best = valueOf(b) < valueOf(a) ? b : a;
  const bound = Math.max(a.bound, b.bound);
  const proven = a.status === "optimal" || b.status === "optimal" || valueOf(best) <= bound;
  const statistics = {
    ...best.statistics,
    iterations: a.statistics.iterations + b.statistics.iterations,
    elapsedMs: a.statistics.elapsedMs + b.statistics.elapsedMs,
    restarts: a.statistics.restarts + b.statistics.restarts,
    branchAndBoundNodes: a.statistics.branchAndBoundNodes + b.statistics.branchAndBoundNodes,
  };
  return { ...best, bound: proven ? valueOf(best) : bound, status: proven ? "optimal" : b.status, statistics };
}

function shopSheets(shop: WorkbookJobShop, result: JobShopResult, status: string): ResultSheet[] {
  const view = {
    ...result, status, jobNames: shop.jobNames, machineNames: shop.machineNames, machineCount: shop.instance.machineCount,
    dueDates: shop.instance.jobs.map((j) => j.dueDate ?? Infinity), weights: shop.instance.jobs.map((j) => j.weight ?? 1),
  };
  return [scheduleSheet(view), scheduleOperationsSheet(view), scheduleJobsSheet(view)];
}

/** Headline cards of a job-shop result: makespan, weighted tardiness, bound and status. */
export function scheduleCards(result: JobShopResult, stopped: boolean): JobCard[] {
  const value = valueOf(result);
  const gap = result.bound > 0 ? (value - result.bound) / result.bound : value > 0 ? null : 0;
  return [
    { label: "Makespan", value: result.makespan, unit: "t" },
    { label: "Weighted tardiness", value: result.totalWeightedTardiness, unit: "t" },
    { label: "Lower bound", value: result.bound, unit: "t", detail: `On the ${result.objective === "makespan" ? "makespan" : "weighted tardiness"}${gap === null ? "" : `; gap ${(gap * 100).toFixed(2)} %`}` },
    { label: "Status", value: stopped ? "stopped" : result.status, detail: stopped ? "Cancelled: the best schedule found so far" : `${result.statistics.iterations} iterations, ${(result.statistics.elapsedMs / 1000).toFixed(2)} s` },
  ];
}

function shopOutput(shop: WorkbookJobShop, result: JobShopResult, stopped: boolean, extra: ResultSheet[]): JobOutput {
  const status = stopped ? "stopped" : result.status;
  return {
    status: stopped ? "stopped" : "done",
    cards: scheduleCards(result, stopped),
    exceptions: [],
    sheets: [...shopSheets(shop, result, status), ...extra],
    json: {
      format: "aps-schedule/1", makespan: result.makespan, totalWeightedTardiness: result.totalWeightedTardiness,
      operations: result.operations.map(({ job, step, machine, start, end }) => ({ job, step, machine, start, end })),
      status, objective: result.objective, bound: result.bound, jobNames: shop.jobNames, machineNames: shop.machineNames,
      statistics: result.statistics,
    },
  };
}

/** The table of that name in the job's input, whatever the case of its key. */
function tableNamed(input: JobInput, name: string) {
  const key = Object.keys(input.tables).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? null : input.tables[key] ?? null;
}

function runSchedule(input: JobInput, onProgress: (p: JobProgress) => void): JobOutput {
  const operations = tableNamed(input, "Operations");
  const changeovers = tableNamed(input, "Changeovers");
  if (!operations && !changeovers) {
    return { status: "invalid", cards: [], exceptions: [{ severity: "error", where: null, message: "The workbook has neither an Operations nor a Changeovers table." }], sheets: [] };
  }
  const limitMs = Math.max(0.05, Number(input.options.timeLimit ?? 10)) * 1000;
  const seed = Number(input.options.seed ?? 1) || 1;
  const objective = objectiveOf(input.options.objective);
  const extra: ResultSheet[] = [];
  const cards: JobCard[] = [];
  if (changeovers) {
    onProgress({ step: "Sequencing the changeovers", fraction: 0 });
    const line = sequencingFromChangeoversTable(changeovers);
    const result = solveSequence(line.instance, { seed, timeLimitMs: operations ? limitMs * 0.2 : limitMs, start: line.start });
    extra.push(sequenceSheet({ sequence: result.sequence, names: line.products, cost: line.instance.cost, length: result.length, status: result.status }));
    cards.push({ label: "Changeover time", value: result.length, unit: "t", detail: `${result.status}; bound ${result.bound}` });
  }
  if (!operations) return { status: "done", cards, exceptions: [], sheets: extra };
  const shop = jobShopFromOperationsTable(operations);
  const shopLimit = changeovers ? limitMs * 0.8 : limitMs;
  let best: JobShopResult | null = null;
  const name = (o: JobShopObjective) => (o === "makespan" ? "makespan" : "weighted tardiness");
  const chosen: JobShopObjective = objective ?? (shop.instance.jobs.some((j) => j.dueDate !== undefined) ? "totalWeightedTardiness" : "makespan");
  const started = Date.now();
  for (let k = 0; k < SLICES.length; k++) {
    const done = SLICES.slice(0, k).reduce((a, b) => a + b, 0);
    // The limit is for the whole run: a big shop whose first search already took it all stops here.
    const left = shopLimit - (Date.now() - started);
    if (best && left <= 0) break;
    const round = `Round ${k + 1} of ${SLICES.length}`;
    const known = best ? `, best ${name(best.objective)} ${valueOf(best)} so far` : "";
    onProgress({ step: `${round}${known}`, fraction: done });
    const found = solveJobShop(shop.instance, {
      objective, seed: seed + k, timeLimitMs: Math.max(1, Math.min(left, k === SLICES.length - 1 ? left : shopLimit * SLICES[k])), progressIntervalMs: 500,
      onProgress: (p) => {
        const value = best ? Math.min(valueOf(best), p.best) : p.best;
        onProgress({ step: `${round}, best ${name(chosen)} ${value} so far`, fraction: Math.min(1, done + (p.elapsedMs / shopLimit)) });
      },
    });
    best = better(best, found);
    if (best.status === "optimal") break;
    const partial = shopOutput(shop, best, true, extra);
    partial.cards.push(...cards);
    onProgress({ step: `${round} done, best ${name(best.objective)} ${valueOf(best)} so far`, fraction: done + SLICES[k], partial });
  }
  const output = shopOutput(shop, best!, false, extra);
  output.cards.push(...cards);
  output.exceptions.push(...replacedEdits(tableNamed(input, "ScheduleOperations")));
  return output;
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
  description: "Schedules the Operations table on its machines (and orders the Changeovers table's products), keeping the best schedule found in the time limit.",
  tables: ["Operations", "Changeovers", "ScheduleOperations"],
  requiredTables: [],
  options: [
    { name: "timeLimit", label: "Time limit (s)", kind: "number", default: 10, min: 0.1, hint: "The search stops with the best schedule found." },
    { name: "objective", label: "Objective", kind: "choice", default: "auto", choices: ["auto", "makespan", "tardiness"], hint: "auto: weighted tardiness when jobs have due dates, else makespan." },
    { name: "seed", label: "Seed", kind: "integer", default: 1, min: 0, hint: "The same seed and limit give the same kind of search." },
  ],
  run(input, onProgress): JobOutput {
    try {
      return runSchedule(input, onProgress);
    } catch (error) {
      if (isPlanningInputError(error)) {
        const exception = problemAsException(error.message);
        if (error.where && error.where.includes("!")) exception.where = error.where;
        return { status: "invalid", cards: [], exceptions: [exception], sheets: [] };
      }
      throw error;
    }
  },
};
