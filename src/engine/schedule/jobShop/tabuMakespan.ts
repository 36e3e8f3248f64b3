// Tabu search for the job-shop makespan: N7-style moves of an operation to the front or the back of
// a critical block, Taillard-style approximate evaluation over heads and tails, random tabu tenure,
// and restarts from elite solutions with a perturbation when the search stalls (i-TSAB lite).
import type { FlatJobShop } from "./jobShop";
import { computeHeads, computeTails, copyLinks, graphScratch, sameLinks, type MachineLinks } from "./disjunctiveGraph";
import { randomInt, type Random } from "../random";
import type { SearchClock } from "../searchControl";
import { criticalBlocks } from "./criticalPath";
import { moveAfter, moveBefore } from "./machineMoves";
import { tabuTable } from "./tabuTable";
import { timeOrder } from "../timeTolerance";

// Math and Infinity held in module constants: a global lookup in a hot loop costs ~100x more inside a
// vm context (jest runs the tests in one), so the loops below never name a global.
const { max } = Math;

/** Tuning of the makespan tabu search. */
export interface TabuMakespanOptions {
  /** Iterations without a new best before a restart from an elite solution (default from size). */
  stallIterations?: number;
  /** Tabu tenure range [min, max] (default from the size). */
  tenure?: [number, number];
  /** Stop as soon as this makespan is reached (a proven lower bound). */
  target?: number;
}

/** What the search found and how it went. */
export interface TabuMakespanResult {
  links: MachineLinks;
  makespan: number;
  iterations: number;
  restarts: number;
}

interface Move { forward: boolean; u: number; v: number; estimate: number }

/**
 * Runs the tabu search from the machine links `start` until `clock` stops it or `target` is met.
 * @example tabuSearchMakespan(ft06, gtLinks, clock, rnd).makespan // 55
 */
export function tabuSearchMakespan(
  flat: FlatJobShop, start: MachineLinks, clock: SearchClock, random: Random, options: TabuMakespanOptions = {},
): TabuMakespanResult {
  const n = flat.operationCount;
  const { duration: p, jobPred, jobSucc } = flat;
  const links: MachineLinks = copyLinks(start);
  const { mPred, mSucc } = links;
  const head = new Float64Array(n);
  const tail = new Float64Array(n);
  const scratch = graphScratch(flat);
  const target = options.target ?? -Infinity;
  const ratio = flat.jobCount / flat.machineCount;
  const tMin = options.tenure?.[0] ?? Math.max(2, Math.round(8 + ratio));
  const tMax = options.tenure?.[1] ?? Math.round(tMin * 1.5 + 2);
  const stallLimit = options.stallIterations ?? Math.max(2500, 12 * n);
  const tabu = tabuTable(n);
  // Makespans, estimates and path lengths compared up to rounding: a rounding difference is no
  // improvement and no reason to break a tie differently (timeTolerance.ts).
  const { less, same } = timeOrder(n);

  let makespan = computeHeads(flat, links, head, scratch);
  computeTails(flat, links, tail, scratch);
  let best = makespan;
  let bestLinks: MachineLinks = copyLinks(links);
  const elites: { links: MachineLinks; makespan: number }[] = [];
  let runBest = makespan;
  let runBestLinks = bestLinks;
  let iteration = 0, restarts = 0, stall = 0;
  const order = new Int32Array(n);
  const rNew = new Float64Array(n);
  const moves: Move[] = [];

  // Estimated makespan of the machine segment `order[0..len)` placed between a and b (Taillard).
  const estimate = (len: number, a: number, b: number): number => {
    let prevEnd = a >= 0 ? head[a] + p[a] : 0;
    for (let i = 0; i < len; i++) {
      const x = order[i], jp = jobPred[x];
      const r = jp >= 0 ? max(head[jp] + p[jp], prevEnd) : prevEnd;
      rNew[i] = r;
      prevEnd = r + p[x];
    }
    let nextStart = b >= 0 ? tail[b] + p[b] : 0;
    let est = 0;
    for (let i = len - 1; i >= 0; i--) {
      const x = order[i], js = jobSucc[x];
      const q = js >= 0 ? max(tail[js] + p[js], nextStart) : nextStart;
      if (rNew[i] + p[x] + q > est) est = rNew[i] + p[x] + q;
      nextStart = q + p[x];
    }
    return est;
  };

  while (less(target, makespan) && !clock.stop(iteration)) {
    iteration++;
    moves.length = 0;
    for (const block of criticalBlocks(flat, links, head, makespan, random)) {
      const k = block.length;
      if (k < 2) continue;
      const first = block.isFirst, last = block.isLast;
      const ops = block.ops;
      // Move ops[i] to just after ops[k-1] (forward).
      if (!last) for (let i = 0; i < k - 1; i++) {
        const u = ops[i], v = ops[k - 1];
        const js = jobSucc[u];
        if (i < k - 2 && js >= 0 && less(tail[v] + p[v], tail[js] + p[js])) continue; // may close a cycle
        let len = 0;
        for (let x = i + 1; x < k; x++) order[len++] = ops[x];
        order[len++] = u;
        moves.push({ forward: true, u, v, estimate: estimate(len, mPred[u], mSucc[v]) });
      }
      // Move ops[i] to just before ops[0] (backward).
      if (!first) for (let i = 1; i < k; i++) {
        if (k === 2 && !last) break; // same swap as the forward move
        const u = ops[i], v = ops[0];
        const jp = jobPred[u];
        if (i > 1 && jp >= 0 && less(head[v] + p[v], head[jp] + p[jp])) continue; // may close a cycle
        let len = 0;
        order[len++] = u;
        for (let x = 0; x < i; x++) order[len++] = ops[x];
        moves.push({ forward: false, u, v, estimate: estimate(len, mPred[v], mSucc[u]) });
      }
    }
    if (moves.length === 0) break; // no block: the makespan is one job's length, optimal
    let chosen: Move | null = null;
    let ties = 0;
    for (const mv of moves) {
      const admissible = less(mv.estimate, best) || !isTabu(mv);
      if (!admissible) continue;
      if (chosen === null || less(mv.estimate, chosen.estimate)) { chosen = mv; ties = 1; }
      else if (same(mv.estimate, chosen.estimate) && randomInt(random, ++ties) === 0) chosen = mv;
    }
    if (chosen === null) chosen = moves[randomInt(random, moves.length)];
    applyMove(chosen, iteration + tMin + randomInt(random, tMax - tMin + 1));
    makespan = computeHeads(flat, links, head, scratch);
    if (makespan < 0) {
      // The move closed a cycle. The estimates' cycle tests assume positive durations and one visit per
      // machine and job; zero durations or a job that revisits a machine can defeat them. Start again.
      restart();
      continue;
    }
    computeTails(flat, links, tail, scratch);

    const improved = less(makespan, best);
    if (improved) {
      best = makespan;
      bestLinks = copyLinks(links);
    }
    if (less(makespan, runBest)) {
      runBest = makespan;
      runBestLinks = improved ? bestLinks : copyLinks(links);
      stall = 0;
    } else if (++stall > stallLimit) {
      remember(runBestLinks, runBest);
      restart();
    }
    clock.report(iteration, best, improved);
  }
  return { links: bestLinks, makespan: best, iterations: iteration, restarts };

  function isTabu(mv: Move): boolean {
    const u = mv.u;
    if (mv.forward) {
      for (let x = mSucc[u]; ; x = mSucc[x]) {
        if (tabu.get(x, u) > iteration) return true;
        if (x === mv.v) return false;
      }
    }
    for (let x = mPred[u]; ; x = mPred[x]) {
      if (tabu.get(u, x) > iteration) return true;
      if (x === mv.v) return false;
    }
  }

  function applyMove(mv: Move, until: number): void {
    const u = mv.u;
    if (mv.forward) {
      for (let x = mSucc[u]; ; x = mSucc[x]) { tabu.set(u, x, until); if (x === mv.v) break; }
      moveAfter(links, u, mv.v);
    } else {
      for (let x = mPred[u]; ; x = mPred[x]) { tabu.set(x, u, until); if (x === mv.v) break; }
      moveBefore(links, u, mv.v);
    }
  }

  function remember(l: MachineLinks, value: number): void {
    if (elites.some((e) => same(e.makespan, value) && sameLinks(e.links, l))) return;
    elites.push({ links: l, makespan: value });
    elites.sort((a, b) => (less(a.makespan, b.makespan) ? -1 : less(b.makespan, a.makespan) ? 1 : 0));
    if (elites.length > 8) elites.pop();
  }

  function restart(): void {
    restarts++;
    const from = random() < 0.5 || elites.length === 0 ? bestLinks : elites[randomInt(random, elites.length)].links;
    mPred.set(from.mPred);
    mSucc.set(from.mSucc);
    makespan = computeHeads(flat, links, head, scratch);
    computeTails(flat, links, tail, scratch);
    const kicks = 2 + randomInt(random, 6);
    for (let s = 0; s < kicks; s++) {
      const blocks = criticalBlocks(flat, links, head, makespan, random).filter((b) => b.length >= 2);
      if (blocks.length === 0) break;
      const b = blocks[randomInt(random, blocks.length)];
      const i = randomInt(random, b.length - 1);
      moveAfter(links, b.ops[i], b.ops[i + 1]); // swap of a critical pair: no cycle with positive durations
      makespan = computeHeads(flat, links, head, scratch);
      if (makespan < 0) {
        // Zero durations or a revisited machine: go back to the starting order and stop kicking.
        mPred.set(from.mPred);
        mSucc.set(from.mSucc);
        makespan = computeHeads(flat, links, head, scratch);
        computeTails(flat, links, tail, scratch);
        break;
      }
      computeTails(flat, links, tail, scratch);
    }
    tabu.clear();
    runBest = makespan;
    runBestLinks = copyLinks(links);
    stall = 0;
  }
}

