// Reads the scheduling tables of a workbook (docs/formats.md §3): `Operations` (Job, Step, Machine,
// Duration, Due Date, Weight) into a job shop and `Changeovers` (From Product, To Product, Time)
// into a sequencing instance; every error names its cell ("Operations!D7").
import { PlanningInputError } from "../../engine/errors";
import type { JobShopInstance, JobShopJob } from "../../engine/schedule/jobShop/jobShop";
import type { AtspInstance } from "../../engine/schedule/sequencing/atsp";
import { InputErrorList } from "../../engine/inputErrors";
import { describeCount, INPUT_LIMITS } from "../../engine/limits";
import { MAX_DURATION } from "../../engine/schedule/jobShop/jobShopText";
import { MAX_WEIGHT } from "../../engine/schedule/sequencing/tsplib";
import { TableData, tableCellAddress } from "../port";
import { checkRowCount, flagCell, isBlankCell, numberCell, tableColumns, textCell } from "../tables/tableReader";

/** Largest Due Date a job may have (Duration and Time: MAX_DURATION, MAX_WEIGHT). */
const MAX_DUE_DATE = 1e12;
const MAX_JOB_WEIGHT = 1e9;

/** A job shop read from a table, with the display names of its jobs and machines (in order of first appearance). */
export interface WorkbookJobShop {
  instance: JobShopInstance;
  jobNames: string[];
  machineNames: string[];
}

/**
 * The job shop of an `Operations` table. Jobs and machines are numbered in order of first
 * appearance; the steps of a job are ordered by their Step number. Due Date and Weight are per
 * job (blank = none / 1; given on several rows they must agree).
 * @example jobShopFromOperationsTable(table).jobNames // ["Order 1", "Order 2"]
 */
export function jobShopFromOperationsTable(table: TableData): WorkbookJobShop {
  const cols = tableColumns(table, ["Job", "Step", "Machine", "Duration", "Due Date", "Weight"], ["Job", "Step", "Machine", "Duration"]);
  checkRowCount(table, INPUT_LIMITS.rows.operations);
  const errors = new InputErrorList();
  const jobIndex = new Map<string, number>(), machineIndex = new Map<string, number>();
  const jobNames: string[] = [], machineNames: string[] = [];
  const steps: { step: number; machine: number; duration: number; row: number }[][] = [];
  const due: ({ value: number; row: number } | undefined)[] = [], weight: ({ value: number; row: number } | undefined)[] = [];
  const c = (name: string) => cols.get(name)!;
  table.rows.forEach((row, r) => {
    if (row.every(isBlankCell)) return;
    const jobName = textCell(errors, table, r, c("Job"), "Job");
    const machineName = textCell(errors, table, r, c("Machine"), "Machine");
    const step = numberCell(errors, table, r, c("Step"), "Step", { max: MAX_DURATION });
    const duration = numberCell(errors, table, r, c("Duration"), "Duration", { min: 0, max: MAX_DURATION });
    if (jobName === null) return;
    if (!jobIndex.has(jobName)) { jobIndex.set(jobName, jobNames.length); jobNames.push(jobName); steps.push([]); }
    const j = jobIndex.get(jobName)!;
    for (const [field, store, max] of [["Due Date", due, MAX_DUE_DATE], ["Weight", weight, MAX_JOB_WEIGHT]] as const) {
      const col = cols.get(field);
      if (col === undefined || isBlankCell(row[col])) continue;
      const value = numberCell(errors, table, r, col, field, field === "Weight" ? { min: 0, max } : { max });
      if (value === null) continue;
      const known = store[j];
      if (known && known.value !== value) flagCell(errors, table, r, col, `job "${jobName}" has ${field} ${known.value} at ${tableCellAddress(table, known.row, col)}; one value per job.`, field);
      else store[j] = { value, row: r };
    }
    if (machineName === null || step === null || duration === null) return;
    if (!machineIndex.has(machineName)) { machineIndex.set(machineName, machineNames.length); machineNames.push(machineName); }
    const clash = steps[j].find((s) => s.step === step);
    if (clash) flagCell(errors, table, r, c("Step"), `job "${jobName}" already has step ${step} (${tableCellAddress(table, clash.row, c("Step"))}).`, "Step");
    else steps[j].push({ step, machine: machineIndex.get(machineName)!, duration, row: r });
  });
  errors.throwIfAny();
  if (jobNames.length === 0) throw new PlanningInputError(`${table.sheet}: the ${table.name} table has no operations.`, "Operations", table.sheet);
  const jobs: JobShopJob[] = steps.map((list, j) => {
    const job: JobShopJob = {
      name: jobNames[j],
      operations: list.slice().sort((a, b) => a.step - b.step).map((s) => ({ machine: s.machine, duration: s.duration })),
    };
    if (due[j]) job.dueDate = due[j]!.value;
    if (weight[j]) job.weight = weight[j]!.value;
    return job;
  });
  return { instance: { machineCount: machineNames.length, jobs, machineNames, name: table.name }, jobNames, machineNames };
}

/** A sequencing instance read from a `Changeovers` table, with product names and the current product. */
export interface WorkbookSequencing {
  instance: AtspInstance;
  products: string[];
  /** The line's current product: the From Product of the table's first row. */
  start: number;
}

/**
 * The changeover matrix of a `Changeovers` table. Products are numbered in order of first
 * appearance; the first row's From Product is the product the line runs now, where the open path
 * starts. Every ordered pair of products must have a time, except changeovers back to the start.
 * @example sequencingFromChangeoversTable(table).start // 0
 */
export function sequencingFromChangeoversTable(table: TableData): WorkbookSequencing {
  const cols = tableColumns(table, ["From Product", "To Product", "Time"], ["From Product", "To Product", "Time"]);
  checkRowCount(table, INPUT_LIMITS.rows.changeovers);
  const errors = new InputErrorList();
  const c = (name: string) => cols.get(name)!;
  const index = new Map<string, number>();
  const products: string[] = [];
  const entries: { from: number; to: number; time: number; row: number }[] = [];
  const productAt = (r: number, name: string): number | null => {
    const key = textCell(errors, table, r, c(name), name);
    if (key === null) return null;
    if (!index.has(key)) { index.set(key, products.length); products.push(key); }
    return index.get(key)!;
  };
  table.rows.forEach((row, r) => {
    if (row.every(isBlankCell)) return;
    const from = productAt(r, "From Product"), to = productAt(r, "To Product");
    const time = numberCell(errors, table, r, c("Time"), "Time", { min: 0, max: MAX_WEIGHT });
    if (from === null || to === null || time === null) return;
    if (from === to) {
      if (time !== 0) flagCell(errors, table, r, c("Time"), `a changeover from "${products[from]}" to itself must take 0 (got ${time}).`, "Time");
      return;
    }
    entries.push({ from, to, time, row: r });
  });
  const n = products.length;
  if (n > INPUT_LIMITS.sequenceProducts) {
    throw new PlanningInputError(`${table.sheet}: the ${table.name} table names ${describeCount(n)} products; aps sequences at most ${describeCount(INPUT_LIMITS.sequenceProducts)}.`, "Changeovers", table.sheet);
  }
  const cost = new Float64Array(n * n).fill(NaN);
  const rowOf = new Int32Array(n * n).fill(-1);
  for (const e of entries) {
    const k = e.from * n + e.to;
    if (rowOf[k] >= 0) {
      flagCell(errors, table, e.row, c("Time"), `the changeover "${products[e.from]}" → "${products[e.to]}" is already given at ${tableCellAddress(table, rowOf[k], c("Time"))}.`, "Time");
      continue;
    }
    cost[k] = e.time;
    rowOf[k] = e.row;
  }
  errors.throwIfAny();
  if (n === 0) throw new PlanningInputError(`${table.sheet}: the ${table.name} table has no changeovers.`, "Changeovers", table.sheet);
  const start = 0;
  for (let i = 0; i < n; i++) {
    cost[i * n + i] = 0;
    if (Number.isNaN(cost[i * n + start])) cost[i * n + start] = 0; // the open path never returns to the start
    for (let j = 0; j < n; j++) {
      if (Number.isNaN(cost[i * n + j])) {
        errors.add(table.sheet, `the ${table.name} table has no row for the changeover "${products[i]}" → "${products[j]}"; every pair of products needs a Time.`, "Time");
      }
    }
  }
  errors.throwIfAny();
  return { instance: { dimension: n, cost, names: products, name: table.name }, products, start };
}
