// The schedule result sheets: `Schedule`, a Gantt view (one row per machine, one column per time
// bucket, bars as cell fills in each job's colour); `Schedule Operations`; `Schedule Jobs` (due dates
// and tardiness); and the `Sequence` sheet of a changeover sequence.
import type { LockKind } from "../../engine/reschedule/retimeEdits";
import type { ScheduledOperation } from "../../engine/schedule/jobShop/jobShop";
import type { CellFill, CellValue, ResultColumn, ResultSheet } from "../port";

const PALETTE = ["4F81BD", "C0504D", "9BBB59", "8064A2", "4BACC6", "F79646", "2C4D75", "772C2A", "5F7530", "4D3B62", "276A7C", "B65708", "729ACA", "CD7371", "AFC97A", "9983B5"];

/** Colour of job j's bars (RGB hex). */
export function jobColor(job: number): string {
  return PALETTE[job % PALETTE.length];
}

/** What the schedule sheets show: the operations, the objective and the names of jobs and machines. */
export interface ScheduleSheetInput {
  operations: readonly ScheduledOperation[];
  makespan: number;
  totalWeightedTardiness: number;
  status: string;
  jobNames?: readonly string[];
  machineNames?: readonly string[];
  machineCount: number;
  /** Due date d_j per job (Infinity or absent: none). */
  dueDates?: ArrayLike<number>;
  /** Tardiness weight w_j per job (default 1). */
  weights?: ArrayLike<number>;
  /** Most time buckets in the Gantt (default 60). */
  maxBuckets?: number;
  /** The planner's locks kept by this run, by "job/step" (docs/editing.md). */
  locks?: ReadonlyMap<string, LockKind>;
}

/** The title line of Schedule Operations: how the planner edits it (docs/editing.md). */
export const SCHEDULE_OPERATIONS_NOTE = "Operations by machine and start time. Edit Start or Machine, or set Lock (time, machine, sequence), then Re-time schedule (aps schedule --keep-edits) keeps them; Run Start, Run Machine and Run Lock hold this run's values (Undo edits writes them back).";

/** A round bucket size (1, 2, 5 × 10^k) giving at most `maxBuckets` columns. */
function bucketSize(makespan: number, maxBuckets: number): number {
  const raw = Math.max(makespan, 1) / maxBuckets;
  const k = Math.pow(10, Math.floor(Math.log10(raw)));
  for (const f of [1, 2, 5, 10]) if (f * k >= raw) return Math.max(f * k, Number.EPSILON);
  return 10 * k;
}

/** Most rows drawn as a native chart (Excel only); longer sheets keep the cell-fill Gantt. */
export const MAX_CHART_ROWS = 400;

/** Characters that fit in one Gantt bucket column. */
const BUCKET_CHARACTERS = 4;

/** The label of a bar `cells` buckets long: the job's name, shortened so it stays inside its bar. */
function barLabel(name: string, cells: number): string {
  const room = cells * BUCKET_CHARACTERS;
  return name.length <= room ? name : room <= 1 ? name.slice(0, 1) : `${name.slice(0, room - 1)}…`;
}

/**
 * The Schedule sheet: a Gantt chart, one row per machine and one column per time bucket; a bucket
 * is filled in the job's colour when its midpoint lies in an operation, labelled where the bar starts.
 * @example scheduleSheet({ operations, makespan: 55, ... }).fills.length // > 0
 */
export function scheduleSheet(input: ScheduleSheetInput): ResultSheet {
  const integral = input.operations.every((op) => Number.isInteger(op.start) && Number.isInteger(op.end));
  const size = integral ? Math.max(1, bucketSize(input.makespan, input.maxBuckets ?? 60)) : bucketSize(input.makespan, input.maxBuckets ?? 60);
  const buckets = Math.max(1, Math.ceil(input.makespan / size));
  const jobName = (j: number) => input.jobNames?.[j] ?? `Job ${j}`;
  const machineName = (m: number) => input.machineNames?.[m] ?? `Machine ${m}`;
  const columns: ResultColumn[] = [{ header: "Machine", width: 16 }];
  for (let b = 0; b < buckets; b++) columns.push({ header: String(+(b * size).toPrecision(12)), width: 4 });
  const rows: CellValue[][] = [];
  const fills: CellFill[] = [];
  for (let m = 0; m < input.machineCount; m++) {
    const row = new Array<CellValue>(buckets + 1).fill(null);
    row[0] = machineName(m);
    rows.push(row);
  }
  for (const op of input.operations) {
    const cells: number[] = [];
    for (let b = 0; b < buckets; b++) {
      const mid = (b + 0.5) * size;
      if (mid >= op.start && mid < op.end) cells.push(b + 1);
    }
    for (const column of cells) fills.push({ row: op.machine, column, color: jobColor(op.job) });
    if (cells.length > 0) rows[op.machine][cells[0]] = barLabel(jobName(op.job), cells.length);
  }
  return {
    name: "Schedule",
    title: `Schedule: makespan ${input.makespan}, total weighted tardiness ${input.totalWeightedTardiness} (${input.status}); one column = ${+size.toPrecision(12)} time units`,
    columns,
    rows,
    fills,
  };
}

/**
 * The Schedule Operations sheet: every operation with its machine, start, end and duration, by
 * machine and time; then Lock (the planner's, kept by this run) and the run's own values (Run
 * Start, Run Machine, Run Lock) against which the next re-time recognises edits.
 */
export function scheduleOperationsSheet(input: ScheduleSheetInput): ResultSheet {
  const jobName = (j: number) => input.jobNames?.[j] ?? `Job ${j}`;
  const machineName = (m: number) => input.machineNames?.[m] ?? `Machine ${m}`;
  const sorted = [...input.operations].sort((a, b) => a.machine - b.machine || a.start - b.start);
  const lockOf = (op: ScheduledOperation) => input.locks?.get(`${op.job}/${op.step}`) ?? null;
  return {
    name: "Schedule Operations",
    title: SCHEDULE_OPERATIONS_NOTE,
    columns: [
      { header: "Machine", width: 16 }, { header: "Job", width: 26 }, { header: "Step" },
      { header: "Start", numberFormat: "0.##" }, { header: "End", numberFormat: "0.##" }, { header: "Duration", numberFormat: "0.##" },
      { header: "Lock", width: 10 }, { header: "Run Start", numberFormat: "0.##" }, { header: "Run Machine", width: 16 }, { header: "Run Lock", width: 10 },
    ],
    rows: sorted.map((op) => [machineName(op.machine), jobName(op.job), op.step, op.start, op.end, op.end - op.start, lockOf(op), op.start, machineName(op.machine), lockOf(op)]),
    // Written as a table, so the next reschedule reads it back as the published schedule (docs/rescheduling.md)
    // and the next re-time reads the planner's edits from it (docs/editing.md).
    tableName: "ScheduleOperations",
    validations: [{ column: 6, kind: "list", values: ["time", "machine", "sequence"], error: "Lock: time (start and machine kept), machine (machine kept) or sequence (order on the machine kept); blank: none.", rows: Math.max(sorted.length, 1) }],
    charts: sorted.length <= MAX_CHART_ROWS ? [{ kind: "gantt", title: "Schedule (Gantt): start and duration of each operation", categoryColumn: 0, valueColumns: [3, 5] }] : [],
  };
}

/** The Schedule Jobs sheet: each job's completion against its due date, and its (weighted) tardiness. */
export function scheduleJobsSheet(input: ScheduleSheetInput): ResultSheet {
  const completion = new Map<number, number>();
  for (const op of input.operations) completion.set(op.job, Math.max(completion.get(op.job) ?? 0, op.end));
  const jobs = [...completion.keys()].sort((a, b) => a - b);
  return {
    name: "Schedule Jobs",
    title: `Jobs: total weighted tardiness ${input.totalWeightedTardiness}`,
    columns: [
      { header: "Job", width: 26 }, { header: "Completion", numberFormat: "0.##" }, { header: "Due Date", numberFormat: "0.##" },
      { header: "Weight", numberFormat: "0.##" }, { header: "Tardiness", numberFormat: "0.##" }, { header: "Weighted Tardiness", numberFormat: "0.##" },
    ],
    rows: jobs.map((j) => {
      const done = completion.get(j)!;
      const due = input.dueDates?.[j];
      const weight = input.weights?.[j] ?? 1;
      const hasDue = due !== undefined && Number.isFinite(due);
      const tardiness = hasDue ? Math.max(0, done - (due as number)) : null;
      return [input.jobNames?.[j] ?? `Job ${j}`, done, hasDue ? (due as number) : null, weight, tardiness, tardiness === null ? null : weight * tardiness];
    }),
  };
}

/**
 * The Sequence sheet: position, product, changeover time into it and the running total.
 * @example sequenceSheet({ sequence: [0, 2, 1], ... }).rows.length // 3
 */
export function sequenceSheet(input: { sequence: readonly number[]; names: readonly string[]; cost: Float64Array; length: number; status: string }): ResultSheet {
  const n = input.names.length;
  let total = 0;
  const rows: CellValue[][] = input.sequence.map((v, k) => {
    const change = k === 0 ? 0 : input.cost[input.sequence[k - 1] * n + v];
    total += change;
    return [k, input.names[v], change, total];
  });
  return {
    name: "Sequence",
    title: `Changeover sequence: total changeover time ${input.length} (${input.status})`,
    columns: [{ header: "Position" }, { header: "Product", width: 18 }, { header: "Changeover Time", numberFormat: "0.##" }, { header: "Cumulative Time", numberFormat: "0.##" }],
    rows,
  };
}
