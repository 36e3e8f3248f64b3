// The simulation's inputs and its result (docs/formats.md §7, aps-simulation/1): options, the stages as
// the simulator sees them, and the per-stage and per-plan measures with 95 % intervals.

import type { Estimate } from "./statistics";

export type SimulationMode = "planned" | "propagating" | "capacity";
export type DemandDistribution = "normal" | "poisson";
export type ServiceDistribution = "exponential" | "plan";
export type PolicyName = "optimised" | "paper-rule" | "make-to-order" | "all-stock";

export const SIMULATION_MODES: readonly SimulationMode[] = ["planned", "propagating", "capacity"];
export const POLICY_NAMES: readonly PolicyName[] = ["optimised", "paper-rule", "make-to-order", "all-stock"];

export interface SimulationOptions {
  /** Independent replications (default 20). */
  replications?: number;
  /** Periods measured after the warm-up (default 1000). */
  horizon?: number;
  /** Periods simulated first and left out of the measures (default 100). */
  warmup?: number;
  seed?: number;
  mode?: SimulationMode;
  /** Customer demand per period where a stage has no Demand History (default normal). */
  demand?: DemandDistribution;
  /** Processing times in capacity mode: exponential of mean 1/μ per unit, or normal with the plan's σ_S. */
  service?: ServiceDistribution;
  /** Most ticks a period is divided into when the plan's times are fractional (default 4). */
  maxTicksPerPeriod?: number;
  /** Policies to simulate (default all four; the first is the plan judged). */
  policies?: PolicyName[];
  /** Same random numbers for every policy in a replication (default true). */
  commonRandomNumbers?: boolean;
  /** Called after every replication of every policy with the share done (0-1). */
  onProgress?: (step: string, done: number) => void;
  /** Called after every replication with the result so far (status "stopped"), for a pane that may cancel. */
  onPartial?: (partial: SimulationResult) => void;
  /** Polled between replications: true stops the run with what is done. */
  shouldStop?: () => boolean;
}

/** One stage as simulated: the plan's figures turned into ticks and quantities. */
export interface SimStage {
  index: number;
  id: string;
  /** B_j = D_j(τ_j): base stock (safety stock plus pipeline stock). */
  baseStock: number;
  /** q_j, 0 where the plan has no lot size (order what is used). */
  lotSize: number;
  /** Ticks from order to release (SI_j), release to receipt (L_j) and the committed service time S_j. */
  inboundTicks: number;
  leadTicks: number;
  serviceTicks: number;
  upstream: { stage: number; arc: number; quantity: number }[];
  /** λ^ext, σ^ext and the Demand History values, or null for a stage without customers. */
  external: { rate: number; sd: number; history: number[] | null } | null;
  holdingCost: number;
  /** μ_j (null: no server in capacity mode), processing time T_j, σ_S of the plan. */
  rate: number | null;
  processingTime: number;
  serviceSd: number;
  /** Φ(z_j): the cycle service level the plan sizes the stock for. */
  serviceLevel: number;
  externalInboundTime: number;
  cycleStock: number;
}

export interface SimNetwork {
  stages: SimStage[];
  arcCount: number;
  /** Stages with suppliers first. */
  order: number[];
  ticksPerPeriod: number;
  periodsPerYear: number;
}

export interface StageMeasures {
  id: string;
  where: string;
  serviceLevel: number;
  fillRate: Estimate;
  cycleServiceLevel: Estimate;
  onTimeShare: Estimate;
  averageInventory: Estimate;
  backorders: Estimate;
  leadTimeP50: Estimate;
  leadTimeP90: Estimate;
  leadTimeP99: Estimate;
  expeditingVolume: Estimate;
  queueWait: Estimate;
  replenishmentTime: Estimate;
  inventoryHoldingCost: Estimate;
  safetyStockHoldingCost: Estimate;
}

export interface PlanMeasures {
  leadTimeToCustomer: Estimate;
  cycleTime: Estimate;
  inventoryHoldingCost: Estimate;
  safetyStockHoldingCost: Estimate;
  inventoryTurns: Estimate;
  fillRate: Estimate;
  onTimeShare: Estimate;
  cycleServiceLevel: Estimate;
  customerLeadTimeP50: Estimate;
  customerLeadTimeP90: Estimate;
  customerLeadTimeP99: Estimate;
  averageInventory: Estimate;
  backorders: Estimate;
  expeditingVolume: Estimate;
}

export interface PolicyResult {
  name: PolicyName;
  /** The placement method that planned this policy, and the plan's own KPIs for comparison. */
  placementMethod: string;
  planned: { leadTimeToCustomer: number | null; cycleTime: number | null; inventoryHoldingCost: number | null; safetyStockHoldingCost: number | null; inventoryTurns: number | null };
  kpis: PlanMeasures;
  stages: StageMeasures[];
}

export interface Comparison {
  a: PolicyName;
  b: PolicyName;
  measure: keyof PlanMeasures;
  difference: Estimate;
}

export interface SimulationException {
  severity: "error" | "warning" | "info";
  where: string;
  message: string;
}

export interface SimulationResult {
  format: "aps-simulation/1";
  mode: SimulationMode;
  replications: number;
  horizon: number;
  warmup: number;
  seed: number;
  events: number;
  elapsedMs: number;
  ticksPerPeriod: number;
  status: "done" | "stopped";
  policies: PolicyResult[];
  comparisons: Comparison[];
  exceptions: SimulationException[];
}
