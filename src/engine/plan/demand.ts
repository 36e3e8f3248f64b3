// Demand propagated upstream through the bill of materials (docs/model.md §0):
// λ_i = λ_i^ext + Σ_j Φ_ij λ_j and σ_D,i = sqrt((σ_i^ext)² + Σ_j (Φ_ij σ_D,j)²).

import type { IndexArc } from "../network/graph";

export interface StageDemand {
  /** λ_j: total demand rate per time unit. */
  rate: number;
  /** σ_D,j: standard deviation of total demand per time unit. */
  sd: number;
}

/**
 * Total demand at every stage, visiting customers before suppliers (reverse topological order).
 * @param external the stages' own demand (λ^ext, σ^ext; 0 where blank)
 * @param arcs arcs with Φ_ij as `quantity`
 * @param order stages in topological order (suppliers first)
 * @example propagateDemand([{rate: 0, sd: 0}, {rate: 20, sd: 6}], [{from: 0, to: 1, quantity: 2}], [0, 1])
 * // [{rate: 40, sd: 12}, {rate: 20, sd: 6}]
 */
export function propagateDemand(
  external: readonly StageDemand[],
  arcs: readonly (IndexArc & { quantity: number })[],
  order: readonly number[],
): StageDemand[] {
  const downstream: { to: number; quantity: number }[][] = external.map(() => []);
  for (const arc of arcs) downstream[arc.from].push({ to: arc.to, quantity: arc.quantity });
  const demand: StageDemand[] = external.map(() => ({ rate: 0, sd: 0 }));
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k];
    let rate = external[i].rate;
    let variance = external[i].sd * external[i].sd;
    for (const { to, quantity } of downstream[i]) {
      rate += quantity * demand[to].rate;
      variance += (quantity * demand[to].sd) ** 2;
    }
    demand[i] = { rate, sd: Math.sqrt(variance) };
  }
  return demand;
}
