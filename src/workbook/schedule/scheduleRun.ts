// The one schedule run of a workbook, tables in and result out, shared by `aps schedule` and the
// pane's Schedule job: Operations (with Downtime, Customers, Release/Customer columns) and Changeovers.

import { isPlanningInputError, PlanningInputError } from "../../engine/errors";
import type { InputProblem } from "../../engine/inputErrors";
import type { ShopObjective } from "../../engine/reschedule/shop";
import { solveJobShop, type JobShopObjective, type JobShopResult } from "../../engine/schedule/jobShop/solveJobShop";
import type { SearchOptions } from "../../engine/schedule/searchControl";
import { solveSequence, type SequenceResult } from "../../engine/schedule/sequencing/solveSequence";
import type { JobCard, JobException } from "../jobs/types";
import type { ResultSheet, TableData } from "../port";
import { runShopSchedule } from "../reschedule/rescheduleRun";
import { problemsOf } from "../tables/problems";
import { scheduleJobsSheet, scheduleOperationsSheet, scheduleSheet, sequenceSheet } from "./scheduleSheet";
import { jobShopFromOperationsTable, sequencingFromChangeoversTable, type WorkbookJobShop, type WorkbookSequencing } from "./scheduleTables";
import { rescheduleSettings, shopFromTables, type RescheduleSettings, type WorkbookShop } from "./shopTables";

/** The input tables of a schedule run (null where the workbook has none). */
export interface ScheduleTables {
  operations: TableData | null;
  changeovers: TableData | null;
  downtime?: TableData | null;
  customers?: TableData | null;
  escalation?: TableData | null;
  settings?: TableData | null;
}

/** The tables read: a plain job shop, or a shop with releases, customers and downtime; and a changeover line. */
export interface ScheduleInput {
  jobShop: WorkbookJobShop | null;
  shop: { input: WorkbookShop; settings: RescheduleSettings } | null;
  line: WorkbookSequencing | null;
}

export interface ScheduleRunOptions {
  search: SearchOptions;
  objective?: JobShopObjective;
  /** Called after each round of a time-sliced job-shop search with the best result so far (the pane's partial results). */
  onRound?: (round: number, rounds: number, best: ScheduleRun) => void;
}

/** The result of a run: the command's JSON record, the result sheets, the text summary, the pane's cards and exceptions. */
export interface ScheduleRun {
  record: Record<string, unknown> | null;
  sheets: ResultSheet[];
  /** One paragraph per table scheduled, each line starting with `label Operations` / `label Changeovers`. */
  summary: string;
  cards: JobCard[];
  exceptions: JobException[];
}

/** PlanningInputError.input of the Operations / Changeovers reading problems (one per line). */
export const SCHEDULE_TABLES_INPUT = "Operations, Changeovers";

/** Shares of the time limit given to the successive job-shop searches; each keeps the best so far. */
export const SLICES = [0.1, 0.3, 0.6];

/** True when the Operations table goes to the shop engine: Release/Customer columns, or a Downtime or Customers table. */
export function isExtendedShop(tables: ScheduleTables): boolean {
  const columns = tables.operations?.headers.some((h) => /^(release|customer)$/i.test(String(h ?? "").trim()));
  return tables.operations !== null && Boolean(tables.downtime || tables.customers || columns);
}

/**
 * Reads the tables; every problem of Operations and Changeovers is reported together, one per line
 * (PlanningInputError). The shop tables of an extended shop are read after, with their own error.
 */
export function readScheduleTables(tables: ScheduleTables): ScheduleInput {
  if (!tables.operations && !tables.changeovers) throw new PlanningInputError("The workbook has neither an Operations nor a Changeovers table.", "Operations");
  const messages: string[] = [];
  const problems: InputProblem[] = [];
  const read = <T>(run: () => T): T | null => {
    try {
      return run();
    } catch (error) {
      if (!isPlanningInputError(error)) throw error;
      messages.push(...error.message.split("\n"));
      problems.push(...problemsOf(error));
      return null;
    }
  };
  const extended = isExtendedShop(tables);
  const jobShop = tables.operations && !extended ? read(() => jobShopFromOperationsTable(tables.operations!)) : null;
  const line = tables.changeovers ? read(() => sequencingFromChangeoversTable(tables.changeovers!)) : null;
  if (messages.length > 0) throw new PlanningInputError(messages.join("\n"), SCHEDULE_TABLES_INPUT, problems[0]?.where ?? undefined, problems);
  const shop = tables.operations && extended
    ? {
      input: shopFromTables({ operations: tables.operations, downtime: tables.downtime, customers: tables.customers, escalation: tables.escalation }),
      settings: rescheduleSettings(tables.settings),
    }
    : null;
  return { jobShop, shop, line };
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

/** The docs/formats.md §4 record of a job-shop result (contract fields first, then extras). */
export function scheduleRecord(result: JobShopResult, names?: { jobs: string[]; machines: string[] }, status: string = result.status): Record<string, unknown> {
  return {
    format: "aps-schedule/1",
    makespan: result.makespan,
    totalWeightedTardiness: result.totalWeightedTardiness,
    operations: result.operations.map(({ job, step, machine, start, end }) => ({ job, step, machine, start, end })),
    status,
    objective: result.objective,
    bound: result.bound,
    ...(names ? { jobNames: names.jobs, machineNames: names.machines } : {}),
    statistics: result.statistics,
  };
}

/** The docs/formats.md §4 record of a sequence result. */
export function sequenceRecord(result: SequenceResult, names?: string[]): Record<string, unknown> {
  return {
    format: "aps-sequence/1",
    length: result.length,
    sequence: result.sequence,
    status: result.status,
    closed: result.closed,
    bound: result.bound,
    ...(names ? { products: result.sequence.map((v) => names[v]) } : {}),
    statistics: result.statistics,
  };
}

/** The command's text summary of a job-shop result. */
export function jobShopSummary(label: string, r: JobShopResult): string {
  const gap = r.bound > 0 && r.objective === "makespan" ? ` (${(((r.makespan - r.bound) / r.bound) * 100).toFixed(2)} % above the bound)` : "";
  return `${label}: job shop, ${r.status}\n  makespan ${r.makespan}, total weighted tardiness ${r.totalWeightedTardiness}\n` +
    `  lower bound on the ${r.objective === "makespan" ? "makespan" : "tardiness"} ${r.bound}${gap}\n` +
    `  ${r.statistics.iterations} iterations, ${r.statistics.restarts} restarts, ${r.statistics.branchAndBoundNodes} branch-and-bound nodes, ${(r.statistics.elapsedMs / 1000).toFixed(2)} s\n`;
}

/** The command's text summary of a sequence result. */
export function sequenceSummary(label: string, r: SequenceResult, names?: string[]): string {
  const seq = names ? r.sequence.map((v) => names[v]).join(" → ") : r.sequence.join(" ");
  return `${label}: ${r.closed ? "closed tour" : "changeover sequence"}, ${r.status}\n  length ${r.length} (lower bound ${r.bound})\n  sequence ${seq}\n` +
    `  ${r.statistics.iterations} iterations (${r.statistics.method}), ${(r.statistics.elapsedMs / 1000).toFixed(2)} s\n`;
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

function jobShopRun(shop: WorkbookJobShop, result: JobShopResult, stopped: boolean, label: string): ScheduleRun {
  const status = stopped ? "stopped" : result.status;
  const view = {
    ...result, status, jobNames: shop.jobNames, machineNames: shop.machineNames, machineCount: shop.instance.machineCount,
    dueDates: shop.instance.jobs.map((j) => j.dueDate ?? Infinity), weights: shop.instance.jobs.map((j) => j.weight ?? 1),
  };
  return {
    record: scheduleRecord(result, { jobs: shop.jobNames, machines: shop.machineNames }, status),
    sheets: [scheduleSheet(view), scheduleOperationsSheet(view), scheduleJobsSheet(view)],
    summary: jobShopSummary(`${label} Operations`, result),
    cards: scheduleCards(result, stopped),
    exceptions: [],
  };
}

/** Adds the changeover line's result to a run (record under `changeovers`, or alone). */
function withLine(run: ScheduleRun | null, line: ScheduleRun | null): ScheduleRun {
  if (!run) return line!;
  if (!line) return run;
  return {
    record: { ...run.record, changeovers: line.record },
    sheets: [...run.sheets, ...line.sheets],
    summary: run.summary + line.summary,
    cards: [...run.cards, ...line.cards],
    exceptions: run.exceptions,
  };
}

/** The job shop by time slices (each round a new seed, the best kept), or one search under an iteration budget. */
function solveSliced(shop: WorkbookJobShop, options: ScheduleRunOptions, limitMs: number | undefined, lineRun: ScheduleRun | null, label: string): JobShopResult {
  const { search, objective } = options;
  if (limitMs === undefined || search.maxIterations !== undefined || !options.onRound) {
    return solveJobShop(shop.instance, { ...search, timeLimitMs: limitMs, objective });
  }
  let best: JobShopResult | null = null;
  const started = Date.now();
  const seed = search.seed ?? 1;
  for (let k = 0; k < SLICES.length; k++) {
    // The limit is for the whole run: a big shop whose first search already took it all stops here.
    const left = limitMs - (Date.now() - started);
    if (best && left <= 0) break;
    const found = solveJobShop(shop.instance, {
      ...search, objective, seed: seed + k,
      timeLimitMs: Math.max(1, Math.min(left, k === SLICES.length - 1 ? left : limitMs * SLICES[k])),
    });
    best = better(best, found);
    if (best.status === "optimal") break;
    options.onRound(k, SLICES.length, withLine(jobShopRun(shop, best, true, label), lineRun));
  }
  return best!;
}

/**
 * Schedules what the tables hold: the shop engine (releases, customers, downtime) or the job-shop
 * solver for Operations, the changeover sequencer for Changeovers. With both tables and a time
 * limit, the sequencing takes a fifth of it. Throws PlanningInputError for bad tables.
 */
export function runScheduleTables(tables: ScheduleTables, options: ScheduleRunOptions, label = "workbook"): ScheduleRun {
  const input = readScheduleTables(tables);
  const limit = options.search.timeLimitMs;
  const hasShop = input.jobShop !== null || input.shop !== null;
  let lineRun: ScheduleRun | null = null;
  if (input.line) {
    const line = input.line;
    const result = solveSequence(line.instance, { ...options.search, timeLimitMs: limit !== undefined && hasShop ? limit * 0.2 : limit, start: line.start });
    lineRun = {
      record: sequenceRecord(result, line.products),
      sheets: [sequenceSheet({ sequence: result.sequence, names: line.products, cost: line.instance.cost, length: result.length, status: result.status })],
      summary: sequenceSummary(`${label} Changeovers`, result, line.products),
      cards: [{ label: "Changeover time", value: result.length, unit: "t", detail: `${result.status}; bound ${result.bound}` }],
      exceptions: [],
    };
  }
  const shopLimit = limit !== undefined && input.line ? limit * 0.8 : limit;
  let shopRun: ScheduleRun | null = null;
  if (input.shop) {
    const r = runShopSchedule(input.shop.input, input.shop.settings, { ...options.search, timeLimitMs: shopLimit }, options.objective as ShopObjective | undefined);
    shopRun = { record: r.record, sheets: r.sheets, summary: `${label} Operations: ${r.summary}`, cards: r.cards, exceptions: r.exceptions };
  } else if (input.jobShop) {
    shopRun = jobShopRun(input.jobShop, solveSliced(input.jobShop, options, shopLimit, lineRun, label), false, label);
  }
  return withLine(shopRun, lineRun);
}
