// Tabu search for the total weighted tardiness Σ w_j·max(0, C_j − d_j) of a job shop: swaps on the
// critical trees of the tardy jobs and insertions at their critical block ends, estimated from heads
// and per-job tails, the best few re-evaluated exactly; restarts from elite or fresh solutions with a
// random kick when a run stalls (in the spirit of Mati et al. 2011 and Kuhpfahl & Bierwirth 2016).
import type { FlatJobShop } from "./jobShop";
import { computeHeads, copyLinks, graphScratch, linksFromSequences, sameLinks, type MachineLinks } from "./disjunctiveGraph";
import { activeSchedule } from "./dispatch";
import { moveAfter } from "./machineMoves";
import { randomInt, type Random } from "../random";
import type { SearchClock } from "../searchControl";
import { tabuTable } from "./tabuTable";
import {
  applyTardinessMove, computeJobTails, estimateMoveTardiness, estimateScratch, tardyBlockInsertions,
  tardyCriticalArcs, undoTardinessMove, type TardinessMove,
} from "./tardinessMoves";

/** Tuning of the tardiness search (defaults from the instance size). */
export interface TardinessSearchOptions {
  /** Stop as soon as the tardiness reaches this value (a proven lower bound; default 0). */
  target?: number;
  /** Moves re-evaluated exactly per iteration, best estimates first (default 2; 1 = trust the estimate). */
  exactCandidates?: number;
  /** Also insert operations at the ends of critical blocks (default true). */
  insertions?: boolean;
  /** Iterations without a new best of the current run before a restart. */
  stallIterations?: number;
  /** Tabu tenure range [min, max] in iterations. */
  tenure?: [number, number];
  /**
   * Work of the move estimates per iteration at most, in job × operation visits (a move costs the jobs
   * times its machine segment). When all the moves would cost more, a random sample of them within it
   * is estimated. Default max(4,000,000, operations · jobs): about the per-job tails the iteration
   * computes anyway; on big shops thousands of tardy critical arcs and long block insertions would
   * otherwise make one iteration take seconds. Small shops never reach it.
   */
  estimateBudget?: number;
  /** Random critical swaps applied at a restart, range [min, max] (default [2, 6]). */
  kicks?: [number, number];
  /** Probability that a restart starts from the overall best rather than a random elite (default 0.5). */
  restartFromBest?: number;
  /** Probability that a restart starts from a fresh random active schedule instead (default 0.3). */
  freshRestart?: number;
}

/** What the tardiness search found. */
export interface TardinessSearchResult {
  links: MachineLinks;
  tardiness: number;
  makespan: number;
  iterations: number;
  restarts: number;
}

interface Value { tardiness: number; makespan: number }

const INFEASIBLE: Value = { tardiness: Infinity, makespan: Infinity };

/**
 * Minimises total weighted tardiness (ties broken by makespan) from the machine links `start`;
 * reproducible for a seed and an iteration budget, anytime under the clock's time limit.
 * @example tabuSearchTardiness(flat, links, clock, rnd).tardiness // 0 when due dates are loose
 */
export function tabuSearchTardiness(
  flat: FlatJobShop, start: MachineLinks, clock: SearchClock, random: Random, options: TardinessSearchOptions = {},
): TardinessSearchResult {
  const n = flat.operationCount, J = flat.jobCount;
  const { duration: p, jobFirst, dueDate, weight } = flat;
  const links: MachineLinks = copyLinks(start);
  const { mPred, mSucc } = links;
  const head = new Float64Array(n), tails = new Float64Array(n * J), longest = new Float64Array(n);
  const completion = new Float64Array(J), trialHead = new Float64Array(n);
  const scratch = graphScratch(flat), trialScratch = graphScratch(flat), est = estimateScratch(flat);
  const stamp = new Int32Array(n), stack = new Int32Array(n);
  const arcs: number[] = [], moves: TardinessMove[] = [], seen = new Set<number>();
  const tabu = tabuTable(n);
  const target = options.target ?? 0;
  const K = Math.max(1, options.exactCandidates ?? 2);
  const insertions = options.insertions ?? true;
  const tMin = options.tenure?.[0] ?? Math.max(3, Math.round(2 + 0.8 * Math.sqrt(n)));
  const tMax = options.tenure?.[1] ?? Math.round(tMin * 1.6 + 2);
  const stallLimit = options.stallIterations ?? Math.max(1000, 5 * n);
  const [kMin, kMax] = options.kicks ?? [2, 6];
  const fromBest = options.restartFromBest ?? 0.5;
  const fresh = options.freshRestart ?? 0.3;
  const estimateBudget = options.estimateBudget ?? Math.max(4_000_000, n * J);
  const moveCost: number[] = [];
  const cand: TardinessMove[] = [], candEst = new Float64Array(K), candKey = new Float64Array(K);
  // Lower tardiness, then lower makespan, each by more than rounding (timeTolerance.ts).
  const { less, same } = est.times;
  const better = (a: Value, b: Value) => less(a.tardiness, b.tardiness) || (same(a.tardiness, b.tardiness) && less(a.makespan, b.makespan));
  let sweep = 0;

  const tardinessOf = (h: Float64Array): number => {
    let sum = 0;
    for (let j = 0; j < J; j++) {
      const last = jobFirst[j + 1] - 1;
      const late = h[last] + p[last] - dueDate[j];
      if (late > 0) sum += weight[j] * late;
    }
    return sum;
  };
  /** Heads, per-job tails and completions of the current links; null when they hold a cycle. */
  const evaluate = (): Value | null => {
    const makespan = computeHeads(flat, links, head, scratch);
    if (makespan < 0) return null;
    computeJobTails(flat, links, scratch.order, tails, longest);
    for (let j = 0; j < J; j++) { const last = jobFirst[j + 1] - 1; completion[j] = head[last] + p[last]; }
    return { tardiness: tardinessOf(head), makespan };
  };
  /** Exact value after `move` (the links are restored). */
  const tryMove = (move: TardinessMove): Value => {
    const undo = applyTardinessMove(links, move);
    const makespan = computeHeads(flat, links, trialHead, trialScratch);
    undoTardinessMove(links, move.u, undo);
    return makespan < 0 ? INFEASIBLE : { tardiness: tardinessOf(trialHead), makespan };
  };
  const collectArcs = () => tardyCriticalArcs(flat, links, head, completion, stamp, ++sweep, stack, arcs);
  const collectMoves = () => {
    collectArcs();
    moves.length = 0;
    for (const u of arcs) moves.push({ kind: "swap", u, v: mSucc[u] });
    if (insertions) { seen.clear(); tardyBlockInsertions(flat, links, head, longest, completion, moves, seen); }
  };

  let current = evaluate();
  if (current === null) throw new Error("the tardiness search was given a cyclic machine order");
  let best: Value = current;
  let bestLinks: MachineLinks = copyLinks(links);
  let runBest: Value = current;
  let runBestLinks = bestLinks;
  const elites: { links: MachineLinks; value: Value }[] = [];
  let iteration = 0, restarts = 0, stall = 0;

  while (less(target, best.tardiness) && !clock.stop(iteration)) {
    iteration++;
    collectMoves();
    if (moves.length === 0) break; // every tardy job runs unhindered: the tardiness is at its bound
    limitMoves();
    // The K best admissible moves by estimate (random keys break ties), then the best of them exactly.
    // A big shop's estimates take long: the clock is read every 64 of them, and when the time is up
    // the iteration is dropped.
    let count = 0;
    for (let m = 0; m < moves.length; m++) {
      if ((m & 63) === 63 && clock.expired()) break;
      const move = moves[m];
      const e = estimateMoveTardiness(flat, links, head, tails, completion, move, est);
      if (!(e < best.tardiness) && isTabu(move)) continue;
      const key = random();
      let i = count < K ? count++ : K;
      if (i === K) {
        if (!(e < candEst[K - 1] || (e === candEst[K - 1] && key < candKey[K - 1]))) continue;
        i = K - 1;
      }
      while (i > 0 && (e < candEst[i - 1] || (e === candEst[i - 1] && key < candKey[i - 1]))) {
        cand[i] = cand[i - 1]; candEst[i] = candEst[i - 1]; candKey[i] = candKey[i - 1]; i--;
      }
      cand[i] = move; candEst[i] = e; candKey[i] = key;
    }
    if (clock.timedOut) break;
    let chosen: TardinessMove | null = null;
    let chosenValue = INFEASIBLE;
    if (count === 1 && K === 1) { chosen = cand[0]; chosenValue = best; } // re-evaluated once applied
    else for (let i = 0; i < count; i++) {
      const value = tryMove(cand[i]);
      if (!better(value, best) && isTabu(cand[i])) continue; // aspiration only when it pays
      if (chosen === null || better(value, chosenValue)) { chosen = cand[i]; chosenValue = value; }
    }
    if (chosen === null || chosenValue === INFEASIBLE) {
      const u = arcs.length > 0 ? arcs[randomInt(random, arcs.length)] : moves[0].u;
      chosen = arcs.length > 0 ? { kind: "swap", u, v: mSucc[u] } : moves[0];
    }
    // On a big shop the evaluation after a move is the longest step: none is started once the time is up.
    if (clock.expired()) break;
    setTabu(chosen, iteration + tMin + randomInt(random, tMax - tMin + 1));
    const undo = applyTardinessMove(links, chosen);
    current = evaluate();
    if (current === null) { // a cycle through zero-length operations: undo
      undoTardinessMove(links, chosen.u, undo);
      current = evaluate()!;
    }
    const improved = better(current, best);
    if (improved) {
      best = current;
      bestLinks = copyLinks(links);
    }
    if (better(current, runBest)) {
      runBest = current;
      runBestLinks = improved ? bestLinks : copyLinks(links);
      stall = 0;
    } else if (++stall > stallLimit) {
      remember(runBestLinks, runBest);
      restart();
    }
    clock.report(iteration, best.tardiness, improved);
  }
  return { links: bestLinks, tardiness: best.tardiness, makespan: best.makespan, iterations: iteration, restarts };

  /** When estimating every move would exceed the budget, keeps a random sample of them within it (a partial Fisher–Yates shuffle). */
  function limitMoves(): void {
    let total = 0;
    moveCost.length = moves.length;
    for (let i = 0; i < moves.length; i++) { moveCost[i] = segmentLength(moves[i]) * J; total += moveCost[i]; }
    if (total <= estimateBudget) return;
    let spent = 0, i = 0;
    for (; i < moves.length && spent < estimateBudget; i++) {
      const k = i + randomInt(random, moves.length - i);
      const t = moves[i]; moves[i] = moves[k]; moves[k] = t;
      const c = moveCost[k]; moveCost[k] = moveCost[i]; moveCost[i] = c;
      spent += c;
    }
    moves.length = i;
  }

  /** Operations in the machine segment a move reorders (what estimateMoveTardiness walks). */
  function segmentLength(move: TardinessMove): number {
    if (move.kind === "swap") return 2;
    let len = 1;
    if (move.kind === "forward") for (let x = mSucc[move.u]; ; x = mSucc[x]) { len++; if (x === move.v) break; }
    else for (let x = move.v; x !== move.u; x = mSucc[x]) len++;
    return len;
  }

  /** A move is tabu when it would put back an order "a before b" forbidden by an earlier move. */
  function isTabu(move: TardinessMove): boolean {
    const { u, v } = move;
    if (move.kind === "swap") return tabu.get(v, u) > iteration;
    if (move.kind === "forward") {
      for (let x = mSucc[u]; ; x = mSucc[x]) { if (tabu.get(x, u) > iteration) return true; if (x === v) return false; }
    }
    for (let x = mPred[u]; ; x = mPred[x]) { if (tabu.get(u, x) > iteration) return true; if (x === v) return false; }
  }

  function setTabu(move: TardinessMove, until: number): void {
    const { u, v } = move;
    if (move.kind === "swap") tabu.set(u, v, until);
    else if (move.kind === "forward") for (let x = mSucc[u]; ; x = mSucc[x]) { tabu.set(u, x, until); if (x === v) break; }
    else for (let x = mPred[u]; ; x = mPred[x]) { tabu.set(x, u, until); if (x === v) break; }
  }

  function remember(l: MachineLinks, value: Value): void {
    if (elites.some((e) => e.value.tardiness === value.tardiness && sameLinks(e.links, l))) return;
    elites.push({ links: l, value });
    elites.sort((a, b) => (better(a.value, b.value) ? -1 : better(b.value, a.value) ? 1 : 0));
    if (elites.length > 8) elites.pop();
  }

  function restart(): void {
    restarts++;
    if (random() < fresh) {
      const l = linksFromSequences(flat, activeSchedule(flat, "random", random));
      mPred.set(l.mPred);
      mSucc.set(l.mSucc);
      current = evaluate()!;
    } else {
      const from = random() < fromBest || elites.length === 0 ? bestLinks : elites[randomInt(random, elites.length)].links;
      mPred.set(from.mPred);
      mSucc.set(from.mSucc);
      current = evaluate()!;
      for (let kicks = kMin + randomInt(random, kMax - kMin + 1); kicks > 0; kicks--) {
        collectArcs();
        if (arcs.length === 0) break;
        const u = arcs[randomInt(random, arcs.length)], v = mSucc[u];
        moveAfter(links, u, v);
        const kicked = evaluate();
        if (kicked === null) { moveAfter(links, v, u); current = evaluate()!; } else current = kicked;
      }
    }
    tabu.clear();
    if (better(current, best)) { best = current; bestLinks = copyLinks(links); }
    runBest = current;
    runBestLinks = copyLinks(links);
    stall = 0;
  }
}

