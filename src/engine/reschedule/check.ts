// Independent checker of a reschedule, written apart from the decoder: re-derives every rule from
// the shop, the published schedule, now and the frozen window (docs/rescheduling.md) and recounts
// the objective and the disruption from the two schedules.
import type { ScheduledOperation } from "../schedule/jobShop/jobShop";
import type { PublishedOperation } from "./published";
import { canRun, type Shop } from "./shop";

export interface RescheduleCheck {
  valid: boolean;
  violations: string[];
  makespan: number;
  totalWeightedTardiness: number;
  totalWeightedEarliness: number;
  /** Published operations of jobs still in the shop whose start differs in the new schedule. */
  movedOperations: number;
  totalStartShift: number;
}

const clash = (s: number, e: number, a: number, b: number) => (s < b && a < e) || (s === e && a < s && s < b) || (a === b && s < a && a < e);

/**
 * Checks a new schedule: each operation of every job not cancelled exactly once, on a machine
 * that can run it (its own or an alternative), with its duration; published operations that start before now + frozen keep machine and start;
 * all others start at or after now + frozen; nothing before a job's release (unless it had started
 * before now), precedence, one operation at a time per machine, and nothing while a machine is down.
 * @example checkReschedule(shop, published, result.operations, { now: 40, frozen: 20 }).valid // true
 */
export function checkReschedule(shop: Shop, published: readonly PublishedOperation[], operations: readonly ScheduledOperation[], window: { now: number; frozen: number }): RescheduleCheck {
  const violations: string[] = [];
  const limit = window.now + window.frozen;
  const key = (j: number, k: number) => `${j}/${k}`;
  const name = (j: number, k: number) => `job ${JSON.stringify(shop.jobs[j]?.id ?? j)} step ${k}`;
  const got = new Map<string, ScheduledOperation>();
  for (const op of operations) {
    const job = shop.jobs[op.job];
    const spec = job?.operations[op.step];
    if (!spec) { violations.push(`${name(op.job, op.step)} does not exist`); continue; }
    if (job.cancelled) violations.push(`${name(op.job, op.step)} belongs to a cancelled job`);
    if (got.has(key(op.job, op.step))) violations.push(`${name(op.job, op.step)} appears twice`);
    got.set(key(op.job, op.step), op);
    if (!canRun(spec, op.machine)) violations.push(`${name(op.job, op.step)} is on machine ${op.machine}, which cannot run it`);
    if (Math.abs(op.end - op.start - spec.duration) > 1e-9) violations.push(`${name(op.job, op.step)} lasts ${op.end - op.start}, not ${spec.duration}`);
    if (!(op.start >= 0)) violations.push(`${name(op.job, op.step)} starts before 0`);
  }
  const before = new Map<string, PublishedOperation>();
  for (const op of published) before.set(key(op.job, op.step), op);
  let moved = 0, shift = 0, makespan = 0, tardiness = 0, earliness = 0;
  shop.jobs.forEach((job, j) => {
    if (job.cancelled) return;
    let previousEnd = -Infinity;
    job.operations.forEach((_, k) => {
      const op = got.get(key(j, k));
      if (!op) { violations.push(`${name(j, k)} is missing`); return; }
      const old = before.get(key(j, k));
      if (old && old.start < limit) {
        if (op.start !== old.start || op.machine !== old.machine) violations.push(`${name(j, k)} was published at ${old.start} (before now + frozen = ${limit}) but starts at ${op.start}`);
      } else if (op.start < limit - 1e-9) {
        violations.push(`${name(j, k)} starts at ${op.start}, inside the frozen window or the past (before ${limit})`);
      }
      if (old && Math.abs(op.start - old.start) > 1e-9) { moved++; shift += Math.abs(op.start - old.start); }
      if (op.start >= window.now && op.start < (job.release ?? 0) - 1e-9) violations.push(`${name(j, k)} starts at ${op.start}, before the job's release ${job.release}`);
      if (op.start < previousEnd - 1e-9) violations.push(`${name(j, k)} starts at ${op.start}, before step ${k - 1} ends at ${previousEnd}`);
      previousEnd = op.end;
    });
    if (previousEnd > -Infinity) {
      makespan = Math.max(makespan, previousEnd);
      if (job.due !== undefined && previousEnd > job.due) tardiness += (job.weight ?? 1) * (previousEnd - job.due);
      if (job.earliest !== undefined && previousEnd < job.earliest) earliness += (job.earlinessWeight ?? job.weight ?? 1) * (job.earliest - previousEnd);
    }
  });
  const byMachine = new Map<number, ScheduledOperation[]>();
  for (const op of got.values()) {
    if (!byMachine.has(op.machine)) byMachine.set(op.machine, []);
    byMachine.get(op.machine)!.push(op);
  }
  for (const [m, ops] of byMachine) {
    for (let a = 0; a < ops.length; a++) {
      for (let b = a + 1; b < ops.length; b++) {
        if (clash(ops[a].start, ops[a].end, ops[b].start, ops[b].end)) violations.push(`machine ${m}: ${name(ops[a].job, ops[a].step)} overlaps ${name(ops[b].job, ops[b].step)}`);
      }
      for (const d of shop.downtime) {
        if (d.machine === m && d.to > d.from && clash(ops[a].start, ops[a].end, d.from, d.to)) violations.push(`machine ${m}: ${name(ops[a].job, ops[a].step)} runs while the machine is down (${d.from}–${d.to})`);
      }
    }
  }
  return { valid: violations.length === 0, violations, makespan, totalWeightedTardiness: tardiness, totalWeightedEarliness: earliness, movedOperations: moved, totalStartShift: shift };
}
