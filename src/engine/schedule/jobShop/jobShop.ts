// The job-shop model of docs/model.md §7 (eq. 16-18): jobs as chains of operations on machines, and the
// flat typed-array form the solvers work on. Jobs, steps and machines are numbered from 0.
import { PlanningInputError } from "../../errors";

/** One operation: the machine it needs and its processing time p (time units, ≥ 0). */
export interface JobShopOperation {
  machine: number;
  duration: number;
}

/** A job: its operations in precedence order (eq. 17), and optionally a due date d and weight w. */
export interface JobShopJob {
  operations: JobShopOperation[];
  /** Due date d_j (same time units); absent = no due date (no tardiness). */
  dueDate?: number;
  /** Tardiness weight w_j (default 1). */
  weight?: number;
  /** Display name (e.g. the workbook's Job cell). */
  name?: string;
}

/** A job-shop instance: `machineCount` machines numbered 0..machineCount-1 and the jobs. */
export interface JobShopInstance {
  machineCount: number;
  jobs: JobShopJob[];
  /** Display names of the machines, when the input had names. */
  machineNames?: string[];
  name?: string;
}

/** One scheduled operation of a result (docs/formats.md §4). */
export interface ScheduledOperation {
  job: number;
  step: number;
  machine: number;
  start: number;
  end: number;
}

/** The flat form: operation o = jobFirst[j] + step; -1 where there is no neighbour. */
export interface FlatJobShop {
  operationCount: number;
  machineCount: number;
  jobCount: number;
  job: Int32Array;
  step: Int32Array;
  machine: Int32Array;
  duration: Float64Array;
  jobFirst: Int32Array;
  jobPred: Int32Array;
  jobSucc: Int32Array;
  /** Operations of each machine, in job order. */
  machineOperations: number[][];
  dueDate: Float64Array;
  weight: Float64Array;
  hasDueDates: boolean;
  /** Earliest start of each operation (absent: 0). Rescheduling uses it for the time after the frozen window. */
  release?: Float64Array;
}

/** Throws a PlanningInputError unless the instance is well formed (machines in range, p ≥ 0). */
export function validateJobShop(instance: JobShopInstance): void {
  const m = instance.machineCount;
  if (!Number.isInteger(m) || m < 1) throw new PlanningInputError(`machineCount must be a positive integer (got ${m}).`, "machineCount");
  if (!Array.isArray(instance.jobs) || instance.jobs.length === 0) throw new PlanningInputError("The job shop has no jobs.", "jobs");
  instance.jobs.forEach((job, j) => {
    if (job.operations.length === 0) throw new PlanningInputError(`Job ${j} has no operations.`, "jobs");
    job.operations.forEach((op, k) => {
      if (!Number.isInteger(op.machine) || op.machine < 0 || op.machine >= m) {
        throw new PlanningInputError(`Job ${j} step ${k}: machine ${op.machine} is out of range 0..${m - 1}.`, "machine");
      }
      if (typeof op.duration !== "number" || !Number.isFinite(op.duration) || op.duration < 0) {
        throw new PlanningInputError(`Job ${j} step ${k}: duration must be a finite number ≥ 0 (got ${op.duration}).`, "duration");
      }
    });
    if (job.dueDate !== undefined && !Number.isFinite(job.dueDate)) throw new PlanningInputError(`Job ${j}: due date must be a finite number.`, "dueDate");
    if (job.weight !== undefined && (!Number.isFinite(job.weight) || job.weight < 0)) {
      throw new PlanningInputError(`Job ${j}: weight must be a finite number ≥ 0 (got ${job.weight}).`, "weight");
    }
  });
}

/** Validates and flattens an instance into typed arrays. */
export function flattenJobShop(instance: JobShopInstance): FlatJobShop {
  validateJobShop(instance);
  const jobCount = instance.jobs.length;
  let n = 0;
  for (const job of instance.jobs) n += job.operations.length;
  const f: FlatJobShop = {
    operationCount: n,
    machineCount: instance.machineCount,
    jobCount,
    job: new Int32Array(n),
    step: new Int32Array(n),
    machine: new Int32Array(n),
    duration: new Float64Array(n),
    jobFirst: new Int32Array(jobCount + 1),
    jobPred: new Int32Array(n),
    jobSucc: new Int32Array(n),
    machineOperations: Array.from({ length: instance.machineCount }, () => [] as number[]),
    dueDate: new Float64Array(jobCount).fill(Infinity),
    weight: new Float64Array(jobCount).fill(1),
    hasDueDates: false,
  };
  let o = 0;
  instance.jobs.forEach((job, j) => {
    f.jobFirst[j] = o;
    if (job.dueDate !== undefined) {
      f.dueDate[j] = job.dueDate;
      f.hasDueDates = true;
    }
    if (job.weight !== undefined) f.weight[j] = job.weight;
    job.operations.forEach((op, k) => {
      f.job[o] = j;
      f.step[o] = k;
      f.machine[o] = op.machine;
      f.duration[o] = op.duration;
      f.jobPred[o] = k === 0 ? -1 : o - 1;
      f.jobSucc[o] = k === job.operations.length - 1 ? -1 : o + 1;
      f.machineOperations[op.machine].push(o);
      o++;
    });
  });
  f.jobFirst[jobCount] = n;
  return f;
}

/**
 * The simple lower bound on the makespan: the longest job (sum of its p) and the busiest machine
 * (sum of p on it).
 * @example jobShopTrivialBound(ft06) // 43 (ft06's optimum is 55)
 */
export function jobShopTrivialBound(flat: FlatJobShop): number {
  let bound = 0;
  for (let j = 0; j < flat.jobCount; j++) {
    let s = 0;
    for (let o = flat.jobFirst[j]; o < flat.jobFirst[j + 1]; o++) s += flat.duration[o];
    bound = Math.max(bound, s);
  }
  for (const ops of flat.machineOperations) {
    let s = 0;
    for (const o of ops) s += flat.duration[o];
    bound = Math.max(bound, s);
  }
  return bound;
}

/** Total weighted tardiness Σ w_j · max(0, C_j − d_j) of job completion times C_j. */
export function totalWeightedTardiness(flat: FlatJobShop, completion: ArrayLike<number>): number {
  let sum = 0;
  for (let j = 0; j < flat.jobCount; j++) {
    const late = completion[j] - flat.dueDate[j];
    if (late > 0) sum += flat.weight[j] * late;
  }
  return sum;
}
