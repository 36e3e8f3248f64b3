// Reads the scheduling tables of a workbook (FORMATS.md §3): `Operations` (Job, Step, Machine,
// Duration, Due Date, Weight) into a job shop and `Changeovers` (From Product, To Product, Time)
// into a sequencing instance; every error names its cell ("Operations!D7").
import { PlanningInputError } from "../engine/errors";
import type { JobShopInstance, JobShopJob } from "../engine/schedule/jobShop";
import type { AtspInstance } from "../engine/schedule/atsp";
import { CellValue, TableData, tableCellAddress } from "./port";

const norm = (s: string) => s.trim().toLowerCase().replace(/[\s_]+/g, " ");

function columnsOf(table: TableData, wanted: string[], required: string[]): Map<string, number> {
  const columns = new Map<string, number>();
  table.headers.forEach((h, c) => {
    const name = wanted.find((w) => norm(w) === norm(h));
    if (name && !columns.has(name)) columns.set(name, c);
  });
  for (const name of required) {
    if (!columns.has(name)) {
      const where = tableCellAddress(table, -1, 0);
      throw new PlanningInputError(`${table.sheet}: the ${table.name} table has no "${name}" column (its header row is row ${table.headerRow}).`, name, where);
    }
  }
  return columns;
}

const isBlank = (v: CellValue) => v === null || (typeof v === "string" && v.trim() === "");

function fail(table: TableData, row: number, column: number, message: string, input: string): never {
  const where = tableCellAddress(table, row, column);
  throw new PlanningInputError(`${where}: ${message}`, input, where);
}

function numberAt(table: TableData, row: number, column: number, name: string, options: { min?: number; integer?: boolean }): number {
  const v = table.rows[row][column];
  const x = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
  if (isBlank(v)) fail(table, row, column, `${name} is blank.`, name);
  if (!Number.isFinite(x)) fail(table, row, column, `${name} must be a number (got "${String(v)}").`, name);
  if (options.min !== undefined && x < options.min) fail(table, row, column, `${name} must be ≥ ${options.min} (got ${x}).`, name);
  if (options.integer && !Number.isInteger(x)) fail(table, row, column, `${name} must be a whole number (got ${x}).`, name);
  return x;
}

const nameAt = (v: CellValue) => String(v).trim();

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
  const cols = columnsOf(table, ["Job", "Step", "Machine", "Duration", "Due Date", "Weight"], ["Job", "Step", "Machine", "Duration"]);
  const jobIndex = new Map<string, number>(), machineIndex = new Map<string, number>();
  const jobNames: string[] = [], machineNames: string[] = [];
  const steps: { step: number; machine: number; duration: number; row: number }[][] = [];
  const due: ({ value: number; row: number } | undefined)[] = [], weight: ({ value: number; row: number } | undefined)[] = [];
  const c = (name: string) => cols.get(name)!;
  table.rows.forEach((row, r) => {
    if (row.every(isBlank)) return;
    if (isBlank(row[c("Job")])) fail(table, r, c("Job"), "Job is blank.", "Job");
    if (isBlank(row[c("Machine")])) fail(table, r, c("Machine"), "Machine is blank.", "Machine");
    const jobName = nameAt(row[c("Job")]), machineName = nameAt(row[c("Machine")]);
    if (!jobIndex.has(jobName)) { jobIndex.set(jobName, jobNames.length); jobNames.push(jobName); steps.push([]); }
    if (!machineIndex.has(machineName)) { machineIndex.set(machineName, machineNames.length); machineNames.push(machineName); }
    const j = jobIndex.get(jobName)!;
    const step = numberAt(table, r, c("Step"), "Step", {});
    const clash = steps[j].find((s) => s.step === step);
    if (clash) fail(table, r, c("Step"), `job "${jobName}" already has step ${step} (${tableCellAddress(table, clash.row, c("Step"))}).`, "Step");
    steps[j].push({ step, machine: machineIndex.get(machineName)!, duration: numberAt(table, r, c("Duration"), "Duration", { min: 0 }), row: r });
    for (const [field, store] of [["Due Date", due], ["Weight", weight]] as const) {
      const col = cols.get(field);
      if (col === undefined || isBlank(row[col])) continue;
      const value = numberAt(table, r, col, field, field === "Weight" ? { min: 0 } : {});
      const known = store[j];
      if (known && known.value !== value) fail(table, r, col, `job "${jobName}" has ${field} ${known.value} at ${tableCellAddress(table, known.row, col)}; one value per job.`, field);
      store[j] = { value, row: r };
    }
  });
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
  const cols = columnsOf(table, ["From Product", "To Product", "Time"], ["From Product", "To Product", "Time"]);
  const c = (name: string) => cols.get(name)!;
  const index = new Map<string, number>();
  const products: string[] = [];
  const entries: { from: number; to: number; time: number; row: number }[] = [];
  const productAt = (r: number, name: string): number => {
    const v = table.rows[r][c(name)];
    if (isBlank(v)) fail(table, r, c(name), `${name} is blank.`, name);
    const key = nameAt(v);
    if (!index.has(key)) { index.set(key, products.length); products.push(key); }
    return index.get(key)!;
  };
  table.rows.forEach((row, r) => {
    if (row.every(isBlank)) return;
    const from = productAt(r, "From Product"), to = productAt(r, "To Product");
    const time = numberAt(table, r, c("Time"), "Time", { min: 0 });
    if (from === to) {
      if (time !== 0) fail(table, r, c("Time"), `a changeover from "${products[from]}" to itself must take 0 (got ${time}).`, "Time");
      return;
    }
    entries.push({ from, to, time, row: r });
  });
  const n = products.length;
  if (n === 0) throw new PlanningInputError(`${table.sheet}: the ${table.name} table has no changeovers.`, "Changeovers", table.sheet);
  const cost = new Float64Array(n * n).fill(NaN);
  const rowOf = new Int32Array(n * n).fill(-1);
  for (const e of entries) {
    const k = e.from * n + e.to;
    if (rowOf[k] >= 0) fail(table, e.row, c("Time"), `the changeover "${products[e.from]}" → "${products[e.to]}" is already given at ${tableCellAddress(table, rowOf[k], c("Time"))}.`, "Time");
    cost[k] = e.time;
    rowOf[k] = e.row;
  }
  const start = 0;
  for (let i = 0; i < n; i++) {
    cost[i * n + i] = 0;
    if (Number.isNaN(cost[i * n + start])) cost[i * n + start] = 0; // the open path never returns to the start
    for (let j = 0; j < n; j++) {
      if (Number.isNaN(cost[i * n + j])) {
        throw new PlanningInputError(`${table.sheet}: the ${table.name} table has no row for the changeover "${products[i]}" → "${products[j]}"; every pair of products needs a Time.`, "Time", table.sheet);
      }
    }
  }
  return { instance: { dimension: n, cost, names: products, name: table.name }, products, start };
}
