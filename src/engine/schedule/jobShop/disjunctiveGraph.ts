// The disjunctive graph of a job-shop solution: machine sequences fix the order on each machine
// (eq. 18), job chains give precedence (eq. 17); heads and tails are longest paths through it.
import type { FlatJobShop, ScheduledOperation } from "./jobShop";

/** A solution as machine links: mPred[o]/mSucc[o] are the neighbours of o on its machine (-1 none). */
export interface MachineLinks {
  mPred: Int32Array;
  mSucc: Int32Array;
}

/** A copy of machine sequences, so a search can keep its best while it moves on. */
export function copyLinks(links: MachineLinks): MachineLinks {
  return { mPred: links.mPred.slice(), mSucc: links.mSucc.slice() };
}

/** True when two machine sequences order every machine the same way. */
export function sameLinks(a: MachineLinks, b: MachineLinks): boolean {
  for (let i = 0; i < a.mSucc.length; i++) if (a.mSucc[i] !== b.mSucc[i]) return false;
  return true;
}

/** Machine links of machine sequences (one array of operations per machine, in processing order). */
export function linksFromSequences(flat: FlatJobShop, sequences: readonly (readonly number[])[]): MachineLinks {
  const n = flat.operationCount;
  const mPred = new Int32Array(n).fill(-1);
  const mSucc = new Int32Array(n).fill(-1);
  for (const seq of sequences) {
    for (let i = 1; i < seq.length; i++) {
      mPred[seq[i]] = seq[i - 1];
      mSucc[seq[i - 1]] = seq[i];
    }
  }
  return { mPred, mSucc };
}

/** Machine sequences of machine links (each machine's chain from its first operation). */
export function sequencesFromLinks(flat: FlatJobShop, links: MachineLinks): number[][] {
  return flat.machineOperations.map((ops) => {
    const first = ops.find((o) => links.mPred[o] === -1);
    const seq: number[] = [];
    for (let o = first ?? -1; o !== -1; o = links.mSucc[o]) seq.push(o);
    return seq;
  });
}

/** Work arrays reused by the evaluations, so the searches allocate nothing per iteration. */
export interface GraphScratch {
  order: Int32Array;
  indegree: Int32Array;
}

/** Scratch arrays for `flat`. */
export function graphScratch(flat: FlatJobShop): GraphScratch {
  return { order: new Int32Array(flat.operationCount), indegree: new Int32Array(flat.operationCount) };
}

/**
 * Heads r[o] (earliest starts, the semi-active schedule, none before the operation's release) by a topological sweep; fills
 * `scratch.order`. Returns the makespan max(r + p), or -1 when the links hold a cycle.
 */
export function computeHeads(flat: FlatJobShop, links: MachineLinks, head: Float64Array, scratch: GraphScratch): number {
  const n = flat.operationCount;
  const { order, indegree } = scratch;
  const { jobPred, jobSucc, duration, release } = flat;
  const { mPred, mSucc } = links;
  let tailIdx = 0;
  for (let o = 0; o < n; o++) {
    const d = (jobPred[o] >= 0 ? 1 : 0) + (mPred[o] >= 0 ? 1 : 0);
    indegree[o] = d;
    if (d === 0) order[tailIdx++] = o;
  }
  let makespan = 0;
  for (let i = 0; i < tailIdx; i++) {
    const o = order[i];
    let r = release ? release[o] : 0;
    const jp = jobPred[o];
    if (jp >= 0 && head[jp] + duration[jp] > r) r = head[jp] + duration[jp];
    const mp = mPred[o];
    if (mp >= 0) {
      const t = head[mp] + duration[mp];
      if (t > r) r = t;
    }
    head[o] = r;
    const c = r + duration[o];
    if (c > makespan) makespan = c;
    const js = jobSucc[o];
    if (js >= 0 && --indegree[js] === 0) order[tailIdx++] = js;
    const ms = mSucc[o];
    if (ms >= 0 && --indegree[ms] === 0) order[tailIdx++] = ms;
  }
  return tailIdx === n ? makespan : -1;
}

/** Tails q[o] (longest path from the end of o to the sink, without p_o), over `scratch.order` from computeHeads. */
export function computeTails(flat: FlatJobShop, links: MachineLinks, tail: Float64Array, scratch: GraphScratch): void {
  const { order } = scratch;
  const { jobSucc, duration } = flat;
  const { mSucc } = links;
  for (let i = flat.operationCount - 1; i >= 0; i--) {
    const o = order[i];
    let q = 0;
    const js = jobSucc[o];
    if (js >= 0) q = tail[js] + duration[js];
    const ms = mSucc[o];
    if (ms >= 0) {
      const t = tail[ms] + duration[ms];
      if (t > q) q = t;
    }
    tail[o] = q;
  }
}

/** Completion time of each job under heads `head`. */
export function jobCompletions(flat: FlatJobShop, head: Float64Array): Float64Array {
  const c = new Float64Array(flat.jobCount);
  for (let j = 0; j < flat.jobCount; j++) {
    const last = flat.jobFirst[j + 1] - 1;
    c[j] = head[last] + flat.duration[last];
  }
  return c;
}

/** The operations of the semi-active schedule of `head`, in job and step order. */
export function scheduledOperations(flat: FlatJobShop, head: Float64Array): ScheduledOperation[] {
  const ops: ScheduledOperation[] = [];
  for (let o = 0; o < flat.operationCount; o++) {
    ops.push({ job: flat.job[o], step: flat.step[o], machine: flat.machine[o], start: head[o], end: head[o] + flat.duration[o] });
  }
  return ops;
}
