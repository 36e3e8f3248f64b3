// Test-only exhaustive placement, written independently of the solvers: enumerates every
// combination of candidate service times in topological order and keeps the cheapest.
// Candidates: the integer grid (integer data), or the vertex values found by walking every simple
// path of the variable graph {S_j, SI_j} from the anchors S_j = 0, S_j = s_j, SI_j = E_j.

import type { PlacementProblem } from "../../src/engine/placement";

const TOL = 1e-9;

function order(problem: PlacementProblem): number[] {
  const n = problem.stages.length;
  const indeg = new Array<number>(n).fill(0);
  for (const a of problem.arcs) indeg[a.to]++;
  const out: number[] = [];
  const ready = indeg.map((d, j) => (d === 0 ? j : -1)).filter((j) => j >= 0);
  while (ready.length) {
    const j = ready.shift()!;
    out.push(j);
    for (const a of problem.arcs) if (a.from === j && --indeg[a.to] === 0) ready.push(a.to);
  }
  return out;
}

/** Integer grid 0..(longest make-to-order time) for every stage. */
export function integerGridCandidates(problem: PlacementProblem): number[][] {
  let top = 0;
  for (const s of problem.stages) top += s.leadTime + s.externalInboundTime;
  return problem.stages.map(() => Array.from({ length: Math.ceil(top) + 1 }, (_, k) => k));
}

/** Vertex values of S_j: anchor values carried along every simple path of the variable graph. */
export function vertexCandidates(problem: PlacementProblem): number[][] {
  const n = problem.stages.length;
  // Variable k < n is S_k, k ≥ n is SI_{k−n}. Edges with the value change when walked from → to.
  const edges: { to: number; add: number }[][] = Array.from({ length: 2 * n }, () => []);
  const link = (a: number, b: number, add: number): void => {
    edges[a].push({ to: b, add });
    edges[b].push({ to: a, add: -add });
  };
  problem.stages.forEach((s, j) => link(n + j, j, s.leadTime)); // S_j = SI_j + L_j
  for (const a of problem.arcs) link(a.from, n + a.to, 0); // SI_j = S_i
  const values: number[][] = Array.from({ length: n }, () => []);
  const onPath = new Uint8Array(2 * n);
  const walk = (k: number, value: number): void => {
    if (k < n) values[k].push(value);
    onPath[k] = 1;
    for (const e of edges[k]) if (!onPath[e.to]) walk(e.to, value + e.add);
    onPath[k] = 0;
  };
  problem.stages.forEach((s, j) => {
    walk(j, 0);
    if (s.maxServiceTime !== null) walk(j, s.maxServiceTime);
    walk(n + j, s.externalInboundTime);
  });
  return values.map((v) => [...new Set(v.filter((x) => x >= -TOL).map((x) => Math.max(0, x)))].sort((a, b) => a - b));
}

/** The cheapest feasible combination of candidates, by exhaustive search. */
export function bruteForcePlacement(problem: PlacementProblem, candidates: number[][]): { cost: number; serviceTimes: number[] } {
  const n = problem.stages.length;
  const topo = order(problem);
  const upstream: number[][] = Array.from({ length: n }, () => []);
  for (const a of problem.arcs) upstream[a.to].push(a.from);
  const S = new Array<number>(n).fill(0);
  let best = Infinity;
  let bestS: number[] = [];
  const go = (p: number, cost: number): void => {
    if (cost >= best) return;
    if (p === n) {
      best = cost;
      bestS = S.slice();
      return;
    }
    const j = topo[p];
    const st = problem.stages[j];
    let si = st.externalInboundTime;
    for (const i of upstream[j]) si = Math.max(si, S[i]);
    const top = Math.min(st.maxServiceTime ?? Infinity, si + st.leadTime);
    for (const x of candidates[j]) {
      if (x > top + TOL) break;
      S[j] = Math.min(x, top);
      go(p + 1, cost + st.unitCost * Math.sqrt(Math.max(0, si + st.leadTime - S[j])));
    }
  };
  go(0, 0);
  return { cost: best, serviceTimes: bestS };
}
