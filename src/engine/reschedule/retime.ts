// Re-time (docs/editing.md): the schedule repaired around the planner's edits with the least change
// to the rest (the last run's starts are the first try of every operation, as in the reschedule's
// right-shift repair), then, within a budget, improved without touching what is held; every
// conflict an edit causes is listed against the edited cell before anything is written. Pure.
import { seededRandom } from "../random";
import type { ScheduledOperation } from "../schedule";
import { validateShop, type Shop, type ShopObjective } from "./shop";
import type { EditedRow } from "./retimeEdits";
import { allAnchors, brokenHolds, candidateOf, decodeRetime, repairOrder, retimeScratch, type RetimeEvaluation } from "./retimeDecode";
import { buildRetimeProblem, operationName, type RetimeConflict, type RetimeProblem } from "./retimeProblem";
import { improveRetime } from "./retimeSearch";

export interface RetimeOptions {
  /** Default: weighted tardiness when a job has a due date, else makespan. */
  objective?: ShopObjective;
  /** Objective units per moved operation (default 1) and per time unit of start shift (default 0). */
  moveWeight?: number;
  shiftWeight?: number;
  /** Improvement budget after the repair; neither given: the repair alone. */
  timeLimitMs?: number;
  maxIterations?: number;
  seed?: number;
  /** The clock (ms), for tests. */
  now?: () => number;
}

/** Makespan, weighted tardiness and late orders of one schedule. */
export interface ScheduleMeasures {
  makespan: number;
  totalWeightedTardiness: number;
  lateOrders: number;
}

export interface RetimeResult {
  /** retimed: a schedule that keeps every hold; conflicts: an edit cannot be kept (see the errors), no schedule. */
  status: "retimed" | "conflicts";
  objective: ShopObjective;
  /** Operations of the jobs not cancelled, in job and step order (empty with status "conflicts"). */
  operations: ScheduledOperation[];
  /** Errors (edits that cannot be kept), warnings (due dates now missed), remarks (first tries not kept). */
  conflicts: RetimeConflict[];
  /** The last run's measures (from its starts, today's durations), null when there was no last run. */
  lastRun: ScheduleMeasures | null;
  after: ScheduleMeasures | null;
  /** Operations whose start differs from the last run's, and the sum of the differences. */
  movedOperations: number;
  totalStartShift: number;
  /** Operations held at their start, and rows of each lock kind. */
  held: number;
  locks: { time: number; machine: number; sequence: number };
  /** timedOut: the improvement stopped at its time limit. */
  statistics: { iterations: number; elapsedMs: number; repairRetries: number; timedOut: boolean };
}

const TOL = 1e-9;
/** Repair tries after the first, each with a larger set of urgent operations. */
const MAX_RETRIES = 6;

/**
 * Re-times `shop` around the edited rows (matchEditedRows).
 * @example retime(shop, rows, {}).conflicts.filter((c) => c.severity === "error") // [] when every edit can be kept
 */
export function retime(shop: Shop, rows: readonly EditedRow[], options: RetimeOptions = {}): RetimeResult {
  validateShop(shop);
  const clock = options.now ?? Date.now;
  const started = clock();
  const objective: ShopObjective = options.objective ?? (shop.jobs.some((j) => !j.cancelled && j.due !== undefined) ? "totalWeightedTardiness" : "makespan");
  const { problem: p, conflicts } = buildRetimeProblem(shop, rows, objective);
  const weights = { moveWeight: options.moveWeight ?? 1, shiftWeight: options.shiftWeight ?? 0 };
  const locks = { time: 0, machine: 0, sequence: 0 };
  for (const row of rows) if (row.lock) locks[row.lock]++;
  let held = 0;
  for (let o = 0; o < p.operationCount; o++) held += p.hold.held[o];
  const result = (status: RetimeResult["status"], e: RetimeEvaluation | null, start: Float64Array | null, iterations: number, retries: number, timedOut = false): RetimeResult => ({
    status, objective, operations: start ? scheduledOperations(p, start) : [], conflicts, lastRun: lastRunMeasures(p),
    after: e && { makespan: e.makespan, totalWeightedTardiness: e.totalWeightedTardiness, lateOrders: e.lateOrders },
    movedOperations: e?.movedOperations ?? 0, totalStartShift: e?.totalStartShift ?? 0, held, locks,
    statistics: { iterations, elapsedMs: clock() - started, repairRetries: retries, timedOut },
  });
  const urgent = new Uint8Array(p.operationCount);
  let { order, stuck } = repairOrder(p, urgent);
  for (const o of stuck) {
    if (p.hold.lock[o] !== "sequence") continue;
    conflicts.push({ severity: "error", kind: "sequence", job: p.job[o], step: p.step[o], where: p.hold.editCell[o], message: `${operationName(p, o)}: its sequence lock and those of other machines put the steps of its job out of order (a cycle); unlock one of them` });
  }
  if (conflicts.some((c) => c.severity === "error")) return result("conflicts", null, null, 0, 0);

  // The repair: every operation at its first try where it fits, else right-shifted; the steps before
  // a held step that end too late (and whatever must run before them) go first on the next tries.
  const scratch = retimeScratch(p);
  const anchor = allAnchors(p);
  let start: Float64Array = decodeRetime(p, { order, anchor }, scratch).slice();
  let broken = brokenHolds(p, start), retries = 0;
  let latest = broken;
  for (; broken.length > 0 && retries < MAX_RETRIES; retries++) {
    // Whatever must run before a broken hold goes first, at its first try where that is still free,
    // and the rest of it after those; the urgent set grows until no hold breaks (or the tries end).
    for (const h of latest) markUrgent(p, h, urgent);
    const tryOrder = repairOrder(p, urgent).order;
    let front = 0;
    while (front < tryOrder.length && urgent[tryOrder[front]]) front++;
    latest = brokenHolds(p, decodeRetime(p, { order: tryOrder, anchor }, scratch, front));
    if (latest.length < broken.length) { order = tryOrder; start = scratch.start.slice(); broken = latest; }
  }
  for (const h of broken) {
    conflicts.push({
      severity: "error", kind: "precedence", job: p.job[h], step: p.step[h], where: p.hold.editCell[h],
      message: `${operationName(p, h)} is held at ${p.hold.target[h]}, but step ${p.step[h] - 1} of the job cannot end before ${start[h - 1] + p.duration[h - 1]}`,
    });
  }
  if (broken.length > 0) return result("conflicts", null, null, 0, retries);

  const improved = improveRetime(p, candidateOf(p, order, start), weights, { timeLimitMs: options.timeLimitMs, maxIterations: options.maxIterations, now: clock }, seededRandom(options.seed ?? 1));
  start = improved.start;
  conflicts.push(...consequences(p, start));
  return result("retimed", improved.evaluation, start, improved.iterations, retries, improved.timedOut);
}

/**
 * Marks every free operation that must be placed before held operation h (its job's steps before
 * it, their sequence-lock predecessors, and theirs, transitively) urgent.
 */
function markUrgent(p: RetimeProblem, h: number, urgent: Uint8Array): void {
  const stack = [h];
  while (stack.length > 0) {
    const o = stack.pop()!;
    const before = [o > p.jobFirst[p.job[o]] ? o - 1 : -1, p.hold.sequencePred[o]];
    for (const q of before) {
      if (q < 0 || p.hold.held[q] || p.dropped[q] || urgent[q]) continue;
      urgent[q] = 1;
      stack.push(q);
    }
  }
}

/** The schedule's operations (jobs not cancelled) in job and step order. */
function scheduledOperations(p: RetimeProblem, start: Float64Array): ScheduledOperation[] {
  const out: ScheduledOperation[] = [];
  for (let o = 0; o < p.operationCount; o++) {
    if (p.dropped[o]) continue;
    out.push({ job: p.job[o], step: p.step[o], machine: p.machine[o], start: start[o], end: start[o] + p.duration[o] });
  }
  return out;
}

/** Completion of each job from start times (NaN where an operation has none). */
function completions(p: RetimeProblem, start: ArrayLike<number>): Float64Array {
  const out = new Float64Array(p.shop.jobs.length).fill(NaN);
  for (let j = 0; j < p.shop.jobs.length; j++) {
    let c = -Infinity;
    for (let o = p.jobFirst[j]; o < p.jobFirst[j + 1]; o++) c = Math.max(c, start[o] + p.duration[o]);
    if (p.jobFirst[j + 1] > p.jobFirst[j] && !p.dropped[p.jobFirst[j]]) out[j] = c;
  }
  return out;
}

function lastRunMeasures(p: RetimeProblem): ScheduleMeasures | null {
  const done = completions(p, p.hold.base);
  let makespan = 0, tardiness = 0, late = 0, any = false;
  done.forEach((c, j) => {
    if (Number.isNaN(c)) return;
    any = true;
    makespan = Math.max(makespan, c);
    if (c > p.due[j] + TOL) { tardiness += p.weight[j] * (c - p.due[j]); late++; }
  });
  return any ? { makespan, totalWeightedTardiness: tardiness, lateOrders: late } : null;
}

/**
 * What the kept edits cost: each order that misses its due date now (and did not, or by less, in the
 * last run), blamed on its own edit or else on the edit nearest before it on a machine it shares;
 * and each first try of a machine or sequence lock that could not be kept.
 */
function consequences(p: RetimeProblem, start: Float64Array): RetimeConflict[] {
  const out: RetimeConflict[] = [];
  const edits: number[] = [];
  for (let o = 0; o < p.operationCount; o++) if (p.hold.edited[o] && !p.dropped[o] && p.hold.editCell[o]) edits.push(o);
  if (edits.length === 0) return out;
  const before = completions(p, p.hold.base), after = completions(p, start);
  for (let j = 0; j < p.shop.jobs.length; j++) {
    const a = after[j], b = before[j];
    if (Number.isNaN(a) || a <= p.due[j] + TOL) continue;
    if (!Number.isNaN(b) && b + TOL >= a) continue;
    const blame = blameFor(p, j, start, edits);
    const was = Number.isNaN(b) ? "" : b > p.due[j] + TOL ? ` (the last run: ${b}, already late)` : ` (the last run: ${b}, on time)`;
    out.push({ severity: "warning", kind: "due", job: j, step: p.step[blame], where: p.hold.editCell[blame], message: `job ${JSON.stringify(p.shop.jobs[j].id)} now ends at ${a}, after its due date ${p.due[j]}${was}; caused by the edit of ${operationName(p, blame)}` });
  }
  for (const o of edits) {
    if (p.hold.held[o] || (p.hold.lock[o] !== "machine" && p.hold.lock[o] !== "sequence")) continue;
    const want = p.hold.target[o];
    if (Math.abs(start[o] - want) > TOL && Math.abs(want - p.hold.base[o]) > TOL) {
      out.push({ severity: "info", kind: "target", job: p.job[o], step: p.step[o], where: p.hold.editCell[o], message: `${operationName(p, o)} was moved to ${want} with a ${p.hold.lock[o]} lock (start free); it starts at ${start[o]}` });
    }
  }
  return out;
}

/** The edit a late job's delay is put down to: its own, else the latest edit that starts before one of its operations on the same machine. */
function blameFor(p: RetimeProblem, j: number, start: Float64Array, edits: readonly number[]): number {
  const own = edits.find((o) => p.job[o] === j);
  if (own !== undefined) return own;
  let best = edits[0], bestStart = -Infinity;
  for (let o = p.jobFirst[j]; o < p.jobFirst[j + 1]; o++) {
    for (const e of edits) {
      if (p.machine[e] === p.machine[o] && start[e] <= start[o] && start[e] > bestStart) { best = e; bestStart = start[e]; }
    }
  }
  return best;
}
