// The placement problem and result types shared by every placement method (docs/model.md §5,
// eq. (13)-(14): guaranteed-service safety-stock placement of Graves & Willems 2000).

/** One stage of the network as the placement sees it. Times in the plan's time unit. */
export interface PlacementStage {
  id: string;
  /** Production lead time L_j ≥ 0 (docs/model.md §3: W_q + T, or the given `leadTime`). */
  leadTime: number;
  /** Service time quoted by the stage's external suppliers, E_j ≥ 0 (0 where blank). */
  externalInboundTime: number;
  /** Maximum service time s_j ≥ 0 the stage may commit to; null = no limit. */
  maxServiceTime: number | null;
  /** Safety-stock cost per sqrt(time unit): c_j = h_j z_j σ_D,j ≥ 0 (eq. (13)). */
  unitCost: number;
  /**
   * Optional: S_j fixed to this value (a partner's committed service time, docs/model.md §8); it replaces
   * `maxServiceTime`, and the stage needs no stock where its inputs arrive early enough,
   * τ_j = max(0, SI_j + L_j − S_j). Omitted or null: S_j is chosen by the placement.
   */
  fixedServiceTime?: number | null;
}

/** A network: stages plus arcs i → j (stage j consumes stage i's output); acyclic. */
export interface PlacementProblem {
  stages: PlacementStage[];
  /** Indexes into `stages`. */
  arcs: { from: number; to: number }[];
}

/**
 * `auto`: the exact tree DP on spanning-tree networks, branch and bound otherwise.
 * `tree-dp`: Graves & Willems DP (requires a forest). `branch-and-bound`: spanning-tree
 * relaxation branch and bound (any acyclic network). `all-stock`: every S_j = 0.
 * `make-to-order`: every S_j as large as its inbound time, lead time and cap allow.
 */
export type PlacementMethod = "auto" | "tree-dp" | "branch-and-bound" | "all-stock" | "make-to-order";

export interface PlacementProgress {
  elapsedMs: number;
  bestCost: number;
  bound: number;
}

export interface PlacementOptions {
  method?: PlacementMethod;
  /** Wall-clock limit for branch and bound, ms (default 10 000). */
  timeLimitMs?: number;
  /** Branch and bound stops once (cost − bound)/cost ≤ relativeGap (default 1e-9). */
  relativeGap?: number;
  /** Called by branch and bound now and then (at most every ~200 ms). */
  onProgress?: (p: PlacementProgress) => void;
}

export interface PlacementResult {
  /** `optimal` is proven; `feasible` stopped at a requested gap; `timeLimit` ran out of time. */
  status: "optimal" | "feasible" | "timeLimit";
  /** The method that produced the placement: "tree-dp", "branch-and-bound", "all-stock", "make-to-order". */
  method: string;
  /** True only when the method proves the placement optimal (gap ≤ 1e-9). */
  optimal: boolean;
  /** Committed service times S_j. */
  serviceTimes: number[];
  /** Inbound service times SI_j = max(E_j, max over arcs i → j of S_i). */
  inboundServiceTimes: number[];
  /** Net replenishment times τ_j = SI_j + L_j − S_j. */
  netReplenishmentTimes: number[];
  /** Σ_j c_j sqrt(τ_j): the safety-stock holding cost per time unit. */
  cost: number;
  /** A proven lower bound on the optimal cost. */
  bound: number;
  /** (cost − bound)/cost; 0 when proven optimal. */
  gap: number;
  statistics: Record<string, number>;
}

/** Tolerance used when comparing times: relative to the largest time in the problem. */
export const TIME_TOLERANCE = 1e-11;
/** Relative gap under which a placement counts as proven optimal. */
export const OPTIMALITY_GAP = 1e-9;
