// The plan result (docs/formats.md §2, aps-plan/1): per-stage figures, arcs, placement, KPIs and
// exceptions. A figure that cannot be computed is null.

import type { PlanIssue } from "../network/types";

export interface StagePlan {
  id: string;
  owner: string | null;
  /** λ_j: total demand rate (own external demand plus what downstream stages draw), docs/model.md §0. */
  demandRate: number;
  /** σ_D,j: standard deviation of total demand per time unit. */
  demandSd: number;
  z: number;
  interarrivalSd: number | null;
  serviceSd: number | null;
  /** μ_j: planned production rate. */
  rate: number | null;
  utilisation: number | null;
  ordersInSystem: number | null;
  waitInQueue: number | null;
  /** L_j = W_q + T_j (or the given lead time). */
  leadTime: number | null;
  /** W_j of eq. (7): the make-to-order lead time. */
  promisedLeadTime: number | null;
  /** SI_j of the placement: max(E_j, committed service times of the suppliers). */
  inboundServiceTime: number | null;
  /** S_j: the service time the stage commits to its customers. */
  committedServiceTime: number | null;
  /** τ_j = SI_j + L_j − S_j. */
  netReplenishmentTime: number | null;
  /** D_j(τ_j) of eq. (14). */
  demandBound: number | null;
  safetyStock: number | null;
  safetyStockCost: number | null;
  lotSize: number | null;
  lotSizeModel: string;
  cycleStock: number | null;
  inventoryHoldingCost: number | null;
}

export interface ArcPlan {
  from: string;
  to: string;
  quantity: number;
  /** L̄_ij of eq. (15); null without a lot size at `from`. */
  inboundLeadTime: number | null;
}

export interface PlacementSummary {
  method: string;
  optimal: boolean;
  status: string;
  safetyStockCost: number;
  bound: number | null;
  gap: number | null;
  elapsedMs: number;
}

export interface PlanKpis {
  leadTimeToCustomer: number | null;
  cycleTime: number | null;
  inventoryHoldingCost: number | null;
  safetyStockHoldingCost: number | null;
  inventoryTurns: number | null;
}

export interface PlanException {
  severity: "error" | "warning" | "info";
  /** Where it is: "Stages!C7" in a workbook, "stages[6].holdingCost" in JSON, or the stage id. */
  where: string;
  message: string;
  /** The workbook cell (sheet and address, "Scenarios!E4") the pane selects, when the plan was read from a workbook and the place is one; absent otherwise. */
  cell?: string;
  /**
   * The id of the stage the exception is about, when it is about one stage (a figure or an input of
   * its Stages row); absent for an arc, a setting, the whole plan or an exception naming several stages.
   */
  stage?: string;
}

export interface PlanResult {
  format: "aps-plan/1";
  stages: StagePlan[];
  arcs: ArcPlan[];
  placement: PlacementSummary | null;
  kpis: PlanKpis;
  exceptions: PlanException[];
}

/** What the engine hands back before an adapter names locations: issues keep their model location. */
export interface EnginePlan extends Omit<PlanResult, "exceptions"> {
  issues: PlanIssue[];
}
