// Reads the planner's edits back from the `ScheduleOperations` table a run wrote (docs/editing.md):
// each row's Start, Machine and Lock as the planner left them beside the last run's values (Run
// Start, Run Machine, Run Lock), every cell named for the exceptions; every problem at once.
import { PlanningInputError } from "../../engine/errors";
import { LOCK_KINDS, type EditedRowEntry, type LockKind } from "../../engine/reschedule/retimeEdits";
import { problemList } from "../../engine/reschedule/shop";
import { type CellValue, type TableData, tableCellAddress } from "../port";

const norm = (s: string) => s.trim().toLowerCase().replace(/[\s_]+/g, " ");
const isBlank = (v: CellValue) => v === null || (typeof v === "string" && v.trim() === "");

/** The columns a run writes after Start, End and Duration: the lock and the last run's values. */
export const EDIT_COLUMNS = ["Lock", "Run Start", "Run Machine", "Run Lock"] as const;

/** A row of the table with the last run's values, for Undo edits. */
export interface EditedRowRecord extends EditedRowEntry {
  runLock: LockKind | null;
}

/** The lock a cell asks for: blank → null; time / machine / sequence (any case); else undefined. */
export function lockOf(value: CellValue): LockKind | null | undefined {
  if (isBlank(value)) return null;
  const text = String(value).trim().toLowerCase();
  return LOCK_KINDS.find((k) => k === text);
}

/**
 * The rows of a ScheduleOperations table (Machine, Job, Step, Start; Lock, Run Start, Run Machine,
 * Run Lock where present: a table without the Run columns has no edits of start or machine).
 * @example editedRowsFromTable(table)[0].where.start // "'Schedule Operations'!D4"
 */
export function editedRowsFromTable(table: TableData): EditedRowRecord[] {
  const problems: string[] = [];
  const cols = new Map<string, number>();
  table.headers.forEach((h, c) => {
    const name = ["Machine", "Job", "Step", "Start", ...EDIT_COLUMNS].find((w) => norm(w) === norm(String(h ?? "")));
    if (name && !cols.has(name)) cols.set(name, c);
  });
  for (const name of ["Machine", "Job", "Step", "Start"]) {
    if (!cols.has(name)) problems.push(`the ${table.name} table has no "${name}" column (header row ${table.headerRow}); run the schedule again to write it`);
  }
  if (problems.length > 0) throw new PlanningInputError(problemList(table.sheet, problems), "ScheduleOperations", table.sheet);
  const at = (r: number, name: string) => (cols.has(name) ? tableCellAddress(table, r, cols.get(name)!) : null);
  const cell = (r: number, name: string): CellValue => (cols.has(name) ? table.rows[r][cols.get(name)!] : null);
  const text = (r: number, name: string): string | undefined => {
    const v = cell(r, name);
    if (isBlank(v)) { problems.push(`${at(r, name)}: ${name} is blank`); return undefined; }
    return String(v).trim();
  };
  const number = (r: number, name: string, why: string): number | undefined => {
    const v = cell(r, name);
    const x = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v.trim()) : NaN;
    if (isBlank(v)) { problems.push(`${at(r, name)}: ${name} is blank`); return undefined; }
    if (!Number.isFinite(x) || x < 0) { problems.push(`${at(r, name)}: ${name} must be a number ≥ 0 ${why} (got "${String(v)}")`); return undefined; }
    return x;
  };
  const lock = (r: number, name: string): LockKind | null => {
    const value = lockOf(cell(r, name));
    if (value === undefined) { problems.push(`${at(r, name)}: ${name} must be time, machine, sequence or blank (got "${String(cell(r, name))}")`); return null; }
    return value;
  };
  const out: EditedRowRecord[] = [];
  table.rows.forEach((row, r) => {
    if (row.every(isBlank)) return;
    const job = text(r, "Job"), machine = text(r, "Machine");
    const step = number(r, "Step", "(the step of the job)"), start = number(r, "Start", "(a time, in the schedule's units)");
    const runStart = cols.has("Run Start") && !isBlank(cell(r, "Run Start")) ? number(r, "Run Start", "(the last run's start; do not edit it)") : start;
    const runMachine = cols.has("Run Machine") && !isBlank(cell(r, "Run Machine")) ? text(r, "Run Machine") : machine;
    const lockValue = lock(r, "Lock"), runLock = lock(r, "Run Lock");
    if (step !== undefined && !Number.isInteger(step)) { problems.push(`${at(r, "Step")}: Step must be a whole number`); return; }
    if (job === undefined || machine === undefined || step === undefined || start === undefined || runStart === undefined || runMachine === undefined) return;
    out.push({
      job, step, start, machine, runStart, runMachine, lock: lockValue, runLock,
      where: { start: at(r, "Start"), machine: at(r, "Machine"), lock: at(r, "Lock") },
    });
  });
  if (problems.length > 0) throw new PlanningInputError(problemList(table.sheet, problems), "ScheduleOperations", table.sheet);
  return out;
}
