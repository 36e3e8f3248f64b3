// Strategic inventory allocation inside a plan (docs/model.md §5): builds the guaranteed-service problem
// from the stage flows, solves it by the plan's method, or applies the paper's service-time rule.

import { evaluatePlacement, placeSafetyStock, PlacementProblem, PlacementResult } from "../placement";
import { hasExternalDemand } from "../network/readNetwork";
import type { IndexArc } from "../network/graph";
import type { PlanIssue, PlanSettings, StageInput } from "../network/types";
import type { StageDemand } from "./demand";
import type { StageFlow } from "./stageFlow";

export interface PlacementOutcome {
  method: string;
  optimal: boolean;
  status: string;
  serviceTimes: number[];
  inboundServiceTimes: number[];
  netReplenishmentTimes: number[];
  cost: number;
  bound: number | null;
  gap: number | null;
  elapsedMs: number;
}

/** s_j: the given maximum service time; blank means 0 at a stage with external demand, else no limit. */
export function maxServiceTimeOf(stage: StageInput): number | null {
  return stage.maxServiceTime ?? (hasExternalDemand(stage) ? 0 : null);
}

/** The placement problem of docs/model.md §5 with c_j = h_j z_j σ_D,j (h blank counts as 0). */
export function placementProblemOf(
  stages: readonly StageInput[], flows: readonly StageFlow[], demand: readonly StageDemand[], arcs: readonly IndexArc[],
  fixedServiceTimes?: ReadonlyMap<string, number>,
): PlacementProblem {
  return {
    stages: stages.map((stage, j) => ({
      id: stage.id,
      leadTime: flows[j].leadTime as number,
      externalInboundTime: stage.externalInboundTime ?? 0,
      maxServiceTime: maxServiceTimeOf(stage),
      unitCost: Math.max(0, (stage.holdingCost ?? 0) * flows[j].z * demand[j].sd),
      ...(fixedServiceTimes?.has(stage.id) ? { fixedServiceTime: fixedServiceTimes.get(stage.id) } : {}),
    })),
    arcs: arcs.map(({ from, to }) => ({ from, to })),
  };
}

/**
 * The paper's service-time rule (section 4.2.3): S_j = (μ_j/λ_j)·W_q,j, kept within
 * 0 ≤ S_j ≤ min(s_j, SI_j + L_j). A comparison method, not the default.
 */
export function paperRuleServiceTimes(
  problem: PlacementProblem, flows: readonly StageFlow[], demand: readonly StageDemand[], order: readonly number[],
): number[] {
  const upstream: number[][] = problem.stages.map(() => []);
  for (const arc of problem.arcs) upstream[arc.to].push(arc.from);
  const service = new Array<number>(problem.stages.length).fill(0);
  for (const j of order) {
    const stage = problem.stages[j];
    const si = Math.max(stage.externalInboundTime, ...upstream[j].map((i) => service[i]));
    const flow = flows[j];
    const fixed = stage.fixedServiceTime;
    if (fixed !== null && fixed !== undefined) {
      service[j] = fixed;
      continue;
    }
    const rule = flow.rate !== null && flow.waitInQueue !== null && demand[j].rate > 0 ? (flow.rate / demand[j].rate) * flow.waitInQueue : 0;
    service[j] = Math.max(0, Math.min(rule, si + stage.leadTime, stage.maxServiceTime ?? Infinity));
  }
  return service;
}

/** Solves the plan's placement, or returns null with an error issue when some lead time is unknown. */
export function planPlacement(
  stages: readonly StageInput[], flows: readonly StageFlow[], demand: readonly StageDemand[],
  arcs: readonly IndexArc[], order: readonly number[], settings: PlanSettings, issues: PlanIssue[],
  fixedServiceTimes?: ReadonlyMap<string, number>,
): PlacementOutcome | null {
  const missing = stages.filter((_, j) => flows[j].leadTime === null).map((s) => `"${s.id}"`);
  if (missing.length > 0) {
    issues.push({
      severity: "error",
      message: `No safety-stock placement: the lead time of ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ` and ${missing.length - 5} more` : ""} is unknown (see the errors above).`,
      location: null,
    });
    return null;
  }
  const problem = placementProblemOf(stages, flows, demand, arcs, fixedServiceTimes);
  if (settings.placementMethod === "paper-rule") {
    const started = Date.now();
    const serviceTimes = paperRuleServiceTimes(problem, flows, demand, order);
    const evaluated = evaluatePlacement(problem, serviceTimes);
    return {
      method: "paper-rule", optimal: false, status: "feasible", serviceTimes,
      inboundServiceTimes: evaluated.inboundServiceTimes, netReplenishmentTimes: evaluated.netReplenishmentTimes.map((t) => Math.max(0, t)),
      cost: evaluated.cost, bound: null, gap: null, elapsedMs: Date.now() - started,
    };
  }
  const result: PlacementResult = placeSafetyStock(problem, {
    method: settings.placementMethod,
    timeLimitMs: settings.placementTimeLimit * 1000,
  });
  if (!result.optimal) {
    issues.push({
      severity: "warning",
      message: `The safety-stock placement (${result.method}) is not proven optimal: ${result.status}, gap ${(100 * result.gap).toFixed(2)} % to the best bound.`,
      location: null,
    });
  }
  return {
    method: result.method, optimal: result.optimal, status: result.status, serviceTimes: result.serviceTimes,
    inboundServiceTimes: result.inboundServiceTimes, netReplenishmentTimes: result.netReplenishmentTimes,
    cost: result.cost, bound: result.bound, gap: result.gap, elapsedMs: Number(result.statistics.elapsedMs ?? 0),
  };
}
