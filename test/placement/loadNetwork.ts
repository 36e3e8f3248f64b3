// Test-only loader: converts an aps-network/1 JSON network (docs/formats.md §1) into a
// PlacementProblem, with σ_D propagated upstream (docs/model.md §0) and c_j = h_j z_j σ_D,j.

import type { PlacementProblem } from "../../src/engine/placement";

interface NetworkStage {
  id: string;
  leadTime?: number | null;
  externalInboundTime?: number | null;
  maxServiceTime?: number | null;
  demandRate?: number | null;
  demandSd?: number | null;
  holdingCost?: number | null;
  z?: number | null;
}
export interface NetworkJson {
  format: string;
  stages: NetworkStage[];
  arcs: { from: string; to: string; quantity?: number | null }[];
}

const given = (v: number | null | undefined): v is number => v !== null && v !== undefined;

export function placementProblemFromNetwork(json: NetworkJson): PlacementProblem {
  const index = new Map(json.stages.map((s, k) => [s.id, k]));
  const arcs = json.arcs.map((a) => ({ from: index.get(a.from)!, to: index.get(a.to)!, quantity: a.quantity ?? 1 }));
  const n = json.stages.length;
  // σ_D,i = sqrt(σ_ext,i² + Σ_j (Φ_ij σ_D,j)²), downstream stages first.
  const downstream: { to: number; q: number }[][] = Array.from({ length: n }, () => []);
  const indegreeDown = new Array<number>(n).fill(0);
  for (const a of arcs) {
    downstream[a.from].push({ to: a.to, q: a.quantity });
    indegreeDown[a.from]++;
  }
  const sigma = new Array<number>(n).fill(NaN);
  const upstreamOf: number[][] = Array.from({ length: n }, () => []);
  for (const a of arcs) upstreamOf[a.to].push(a.from);
  const queue: number[] = [];
  for (let j = 0; j < n; j++) if (indegreeDown[j] === 0) queue.push(j);
  for (let h = 0; h < queue.length; h++) {
    const j = queue[h];
    const ext = json.stages[j].demandSd ?? 0;
    sigma[j] = Math.sqrt(ext * ext + downstream[j].reduce((s, { to, q }) => s + (q * sigma[to]) ** 2, 0));
    for (const i of upstreamOf[j]) if (--indegreeDown[i] === 0) queue.push(i);
  }
  const stages = json.stages.map((s, j) => {
    const external = given(s.demandRate) || given(s.demandSd);
    return {
      id: s.id,
      leadTime: s.leadTime ?? 0,
      externalInboundTime: s.externalInboundTime ?? 0,
      maxServiceTime: given(s.maxServiceTime) ? s.maxServiceTime : external ? 0 : null,
      unitCost: (s.holdingCost ?? 0) * (s.z ?? 1.6448536269514715) * sigma[j],
    };
  });
  return { stages, arcs: arcs.map(({ from, to }) => ({ from, to })) };
}
