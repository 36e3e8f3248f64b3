// Starting candidates of the searches: the right-shift repair of the published order (new jobs
// merged by their earliest start, or only filling gaps), and Giffler–Thompson-style dispatch
// orders (earliest completion, ties by a priority rule) for the full re-solve.
import type { Random } from "../random";
import type { Candidate } from "./decode";
import type { RescheduleProblem } from "./problem";
import { Timeline } from "./timeline";

/** Orders the free operations by a key (ties: job then step), which keeps each job's steps in order when keys do not decrease along a job. */
function orderBy(p: RescheduleProblem, key: Float64Array): Int32Array {
  return Int32Array.from([...p.free].sort((a, b) => key[a] - key[b] || a - b));
}

/** Published start, or for a new operation its job's ready time plus the work before it; `newLast` puts new jobs after all published operations. */
function repairKeys(p: RescheduleProblem, newLast: boolean): Float64Array {
  const key = new Float64Array(p.operationCount);
  for (let j = 0; j < p.shop.jobs.length; j++) {
    let t = p.jobReady[j];
    for (let o = p.jobFirst[j]; o < p.jobFirst[j + 1]; o++) {
      if (p.state[o] !== 0) continue;
      const ps = p.publishedStart[o];
      key[o] = Number.isNaN(ps) ? (newLast ? 1e300 : t) : ps;
      t += p.duration[o];
    }
  }
  return key;
}

/**
 * The right-shift repair: published operations in their published order, each at its published
 * start when it is still free (anchored), else as early as possible; new jobs merged in by their
 * earliest start (`newLast`: after everything, so they only fill gaps).
 * @example repairCandidate(p, false).order.length === p.free.length
 */
export function repairCandidate(p: RescheduleProblem, newLast: boolean): Candidate {
  const anchor = new Uint8Array(p.operationCount);
  for (const o of p.free) anchor[o] = 1;
  return { order: orderBy(p, repairKeys(p, newLast)), anchor };
}

/** Priority rules of the dispatch starts (lower key = first). */
export type SeedRule = "published" | "edd" | "mwkr" | "spt" | "random";

/**
 * A dispatch order: repeatedly take the job whose next free operation can finish first on its
 * machine; among the jobs whose next operation could start before that, the rule decides.
 */
export function dispatchCandidate(p: RescheduleProblem, rule: SeedRule, random: Random): Candidate {
  const lines = p.base.map((b, m) => { const t = new Timeline(b.count + p.freeOnMachine[m]); t.copyFrom(b); return t; });
  const jobs = p.shop.jobs.map((_, j) => j).filter((j) => p.free.some((o) => p.job[o] === j));
  const next = new Map<number, number>(), ready = Float64Array.from(p.jobReady), remaining = new Float64Array(p.shop.jobs.length);
  for (const o of p.free) { if (!next.has(p.job[o])) next.set(p.job[o], o); remaining[p.job[o]] += p.duration[o]; }
  const order: number[] = [];
  const priority = (o: number, j: number): number => {
    switch (rule) {
      case "published": return Number.isNaN(p.publishedStart[o]) ? ready[j] : p.publishedStart[o];
      case "edd": return (p.due[j] === Infinity ? 1e12 : p.due[j]) / Math.max(p.weight[j], 1e-9);
      case "mwkr": return -remaining[j];
      case "spt": return p.duration[o];
      case "random": return random();
    }
  };
  while (order.length < p.free.length) {
    let bestEnd = Infinity;
    const est = new Map<number, number>();
    for (const j of jobs) {
      const o = next.get(j);
      if (o === undefined) continue;
      const s = lines[p.machine[o]].earliestFit(ready[j], p.duration[o]);
      est.set(j, s);
      bestEnd = Math.min(bestEnd, s + p.duration[o]);
    }
    let chosen = -1, chosenKey = Infinity;
    for (const [j, s] of est) {
      const o = next.get(j)!;
      if (s >= bestEnd && !(s === bestEnd && p.duration[o] === 0)) continue;
      const k = priority(o, j) + random() * 1e-9;
      if (chosen < 0 || k < chosenKey) { chosen = o; chosenKey = k; }
    }
    if (chosen < 0) { // only zero-length operations at bestEnd remain: take the first
      const [j] = [...est.keys()];
      chosen = next.get(j)!;
    }
    const j = p.job[chosen], s = est.get(j)!;
    lines[p.machine[chosen]].insert(s, s + p.duration[chosen]);
    ready[j] = s + p.duration[chosen];
    remaining[j] -= p.duration[chosen];
    order.push(chosen);
    const after = chosen + 1 < p.jobFirst[j + 1] && p.state[chosen + 1] === 0 ? chosen + 1 : undefined;
    if (after === undefined) next.delete(j); else next.set(j, after);
  }
  return { order: Int32Array.from(order), anchor: new Uint8Array(p.operationCount) };
}
