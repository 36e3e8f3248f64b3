// The test suite's own checker of a re-timed schedule (independent of src/: plain loops over every
// pair): shop rules (a machine that can run it: its own or an alternative; duration, release, steps
// in order, one at a time, no downtime) and the lock rules of docs/editing.md (time / moved by hand:
// start kept; machine: machine kept; sequence: the order of the sheet's starts kept among a
// machine's sequence locks).
import type { EditedRow } from "../../src/engine/reschedule/retimeEdits";
import type { Shop } from "../../src/engine/reschedule/shop";
import type { ScheduledOperation } from "../../src/engine/schedule";

const EPS = 1e-9;

/** Open intervals [s, e) share time (zero-length ones only strictly inside the other). */
function share(s: number, e: number, a: number, b: number): boolean {
  if (e - s <= 0) return a < s && s < b;
  if (b - a <= 0) return s < a && a < e;
  return Math.max(s, a) < Math.min(e, b);
}

/**
 * The schedule a re-timed sheet shows: each row on the machine its Machine cell names (-1 when the
 * shop has no such machine, which the rules then report) from its Start, for the operation's duration.
 */
export function scheduleOfRows(shop: Shop, rows: readonly EditedRow[]): ScheduledOperation[] {
  const machineIndex = (name: string) => shop.machines.findIndex((m) => m.trim().toLowerCase() === name.trim().toLowerCase());
  return rows.map((r) => ({ job: r.job, step: r.step, machine: machineIndex(r.machine), start: r.start, end: r.start + shop.jobs[r.job].operations[r.step].duration }));
}

/** Every broken rule, in words (empty: the schedule is feasible and keeps every lock). */
export function lockRuleViolations(shop: Shop, rows: readonly EditedRow[], ops: readonly ScheduledOperation[]): string[] {
  const out: string[] = [];
  const find = (j: number, k: number) => ops.filter((op) => op.job === j && op.step === k);
  shop.jobs.forEach((job, j) => {
    let ready = job.release ?? 0;
    job.operations.forEach((spec, k) => {
      const found = find(j, k);
      if (job.cancelled) { if (found.length > 0) out.push(`${job.id}/${k} of a cancelled job is scheduled`); return; }
      if (found.length !== 1) { out.push(`${job.id}/${k} is scheduled ${found.length} times`); return; }
      const op = found[0];
      if (!Number.isFinite(op.start) || !Number.isFinite(op.end) || op.start < 0) out.push(`${job.id}/${k} has no valid start (${op.start})`);
      if (op.machine !== spec.machine && !(spec.alternatives ?? []).includes(op.machine)) out.push(`${job.id}/${k} on machine ${op.machine}, which cannot run it`);
      if (Math.abs(op.end - op.start - spec.duration) > EPS) out.push(`${job.id}/${k} has the wrong duration`);
      if (op.start < ready - EPS) out.push(`${job.id}/${k} starts at ${op.start} before ${ready}`);
      ready = op.end;
    });
  });
  for (let a = 0; a < ops.length; a++) {
    for (let b = a + 1; b < ops.length; b++) {
      const x = ops[a], y = ops[b];
      if (x.machine === y.machine && share(x.start, x.end, y.start, y.end)) out.push(`${x.job}/${x.step} overlaps ${y.job}/${y.step}`);
    }
    for (const d of shop.downtime) {
      if (d.machine === ops[a].machine && d.to > d.from && share(ops[a].start, ops[a].end, d.from, d.to)) out.push(`${ops[a].job}/${ops[a].step} runs in downtime ${d.from}-${d.to}`);
    }
  }
  const sequence: EditedRow[] = [];
  for (const row of rows) {
    const op = find(row.job, row.step)[0];
    if (!op) continue;
    const moved = Math.abs(row.start - row.runStart) > EPS;
    if ((row.lock === "time" || (row.lock === null && moved)) && Math.abs(op.start - row.start) > EPS) out.push(`${row.job}/${row.step} held at ${row.start} starts at ${op.start}`);
    if (row.lock !== null && row.lock !== "sequence" && shop.machines[op.machine] !== row.machine) out.push(`${row.job}/${row.step} locked on ${row.machine} runs on ${shop.machines[op.machine]}`);
    if (row.lock === "sequence" && !shop.jobs[row.job].cancelled) sequence.push(row);
  }
  for (const r of sequence) {
    for (const q of sequence) {
      const a = find(r.job, r.step)[0], b = find(q.job, q.step)[0];
      if (a.machine !== b.machine) continue;
      const first = r.start < q.start || (r.start === q.start && (r.job < q.job || (r.job === q.job && r.step < q.step)));
      if (first && a !== b && b.start < a.end - EPS && !(a.end === a.start && b.start >= a.start)) out.push(`sequence lock: ${r.job}/${r.step} should run before ${q.job}/${q.step}`);
    }
  }
  return out;
}
