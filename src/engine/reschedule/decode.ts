// Schedule generation: places the free operations one by one in a list order, each at the earliest
// time its job, its release, now + frozen and its machine (downtime, kept and placed operations)
// allow; an operation whose "anchor" bit is set first tries its published start (no move), and a
// job's last operation with the bit set waits for the window's earliest. Then the objective terms.
import type { RescheduleProblem } from "./problem";
import { Timeline } from "./timeline";

/** A candidate: the free operations in a precedence-respecting order, and one anchor bit per operation. */
export interface Candidate {
  order: Int32Array;
  anchor: Uint8Array;
}

/** The objective terms of a schedule (docs/model.md §7, eq. 16-18, with the disruption terms of docs/rescheduling.md). */
export interface Evaluation {
  makespan: number;
  /** Σ w_j·max(0, C_j − d_j). */
  totalWeightedTardiness: number;
  /** Σ w^E_j·max(0, E_j − C_j) for jobs with a delivery window. */
  totalWeightedEarliness: number;
  /** Operations whose start differs from the published start. */
  movedOperations: number;
  /** Σ |start − published start| over published operations. */
  totalStartShift: number;
  /** The primary objective: makespan, or tardiness + earliness. */
  primary: number;
  /** primary + moveWeight·moved + shiftWeight·shift. */
  cost: number;
}

/** Price of disruption in objective units: per moved operation and per time unit of shift. */
export interface DisruptionWeights {
  moveWeight: number;
  shiftWeight: number;
}

/** Reusable buffers of the decoder (one per search). */
export interface DecodeScratch {
  lines: Timeline[];
  ready: Float64Array;
  start: Float64Array;
}

export function decodeScratch(p: RescheduleProblem): DecodeScratch {
  return {
    lines: p.base.map((b, m) => new Timeline(b.count + p.freeOnMachine[m])),
    ready: new Float64Array(p.shop.jobs.length),
    start: new Float64Array(p.operationCount),
  };
}

/**
 * Start times of every operation (kept: published; dropped: NaN) for a candidate, in `scratch.start`.
 * @example decode(p, repairCandidate(p), scratch)[o] // start of operation o
 */
export function decode(p: RescheduleProblem, c: Candidate, scratch: DecodeScratch): Float64Array {
  const { lines, ready, start } = scratch;
  for (let m = 0; m < lines.length; m++) lines[m].copyFrom(p.base[m]);
  ready.set(p.jobReady);
  for (let o = 0; o < p.operationCount; o++) start[o] = p.state[o] === 1 ? p.publishedStart[o] : NaN;
  const order = c.order;
  for (let i = 0; i < order.length; i++) {
    const o = order[i];
    const j = p.job[o], d = p.duration[o], line = lines[p.machine[o]];
    const r = ready[j];
    let s = -1;
    if (c.anchor[o] === 1) {
      const ps = p.publishedStart[o];
      if (!Number.isNaN(ps)) {
        if (ps >= r && line.fits(ps, d)) s = ps;
      } else if (o === p.jobFirst[j + 1] - 1 && p.earliest[j] > -Infinity) {
        s = line.earliestFit(Math.max(r, p.earliest[j] - d), d);
      }
    }
    if (s < 0) s = line.earliestFit(r, d);
    start[o] = s;
    line.insert(s, s + d);
    ready[j] = s + d;
  }
  return start;
}

/** The objective terms of start times `start` (dropped operations are skipped). */
export function evaluate(p: RescheduleProblem, start: Float64Array, weights: DisruptionWeights): Evaluation {
  let makespan = 0, tardiness = 0, earliness = 0, moved = 0, shift = 0;
  for (let j = 0; j < p.shop.jobs.length; j++) {
    const last = p.jobFirst[j + 1] - 1;
    if (last < p.jobFirst[j] || p.state[last] === 2) continue;
    const completion = start[last] + p.duration[last];
    makespan = Math.max(makespan, completion);
    if (completion > p.due[j]) tardiness += p.weight[j] * (completion - p.due[j]);
    if (completion < p.earliest[j]) earliness += p.earlinessWeight[j] * (p.earliest[j] - completion);
  }
  for (const o of p.free) {
    const ps = p.publishedStart[o];
    if (Number.isNaN(ps)) continue;
    const delta = Math.abs(start[o] - ps);
    if (delta > 1e-9) { moved++; shift += delta; }
  }
  const primary = p.setting.objective === "makespan" ? makespan : tardiness + earliness;
  return {
    makespan, totalWeightedTardiness: tardiness, totalWeightedEarliness: earliness,
    movedOperations: moved, totalStartShift: shift, primary,
    cost: primary + weights.moveWeight * moved + weights.shiftWeight * shift,
  };
}
