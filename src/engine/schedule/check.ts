// Independent checker of schedules and sequences, written apart from the solvers: it re-derives
// every constraint of eq. 16-18 from the instance and recomputes the objectives from scratch.
import type { JobShopInstance, ScheduledOperation } from "./jobShop/jobShop";
import type { AtspInstance } from "./sequencing/atsp";

/** Verdict of a check: the violations found (empty = valid) and the recomputed objective values. */
export interface ScheduleCheck {
  valid: boolean;
  violations: string[];
  makespan: number;
  totalWeightedTardiness: number;
}

/**
 * How far apart two times may be and still count as equal: 1e-12 of their size, a few thousand ulps,
 * so that rounding passes at any time scale and a real gap or overlap of 1e-12 time units does not
 * (an absolute slack such as 1e-9 would accept any overlap in a shop whose durations are 1e-12).
 */
const slack = (...times: number[]): number => 1e-12 * Math.max(...times.map(Math.abs));

/**
 * Checks a job-shop schedule: every operation once, on its machine, with its duration, start ≥ 0,
 * job precedence (eq. 17) and no overlap on a machine (eq. 18), times compared up to `slack`.
 * @example checkSchedule(ft06, result.operations) // { valid: true, makespan: 55, ... }
 */
export function checkSchedule(instance: JobShopInstance, operations: readonly ScheduledOperation[]): ScheduleCheck {
  const violations: string[] = [];
  const seen = new Map<string, ScheduledOperation>();
  for (const op of operations) {
    const key = `${op.job}/${op.step}`;
    const job = instance.jobs[op.job];
    const spec = job?.operations[op.step];
    if (!spec) { violations.push(`operation job ${op.job} step ${op.step} does not exist`); continue; }
    if (seen.has(key)) violations.push(`operation job ${op.job} step ${op.step} appears twice`);
    seen.set(key, op);
    if (op.machine !== spec.machine) violations.push(`job ${op.job} step ${op.step} is on machine ${op.machine}, not ${spec.machine}`);
    if (!(op.start >= 0)) violations.push(`job ${op.job} step ${op.step} starts before 0 (${op.start})`);
    if (!(Math.abs(op.end - op.start - spec.duration) <= slack(op.start, op.end, spec.duration))) violations.push(`job ${op.job} step ${op.step} lasts ${op.end - op.start}, not ${spec.duration}`);
  }
  let makespan = 0, tardiness = 0;
  instance.jobs.forEach((job, j) => {
    let previousEnd = 0;
    job.operations.forEach((_, k) => {
      const op = seen.get(`${j}/${k}`);
      if (!op) { violations.push(`operation job ${j} step ${k} is missing`); return; }
      if (op.start < previousEnd - slack(previousEnd)) violations.push(`job ${j} step ${k} starts at ${op.start} before step ${k - 1} ends at ${previousEnd}`);
      previousEnd = op.end;
    });
    makespan = Math.max(makespan, previousEnd);
    if (job.dueDate !== undefined && previousEnd > job.dueDate) tardiness += (job.weight ?? 1) * (previousEnd - job.dueDate);
  });
  const byMachine = new Map<number, ScheduledOperation[]>();
  for (const op of seen.values()) {
    if (!byMachine.has(op.machine)) byMachine.set(op.machine, []);
    byMachine.get(op.machine)!.push(op);
  }
  for (const [m, ops] of byMachine) {
    ops.sort((a, b) => a.start - b.start || a.end - b.end);
    for (let i = 1; i < ops.length; i++) {
      if (ops[i].start < ops[i - 1].end - slack(ops[i - 1].end)) {
        violations.push(`machine ${m}: job ${ops[i].job} step ${ops[i].step} overlaps job ${ops[i - 1].job} step ${ops[i - 1].step}`);
      }
    }
  }
  return { valid: violations.length === 0, violations, makespan, totalWeightedTardiness: tardiness };
}

/** Verdict of a sequence check and its recomputed length. */
export interface SequenceCheck {
  valid: boolean;
  violations: string[];
  length: number;
}

/**
 * Checks a sequence: a permutation of all nodes (starting at `start` for an open path), and
 * recomputes its length (closed: with the return to the first node).
 * @example checkSequence(br17, [0, ...], { closed: true }).length // 39
 */
export function checkSequence(instance: AtspInstance, sequence: readonly number[], options: { closed: boolean; start?: number }): SequenceCheck {
  const n = instance.dimension;
  const violations: string[] = [];
  if (sequence.length !== n) violations.push(`the sequence has ${sequence.length} nodes, expected ${n}`);
  const seen = new Set<number>();
  for (const v of sequence) {
    if (!Number.isInteger(v) || v < 0 || v >= n) violations.push(`node ${v} is out of range`);
    else if (seen.has(v)) violations.push(`node ${v} appears twice`);
    seen.add(v);
  }
  if (options.start !== undefined && sequence[0] !== options.start) violations.push(`the path starts at ${sequence[0]}, not ${options.start}`);
  let length = 0;
  for (let i = 0; i + 1 < sequence.length; i++) length += instance.cost[sequence[i] * n + sequence[i + 1]];
  if (options.closed && sequence.length > 1) length += instance.cost[sequence[sequence.length - 1] * n + sequence[0]];
  return { valid: violations.length === 0, violations, length };
}
