// The re-time's improvement: late-acceptance search over the list of free operations (a move keeps
// each job's steps and each machine's sequence locks in order), the anchor bits and first tries
// (back to the last run's start), priced by the objective plus the disruption against the last
// run. Held operations never move.
import type { Random } from "../random";
import { decodeRetime, evaluateRetime, retimeScratch, type RetimeCandidate, type RetimeEvaluation } from "./retimeDecode";
import type { RetimeProblem } from "./retimeProblem";

/** When the improvement stops: a time limit (ms), an iteration budget, or both; `now` is the clock. */
export interface RetimeBudget {
  timeLimitMs?: number;
  maxIterations?: number;
  now: () => number;
}

export interface RetimeSearchOutcome {
  candidate: RetimeCandidate;
  evaluation: RetimeEvaluation;
  start: Float64Array;
  iterations: number;
  timedOut: boolean;
}

/**
 * Improves `initial` until the budget ends (nothing when it has neither limit).
 * @example improveRetime(p, repair, weights, { timeLimitMs: 500, now: Date.now }, random).evaluation.cost
 */
export function improveRetime(p: RetimeProblem, initial: RetimeCandidate, weights: { moveWeight: number; shiftWeight: number }, budget: RetimeBudget, random: Random, history = 200): RetimeSearchOutcome {
  const order = initial.order.slice(), anchor = initial.anchor.slice(), target = (initial.target ?? p.hold.target).slice();
  const scratch = retimeScratch(p);
  let current = evaluateRetime(p, decodeRetime(p, { order, anchor, target }, scratch), weights);
  let best: RetimeSearchOutcome = { candidate: { order: order.slice(), anchor: anchor.slice(), target: target.slice() }, evaluation: current, start: scratch.start.slice(), iterations: 0, timedOut: false };
  const n = order.length;
  if (n === 0 || (budget.timeLimitMs === undefined && budget.maxIterations === undefined)) return best;
  const pos = new Int32Array(p.operationCount).fill(-1);
  for (let i = 0; i < n; i++) pos[order[i]] = i;
  const anchored = Array.from(order).filter((o) => !Number.isNaN(target[o]));
  const based = Array.from(order).filter((o) => !Number.isNaN(p.hold.base[o]));
  const costs = new Float64Array(history).fill(current.cost);
  const started = budget.now();
  const moveTo = (from: number, to: number) => {
    const o = order[from];
    if (from < to) for (let i = from; i < to; i++) { order[i] = order[i + 1]; pos[order[i]] = i; }
    else for (let i = from; i > to; i--) { order[i] = order[i - 1]; pos[order[i]] = i; }
    order[to] = o; pos[o] = to;
  };
  /** The positions o may take: after its free job and sequence predecessors, before its successors. */
  const window = (o: number): [number, number] => {
    let lo = 0, hi = n - 1;
    const j = p.job[o];
    if (o > p.jobFirst[j] && pos[o - 1] >= 0) lo = pos[o - 1] + 1;
    if (o + 1 < p.jobFirst[j + 1] && pos[o + 1] >= 0) hi = pos[o + 1] - 1;
    const sp = p.hold.sequencePred[o], ss = p.hold.sequenceSucc[o];
    if (sp >= 0 && pos[sp] >= 0) lo = Math.max(lo, pos[sp] + 1);
    if (ss >= 0 && pos[ss] >= 0) hi = Math.min(hi, pos[ss] - 1);
    return [lo, hi];
  };
  let iteration = 0, timedOut = false;
  for (;;) {
    if (budget.maxIterations !== undefined && iteration >= budget.maxIterations) break;
    if (budget.timeLimitMs !== undefined && (iteration & 7) === 0 && budget.now() - started >= budget.timeLimitMs) { timedOut = true; break; }
    iteration++;
    let from = -1, to = -1, flipped = -1, retargeted = -1, oldTarget = NaN, oldAnchor = 0;
    const u = random();
    if (based.length > 0 && u < 0.1) {
      // Back to the last run: the first try of an operation becomes its last run's start.
      retargeted = based[Math.floor(random() * based.length)];
      if (Math.abs(target[retargeted] - p.hold.base[retargeted]) <= 1e-9) continue;
      oldTarget = target[retargeted]; oldAnchor = anchor[retargeted];
      target[retargeted] = p.hold.base[retargeted]; anchor[retargeted] = 1;
    } else if (anchored.length > 0 && u < 0.3) {
      flipped = anchored[Math.floor(random() * anchored.length)];
      anchor[flipped] ^= 1;
    } else {
      const o = order[Math.floor(random() * n)];
      const [lo, hi] = window(o);
      if (hi <= lo) continue;
      from = pos[o];
      to = lo + Math.floor(random() * (hi - lo + 1));
      if (to === from) continue;
      moveTo(from, to);
    }
    const e = evaluateRetime(p, decodeRetime(p, { order, anchor, target }, scratch), weights);
    const slot = iteration % history;
    if (e.cost <= current.cost || e.cost <= costs[slot]) {
      current = e;
      if (e.cost < best.evaluation.cost - 1e-9) best = { candidate: { order: order.slice(), anchor: anchor.slice(), target: target.slice() }, evaluation: e, start: scratch.start.slice(), iterations: 0, timedOut: false };
    } else if (retargeted >= 0) {
      target[retargeted] = oldTarget; anchor[retargeted] = oldAnchor;
    } else if (flipped >= 0) {
      anchor[flipped] ^= 1;
    } else {
      moveTo(to, from);
    }
    if (current.cost < costs[slot]) costs[slot] = current.cost;
  }
  best.iterations = iteration;
  best.timedOut = timedOut;
  return best;
}
