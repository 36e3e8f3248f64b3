// The free operations of a reschedule as a job shop with releases, so the disjunctive-graph tabu
// search for weighted tardiness (src/engine/schedule/tardinessSearch.ts) can work on them; and the
// way back: machine sequences to a candidate of the decoder, which then honours downtime exactly.
import type { FlatJobShop } from "../schedule/jobShop/jobShop";
import type { MachineLinks } from "../schedule/jobShop/disjunctiveGraph";
import { computeHeads, graphScratch, linksFromSequences } from "../schedule/jobShop/disjunctiveGraph";
import type { Candidate } from "./decode";
import type { RescheduleProblem } from "./problem";
import type { Random } from "../random";
import type { SearchClock } from "../schedule/searchControl";
import { tabuSearchTardiness } from "../schedule/jobShop/tardinessSearch";

/** The free operations as a FlatJobShop: local operation i is global operation `global[i]`; local job k is shop job `globalJob[k]`. */
export interface FreeJobShop {
  flat: FlatJobShop;
  global: Int32Array;
  globalJob: Int32Array;
  /** Local index of each global operation (-1: not free). */
  local: Int32Array;
}

/**
 * The earliest time each machine is free for free operations: now + frozen, after the kept
 * operations and any downtime that covers that moment.
 * @example machineRelease(p)[m] >= p.freeFrom
 */
export function machineRelease(p: RescheduleProblem): Float64Array {
  return Float64Array.from(p.base, (line) => {
    let t = p.freeFrom;
    for (let k = 0; k < line.count; k++) if (line.starts[k] <= t && line.ends[k] > t) t = line.ends[k];
    return t;
  });
}

/**
 * The free operations of `p` as a job shop. Each operation's release is its job's ready time (first
 * free step) and its machine's release; `anchored` also makes a published operation's release its
 * published start, so in the semi-active schedule an operation moves only when something pushes it.
 * Downtime after a machine's release is left to the decoder.
 * @example freeJobShop(p, true).flat.release[i] >= p.publishedStart[freeJobShop(p, true).global[i]]
 */
export function freeJobShop(p: RescheduleProblem, anchored: boolean): FreeJobShop {
  const n = p.free.length;
  const global = Int32Array.from(p.free);
  const local = new Int32Array(p.operationCount).fill(-1);
  global.forEach((o, i) => { local[o] = i; });
  const jobs: number[] = [];
  for (const o of global) if (jobs[jobs.length - 1] !== p.job[o]) jobs.push(p.job[o]);
  const globalJob = Int32Array.from(jobs);
  const jobCount = jobs.length;
  const localJob = new Int32Array(p.shop.jobs.length).fill(-1);
  jobs.forEach((j, k) => { localJob[j] = k; });
  const mRelease = machineRelease(p);
  const flat: FlatJobShop = {
    operationCount: n, machineCount: p.shop.machines.length, jobCount,
    job: new Int32Array(n), step: new Int32Array(n), machine: new Int32Array(n), duration: new Float64Array(n),
    jobFirst: new Int32Array(jobCount + 1), jobPred: new Int32Array(n).fill(-1), jobSucc: new Int32Array(n).fill(-1),
    machineOperations: p.shop.machines.map(() => [] as number[]),
    dueDate: Float64Array.from(jobs, (j) => p.due[j]), weight: Float64Array.from(jobs, (j) => p.weight[j]),
    hasDueDates: jobs.some((j) => p.due[j] < Infinity), release: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const o = global[i], k = localJob[p.job[o]];
    flat.job[i] = k; flat.step[i] = p.step[o]; flat.machine[i] = p.machine[o]; flat.duration[i] = p.duration[o];
    flat.jobFirst[k + 1] = i + 1;
    const before = local[o - 1];
    if (o > p.jobFirst[p.job[o]] && before >= 0) { flat.jobPred[i] = before; flat.jobSucc[before] = i; }
    flat.machineOperations[p.machine[o]].push(i);
    let r = mRelease[p.machine[o]];
    if (flat.jobPred[i] < 0) r = Math.max(r, p.jobReady[p.job[o]]);
    const ps = p.publishedStart[o];
    if (anchored && !Number.isNaN(ps)) r = Math.max(r, ps);
    flat.release![i] = r;
  }
  return { flat, global, globalJob, local };
}

/** Machine links of the free operations in the order of start times `start` (global, e.g. a decoded candidate). */
export function linksFromStarts(g: FreeJobShop, start: Float64Array): MachineLinks {
  const sequences = g.flat.machineOperations.map((ops) => ops.slice().sort((a, b) => start[g.global[a]] - start[g.global[b]] || a - b));
  return linksFromSequences(g.flat, sequences);
}

/**
 * The decoder's candidate of machine links: the free operations by their semi-active start (a
 * topological order, so each machine keeps its sequence when nothing is down), every free
 * operation anchored (as in the right-shift repair) or none.
 * @example candidateFromLinks(p, g, links, true).order.length === p.free.length
 */
export function candidateFromLinks(p: RescheduleProblem, g: FreeJobShop, links: MachineLinks, anchored: boolean): Candidate {
  const head = new Float64Array(g.flat.operationCount);
  const scratch = graphScratch(g.flat);
  if (computeHeads(g.flat, links, head, scratch) < 0) throw new Error("candidateFromLinks: the machine links hold a cycle");
  const rank = new Int32Array(g.flat.operationCount);
  scratch.order.forEach((i, k) => { rank[i] = k; });
  const order = Array.from(g.global.keys()).sort((a, b) => head[a] - head[b] || rank[a] - rank[b]);
  const anchor = new Uint8Array(p.operationCount);
  if (anchored) for (const o of p.free) anchor[o] = 1;
  return { order: Int32Array.from(order, (i) => g.global[i]), anchor };
}

/**
 * Weighted-tardiness tabu search on the free operations from the machine order of start times
 * `start`, until `clock` stops it; the best machine order as a decoder candidate (anchored when the
 * search was). Disruption is not priced here: anchoring keeps an operation at its published start
 * unless something pushes it, and the caller prices the candidate in full.
 * @example tardinessCandidate(p, repair.start, true, clock, random).order.length === p.free.length
 */
export function tardinessCandidate(p: RescheduleProblem, start: Float64Array, anchored: boolean, clock: SearchClock, random: Random): Candidate {
  const g = freeJobShop(p, anchored);
  const result = tabuSearchTardiness(g.flat, linksFromStarts(g, start), clock, random);
  return candidateFromLinks(p, g, result.links, anchored);
}
