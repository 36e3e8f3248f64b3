// Initial job-shop solutions: Giffler–Thompson active schedules under priority-dispatch rules
// (SPT, MWKR, MOPNR, EDD, random), keeping the best by the chosen objective.
import type { FlatJobShop } from "./jobShop";
import { totalWeightedTardiness } from "./jobShop";
import type { Random } from "./random";
import { computeHeads, graphScratch, jobCompletions, linksFromSequences } from "./disjunctiveGraph";
import { timeOrder } from "./timeTolerance";

/** A dispatch rule: the priority of operation o (higher goes first) given the remaining work of its job. */
export type DispatchRule = "spt" | "lpt" | "mwkr" | "mopnr" | "edd" | "random";

/**
 * Machine sequences of the Giffler–Thompson active schedule under `rule` (ties and "random" use `random`).
 * @example activeSchedule(ft06, "mwkr", rnd) // 6 machine sequences; their makespan is ≥ 55
 */
export function activeSchedule(flat: FlatJobShop, rule: DispatchRule, random: Random): number[][] {
  const { jobCount, jobFirst, duration, machine } = flat;
  const next = new Int32Array(jobCount);
  const jobReady = new Float64Array(jobCount);
  const machineReady = new Float64Array(flat.machineCount);
  const remaining = new Float64Array(jobCount);
  for (let j = 0; j < jobCount; j++) {
    next[j] = jobFirst[j];
    for (let o = jobFirst[j]; o < jobFirst[j + 1]; o++) remaining[j] += duration[o];
  }
  const sequences: number[][] = Array.from({ length: flat.machineCount }, () => []);
  const times = timeOrder(flat.operationCount);
  for (let scheduled = 0; scheduled < flat.operationCount; scheduled++) {
    let bestEct = Infinity;
    let bestOp = -1;
    for (let j = 0; j < jobCount; j++) {
      const o = next[j];
      if (o >= jobFirst[j + 1]) continue;
      const ect = Math.max(jobReady[j], machineReady[machine[o]], flat.release ? flat.release[o] : 0) + duration[o];
      if (bestOp === -1 || times.less(ect, bestEct)) {
        bestEct = ect;
        bestOp = o;
      }
    }
    const m = machine[bestOp];
    let chosen = -1;
    let chosenPriority = -Infinity, chosenKey = 0;
    for (let j = 0; j < jobCount; j++) {
      const o = next[j];
      if (o >= jobFirst[j + 1] || machine[o] !== m) continue;
      const est = Math.max(jobReady[j], machineReady[m], flat.release ? flat.release[o] : 0);
      if (!(times.less(est, bestEct) || o === bestOp)) continue;
      // Highest priority first, equal priorities (up to rounding) in random order; a job without a due
      // date has priority -Infinity under "edd".
      const p = priority(flat, rule, o, j, remaining[j], next[j], random), key = random();
      if (chosen === -1 || (times.same(p, chosenPriority) ? key > chosenKey : p > chosenPriority)) {
        chosenPriority = p;
        chosenKey = key;
        chosen = o;
      }
    }
    const j = flat.job[chosen];
    const start = Math.max(jobReady[j], machineReady[m], flat.release ? flat.release[chosen] : 0);
    jobReady[j] = machineReady[m] = start + duration[chosen];
    remaining[j] -= duration[chosen];
    next[j]++;
    sequences[m].push(chosen);
  }
  return sequences;
}

function priority(flat: FlatJobShop, rule: DispatchRule, o: number, j: number, remaining: number, nextOp: number, random: Random): number {
  switch (rule) {
    case "spt": return -flat.duration[o];
    case "lpt": return flat.duration[o];
    case "mwkr": return remaining;
    case "mopnr": return flat.jobFirst[j + 1] - nextOp;
    case "edd": return -flat.dueDate[j] / Math.max(flat.weight[j], 1e-9);
    case "random": return random();
  }
}

/** Makespan and total weighted tardiness of machine sequences (as built by activeSchedule: acyclic). */
export function evaluateSequences(flat: FlatJobShop, sequences: number[][]): { makespan: number; tardiness: number } {
  const head = new Float64Array(flat.operationCount);
  const makespan = computeHeads(flat, linksFromSequences(flat, sequences), head, graphScratch(flat));
  return { makespan, tardiness: totalWeightedTardiness(flat, jobCompletions(flat, head)) };
}
