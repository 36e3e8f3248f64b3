// A critical path of the disjunctive graph, cut into blocks: maximal runs of operations that follow
// each other directly on one machine. Block moves are the tabu search's neighbourhood.
import type { FlatJobShop } from "./jobShop";
import type { MachineLinks } from "./disjunctiveGraph";
import { randomInt, type Random } from "../random";
import { relativeTolerance } from "../timeTolerance";

/** A critical block: its operations in machine order, and whether it opens/closes the path. */
export interface CriticalBlock {
  ops: number[];
  length: number;
  isFirst: boolean;
  isLast: boolean;
}

/**
 * The blocks of one critical path (a random one among the operations ending at the makespan). Times
 * are matched up to rounding (timeTolerance.ts: one slack for the whole path, from the makespan, as
 * every time on it is at most the makespan), so the path is the same at any time scale.
 */
export function criticalBlocks(flat: FlatJobShop, links: MachineLinks, head: Float64Array, makespan: number, random: Random): CriticalBlock[] {
  const { duration: p, jobPred } = flat;
  const { mPred } = links;
  const slack = relativeTolerance(flat.operationCount) * 2 * makespan;
  const close = makespan - slack;
  let end = -1, ties = 0;
  for (let o = 0; o < flat.operationCount; o++) {
    if (head[o] + p[o] >= close && randomInt(random, ++ties) === 0) end = o;
  }
  const path: number[] = [];
  for (let o = end; o >= 0; ) {
    path.push(o);
    const mp = mPred[o], jp = jobPred[o];
    if (mp >= 0 && head[mp] + p[mp] >= head[o] - slack) o = mp;
    else if (jp >= 0 && head[jp] + p[jp] >= head[o] - slack) o = jp;
    else o = -1;
  }
  path.reverse();
  const blocks: CriticalBlock[] = [];
  let current: number[] = [path[0]];
  for (let i = 1; i < path.length; i++) {
    if (links.mSucc[path[i - 1]] === path[i]) current.push(path[i]);
    else { blocks.push({ ops: current, length: current.length, isFirst: false, isLast: false }); current = [path[i]]; }
  }
  blocks.push({ ops: current, length: current.length, isFirst: false, isLast: false });
  blocks[0].isFirst = true;
  blocks[blocks.length - 1].isLast = true;
  return blocks;
}
