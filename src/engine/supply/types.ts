// The supply plan over time (docs/supply.md, MODEL.md §11, FORMATS.md §10): the problem the
// engine solves, the aps-supply/1 result it returns, and the options of a solve.

/** A table of the supply plan's inputs, as the workbook names it (FORMATS.md §10). */
export type SupplyTable =
  | "Stages" | "Arcs" | "Settings" | "Demands" | "Customers" | "Resources" | "Resource Capacity"
  | "Resource Loads" | "Open Supply" | "Period Commitments";

/** Where a supply input sits; adapters turn it into "Demands!C4" or "demands[3].period". */
export interface SupplyLocation {
  table: SupplyTable;
  /** 0-based row in that table; null for the whole table (or a setting). */
  row: number | null;
  /** camelCase field name; null for the whole row. */
  field: string | null;
}

/** One finding about the supply inputs or the supply plan, before its place is named. */
export interface SupplyIssue {
  severity: "error" | "warning" | "info";
  message: string;
  location: SupplyLocation | null;
}

/** `none`: one LP; `mip`: order costs, minimum lots and lot multiples (MODEL.md §11, lot sizes over time). */
export type LotSizingMode = "none" | "mip";

/** One stage of the supply plan. Per-period arrays have `horizon` entries, index t−1 for period t. */
export interface SupplyStage {
  id: string;
  /** L_j: whole periods between a release and its receipt. */
  leadTimePeriods: number;
  /** I_j,0: stock on hand at the start. */
  onHand: number;
  /** c_j: cost per unit released. */
  unitCost: number;
  /** h_j: holding cost per unit per time unit (a period's end costs h_j · P). */
  holdingCost: number;
  /** SS_j: safety-stock target. */
  safetyStockTarget: number;
  /** K_j: order (setup) cost paid by a period with a release; used with lotSizing = mip. */
  orderCost: number;
  /** Smallest release when there is one (mip); 0 for none. */
  minLot: number;
  /** Releases are whole multiples of this (mip); null for none. */
  lotMultiple: number | null;
  /** cap_j,t: most units released in period t; null where uncapped. */
  releaseCap: (number | null)[];
  /** R_j,t: firm receipts already on order (open supply). */
  openSupply: number[];
  /** com_j,t: most that releases may deliver (receive) in period t; null where not committed. */
  commitments: (number | null)[];
}

/** BOM arc: each unit released at `consumer` draws `quantity` (Φ) units of `component` (indices into stages). */
export interface SupplyArc {
  component: number;
  consumer: number;
  quantity: number;
}

/** A resource r: per-period capacity C_r,t and overtime Ō_r,t, overtime cost o_r per unit. */
export interface SupplyResource {
  id: string;
  capacity: number[];
  overtimeCapacity: number[];
  overtimeCost: number;
}

/** u_j,r: what one unit released at `stage` uses of `resource` (indices). */
export interface SupplyLoad {
  stage: number;
  resource: number;
  usage: number;
}

/** One demand line D_j,k,t: `quantity` units of `stage` due in `period` for `customer` (tier 1 first). */
export interface SupplyDemand {
  stage: number;
  customer: string | null;
  tier: number;
  period: number;
  quantity: number;
  /** 0-based row of the Demands table it came from (the first, when rows were added up); null when derived. */
  row: number | null;
}

/** Everything MODEL.md §11 needs, validated: periods 1..horizon, indices in range, quantities ≥ 0. */
export interface SupplyProblem {
  /** T: number of periods. */
  horizon: number;
  /** P: time units per period. */
  periodLength: number;
  /** F: releases in periods 1..F are frozen (no new releases). */
  frozenPeriods: number;
  /** ISO date labelling period 1's start, or null. */
  planStart: string | null;
  stages: SupplyStage[];
  arcs: SupplyArc[];
  resources: SupplyResource[];
  loads: SupplyLoad[];
  demands: SupplyDemand[];
  /** Warnings and notes found while building the problem (defaults used, rows ignored). */
  issues: SupplyIssue[];
}

/** Progress of a solve, reported after each level. */
export interface SupplyProgress {
  /** 0-based index of the level just finished, among `levels`. */
  level: number;
  levels: number;
  name: string;
  status: LevelStatus;
  seconds: number;
}

export interface SupplyOptions {
  lotSizing?: LotSizingMode;
  /** Seconds for the whole solve (all levels); default 60. */
  timeLimit?: number;
  onProgress?: (progress: SupplyProgress) => void;
  /** Polled during the solve; true stops it (status `cancelled`). */
  isCancelled?: () => boolean;
}

/** A level's outcome: proven optimal, stopped by the clock, infeasible, or stopped by the caller. */
export type LevelStatus = "optimal" | "timeLimit" | "infeasible" | "cancelled";

/** Size and effort of one lexicographic level (MODEL.md §11 objective, levels 1..K+2). */
export interface SupplyLevelStatistics {
  /** "tier 1", …, "shortfall", "cost". */
  name: string;
  rows: number;
  columns: number;
  nonzeros: number;
  iterations: number;
  seconds: number;
  status: LevelStatus;
  /** The level's optimal value (or best found); null when none. */
  value: number | null;
  /** Best bound on the level's value; null when none. */
  bound: number | null;
  /** Relative gap between value and bound (0 when proven). */
  gap: number | null;
  /** How the level's optimum was held for the next levels: fixed face, objective row, or last level. */
  held: "face" | "objectiveRow" | "last" | "none";
}

/** The objective vector, read from the plan; values are null only when no plan was found (stopped or infeasible). */
export interface SupplyObjective {
  /** Unit-periods of backlog per tier, ascending tiers, every tier with demand. */
  lateness: { tier: number; value: number | null }[];
  /** Unit-periods below the safety-stock targets. */
  safetyStockShortfall: number | null;
  /** Releases, holding, overtime (and order costs with lotSizing = mip). */
  cost: number | null;
}

export interface SupplyStagePeriod {
  period: number;
  /** x_j,t */
  release: number;
  /** x_j,t−L_j + R_j,t */
  receipt: number;
  /** I_j,t */
  inventory: number;
  /** Σ_m Φ_j,m x_m,t: drawn by consumers' releases. */
  consumption: number;
  /** Σ_k y_j,k,t */
  delivered: number;
  /** Σ_k B_j,k,t */
  backlog: number;
  /** V_j,t */
  shortfall: number;
}

export interface SupplyStageResult {
  id: string;
  leadTimePeriods: number;
  safetyStockTarget: number;
  periods: SupplyStagePeriod[];
}

export interface SupplyResourcePeriod {
  period: number;
  capacity: number;
  load: number;
  overtime: number;
}

export interface SupplyResourceResult {
  id: string;
  periods: SupplyResourcePeriod[];
}

/** A constraint that holds a late demand back (MODEL.md §11, why late). */
export interface LateReason {
  kind: "resource" | "commitment" | "releaseCap" | "leadTime" | "material";
  /** The resource's or stage's id. */
  id: string;
  periods: number[];
  message: string;
}

export interface SupplyDemandResult {
  stage: string;
  customer: string | null;
  tier: number;
  period: number;
  quantity: number;
  onTime: number;
  late: { period: number; quantity: number }[];
  undelivered: number;
  reasons: LateReason[];
}

export interface SupplyException {
  severity: "error" | "warning" | "info";
  /** "Demands!C4" in a workbook, "demands[3].period" in JSON, or an id. */
  where: string;
  message: string;
}

/** The aps-supply/1 result (FORMATS.md §10), plus `levels` (statistics per level). */
export interface SupplyResult {
  format: "aps-supply/1";
  status: "optimal" | "timeLimit" | "infeasible" | "cancelled";
  horizon: number;
  periodLength: number;
  objective: SupplyObjective;
  /** Best bound on the level the search stopped in (timeLimit); null when proven. */
  bound: number | null;
  gap: number | null;
  stages: SupplyStageResult[];
  resources: SupplyResourceResult[];
  demands: SupplyDemandResult[];
  exceptions: SupplyException[];
  levels: SupplyLevelStatistics[];
}

/** The aps-supply-promise/1 answer (FORMATS.md §10, MODEL.md §11 capable to promise). */
export interface SupplyPromise {
  format: "aps-supply-promise/1";
  stage: string;
  period: number;
  quantity: number | null;
  /** Most deliverable by `period` with every tier's lateness held at its optimum. */
  maxOnTime: number;
  /** First period by which all of `quantity` can be delivered; null when none (or no quantity). */
  earliestPeriod: number | null;
  /** `optimal` when every LP behind the answer was solved to optimality. */
  status: "optimal" | "timeLimit" | "infeasible" | "cancelled";
}
