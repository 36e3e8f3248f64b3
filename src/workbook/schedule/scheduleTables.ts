// Reads the scheduling tables of a workbook (docs/formats.md §3): `Operations` (by readOperations)
// into a job shop and `Changeovers` (From Product, To Product, Time)
// into a sequencing instance; every error names its cell ("Operations!D7").
import { PlanningInputError } from "../../engine/errors";
import type { JobShopInstance, JobShopJob } from "../../engine/schedule/jobShop/jobShop";
import type { AtspInstance } from "../../engine/schedule/sequencing/atsp";
import { InputErrorList } from "../../engine/inputErrors";
import { describeCount, INPUT_LIMITS } from "../../engine/limits";
import { MAX_WEIGHT } from "../../engine/schedule/sequencing/tsplib";
import { TableData, tableCellAddress } from "../port";
import { checkRowCount, flagCell, isBlankCell, numberCell, tableColumns, textCell } from "../tables/tableReader";
import { readOperations } from "./operationsTable";

/** A job shop read from a table, with the display names of its jobs and machines (in order of first appearance). */
export interface WorkbookJobShop {
  instance: JobShopInstance;
  jobNames: string[];
  machineNames: string[];
}

/**
 * The job shop of an `Operations` table (read by readOperations). Jobs and machines are numbered in
 * order of first appearance; the steps of a job are ordered by their Step number. Due Date and
 * Weight are per job (blank = none / 1). Alternative machines are not used: each step runs on its Machine.
 * @example jobShopFromOperationsTable(table).jobNames // ["Order 1", "Order 2"]
 */
export function jobShopFromOperationsTable(table: TableData): WorkbookJobShop {
  const errors = new InputErrorList();
  const read = readOperations(table, errors);
  errors.throwIfAny();
  if (read.jobs.length === 0) throw new PlanningInputError(`${table.sheet}: the ${table.name} table has no operations.`, "Operations", table.sheet);
  const machineIndex = new Map(read.machines.map((name, m) => [name, m]));
  const jobs: JobShopJob[] = read.jobs.map((j) => {
    const job: JobShopJob = { name: j.name, operations: j.operations.map((s) => ({ machine: machineIndex.get(s.machine)!, duration: s.duration })) };
    if (j.dueDate !== undefined) job.dueDate = j.dueDate;
    if (j.weight !== undefined) job.weight = j.weight;
    return job;
  });
  const jobNames = read.jobs.map((j) => j.name), machineNames = read.machines;
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
