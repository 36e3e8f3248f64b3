// Initial job-shop solutions: Giffler–Thompson active schedules under priority-dispatch rules
// (SPT, MWKR, MOPNR, EDD, random), keeping the best by the chosen objective. Each machine keeps the
// jobs waiting for it (in job order) and its earliest completion; a tournament tree over the machines
// finds the earliest completion of the shop, so a step costs the jobs waiting at two machines and
// log(machines), not a scan of every job: 20,000 operations take milliseconds.
import type { FlatJobShop } from "./jobShop";
import { totalWeightedTardiness } from "./jobShop";
import type { Random } from "../random";
import { computeHeads, graphScratch, jobCompletions, linksFromSequences } from "./disjunctiveGraph";
import { timeOrder } from "../timeTolerance";

// Math and Infinity held in module constants: a global lookup in a hot loop costs ~100x more inside a
// vm context (jest runs the tests in one), so the loops below never name a global.
const { max } = Math;
const INF = Number.POSITIVE_INFINITY;

/** A dispatch rule: the priority of operation o (higher goes first) given the remaining work of its job. */
export type DispatchRule = "spt" | "lpt" | "mwkr" | "mopnr" | "edd" | "random";

/**
 * Machine sequences of the Giffler–Thompson active schedule under `rule` (ties and "random" use `random`).
 * Each step takes the machine of the operation completing first (earliest completion, then the lowest
 * job), and on it, among the operations that could start before that completion, the one of highest
 * priority (equal priorities in random order, drawn in job order).
 * @example activeSchedule(ft06, "mwkr", rnd) // 6 machine sequences; their makespan is ≥ 55
 */
export function activeSchedule(flat: FlatJobShop, rule: DispatchRule, random: Random): number[][] {
  const { jobCount, jobFirst, duration, machine, machineCount } = flat;
  const release = flat.release;
  const next = new Int32Array(jobCount);
  const jobReady = new Float64Array(jobCount);
  /** Earliest start of job j's next operation apart from its machine: max(job ready, release). */
  const ready = new Float64Array(jobCount);
  const machineReady = new Float64Array(machineCount);
  const remaining = new Float64Array(jobCount);
  const waiting: number[][] = Array.from({ length: machineCount }, () => []);
  for (let j = 0; j < jobCount; j++) {
    next[j] = jobFirst[j];
    for (let o = jobFirst[j]; o < jobFirst[j + 1]; o++) remaining[j] += duration[o];
    if (jobFirst[j] < jobFirst[j + 1]) {
      ready[j] = release ? max(0, release[jobFirst[j]]) : 0;
      waiting[machine[jobFirst[j]]].push(j); // in job order
    }
  }
  const times = timeOrder(flat.operationCount);
  const { less, same } = times;
  // Earliest completion of each machine's waiting operations, and its job (-1: none waiting).
  const machineEct = new Float64Array(machineCount).fill(INF);
  const machineJob = new Int32Array(machineCount).fill(-1);
  const ectOf = (j: number, m: number) => max(ready[j], machineReady[m]) + duration[next[j]];
  const earlier = (ectA: number, jobA: number, ectB: number, jobB: number) => less(ectA, ectB) || (same(ectA, ectB) && jobA < jobB);
  // Times here are finite and ≥ 0, so less(a, b) is b − a > rel·(a + b), written out in the loops.
  const rel = times.relative;
  const rescan = (m: number) => {
    // In job order, a later job wins only by being earlier by more than rounding (as earlier() does).
    let bestEct = INF, bestJob = -1;
    const queue = waiting[m], mr = machineReady[m];
    for (let i = 0; i < queue.length; i++) {
      const j = queue[i], r = ready[j];
      const ect = (r > mr ? r : mr) + duration[next[j]];
      if (bestJob === -1 || bestEct - ect > rel * (ect + bestEct)) { bestEct = ect; bestJob = j; }
    }
    machineEct[m] = bestEct;
    machineJob[m] = bestJob;
  };
  // Tournament tree over the machines: tree[1] is the machine whose waiting operation completes first.
  let size = 1;
  while (size < machineCount) size *= 2;
  const tree = new Int32Array(2 * size).fill(-1);
  const winner = (a: number, b: number) => {
    if (a < 0 || machineJob[a] < 0) return b < 0 || machineJob[b] < 0 ? -1 : b;
    if (b < 0 || machineJob[b] < 0) return a;
    return earlier(machineEct[b], machineJob[b], machineEct[a], machineJob[a]) ? b : a;
  };
  const update = (m: number) => {
    let k = size + m;
    tree[k] = machineJob[m] >= 0 ? m : -1;
    for (k >>= 1; k >= 1; k >>= 1) tree[k] = winner(tree[2 * k], tree[2 * k + 1]);
  };
  for (let m = 0; m < machineCount; m++) { rescan(m); tree[size + m] = machineJob[m] >= 0 ? m : -1; }
  for (let k = size - 1; k >= 1; k--) tree[k] = winner(tree[2 * k], tree[2 * k + 1]);

  const sequences: number[][] = Array.from({ length: machineCount }, () => []);
  for (let scheduled = 0; scheduled < flat.operationCount; scheduled++) {
    const m = tree[1];
    const bestEct = machineEct[m], bestOp = next[machineJob[m]];
    let chosen = -1, chosenAt = -1;
    let chosenPriority = -INF, chosenKey = 0;
    const queue = waiting[m], mr = machineReady[m];
    for (let i = 0; i < queue.length; i++) {
      const j = queue[i], o = next[j], r = ready[j];
      const est = r > mr ? r : mr;
      if (!(bestEct - est > rel * (est + bestEct) || o === bestOp)) continue;
      // Highest priority first, equal priorities (up to rounding) in random order; a job without a due
      // date has priority -Infinity under "edd".
      const p = priority(flat, rule, o, j, remaining[j], next[j], random), key = random();
      if (chosen === -1 || (same(p, chosenPriority) ? key > chosenKey : p > chosenPriority)) {
        chosenPriority = p;
        chosenKey = key;
        chosen = o;
        chosenAt = i;
      }
    }
    const j = flat.job[chosen];
    const start = max(ready[j], machineReady[m]);
    jobReady[j] = machineReady[m] = start + duration[chosen];
    remaining[j] -= duration[chosen];
    next[j]++;
    sequences[m].push(chosen);
    queue.splice(chosenAt, 1);
    const o = next[j];
    if (o < jobFirst[j + 1]) {
      ready[j] = release && release[o] > jobReady[j] ? release[o] : jobReady[j];
      const to = machine[o];
      insertInOrder(waiting[to], j);
      if (to !== m) {
        const ect = ectOf(j, to);
        if (machineJob[to] === -1 || earlier(ect, j, machineEct[to], machineJob[to])) { machineEct[to] = ect; machineJob[to] = j; update(to); }
      }
    }
    rescan(m);
    update(m);
  }
  return sequences;
}

/** Inserts job j into a list of jobs kept in increasing order. */
function insertInOrder(list: number[], j: number): void {
  let lo = 0, hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < j) lo = mid + 1; else hi = mid;
  }
  list.splice(lo, 0, j);
}

function priority(flat: FlatJobShop, rule: DispatchRule, o: number, j: number, remaining: number, nextOp: number, random: Random): number {
  switch (rule) {
    case "spt": return -flat.duration[o];
    case "lpt": return flat.duration[o];
    case "mwkr": return remaining;
    case "mopnr": return flat.jobFirst[j + 1] - nextOp;
    case "edd": return -flat.dueDate[j] / max(flat.weight[j], 1e-9);
    case "random": return random();
  }
}

/** Makespan and total weighted tardiness of machine sequences (as built by activeSchedule: acyclic). */
export function evaluateSequences(flat: FlatJobShop, sequences: number[][]): { makespan: number; tardiness: number } {
  const head = new Float64Array(flat.operationCount);
  const makespan = computeHeads(flat, linksFromSequences(flat, sequences), head, graphScratch(flat));
  return { makespan, tardiness: totalWeightedTardiness(flat, jobCompletions(flat, head)) };
}
