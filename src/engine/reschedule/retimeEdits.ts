// The planner's edits of a published schedule (docs/editing.md): each row of the schedule as the
// planner left it (start, machine, lock) beside the last run's values, matched to the shop, and
// what each operation becomes for the re-time: held at a start, wished at a start, or free.
import { PlanningInputError } from "../errors";
import { problemList, type Shop } from "./shop";

/** time: start and machine kept; machine: machine kept, start free; sequence: order on its machine kept. */
export type LockKind = "time" | "machine" | "sequence";

export const LOCK_KINDS: readonly LockKind[] = ["time", "machine", "sequence"];

/** One row of the edited schedule as read: job by id, machine by name; `where` names its cells. */
export interface EditedRowEntry {
  job: string;
  step: number;
  /** Start and machine on the sheet now (possibly edited). */
  start: number;
  machine: string;
  /** The last run's start and machine (the Run columns); equal to start/machine when unknown. */
  runStart: number;
  runMachine: string;
  lock: LockKind | null;
  where: EditCells;
}

/** Cells of a row, for exceptions ("Schedule Operations!D7"); null where the adapter has none. */
export interface EditCells {
  start: string | null;
  machine: string | null;
  lock: string | null;
}

/** A row matched to the shop: job and step index shop.jobs. */
export interface EditedRow extends Omit<EditedRowEntry, "job"> {
  job: number;
}

/** What one operation is in a re-time (index o = jobFirst[j] + step). */
export interface OperationHold {
  /** 1: held at `start` (time lock, or a start moved by hand with no lock); 0: placed by the re-time. */
  held: Uint8Array;
  /** The held start, or the start the repair tries first (NaN: none). */
  target: Float64Array;
  /** The last run's start: what disruption and "moved" are measured against (NaN: not in the last run). */
  base: Float64Array;
  /** Sequence locks: the locked operation before this one on its machine (-1: none). */
  sequencePred: Int32Array;
  sequenceSucc: Int32Array;
  lock: (LockKind | null)[];
  /** The cell the planner changed for the operation (start, else machine, else lock), or null when unedited. */
  editCell: (string | null)[];
  /** True when the planner changed the start, the machine or set a lock. */
  edited: Uint8Array;
}

const TOL = 1e-9;

/**
 * Matches rows to the shop by job id and step. Unknown jobs and steps and repeated rows are input
 * errors, all listed; operations without a row (jobs added since the run) are simply not in it.
 * @example matchEditedRows(shop, entries, "Schedule Operations")[0].job // 0
 */
export function matchEditedRows(shop: Shop, entries: readonly EditedRowEntry[], label: string): EditedRow[] {
  const jobIndex = new Map(shop.jobs.map((job, j) => [job.id, j]));
  const seen = new Set<string>();
  const problems: string[] = [];
  const out: EditedRow[] = [];
  for (const e of entries) {
    const at = e.where.start ?? e.where.machine ?? label;
    const j = jobIndex.get(e.job);
    if (j === undefined) { problems.push(`${at}: job ${JSON.stringify(e.job)} is not in the Operations table`); continue; }
    if (!shop.jobs[j].operations[e.step]) { problems.push(`${at}: job ${JSON.stringify(e.job)} has no step ${e.step}`); continue; }
    const key = `${j}/${e.step}`;
    if (seen.has(key)) { problems.push(`${at}: job ${JSON.stringify(e.job)} step ${e.step} appears twice`); continue; }
    seen.add(key);
    out.push({ ...e, job: j });
  }
  if (problems.length > 0) throw new PlanningInputError(problemList(label, problems), "edits", label);
  return out;
}

/** True when the planner moved the row's start. */
export const startEdited = (row: EditedRow): boolean => Math.abs(row.start - row.runStart) > TOL;

/** True when the planner changed the row's machine. */
export const machineEdited = (row: EditedRow): boolean => row.machine.trim().toLowerCase() !== row.runMachine.trim().toLowerCase();

/** The cell an exception about the row's edit links to: the start, else the machine, else the lock. */
export function editCellOf(row: EditedRow): string | null {
  if (startEdited(row)) return row.where.start ?? row.where.machine ?? row.where.lock;
  if (machineEdited(row)) return row.where.machine ?? row.where.start ?? row.where.lock;
  if (row.lock) return row.where.lock ?? row.where.start;
  return null;
}

/**
 * Holds of every operation: a time lock, or a start moved by hand with no lock, holds the row's
 * start; a machine or sequence lock and every other row make the row's start the repair's first
 * try; sequence-locked rows of a machine (`machine[o]`: the machine each operation runs on) are
 * chained in the order of their starts on the sheet.
 * @example operationHolds(shop, jobFirst, rows, machine).held[o] // 1 for a time-locked row
 */
export function operationHolds(shop: Shop, jobFirst: Int32Array, rows: readonly EditedRow[], machine: Int32Array): OperationHold {
  const n = jobFirst[shop.jobs.length];
  const h: OperationHold = {
    held: new Uint8Array(n), target: new Float64Array(n).fill(NaN), base: new Float64Array(n).fill(NaN),
    sequencePred: new Int32Array(n).fill(-1), sequenceSucc: new Int32Array(n).fill(-1),
    lock: new Array<LockKind | null>(n).fill(null), editCell: new Array<string | null>(n).fill(null), edited: new Uint8Array(n),
  };
  const chains = new Map<number, number[]>();
  for (const row of rows) {
    const o = jobFirst[row.job] + row.step;
    h.base[o] = row.runStart;
    h.target[o] = row.start;
    h.lock[o] = row.lock;
    h.editCell[o] = editCellOf(row);
    if (startEdited(row) || machineEdited(row) || row.lock) h.edited[o] = 1;
    if (row.lock === "time" || (row.lock === null && startEdited(row))) h.held[o] = 1;
    if (row.lock === "sequence" && !shop.jobs[row.job].cancelled) {
      const m = machine[o];
      if (!chains.has(m)) chains.set(m, []);
      chains.get(m)!.push(o);
    }
  }
  for (const chain of chains.values()) {
    chain.sort((a, b) => h.target[a] - h.target[b] || a - b);
    for (let i = 1; i < chain.length; i++) { h.sequencePred[chain[i]] = chain[i - 1]; h.sequenceSucc[chain[i - 1]] = chain[i]; }
  }
  return h;
}
