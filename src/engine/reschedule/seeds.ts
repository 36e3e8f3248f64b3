// Starting candidates of the searches: the right-shift repair of the published order (new jobs
// merged by their earliest start, or only filling gaps), the cheapest insertion of the new
// operations into the published order, a re-anchoring of another schedule towards the published
// one, and Giffler–Thompson-style dispatch orders (earliest completion, ties by a priority rule).
import type { Random } from "../random";
import { decode, decodeScratch, evaluate, type Candidate, type DisruptionWeights } from "./decode";
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

/**
 * The insertion seed: the published operations in their published order, every one anchored, and
 * the new jobs' operations put in one at a time (most urgent job first — earliest due date per
 * unit of weight — each job step by step), each at the place in the list that costs least: just
 * before one of the operations of its machine that come after its previous step, or after all of them.
 * Operations not yet placed wait at the end of the list. Most published operations then keep
 * their start when the shop has room for the new work.
 * @example insertionCandidate(p, { moveWeight: 1, shiftWeight: 0 }).order.length === p.free.length
 */
export function insertionCandidate(p: RescheduleProblem, weights: DisruptionWeights): Candidate {
  const { order, anchor } = repairCandidate(p, true);
  const fresh = p.free.filter((o) => Number.isNaN(p.publishedStart[o]));
  if (fresh.length === 0) return { order, anchor };
  const urgency = (j: number) => (p.due[j] === Infinity ? 1e300 : p.due[j] / Math.max(p.weight[j], 1e-9));
  fresh.sort((a, b) => urgency(p.job[a]) - urgency(p.job[b]) || p.job[a] - p.job[b] || a - b);
  const scratch = decodeScratch(p);
  const list = Array.from(order);
  for (const o of fresh) {
    list.splice(list.indexOf(o), 1);
    const after = o > p.jobFirst[p.job[o]] && p.state[o - 1] === 0 ? list.indexOf(o - 1) + 1 : 0;
    const limit = o + 1 < p.jobFirst[p.job[o] + 1] ? list.indexOf(o + 1) : list.length; // its next step waits at the end
    let bestAt = limit, bestCost = Infinity;
    for (let at = after; at <= limit; at++) {
      if (at < limit && p.machine[list[at]] !== p.machine[o]) continue;
      list.splice(at, 0, o);
      const cost = evaluate(p, decode(p, { order: Int32Array.from(list), anchor }, scratch), weights).cost;
      list.splice(at, 1);
      if (cost < bestCost - 1e-9) { bestCost = cost; bestAt = at; }
    }
    list.splice(bestAt, 0, o);
  }
  return { order: Int32Array.from(list), anchor };
}

/**
 * Repairs a candidate towards the published schedule: each published operation that is not
 * anchored, in list order, gets its anchor when that does not raise the cost.
 * @example reanchor(p, full.candidate, weights).anchor // more bits set, cost not higher
 */
export function reanchor(p: RescheduleProblem, c: Candidate, weights: DisruptionWeights): Candidate {
  const order = c.order.slice(), anchor = c.anchor.slice();
  const scratch = decodeScratch(p);
  const cost = () => evaluate(p, decode(p, { order, anchor }, scratch), weights).cost;
  let current = cost();
  for (const o of order) {
    if (anchor[o] === 1 || Number.isNaN(p.publishedStart[o])) continue;
    anchor[o] = 1;
    const trial = cost();
    if (trial <= current + 1e-9) current = trial; else anchor[o] = 0;
  }
  return { order, anchor };
}
