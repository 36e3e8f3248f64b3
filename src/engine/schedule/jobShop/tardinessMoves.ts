// Moves of the weighted-tardiness search: per-job tails (longest path from an operation to each job's
// completion), swaps of the machine arcs on the critical trees of the tardy jobs and insertions at the
// ends of their critical blocks, and a head/tail estimate of every job's completion after a move
// (Mati, Dauzère-Pérès & Lahlou 2011; Kuhpfahl & Bierwirth 2016).
import type { FlatJobShop } from "./jobShop";
import type { MachineLinks } from "./disjunctiveGraph";
import { moveAfter, moveBefore } from "./machineMoves";
import { timeOrder, type TimeOrder } from "../timeTolerance";

// -Infinity held in module constants: a global lookup in a hot loop costs ~100x more inside a
// vm context (jest runs the tests in one), so the loops below never name a global.
const NONE = Number.NEGATIVE_INFINITY;

/** A move: swap u with its machine successor v, or insert u just after (forward) / before (backward) v. */
export interface TardinessMove {
  kind: "swap" | "forward" | "backward";
  u: number;
  v: number;
}

/**
 * Fills `tails[o · jobCount + j]` with the longest path from the start of o to the completion of job j
 * (p_o included), or -Infinity when job j's last operation cannot be reached from o; and
 * `longest[o]` with the longest of them (p_o plus the tail to the sink). `order` is a topological
 * order of the operations (computeHeads leaves one in its scratch).
 * @example computeJobTails(flat, links, scratch.order, tails, longest) // tails[last_j · J + j] === p(last_j)
 */
export function computeJobTails(flat: FlatJobShop, links: MachineLinks, order: Int32Array, tails: Float64Array, longest?: Float64Array): void {
  const J = flat.jobCount;
  const { jobSucc, duration: p, job } = flat;
  const { mSucc } = links;
  // One pass over the jobs per operation, the longest tail kept on the way (the entry of o's own job,
  // set last when o ends its job, was -Infinity before: no path leaves o and comes back to it).
  for (let i = flat.operationCount - 1; i >= 0; i--) {
    const o = order[i];
    const base = o * J, pj = p[o];
    const js = jobSucc[o], ms = mSucc[o];
    let m = NONE;
    if (js >= 0 && ms >= 0) {
      const bj = js * J, bm = ms * J;
      for (let j = 0; j < J; j++) {
        const a = tails[bj + j], b = tails[bm + j];
        const t = (a > b ? a : b) + pj;
        tails[base + j] = t;
        if (t > m) m = t;
      }
    } else if (js >= 0 || ms >= 0) {
      const bs = (js >= 0 ? js : ms) * J;
      for (let j = 0; j < J; j++) {
        const t = tails[bs + j] + pj;
        tails[base + j] = t;
        if (t > m) m = t;
      }
    } else {
      tails.fill(NONE, base, base + J);
    }
    if (js < 0) { tails[base + job[o]] = pj; if (pj > m) m = pj; } // o ends its own job
    if (longest) longest[o] = m;
  }
}

/**
 * The machine arcs (u, mSucc[u]) on the critical trees of the tardy jobs (all longest paths to the
 * completion of each job with w_j > 0 and C_j > d_j), as the list of their tails u. `stamp` (length
 * n) marks visited operations with `sweep`; `stack` is scratch of length n.
 * @example tardyCriticalArcs(flat, links, head, completion, stamp, 1, stack, arcs) // arcs = [u1, u2, ...]
 */
export function tardyCriticalArcs(
  flat: FlatJobShop, links: MachineLinks, head: Float64Array, completion: Float64Array,
  stamp: Int32Array, sweep: number, stack: Int32Array, arcs: number[],
): void {
  const { duration: p, jobPred, jobFirst, dueDate, weight } = flat;
  const { mPred } = links;
  arcs.length = 0;
  for (let j = 0; j < flat.jobCount; j++) {
    if (!(completion[j] > dueDate[j]) || weight[j] <= 0) continue;
    let top = 0;
    stack[top++] = jobFirst[j + 1] - 1;
    while (top > 0) {
      const o = stack[--top];
      if (stamp[o] === sweep) continue;
      stamp[o] = sweep;
      const mp = mPred[o], jp = jobPred[o];
      if (mp >= 0 && head[mp] + p[mp] === head[o]) {
        arcs.push(mp);
        stack[top++] = mp;
      }
      if (jp >= 0 && head[jp] + p[jp] === head[o]) stack[top++] = jp;
    }
  }
}

/**
 * Insertions at the ends of the critical blocks on one critical path to each tardy job: an operation
 * moved just after the block's last or just before its first operation (blocks of ≥ 3; the swaps
 * cover pairs). Moves that might close a cycle (Balas & Vazacopoulos' test on heads and on `longest`
 * from computeJobTails) are left out. Appends to `moves`; `seen` dedupes.
 * @example tardyBlockInsertions(flat, links, head, longest, completion, moves, new Set()) // moves of kind "forward"/"backward"
 */
export function tardyBlockInsertions(
  flat: FlatJobShop, links: MachineLinks, head: Float64Array, longest: Float64Array, completion: Float64Array,
  moves: TardinessMove[], seen: Set<number>,
): void {
  const { duration: p, jobPred, jobSucc, jobFirst, dueDate, weight } = flat;
  const { mPred, mSucc } = links;
  const n = flat.operationCount;
  const block: number[] = [];
  const flush = () => {
    const k = block.length;
    if (k < 3) return;
    const first = block[k - 1], last = block[0]; // collected backwards
    for (let i = k - 1; i >= 2; i--) { // forward: block[i] after `last`, not the adjacent pair
      const u = block[i], js = jobSucc[u];
      if (js >= 0 && longest[last] < longest[js]) continue;
      const key = (u * n + last) * 2;
      if (!seen.has(key)) { seen.add(key); moves.push({ kind: "forward", u, v: last }); }
    }
    for (let i = k - 3; i >= 0; i--) { // backward: block[i] before `first`
      const u = block[i], jp = jobPred[u];
      if (jp >= 0 && head[first] + p[first] < head[jp] + p[jp]) continue;
      const key = (u * n + first) * 2 + 1;
      if (!seen.has(key)) { seen.add(key); moves.push({ kind: "backward", u, v: first }); }
    }
  };
  for (let j = 0; j < flat.jobCount; j++) {
    if (!(completion[j] > dueDate[j]) || weight[j] <= 0) continue;
    block.length = 0;
    for (let o = jobFirst[j + 1] - 1; o >= 0; ) {
      const mp = mPred[o], jp = jobPred[o];
      if (block.length === 0) block.push(o);
      if (mp >= 0 && head[mp] + p[mp] === head[o] && mSucc[mp] === o) { block.push(mp); o = mp; continue; }
      flush();
      block.length = 0;
      o = jp >= 0 && head[jp] + p[jp] === head[o] ? jp : -1;
    }
  }
}

/** Scratch arrays of the estimates, sized for `flat`, and the order on times (timeTolerance.ts). */
export interface EstimateScratch { order: Int32Array; start: Float64Array; times: TimeOrder; after: Float64Array; next: Float64Array; through: Uint8Array }

/** Scratch for estimateMoveTardiness. */
export function estimateScratch(flat: FlatJobShop): EstimateScratch {
  const m = flat.operationCount;
  const J = flat.jobCount;
  return { order: new Int32Array(m), start: new Float64Array(m), times: timeOrder(m), after: new Float64Array(J), next: new Float64Array(J), through: new Uint8Array(J) };
}

/**
 * Estimated Σ w_j·max(0, C'_j − d_j) after `move`: the moved machine segment gets Taillard heads, and
 * each job's completion is the longest path through the segment (from the per-job tails), or its old
 * completion when no longest path to it crossed the segment. For swaps on critical arcs the heads
 * are exact and the estimate never exceeds the exact value.
 * @example estimateMoveTardiness(flat, links, head, tails, completion, { kind: "swap", u, v: links.mSucc[u] }, s)
 */
export function estimateMoveTardiness(
  flat: FlatJobShop, links: MachineLinks, head: Float64Array, tails: Float64Array,
  completion: Float64Array, move: TardinessMove, scratch: EstimateScratch,
): number {
  const J = flat.jobCount;
  const { duration: p, jobPred, jobSucc, job, dueDate, weight } = flat;
  const { mPred, mSucc } = links;
  const { order, start, times } = scratch;
  const { u, v } = move;
  let len = 0, a: number, b: number;
  if (move.kind === "swap") { order[len++] = v; order[len++] = u; a = mPred[u]; b = mSucc[v]; }
  else if (move.kind === "forward") {
    for (let x = mSucc[u]; ; x = mSucc[x]) { order[len++] = x; if (x === v) break; }
    order[len++] = u; a = mPred[u]; b = mSucc[v];
  } else {
    order[len++] = u;
    for (let x = v; x !== u; x = mSucc[x]) order[len++] = x;
    a = mPred[v]; b = mSucc[u];
  }
  const release = flat.release;
  let prevEnd = a >= 0 ? head[a] + p[a] : 0;
  for (let i = 0; i < len; i++) {
    const x = order[i], jp = jobPred[x];
    let r = jp >= 0 && head[jp] + p[jp] > prevEnd ? head[jp] + p[jp] : prevEnd;
    if (release && release[x] > r) r = release[x];
    start[i] = r;
    prevEnd = r + p[x];
  }
  // Each job's longest path through the segment, from its end back to its start: the segment outer and
  // the jobs inner, so each step reads two rows of `tails` in order (the other way round strides a row
  // per read). after[j]: longest path from the end of order[i] onwards along the machine.
  const { after, next, through } = scratch;
  for (let j = 0; j < J; j++) { after[j] = b >= 0 ? tails[b * J + j] : NONE; next[j] = NONE; through[j] = 0; }
  for (let i = len - 1; i >= 0; i--) {
    const x = order[i], js = jobSucc[x], px = p[x], sx = start[i], hx = head[x], jx = job[x];
    const rowS = js * J, rowX = x * J;
    for (let j = 0; j < J; j++) {
      let t = js >= 0 ? tails[rowS + j] : jx === j ? 0 : NONE;
      if (after[j] > t) t = after[j];
      const lx = t + px;
      if (sx + lx > next[j]) next[j] = sx + lx;
      after[j] = lx;
      if (through[j] === 0 && !times.less(hx + tails[rowX + j], completion[j])) through[j] = 1; // a longest path to C_j crosses x
    }
  }
  let total = 0;
  for (let j = 0; j < J; j++) {
    const c = completion[j];
    let nj = next[j];
    if (through[j] === 0 && c > nj) nj = c;
    if (nj === NONE) nj = c;
    const late = nj - dueDate[j];
    if (late > 0) total += weight[j] * late;
  }
  return total;
}

/**
 * Estimated tardiness after swapping u with its machine successor (see estimateMoveTardiness).
 * @example estimateSwapTardiness(flat, links, head, tails, completion, u) // ≤ exact TWT after the swap, often equal
 */
export function estimateSwapTardiness(
  flat: FlatJobShop, links: MachineLinks, head: Float64Array, tails: Float64Array, completion: Float64Array, u: number,
): number {
  return estimateMoveTardiness(flat, links, head, tails, completion, { kind: "swap", u, v: links.mSucc[u] }, estimateScratch(flat));
}

/**
 * Applies `move` to the links and returns how to undo it (`undoTardinessMove`).
 * @example const undo = applyTardinessMove(links, move); undoTardinessMove(links, move.u, undo)
 */
export function applyTardinessMove(links: MachineLinks, move: TardinessMove): { anchor: number; after: boolean } {
  const { u, v } = move;
  if (move.kind === "swap") { moveAfter(links, u, v); return { anchor: v, after: false }; }
  if (move.kind === "forward") {
    const next = links.mSucc[u];
    moveAfter(links, u, v);
    return { anchor: next, after: false };
  }
  const prev = links.mPred[u];
  moveBefore(links, u, v);
  return { anchor: prev, after: true };
}

/** Puts u back where it was before applyTardinessMove. */
export function undoTardinessMove(links: MachineLinks, u: number, undo: { anchor: number; after: boolean }): void {
  if (undo.after) moveAfter(links, u, undo.anchor);
  else moveBefore(links, u, undo.anchor);
}
