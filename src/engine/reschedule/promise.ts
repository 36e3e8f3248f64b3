// Capable to promise (docs/rescheduling.md): the earliest completion of an order if it were
// inserted now, (a) into the gaps of the published schedule, moving nothing, and (b) with a
// reschedule that puts this order first and then minimises the others' objective and disruption.
import { PlanningInputError } from "../errors";
import type { ScheduledOperation } from "../schedule/jobShop/jobShop";
import { mergedDowntime } from "./problem";
import type { PublishedOperation } from "./published";
import { reschedule, type RescheduleOptions } from "./reschedule";
import type { Shop } from "./shop";
import { Timeline } from "./timeline";

export interface PromiseAnswer {
  job: number;
  quantity: number;
  /** Inserted into the gaps: every published operation stays. */
  insertion: { completion: number; operations: ScheduledOperation[] };
  /** With a reschedule that minimises this order's completion first; null when not asked. */
  resolve: { completion: number; movedOperations: number; othersWeightedTardiness: number; makespan: number; operations: ScheduledOperation[] } | null;
}

/** The shop with job `job`'s durations multiplied by `quantity`. */
export function scaledShop(shop: Shop, job: number, quantity: number): Shop {
  return { ...shop, jobs: shop.jobs.map((j, i) => (i !== job ? j : { ...j, operations: j.operations.map((op) => ({ ...op, duration: op.duration * quantity })) })) };
}

/**
 * Earliest completion of job `job` (not in the published schedule) inserted without moving any
 * published operation: each step at the earliest time its machine is free (no downtime, no published
 * operation) after its previous step, from max(now + frozen, release). Greedy is optimal here: every step's
 * earliest fit only grows with its ready time.
 * @example insertionPromise(shop, published, 2, 10).completion // 31
 */
export function insertionPromise(shop: Shop, published: readonly PublishedOperation[], job: number, now: number): { completion: number; operations: ScheduledOperation[] } {
  const lines = shop.machines.map((_, m) => {
    const line = new Timeline(8);
    const busy: [number, number][] = mergedDowntime(shop, m);
    for (const op of published) if (op.machine === m && !shop.jobs[op.job].cancelled && op.job !== job) busy.push([op.start, op.end]);
    busy.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    for (const [s, e] of busy) line.insert(s, e);
    return line;
  });
  let t = Math.max(now, shop.jobs[job].release ?? 0);
  const operations: ScheduledOperation[] = shop.jobs[job].operations.map((op, step) => {
    const s = lines[op.machine].earliestFit(t, op.duration);
    lines[op.machine].insert(s, s + op.duration);
    t = s + op.duration;
    return { job, step, machine: op.machine, start: s, end: t };
  });
  return { completion: t, operations };
}

/**
 * Both promise dates of job `job` for `quantity` times its work. The job must not be in the
 * published schedule (it is the order being quoted).
 */
export function promiseDate(shop: Shop, published: readonly PublishedOperation[], job: number, quantity: number, options: RescheduleOptions & { resolve?: boolean }): PromiseAnswer {
  if (published.some((op) => op.job === job)) {
    throw new PlanningInputError(`job ${JSON.stringify(shop.jobs[job].id)} is already in the published schedule; quote an order that is not yet scheduled.`, "promise");
  }
  if (!(quantity > 0) || !Number.isFinite(quantity)) throw new PlanningInputError(`the quantity must be a number > 0 (got ${quantity}).`, "quantity");
  const scaled = scaledShop(shop, job, quantity);
  const insertion = insertionPromise(scaled, published, job, options.at + (options.frozen ?? 0));
  if (options.resolve === false) return { job, quantity, insertion, resolve: null };
  const others = scaled.jobs.reduce((s, j, i) => s + (i === job || j.cancelled ? 0 : (j.weight ?? 1)), 0);
  const first = { ...scaled, jobs: scaled.jobs.map((j, i) => (i === job ? { ...j, due: options.at, weight: 1000 * (others + 1) * Math.max(1, ...scaled.jobs.map((x) => x.weight ?? 1)), earliest: undefined } : j)) };
  const r = reschedule(first, published, { ...options, objective: "totalWeightedTardiness", skipFullResolve: true });
  const last = r.operations.filter((op) => op.job === job).reduce((a, b) => (b.end > a.end ? b : a));
  if (last.end <= insertion.completion) {
    const own = (first.jobs[job].weight ?? 1) * Math.max(0, last.end - options.at);
    return { job, quantity, insertion, resolve: { completion: last.end, movedOperations: r.disruption.movedOperations, othersWeightedTardiness: r.totalWeightedTardiness - own, makespan: r.makespan, operations: r.operations } };
  }
  // The search found nothing better than the insertion, which moves nothing: report it.
  const ends = new Map<number, number>();
  for (const op of published) if (!shop.jobs[op.job].cancelled) ends.set(op.job, Math.max(ends.get(op.job) ?? 0, op.end));
  let tardiness = 0, makespan = insertion.completion;
  for (const [j, end] of ends) {
    makespan = Math.max(makespan, end);
    const due = shop.jobs[j].due;
    if (due !== undefined && end > due) tardiness += (shop.jobs[j].weight ?? 1) * (end - due);
  }
  const operations = [...published.filter((op) => !shop.jobs[op.job].cancelled).map((op) => ({ ...op })), ...insertion.operations].sort((a, b) => a.job - b.job || a.step - b.step);
  return { job, quantity, insertion, resolve: { completion: insertion.completion, movedOperations: 0, othersWeightedTardiness: tardiness, makespan, operations } };
}
