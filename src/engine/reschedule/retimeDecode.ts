// Schedule generation of a re-time: the free operations placed one by one in a list order that
// keeps each job's steps and each machine's sequence locks in order, each at its first try (the
// edited or last run's start) when the anchor bit is set and it fits, else as early as its job,
// its release, its sequence lock and its machine (downtime, held and placed operations) allow.
import { MinHeap } from "../minHeap";
import type { RetimeProblem } from "./retimeProblem";
import { Timeline } from "./timeline";

/** A list of the free operations (job and sequence order kept) and one anchor bit per operation. */
export interface RetimeCandidate {
  order: Int32Array;
  anchor: Uint8Array;
  /** First tries of the free operations (default: the holds' targets, i.e. the sheet's starts). */
  target?: Float64Array;
}

/** The measures of a schedule, and the search's cost (docs/editing.md). */
export interface RetimeEvaluation {
  makespan: number;
  /** Σ w_j·max(0, C_j − d_j) (docs/model.md §7, eq. 18). */
  totalWeightedTardiness: number;
  lateOrders: number;
  /** Operations whose start differs from the last run's. */
  movedOperations: number;
  totalStartShift: number;
  /** Held operations whose job's previous step cannot end before the held start. */
  brokenHolds: number;
  /** objective + moveWeight·moved + shiftWeight·shift (+ a large price per broken hold). */
  cost: number;
}

export interface RetimeScratch {
  lines: Timeline[];
  start: Float64Array;
}

export function retimeScratch(p: RetimeProblem): RetimeScratch {
  return { lines: p.lines.map((b, m) => new Timeline(b.count + p.freeOnMachine[m])), start: new Float64Array(p.operationCount) };
}

const TOL = 1e-9;

/**
 * The repair's list: a topological order of the free operations (job steps, sequence locks) by
 * their first try, or for an operation without one its job's estimate; an operation before a held
 * step of its job is due early enough to end before it; `urgent` operations go first.
 * `stuck`: the free operations no order can place (the sequence locks and the job steps form a cycle).
 * @example repairOrder(p, new Uint8Array(p.operationCount)).order.length === p.free.length
 */
export function repairOrder(p: RetimeProblem, urgent: Uint8Array): { order: Int32Array; stuck: number[] } {
  const { hold } = p;
  const key = new Float64Array(p.operationCount);
  for (let j = 0; j < p.shop.jobs.length; j++) {
    let t = p.release[j];
    for (let o = p.jobFirst[j]; o < p.jobFirst[j + 1]; o++) {
      const x = hold.target[o];
      key[o] = hold.held[o] ? x : Number.isNaN(x) ? t : x;
      t = key[o] + p.duration[o];
    }
    // Before a held step: no later than its latest start.
    let latest = Infinity;
    for (let o = p.jobFirst[j + 1] - 1; o >= p.jobFirst[j]; o--) {
      if (hold.held[o]) { latest = hold.target[o]; continue; }
      latest -= p.duration[o];
      if (latest < key[o]) key[o] = latest;
      if (urgent[o]) key[o] -= 1e15; // first, in their own order
    }
  }
  const indegree = new Int32Array(p.operationCount);
  const isFree = new Uint8Array(p.operationCount);
  for (const o of p.free) isFree[o] = 1;
  const jobPredFree = (o: number) => o > p.jobFirst[p.job[o]] && isFree[o - 1] === 1;
  for (const o of p.free) {
    if (jobPredFree(o)) indegree[o]++;
    const s = hold.sequencePred[o];
    if (s >= 0 && isFree[s]) indegree[o]++;
  }
  const heap = new MinHeap<number>((a, b) => key[a] - key[b] || a - b);
  for (const o of p.free) if (indegree[o] === 0) heap.push(o);
  const order = new Int32Array(p.free.length);
  let k = 0;
  const release = (q: number) => { if (--indegree[q] === 0) heap.push(q); };
  while (heap.size > 0) {
    const o = heap.pop()!;
    order[k++] = o;
    if (o + 1 < p.jobFirst[p.job[o] + 1] && isFree[o + 1]) release(o + 1);
    const s = hold.sequenceSucc[o];
    if (s >= 0 && isFree[s]) release(s);
  }
  return { order, stuck: k < p.free.length ? p.free.filter((o) => indegree[o] > 0) : [] };
}

/** Every free operation with a first try anchored. */
export function allAnchors(p: RetimeProblem): Uint8Array {
  const anchor = new Uint8Array(p.operationCount);
  for (const o of p.free) if (!Number.isNaN(p.hold.target[o])) anchor[o] = 1;
  return anchor;
}

/**
 * Start times of every operation for a candidate (held: their start; dropped: NaN), in `scratch.start`.
 * The first `deferFront` operations of the list (the repair's urgent ones) that cannot take their
 * first try, or follow one that could not, wait until the others of the front are placed, so they
 * do not take the places of those that can.
 * @example decodeRetime(p, { order: repairOrder(p, none).order, anchor: allAnchors(p) }, scratch)[o]
 */
export function decodeRetime(p: RetimeProblem, c: RetimeCandidate, scratch: RetimeScratch, deferFront = 0): Float64Array {
  const { lines, start } = scratch;
  const { hold } = p;
  const target = c.target ?? hold.target;
  for (let m = 0; m < lines.length; m++) lines[m].copyFrom(p.lines[m]);
  for (let o = 0; o < p.operationCount; o++) start[o] = p.dropped[o] ? NaN : hold.held[o] ? hold.target[o] : NaN;
  const readyOf = (o: number) => {
    const j = p.job[o];
    let r = p.release[j];
    if (o > p.jobFirst[j]) r = Math.max(r, start[o - 1] + p.duration[o - 1]);
    const q = hold.sequencePred[o];
    if (q >= 0) r = Math.max(r, start[q] + p.duration[q]);
    return r;
  };
  const place = (o: number, s: number) => { start[o] = s; lines[p.machine[o]].insert(s, s + p.duration[o]); };
  const deferred: number[] = [];
  const order = c.order;
  for (let i = 0; i < order.length; i++) {
    if (i === deferFront) for (const o of deferred.splice(0)) place(o, lines[p.machine[o]].earliestFit(readyOf(o), p.duration[o]));
    const o = order[i];
    const d = p.duration[o], line = lines[p.machine[o]];
    const r = readyOf(o);
    const x = target[o];
    if (c.anchor[o] === 1 && x >= r && line.fits(x, d)) { place(o, x); continue; }
    if (i < deferFront) { deferred.push(o); continue; } // r is NaN after a deferred operation: deferred too
    place(o, line.earliestFit(r, d));
  }
  for (const o of deferred) place(o, lines[p.machine[o]].earliestFit(readyOf(o), p.duration[o]));
  return start;
}

/**
 * The candidate that decodes to start times `start` exactly: the free operations by start (ties: the
 * list `order`'s order), each anchored at its own start.
 */
export function candidateOf(p: RetimeProblem, order: Int32Array, start: Float64Array): RetimeCandidate {
  const rank = new Int32Array(p.operationCount);
  order.forEach((o, i) => { rank[o] = i; });
  const sorted = Int32Array.from(order).sort((a, b) => start[a] - start[b] || rank[a] - rank[b]);
  const anchor = new Uint8Array(p.operationCount);
  for (const o of sorted) anchor[o] = 1;
  return { order: sorted, anchor, target: start.slice() };
}

/** Price of one broken hold in the search's cost: no schedule with one is ever preferred. */
const BROKEN = 1e15;

/** The measures of start times `start` (dropped operations skipped) and the cost with these weights. */
export function evaluateRetime(p: RetimeProblem, start: Float64Array, weights: { moveWeight: number; shiftWeight: number }): RetimeEvaluation {
  let makespan = 0, tardiness = 0, late = 0, moved = 0, shift = 0, broken = 0;
  for (let j = 0; j < p.shop.jobs.length; j++) {
    const last = p.jobFirst[j + 1] - 1;
    if (last < p.jobFirst[j] || p.dropped[last]) continue;
    const completion = start[last] + p.duration[last];
    makespan = Math.max(makespan, completion);
    if (completion > p.due[j] + TOL) { tardiness += p.weight[j] * (completion - p.due[j]); late++; }
  }
  for (let o = 0; o < p.operationCount; o++) {
    if (p.dropped[o]) continue;
    const b = p.hold.base[o];
    if (!Number.isNaN(b) && Math.abs(start[o] - b) > TOL) { moved++; shift += Math.abs(start[o] - b); }
    if (p.hold.held[o] && o > p.jobFirst[p.job[o]] && start[o - 1] + p.duration[o - 1] > start[o] + TOL) broken++;
  }
  const primary = p.objective === "makespan" ? makespan : tardiness;
  return {
    makespan, totalWeightedTardiness: tardiness, lateOrders: late, movedOperations: moved, totalStartShift: shift, brokenHolds: broken,
    cost: primary + weights.moveWeight * moved + weights.shiftWeight * shift + BROKEN * broken,
  };
}

/** Held operations whose previous step ends after the held start. */
export function brokenHolds(p: RetimeProblem, start: Float64Array): number[] {
  const out: number[] = [];
  for (let o = 0; o < p.operationCount; o++) {
    if (!p.hold.held[o] || p.dropped[o] || o === p.jobFirst[p.job[o]]) continue;
    if (start[o - 1] + p.duration[o - 1] > start[o] + TOL) out.push(o);
  }
  return out;
}
