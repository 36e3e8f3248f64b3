// The `Schedule` result sheet: a Gantt view (one row per machine, one column per time bucket, bars
// as cell fills with a colour per job and the job's name where its bar starts) above the operations
// table; and the `Sequence` sheet of a changeover sequence.
import type { ScheduledOperation } from "../engine/schedule/jobShop";
import type { CellFill, CellValue, ResultColumn, ResultSheet } from "./port";

const PALETTE = ["4F81BD", "C0504D", "9BBB59", "8064A2", "4BACC6", "F79646", "2C4D75", "772C2A", "5F7530", "4D3B62", "276A7C", "B65708", "729ACA", "CD7371", "AFC97A", "9983B5"];

/** Colour of job j's bars (RGB hex). */
export function jobColor(job: number): string {
  return PALETTE[job % PALETTE.length];
}

/** What the Schedule sheet shows besides the operations. */
export interface ScheduleSheetInput {
  operations: readonly ScheduledOperation[];
  makespan: number;
  totalWeightedTardiness: number;
  status: string;
  jobNames?: readonly string[];
  machineNames?: readonly string[];
  machineCount: number;
  /** Most time buckets in the Gantt (default 60). */
  maxBuckets?: number;
}

/** A round bucket size (1, 2, 5 × 10^k) giving at most `maxBuckets` columns. */
function bucketSize(makespan: number, maxBuckets: number): number {
  const raw = Math.max(makespan, 1) / maxBuckets;
  const k = Math.pow(10, Math.floor(Math.log10(raw)));
  for (const f of [1, 2, 5, 10]) if (f * k >= raw) return Math.max(f * k, Number.EPSILON);
  return 10 * k;
}

/**
 * The Schedule sheet: rows 0..m-1 are the Gantt (machine, then one cell per bucket; a bucket is
 * filled when its midpoint lies in an operation), then a blank row, then the operations table.
 * @example scheduleSheet({ operations, makespan: 55, ... }).fills.length // > 0
 */
export function scheduleSheet(input: ScheduleSheetInput): ResultSheet {
  const integral = input.operations.every((op) => Number.isInteger(op.start) && Number.isInteger(op.end));
  const size = integral ? Math.max(1, bucketSize(input.makespan, input.maxBuckets ?? 60)) : bucketSize(input.makespan, input.maxBuckets ?? 60);
  const buckets = Math.max(1, Math.ceil(input.makespan / size));
  const jobName = (j: number) => input.jobNames?.[j] ?? `Job ${j}`;
  const machineName = (m: number) => input.machineNames?.[m] ?? `Machine ${m}`;
  const width = Math.max(buckets + 1, 7);
  const columns: ResultColumn[] = [{ header: "Machine", width: 14 }];
  for (let b = 0; b < width - 1; b++) columns.push({ header: b < buckets ? String(+(b * size).toPrecision(12)) : "", width: 4 });
  const rows: CellValue[][] = [];
  const fills: CellFill[] = [];
  const blank = () => new Array<CellValue>(width).fill(null);
  for (let m = 0; m < input.machineCount; m++) {
    const row = blank();
    row[0] = machineName(m);
    rows.push(row);
  }
  for (const op of input.operations) {
    let labelled = false;
    for (let b = 0; b < buckets; b++) {
      const mid = (b + 0.5) * size;
      if (mid < op.start || mid >= op.end) continue;
      fills.push({ row: op.machine, column: b + 1, color: jobColor(op.job) });
      if (!labelled) { rows[op.machine][b + 1] = jobName(op.job); labelled = true; }
    }
  }
  rows.push(blank());
  const header = blank();
  ["Job", "Step", "Machine", "Start", "End", "Duration"].forEach((h, i) => { header[i] = h; });
  rows.push(header);
  const sorted = [...input.operations].sort((a, b) => a.machine - b.machine || a.start - b.start);
  for (const op of sorted) {
    const row = blank();
    [jobName(op.job), op.step, machineName(op.machine), op.start, op.end, op.end - op.start].forEach((v, i) => { row[i] = v; });
    rows.push(row);
  }
  const summary = blank();
  summary[0] = "Makespan";
  summary[1] = input.makespan;
  summary[2] = "Weighted tardiness";
  summary[3] = input.totalWeightedTardiness;
  summary[4] = "Status";
  summary[5] = input.status;
  rows.push(blank(), summary);
  return {
    name: "Schedule",
    title: `Schedule: makespan ${input.makespan}, total weighted tardiness ${input.totalWeightedTardiness} (${input.status}); one column = ${+size.toPrecision(12)} time units`,
    columns,
    rows,
    fills,
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
