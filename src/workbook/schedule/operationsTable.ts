// The one reader of the `Operations` table (docs/formats.md §3, §8), used by the schedule run, the
// shop's reschedule and re-time: each row as a typed record, the per-job fields agreed, every problem at its cell.
import { InputErrorList } from "../../engine/inputErrors";
import { INPUT_LIMITS, textProblem } from "../../engine/limits";
import { MAX_DURATION } from "../../engine/schedule/jobShop/jobShopText";
import { TableData, tableCellAddress } from "../port";
import { checkRowCount, flagCell, isBlankCell, numberCell, tableColumns, textCell } from "../tables/tableReader";

/** Largest Due Date or Release a job may have (Duration and Step: MAX_DURATION). */
const MAX_DATE = 1e12;
const MAX_JOB_WEIGHT = 1e9;

/** The columns of the table; Job, Step, Machine and Duration are required. */
export const OPERATIONS_COLUMNS = ["Job", "Step", "Machine", "Duration", "Due Date", "Weight", "Release", "Customer", "Owner", "Cancelled", "Alternative Machines"] as const;
const REQUIRED = ["Job", "Step", "Machine", "Duration"];

/** One row of the table (an operation): `row` is its 0-based data row. */
export interface OperationRow {
  row: number;
  step: number;
  machine: string;
  duration: number;
  /** Other machines that can run it (the Alternative Machines column; empty when blank). */
  alternatives: string[];
}

/** A job of the table: its operations by Step, and the fields given once per job (on any of its rows). */
export interface OperationsJob {
  name: string;
  /** The data row of the job's first row. */
  firstRow: number;
  operations: OperationRow[];
  dueDate?: number;
  weight?: number;
  release?: number;
  customer?: string;
  owner?: string;
  cancelled?: boolean;
}

/** The table read: jobs and primary machines in order of first appearance, the columns it has. */
export interface OperationsRead {
  jobs: OperationsJob[];
  /** Machine names of the Machine column, in order of first appearance. */
  machines: string[];
  /** Names given only as alternatives, in order of first appearance. */
  alternativeOnly: string[];
  columns: Map<string, number>;
}

const CANCELLED_YES = ["yes", "true", "1", "x", "cancelled"], CANCELLED_NO = ["no", "false", "0"];
type JobField = "dueDate" | "weight" | "release" | "customer" | "owner" | "cancelled";
const JOB_FIELDS: [string, JobField][] = [["Due Date", "dueDate"], ["Weight", "weight"], ["Release", "release"], ["Customer", "customer"], ["Owner", "owner"], ["Cancelled", "cancelled"]];

/** A per-job cell: a number in its range, a name, or yes/no; null with a problem recorded. */
function jobFieldCell(errors: InputErrorList, table: TableData, r: number, col: number, field: string): string | number | boolean | null {
  if (field === "Customer" || field === "Owner") return textCell(errors, table, r, col, field);
  if (field === "Cancelled") {
    const v = String(table.rows[r][col]).trim().toLowerCase();
    if (CANCELLED_YES.includes(v)) return true;
    if (CANCELLED_NO.includes(v)) return false;
    flagCell(errors, table, r, col, `Cancelled must be yes or no (got "${v}").`, field);
    return null;
  }
  if (field === "Due Date") return numberCell(errors, table, r, col, field, { max: MAX_DATE });
  return numberCell(errors, table, r, col, field, { min: 0, max: field === "Weight" ? MAX_JOB_WEIGHT : MAX_DATE });
}

/** The names of an Alternative Machines cell ("Mill 2; Mill 3"), each a valid name, without repeats or the row's own Machine. */
function alternativesCell(errors: InputErrorList, table: TableData, r: number, col: number | undefined, machine: string | null): string[] {
  if (col === undefined || isBlankCell(table.rows[r][col])) return [];
  const field = "Alternative Machines";
  const text = textCell(errors, table, r, col, field);
  if (text === null) return [];
  const out: string[] = [];
  for (const part of text.split(/[,;]/)) {
    const name = part.trim();
    if (name === "" || name === machine || out.includes(name)) continue;
    const problem = textProblem(name);
    if (problem) { flagCell(errors, table, r, col, `the alternative machine "${name}" ${problem}.`, field); continue; }
    out.push(name);
  }
  return out;
}

/**
 * Reads every row of an Operations table into `errors` and records: a job's steps are ordered by
 * Step (a step given twice is a problem); Due Date, Weight, Release, Customer, Owner and Cancelled
 * are per job (given on several rows they must agree). A missing required column throws at once.
 * @example readOperations(table, new InputErrorList()).jobs[0].operations[0].machine // "Saw"
 */
export function readOperations(table: TableData, errors: InputErrorList): OperationsRead {
  const cols = tableColumns(table, OPERATIONS_COLUMNS, REQUIRED);
  checkRowCount(table, INPUT_LIMITS.rows.operations);
  const c = (name: string) => cols.get(name)!;
  const jobs: OperationsJob[] = [], jobIndex = new Map<string, number>();
  const machines: string[] = [], known = new Set<string>(), alternativeOnly: string[] = [];
  const stepRow: Map<number, number>[] = [];
  const fieldRow: Map<JobField, number>[] = [];
  const rowsAlternatives: string[][] = [];
  table.rows.forEach((row, r) => {
    if (row.every(isBlankCell)) return;
    const jobName = textCell(errors, table, r, c("Job"), "Job");
    const machine = textCell(errors, table, r, c("Machine"), "Machine");
    const step = numberCell(errors, table, r, c("Step"), "Step", { max: MAX_DURATION });
    const duration = numberCell(errors, table, r, c("Duration"), "Duration", { min: 0, max: MAX_DURATION });
    const alternatives = alternativesCell(errors, table, r, cols.get("Alternative Machines"), machine);
    if (jobName === null) return;
    if (!jobIndex.has(jobName)) { jobIndex.set(jobName, jobs.length); jobs.push({ name: jobName, firstRow: r, operations: [] }); stepRow.push(new Map()); fieldRow.push(new Map()); }
    const j = jobIndex.get(jobName)!, job = jobs[j];
    for (const [field, key] of JOB_FIELDS) {
      const col = cols.get(field);
      if (col === undefined || isBlankCell(row[col])) continue;
      const value = jobFieldCell(errors, table, r, col, field);
      if (value === null) continue;
      const at = fieldRow[j].get(key);
      if (at !== undefined && job[key] !== value) flagCell(errors, table, r, col, `job "${jobName}" has ${field} ${job[key]} at ${tableCellAddress(table, at, col)}; one value per job.`, field);
      else if (at === undefined) { (job as unknown as Record<JobField, unknown>)[key] = value; fieldRow[j].set(key, r); }
    }
    if (machine !== null && !known.has(machine)) { known.add(machine); machines.push(machine); }
    if (machine === null || step === null || duration === null) return;
    const clash = stepRow[j].get(step);
    if (clash !== undefined) { flagCell(errors, table, r, c("Step"), `job "${jobName}" already has step ${step} (${tableCellAddress(table, clash, c("Step"))}).`, "Step"); return; }
    stepRow[j].set(step, r);
    job.operations.push({ row: r, step, machine, duration, alternatives });
    rowsAlternatives.push(alternatives);
  });
  for (const list of rowsAlternatives) for (const name of list) if (!known.has(name)) { known.add(name); alternativeOnly.push(name); }
  for (const job of jobs) job.operations.sort((a, b) => a.step - b.step);
  return { jobs, machines, alternativeOnly, columns: cols };
}
