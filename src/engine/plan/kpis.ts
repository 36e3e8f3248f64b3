// The plan's results of docs/model.md §9 (the paper's Figure 6): lead time to customer, cycle time,
// inventory and safety-stock holding costs, inventory turns.

import type { PlanKpis } from "./types";

export interface KpiStage {
  external: boolean;
  externalDemandRate: number;
  holdingCost: number | null;
  committedServiceTime: number | null;
  promisedLeadTime: number | null;
  safetyStockCost: number | null;
  inventoryHoldingCost: number | null;
}

function maxOrNull(values: (number | null)[]): number | null {
  if (values.length === 0 || values.some((v) => v === null)) return null;
  return Math.max(...(values as number[]));
}

/**
 * Plan KPIs (docs/model.md §9). Sums skip stages without a holding cost (their stock is free in the plan).
 * @example inventory turns = periodsPerYear · Σ λ_ext·h / Σ h (q/2 + SS): 365 · 20 · 4 / 282.2918 = 103.4391
 */
export function planKpis(stages: readonly KpiStage[], periodsPerYear: number): PlanKpis {
  const customers = stages.filter((s) => s.external);
  const withCost = stages.filter((s) => s.inventoryHoldingCost !== null);
  const inventoryHoldingCost = stages.some((s) => s.committedServiceTime !== null)
    ? withCost.reduce((sum, s) => sum + (s.inventoryHoldingCost as number), 0)
    : null;
  const safetyStockHoldingCost = stages.some((s) => s.committedServiceTime !== null)
    ? stages.reduce((sum, s) => sum + (s.safetyStockCost ?? 0), 0)
    : null;
  const valueFlow = customers.reduce((sum, s) => sum + s.externalDemandRate * (s.holdingCost ?? 0), 0);
  return {
    leadTimeToCustomer: maxOrNull(customers.map((s) => s.committedServiceTime)),
    cycleTime: maxOrNull(customers.map((s) => s.promisedLeadTime)),
    inventoryHoldingCost,
    safetyStockHoldingCost,
    inventoryTurns: inventoryHoldingCost !== null && inventoryHoldingCost > 0 ? (periodsPerYear * valueFlow) / inventoryHoldingCost : null,
  };
}
