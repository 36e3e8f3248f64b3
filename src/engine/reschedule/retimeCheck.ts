// Independent checker of a re-time, written apart from the decoder: re-derives the shop's rules and
// the lock rules (docs/editing.md) from the shop and the edited rows alone, and recounts the measures.
import type { ScheduledOperation } from "../schedule";
import { canRun, type Shop } from "./shop";
import type { EditedRow } from "./retimeEdits";
import { mergedDowntime } from "./problem";

export interface RetimeCheck {
  valid: boolean;
  violations: string[];
  makespan: number;
  totalWeightedTardiness: number;
  /** Rows whose start differs from their last run's start. */
  movedOperations: number;
}

const TOL = 1e-9;
const clash = (s: number, e: number, a: number, b: number) => (s < b && a < e) || (s === e && a < s && s < b) || (a === b && s < a && a < e);

/**
 * Checks a re-timed schedule: every operation of every job not cancelled exactly once, on a
 * machine that can run it (its own or an alternative), with its duration, not before its release
 * or its job's previous step, alone on its machine and not while it is down; a `time` lock or a start moved with no lock keeps the row's
 * start; a `machine` lock keeps the row's machine; `sequence` locks of a machine keep the order of
 * their starts on the sheet.
 * @example checkRetime(shop, rows, result.operations).valid // true
 */
export function checkRetime(shop: Shop, rows: readonly EditedRow[], operations: readonly ScheduledOperation[]): RetimeCheck {
  const violations: string[] = [];
  const name = (j: number, k: number) => `job ${JSON.stringify(shop.jobs[j]?.id ?? j)} step ${k}`;
  const got = new Map<string, ScheduledOperation>();
  for (const op of operations) {
    const spec = shop.jobs[op.job]?.operations[op.step];
    if (!spec) { violations.push(`${name(op.job, op.step)} does not exist`); continue; }
    if (shop.jobs[op.job].cancelled) violations.push(`${name(op.job, op.step)} belongs to a cancelled job`);
    const key = `${op.job}/${op.step}`;
    if (got.has(key)) violations.push(`${name(op.job, op.step)} appears twice`);
    got.set(key, op);
    if (!canRun(spec, op.machine)) violations.push(`${name(op.job, op.step)} is on machine ${op.machine}, which cannot run it (only ${[spec.machine, ...(spec.alternatives ?? [])].join(" or ")})`);
    if (!Number.isFinite(op.start) || !Number.isFinite(op.end) || op.start < 0) violations.push(`${name(op.job, op.step)} has no valid start (${op.start})`);
    if (Math.abs(op.end - op.start - spec.duration) > TOL) violations.push(`${name(op.job, op.step)} lasts ${op.end - op.start}, not ${spec.duration}`);
  }
  let makespan = 0, tardiness = 0;
  shop.jobs.forEach((job, j) => {
    if (job.cancelled) return;
    let previousEnd = job.release ?? 0;
    job.operations.forEach((_, k) => {
      const op = got.get(`${j}/${k}`);
      if (!op) { violations.push(`${name(j, k)} is missing`); return; }
      if (op.start < previousEnd - TOL) violations.push(`${name(j, k)} starts at ${op.start}, before ${k === 0 ? `the job's release ${previousEnd}` : `step ${k - 1} ends at ${previousEnd}`}`);
      previousEnd = op.end;
    });
    makespan = Math.max(makespan, previousEnd);
    if (job.due !== undefined && previousEnd > job.due + TOL) tardiness += (job.weight ?? 1) * (previousEnd - job.due);
  });
  const byMachine: ScheduledOperation[][] = shop.machines.map(() => []);
  for (const op of got.values()) byMachine[op.machine]?.push(op);
  byMachine.forEach((ops, m) => {
    ops.sort((a, b) => a.start - b.start || a.end - b.end);
    let reach: ScheduledOperation | null = null;
    for (const op of ops) {
      if (reach && clash(op.start, op.end, reach.start, reach.end)) violations.push(`machine ${JSON.stringify(shop.machines[m])}: ${name(reach.job, reach.step)} overlaps ${name(op.job, op.step)}`);
      if (!reach || op.end > reach.end) reach = op;
    }
    const downs = mergedDowntime(shop, m);
    let d = 0;
    for (const op of ops) {
      while (d < downs.length && downs[d][1] <= op.start) d++;
      for (let k = d; k < downs.length && downs[k][0] <= op.end; k++) {
        if (clash(op.start, op.end, downs[k][0], downs[k][1])) violations.push(`machine ${JSON.stringify(shop.machines[m])}: ${name(op.job, op.step)} runs while it is down (${downs[k][0]}–${downs[k][1]})`);
      }
    }
  });
  let moved = 0;
  const chains = new Map<number, EditedRow[]>();
  for (const row of rows) {
    const op = got.get(`${row.job}/${row.step}`);
    if (!op) continue;
    if (Math.abs(op.start - row.runStart) > TOL) moved++;
    const handMoved = Math.abs(row.start - row.runStart) > TOL;
    if ((row.lock === "time" || (row.lock === null && handMoved)) && Math.abs(op.start - row.start) > TOL) {
      violations.push(`${name(row.job, row.step)} is held at ${row.start} (${row.lock === "time" ? "time lock" : "moved by hand"}) but starts at ${op.start}`);
    }
    if ((row.lock === "time" || row.lock === "machine") && shop.machines[op.machine]?.toLowerCase() !== row.machine.trim().toLowerCase()) {
      violations.push(`${name(row.job, row.step)} has a ${row.lock} lock on ${JSON.stringify(row.machine)} but runs on ${JSON.stringify(shop.machines[op.machine])}`);
    }
    if (row.lock === "sequence") {
      if (!chains.has(op.machine)) chains.set(op.machine, []);
      chains.get(op.machine)!.push(row);
    }
  }
  for (const [m, chain] of chains) {
    chain.sort((a, b) => a.start - b.start || a.job - b.job || a.step - b.step);
    for (let i = 1; i < chain.length; i++) {
      const a = got.get(`${chain[i - 1].job}/${chain[i - 1].step}`)!, b = got.get(`${chain[i].job}/${chain[i].step}`)!;
      if (b.start < a.end - TOL || (b.start === a.start && a.end > a.start)) violations.push(`machine ${JSON.stringify(shop.machines[m])}: the sequence lock puts ${name(a.job, a.step)} before ${name(b.job, b.step)}, but ${name(b.job, b.step)} starts at ${b.start}`);
    }
  }
  return { valid: violations.length === 0, violations, makespan, totalWeightedTardiness: tardiness, movedOperations: moved };
}
