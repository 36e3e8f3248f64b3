// Late-acceptance local search over candidates: move one free operation to another place in the
// list (within its job's neighbours), biased towards the jobs that make the objective, and, when
// disruption counts, flip an operation's anchor bit. Every move is decoded and priced in full.
import type { Random } from "../random";
import type { SearchClock } from "../schedule/searchControl";
import { decode, decodeScratch, evaluate, type Candidate, type DisruptionWeights, type Evaluation } from "./decode";
import type { RescheduleProblem } from "./problem";

/** The best candidate found, its evaluation and its start times. */
export interface SearchOutcome {
  candidate: Candidate;
  evaluation: Evaluation;
  start: Float64Array;
  iterations: number;
}

/** Decodes and evaluates one candidate. */
export function price(p: RescheduleProblem, c: Candidate, weights: DisruptionWeights): SearchOutcome {
  const start = decode(p, c, decodeScratch(p)).slice();
  return { candidate: c, evaluation: evaluate(p, start, weights), start, iterations: 0 };
}

/**
 * Improves `initial` until the clock stops it (late acceptance, history of `history` costs).
 * `anchors`: whether anchor flips are part of the neighbourhood (only when disruption is priced).
 * @example localSearch(p, repair, { moveWeight: 1, shiftWeight: 0 }, clock, random, true).evaluation.cost
 */
export function localSearch(p: RescheduleProblem, initial: Candidate, weights: DisruptionWeights, clock: SearchClock, random: Random, anchors: boolean, history = 300): SearchOutcome {
  const n = initial.order.length;
  const order = initial.order.slice(), anchor = initial.anchor.slice();
  const scratch = decodeScratch(p);
  const current = { order, anchor };
  let currentEval = evaluate(p, decode(p, current, scratch), weights);
  let best: SearchOutcome = { candidate: { order: order.slice(), anchor: anchor.slice() }, evaluation: currentEval, start: scratch.start.slice(), iterations: 0 };
  if (n === 0) return best;
  const pos = new Int32Array(p.operationCount).fill(-1);
  for (let i = 0; i < n; i++) pos[order[i]] = i;
  const published: number[] = p.free.filter((o) => !Number.isNaN(p.publishedStart[o]) || (o === p.jobFirst[p.job[o] + 1] - 1 && p.earliest[p.job[o]] > -Infinity));
  const costs = new Float64Array(history).fill(currentEval.cost);
  const moveTo = (from: number, to: number) => {
    const o = order[from];
    if (from < to) for (let i = from; i < to; i++) { order[i] = order[i + 1]; pos[order[i]] = i; }
    else for (let i = from; i > to; i--) { order[i] = order[i - 1]; pos[order[i]] = i; }
    order[to] = o; pos[o] = to;
  };
  const focus: number[] = [];
  const refreshFocus = (start: Float64Array) => {
    focus.length = 0;
    if (p.setting.objective === "makespan") {
      for (const o of p.free) if (Math.abs(start[p.jobFirst[p.job[o] + 1] - 1] + p.duration[p.jobFirst[p.job[o] + 1] - 1] - currentEval.makespan) < 1e-9) focus.push(o);
    } else {
      for (const o of p.free) {
        const j = p.job[o], last = p.jobFirst[j + 1] - 1;
        if (start[last] + p.duration[last] > p.due[j]) focus.push(o);
      }
    }
  };
  refreshFocus(scratch.start);
  const currentStart = scratch.start.slice();
  /** The free operation just before o on its machine in the current schedule (-1: none). */
  const machinePredecessor = (o: number): number => {
    let q = -1, qs = -Infinity;
    const m = p.machine[o], so = currentStart[o];
    for (const x of byMachine[m]) if (x !== o && currentStart[x] < so && currentStart[x] > qs) { q = x; qs = currentStart[x]; }
    return q;
  };
  const byMachine: number[][] = p.shop.machines.map(() => []);
  for (const o of p.free) byMachine[p.machine[o]].push(o);
  let iteration = 0;
  while (!clock.stop(iteration)) {
    iteration++;
    const flip = anchors && published.length > 0 && random() < 0.15;
    let from = -1, to = -1, flipped = -1;
    if (flip) {
      flipped = published[Math.floor(random() * published.length)];
      anchor[flipped] ^= 1;
    } else {
      const u = random();
      const early = focus.length > 0 && u < 0.6;
      const o = early ? focus[Math.floor(random() * focus.length)] : order[Math.floor(random() * n)];
      from = pos[o];
      const j = p.job[o];
      const lo = o > p.jobFirst[j] && pos[o - 1] >= 0 ? pos[o - 1] + 1 : 0;
      const hi = o + 1 < p.jobFirst[j + 1] && pos[o + 1] >= 0 ? pos[o + 1] - 1 : n - 1;
      if (early && u < 0.35) {
        // Targeted: put o in front of the operation before it on its machine (a swap on the machine).
        const q = machinePredecessor(o);
        if (q < 0 || pos[q] < lo || pos[q] >= from) continue;
        to = pos[q];
      } else {
        const top = early ? from - 1 : hi;
        if (top < lo) continue;
        to = lo + Math.floor(random() * (top - lo + 1));
      }
      if (to === from) continue;
      moveTo(from, to);
    }
    const e = evaluate(p, decode(p, current, scratch), weights);
    const slot = iteration % history;
    if (e.cost <= currentEval.cost || e.cost <= costs[slot]) {
      currentEval = e;
      currentStart.set(scratch.start);
      if (e.cost < best.evaluation.cost - 1e-9) {
        best = { candidate: { order: order.slice(), anchor: anchor.slice() }, evaluation: e, start: scratch.start.slice(), iterations: 0 };
        clock.report(iteration, e.cost, true);
      }
      if ((iteration & 15) === 0 || e.primary !== best.evaluation.primary) refreshFocus(scratch.start);
    } else if (flipped >= 0) {
      anchor[flipped] ^= 1;
    } else {
      moveTo(to, from);
    }
    if (currentEval.cost < costs[slot]) costs[slot] = currentEval.cost;
    clock.report(iteration, best.evaluation.cost, false);
  }
  best.iterations = iteration;
  return best;
}
