// The network a plan is made over (docs/formats.md §1, docs/model.md §0): stages, arcs and plan settings,
// as plain typed objects after validation. Blank inputs are null.

import type { LotSizeModel } from "../lotSizing";

/** One stage's inputs (docs/formats.md §1). Every figure is per the network's time unit. */
export interface StageInput {
  id: string;
  owner: string | null;
  /** λ^ext: the stage's own external demand per time unit. */
  demandRate: number | null;
  /** σ^ext: standard deviation of that demand per time unit. */
  demandSd: number | null;
  serviceLevel: number | null;
  z: number | null;
  /** T_j: processing time; 1/μ_j where blank. */
  processingTime: number | null;
  /** h_j: holding cost per unit per time unit. */
  holdingCost: number | null;
  /** K_j: fixed cost per order or setup. */
  orderCost: number | null;
  /** b_j: backorder cost per unit per time unit. */
  backorderCost: number | null;
  /** π_j: fixed shortage cost per unit backordered. */
  shortageCost: number | null;
  /** μ_j when the planner fixes it; else the optimal rate of docs/model.md §2. */
  productionRate: number | null;
  lotSizeModel: LotSizeModel | null;
  /** C_T: service cost per unit of rate. */
  serviceCost: number | null;
  /** C_W: penalty per waiting order. */
  penaltyCost: number | null;
  /** σ_A when known; derived from the demand bound where blank. */
  interarrivalSd: number | null;
  /** L_j when the planner knows it; queue wait + processing time where blank. */
  leadTime: number | null;
  /** E_j: service time quoted by the stage's external suppliers. */
  externalInboundTime: number | null;
  /** σ_ext,j: deviation of the external suppliers' service time. */
  externalInboundSd: number | null;
  /** s_j: longest service time the stage may commit to. */
  maxServiceTime: number | null;
  /** L̂_j: lead time predicted before the forecast (lot-size model (12)). */
  predictedLeadTime: number | null;
  // The supply plan over time (docs/supply.md): blank or absent is null.
  /** L_j in whole periods; ceil(leadTime / periodLength) where blank. */
  leadTimePeriods?: number | null;
  /** I_j,0: units on hand at the start. */
  onHand?: number | null;
  /** c_j: cost per unit released. */
  unitCost?: number | null;
  /** SS_j; the placement's safety stock where blank. */
  safetyStockTarget?: number | null;
  /** cap_j,t: most units released per period. */
  capacityPerPeriod?: number | null;
  minLot?: number | null;
  lotMultiple?: number | null;
}

/** Arc i → j: stage `to` consumes `quantity` (Φ_ij) units of `from` per unit. */
export interface ArcInput {
  from: string;
  to: string;
  quantity: number;
}

/** Placement methods a plan may name (docs/formats.md §1 `placementMethod`). */
export type PlanPlacementMethod = "auto" | "paper-rule" | "tree-dp" | "branch-and-bound" | "all-stock" | "make-to-order";

/** Rate of docs/model.md §2 used where productionRate is blank. */
export type RateMethod = "closed-form" | "exact";

export interface PlanSettings {
  defaultServiceLevel: number;
  periodsPerYear: number;
  placementMethod: PlanPlacementMethod;
  rateMethod: RateMethod;
  /** Time limit of a general-network placement search, in seconds. */
  placementTimeLimit: number;
  // The supply plan over time (docs/supply.md); absent means the default.
  horizon?: number;
  periodLength?: number;
  frozenPeriods?: number;
  /** ISO date (YYYY-MM-DD) of period 1's start. */
  planStart?: string;
  lotSizing?: "none" | "mip";
  supplyTimeLimit?: number;
}

export const DEFAULT_SETTINGS: PlanSettings = {
  defaultServiceLevel: 0.95,
  periodsPerYear: 365,
  placementMethod: "auto",
  rateMethod: "closed-form",
  placementTimeLimit: 10,
};

export interface NetworkInput {
  stages: StageInput[];
  arcs: ArcInput[];
  settings: PlanSettings;
}

/** Where an input sits, in terms of the model; adapters turn it into "Stages!C7" or "stages[6].holdingCost". */
export interface InputLocation {
  table: "Stages" | "Arcs" | "Settings";
  /** 0-based row in that table (stage, arc or setting order); null for the whole table. */
  row: number | null;
  /** camelCase field name; null for the whole row. */
  field: string | null;
}

/** One finding about the inputs or the plan. */
export interface PlanIssue {
  severity: "error" | "warning" | "info";
  message: string;
  location: InputLocation | null;
  /**
   * The id of the stage the issue is about, when it is about one stage (a figure or an input of its
   * Stages row); absent for an arc, a setting, the whole plan or an issue naming several stages.
   */
  stage?: string;
}
