// Exact job-shop search for small instances: depth-first branch and bound over Giffler–Thompson
// active schedules (branch on the conflict set of the earliest-completing operation), pruned by the
// one-machine Jackson preemptive bound (makespan) or by relaxed job completions (tardiness).
import type { FlatJobShop } from "./jobShop";
import { jacksonPreemptiveBound } from "./oneMachineBound";
import { timeOrder } from "../timeTolerance";

// Math and Infinity held in module constants: a global lookup in a hot loop costs ~100x more inside a
// vm context (jest runs the tests in one), so the loops below never name a global.
const { max } = Math;
const INF = Number.POSITIVE_INFINITY;

/** Budget and objective of the exact search. */
export interface BranchAndBoundOptions {
  objective: "makespan" | "totalWeightedTardiness";
  /** Value of a known solution: only strictly better ones are searched for. */
  upperBound: number;
  /** Stop after this many nodes (result not proven). Default 2,000,000. */
  nodeLimit?: number;
  /** Returns true when the search must stop (e.g. a time limit); polled every 256 nodes. */
  shouldStop?: () => boolean;
}

/** Outcome: `proven` when the whole tree was searched, so `value` (or the given bound) is optimal. */
export interface BranchAndBoundResult {
  proven: boolean;
  /** Best value found, or the given upper bound when none better exists. */
  value: number;
  /** Machine sequences of a better solution, or null when none was found. */
  sequences: number[][] | null;
  nodes: number;
}

/**
 * Searches all active schedules for one strictly better than `upperBound`.
 * @example jobShopBranchAndBound(flatten(ft06), { objective: "makespan", upperBound: 55 }).proven // true
 */
export function jobShopBranchAndBound(flat: FlatJobShop, options: BranchAndBoundOptions): BranchAndBoundResult {
  const { jobCount, jobFirst, duration: p, machine, machineCount } = flat;
  const n = flat.operationCount;
  const tardiness = options.objective === "totalWeightedTardiness";
  const nodeLimit = options.nodeLimit ?? 2_000_000;
  const jobTail = new Float64Array(n);
  for (let j = 0; j < jobCount; j++) {
    let q = 0;
    for (let o = jobFirst[j + 1] - 1; o >= jobFirst[j]; o--) { jobTail[o] = q; q += p[o]; }
  }
  const next = new Int32Array(jobCount);
  for (let j = 0; j < jobCount; j++) next[j] = jobFirst[j];
  const jobReady = new Float64Array(jobCount);
  const machineReady = new Float64Array(machineCount);
  const release = new Float64Array(n);
  const stack: number[] = [];
  let ub = options.upperBound;
  let bestOrder: number[] | null = null;
  let nodes = 0;
  let aborted = false;
  const machineOps: number[][] = Array.from({ length: machineCount }, () => []);
  // Times and values compared up to rounding (timeTolerance.ts): "strictly better" means by more than rounding.
  const { less, compare } = timeOrder(n + jobCount);

  const lowerBound = (): number => {
    let value = 0;
    for (const ops of machineOps) ops.length = 0;
    for (let j = 0; j < jobCount; j++) {
      let t = jobReady[j];
      for (let o = next[j]; o < jobFirst[j + 1]; o++) {
        const r = max(t, machineReady[machine[o]]);
        release[o] = r;
        t = r + p[o];
        machineOps[machine[o]].push(o);
      }
      if (tardiness) { const late = t - flat.dueDate[j]; if (late > 0) value += flat.weight[j] * late; }
      else if (t > value) value = t;
    }
    if (!tardiness) {
      for (const ops of machineOps) {
        if (ops.length > 1) value = max(value, jacksonPreemptiveBound(release, p, jobTail, ops));
      }
    }
    return value;
  };

  const finalValue = (): number => {
    let value = 0;
    for (let j = 0; j < jobCount; j++) {
      const t = jobReady[j];
      if (tardiness) { const late = t - flat.dueDate[j]; if (late > 0) value += flat.weight[j] * late; }
      else if (t > value) value = t;
    }
    return value;
  };

  const search = (depth: number): void => {
    if (aborted) return;
    nodes++;
    if (nodes > nodeLimit || ((nodes & 255) === 0 && options.shouldStop?.())) { aborted = true; return; }
    if (depth === n) {
      const v = finalValue();
      if (less(v, ub)) { ub = v; bestOrder = stack.slice(); }
      return;
    }
    if (!less(lowerBound(), ub)) return;
    // Giffler–Thompson: the operation completing first fixes the machine; branch on its conflicts.
    let bestEct = INF, star = -1;
    for (let j = 0; j < jobCount; j++) {
      const o = next[j];
      if (o >= jobFirst[j + 1]) continue;
      const ect = max(jobReady[j], machineReady[machine[o]]) + p[o];
      if (star === -1 || less(ect, bestEct)) { bestEct = ect; star = o; }
    }
    const m = machine[star];
    const conflict: number[] = [];
    for (let j = 0; j < jobCount; j++) {
      const o = next[j];
      if (o >= jobFirst[j + 1] || machine[o] !== m) continue;
      if (less(max(jobReady[j], machineReady[m]), bestEct) || o === star) conflict.push(o);
    }
    // Try the earliest start (then the longest remaining work) first.
    conflict.sort((a, b) => compare(max(jobReady[flat.job[a]], machineReady[m]), max(jobReady[flat.job[b]], machineReady[m])) || compare(jobTail[b], jobTail[a]));
    for (const o of conflict) {
      const j = flat.job[o];
      const savedJob = jobReady[j], savedMachine = machineReady[m];
      const start = max(savedJob, savedMachine);
      jobReady[j] = machineReady[m] = start + p[o];
      next[j]++;
      stack.push(o);
      search(depth + 1);
      stack.pop();
      next[j]--;
      jobReady[j] = savedJob;
      machineReady[m] = savedMachine;
      if (aborted) return;
    }
  };
  search(0);
  let sequences: number[][] | null = null;
  if (bestOrder !== null) {
    sequences = Array.from({ length: machineCount }, () => [] as number[]);
    for (const o of bestOrder as number[]) sequences[machine[o]].push(o);
  }
  return { proven: !aborted, value: ub, sequences, nodes };
}
