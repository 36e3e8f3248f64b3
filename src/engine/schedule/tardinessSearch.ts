// Tabu search for the total weighted tardiness Σ w_j·max(0, C_j − d_j) of a job shop: swaps of
// adjacent operations on the critical paths to the tardy jobs, each evaluated exactly.
import type { FlatJobShop } from "./jobShop";
import { totalWeightedTardiness } from "./jobShop";
import { computeHeads, graphScratch, jobCompletions, type MachineLinks } from "./disjunctiveGraph";
import { moveAfter } from "./machineMoves";
import { randomInt, type Random } from "./random";
import type { SearchClock } from "./searchControl";
import { tabuTable } from "./tabuTable";

/** What the tardiness search found. */
export interface TardinessSearchResult {
  links: MachineLinks;
  tardiness: number;
  makespan: number;
  iterations: number;
  restarts: number;
}

/**
 * Minimises total weighted tardiness (ties broken by makespan) from the machine links `start`.
 * @example tabuSearchTardiness(flat, links, clock, rnd).tardiness // 0 when due dates are loose
 */
export function tabuSearchTardiness(flat: FlatJobShop, start: MachineLinks, clock: SearchClock, random: Random): TardinessSearchResult {
  const n = flat.operationCount;
  const { duration: p, jobPred, jobFirst } = flat;
  const links: MachineLinks = { mPred: start.mPred.slice(), mSucc: start.mSucc.slice() };
  const { mPred, mSucc } = links;
  const head = new Float64Array(n);
  const scratch = graphScratch(flat);
  const tabu = tabuTable(n);
  const stamp = new Int32Array(n);
  const stallLimit = Math.max(300, 3 * n);
  const evaluate = (): [number, number] => {
    const makespan = computeHeads(flat, links, head, scratch);
    if (makespan < 0) return [Infinity, Infinity];
    return [totalWeightedTardiness(flat, jobCompletions(flat, head)), makespan];
  };
  const better = (a: [number, number], b: [number, number]) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
  let current = evaluate();
  let best = current;
  let bestLinks: MachineLinks = { mPred: mPred.slice(), mSucc: mSucc.slice() };
  let iteration = 0, restarts = 0, stall = 0;

  let sweep = 0;
  const candidateArcs = (): number[] => {
    const arcs: number[] = [];
    sweep++;
    for (let j = 0; j < flat.jobCount; j++) {
      const last = jobFirst[j + 1] - 1;
      if (head[last] + p[last] <= flat.dueDate[j]) continue;
      for (let o = last; o >= 0; ) {
        const mp = mPred[o], jp = jobPred[o];
        if (mp >= 0 && head[mp] + p[mp] === head[o]) {
          if (stamp[o] !== sweep) { stamp[o] = sweep; arcs.push(mp); }
          o = mp;
        } else if (jp >= 0 && head[jp] + p[jp] === head[o]) o = jp;
        else o = -1;
      }
    }
    return arcs; // each u with its machine successor v = mSucc[u] on a critical path
  };

  while (best[0] > 0 && !clock.stop(iteration)) {
    iteration++;
    const arcs = candidateArcs();
    if (arcs.length === 0) break;
    let chosen = -1, chosenValue: [number, number] = [Infinity, Infinity], ties = 0;
    for (const u of arcs) {
      const v = mSucc[u];
      const isTabu = tabu.get(v, u) > iteration;
      moveAfter(links, u, v);
      const value = evaluate();
      moveAfter(links, v, u);
      if (isTabu && !better(value, best)) continue;
      if (chosen < 0 || better(value, chosenValue)) { chosen = u; chosenValue = value; ties = 1; }
      else if (value[0] === chosenValue[0] && value[1] === chosenValue[1] && randomInt(random, ++ties) === 0) chosen = u;
    }
    if (chosen < 0) chosen = arcs[randomInt(random, arcs.length)];
    const v = mSucc[chosen];
    moveAfter(links, chosen, v);
    tabu.set(chosen, v, iteration + 5 + randomInt(random, 8));
    current = evaluate();
    const improved = better(current, best);
    if (improved) {
      best = current;
      bestLinks = { mPred: mPred.slice(), mSucc: mSucc.slice() };
      stall = 0;
    } else if (++stall > stallLimit) {
      restarts++;
      stall = 0;
      mPred.set(bestLinks.mPred);
      mSucc.set(bestLinks.mSucc);
      tabu.clear();
      current = evaluate();
      for (let k = 2 + randomInt(random, 5); k > 0; k--) {
        const arcsNow = candidateArcs();
        if (arcsNow.length === 0) break;
        const u = arcsNow[randomInt(random, arcsNow.length)];
        moveAfter(links, u, mSucc[u]);
        current = evaluate();
        if (current[0] === Infinity) { moveAfter(links, mPred[u], u); current = evaluate(); }
      }
    }
    clock.report(iteration, best[0], improved);
  }
  return { links: bestLinks, tardiness: best[0], makespan: best[1], iterations: iteration, restarts };
}
