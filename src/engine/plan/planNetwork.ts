// The whole plan over a network, composing docs/model.md in order: demand (§0), flow and lead times
// (§1-§3), safety-stock placement (§5), lot sizes and stocks (§4, eq. 13-14), matching (§6), KPIs (§9).

import { isPlanningInputError } from "../errors";
import { inboundLeadTime } from "../matching";
import { hasExternalDemand } from "../network/readNetwork";
import { IndexArc, topologicalOrder } from "../network/graph";
import type { NetworkInput, PlanIssue } from "../network/types";
import { blankFigureIssues, blankKpiIssues } from "./blankFigures";
import { propagateDemand } from "./demand";
import { planStageStock } from "./inventory";
import { planKpis } from "./kpis";
import { maxServiceTimeOf, planPlacement } from "./placementStep";
import { planStageFlows } from "./stageFlow";
import type { ArcPlan, EnginePlan, StagePlan } from "./types";

export interface PlanOptions {
  /** Called as each step starts, with its name and the share of the work done (0-1). */
  onProgress?: (step: string, done: number) => void;
  /**
   * Committed service times S_j held fixed by stage id (a partner's commitment, docs/model.md §8); the
   * placement is optimised around them (placement/fixedServiceTimes.ts). Optional and additive.
   */
  fixedServiceTimes?: ReadonlyMap<string, number>;
}

/** Checks the promise to customers: a stage whose make-to-order time exceeds it must hold stock. */
function promiseIssues(network: NetworkInput, stages: StagePlan[]): PlanIssue[] {
  const issues: PlanIssue[] = [];
  network.stages.forEach((input, row) => {
    if (!hasExternalDemand(input)) return;
    const plan = stages[row];
    const promise = maxServiceTimeOf(input);
    if (plan.committedServiceTime === null) {
      issues.push({ severity: "error", message: `Stage "${input.id}": the customer promise cannot be checked without a placement.`, location: { table: "Stages", row, field: "maxServiceTime" }, stage: input.id });
    } else if (promise !== null && plan.committedServiceTime > promise + 1e-9) {
      issues.push({ severity: "error", message: `Stage "${input.id}": commits ${plan.committedServiceTime.toPrecision(6)} but customers are promised ${promise}.`, location: { table: "Stages", row, field: "maxServiceTime" }, stage: input.id });
    } else if (promise !== null && plan.promisedLeadTime !== null && plan.promisedLeadTime > promise + 1e-9 && (plan.safetyStock ?? 0) > 0) {
      issues.push({
        severity: "info",
        message: `Stage "${input.id}": making to order takes ${plan.promisedLeadTime.toPrecision(6)}, more than the ${promise} promised to customers; the plan keeps the promise with ${(plan.safetyStock as number).toPrecision(6)} units of safety stock.`,
        location: { table: "Stages", row, field: "maxServiceTime" }, stage: input.id,
      });
    }
  });
  return issues;
}

/**
 * Inbound lead time of one arc, eq. (15), or null with an info saying what it needs. Without a
 * placement it is blank too, and the placement's error says why.
 */
function arcInboundLeadTime(arc: NetworkInput["arcs"][number], row: number, supplier: StagePlan, customer: StagePlan, issues: PlanIssue[]): number | null {
  if (customer.demandBound === null || customer.inboundServiceTime === null) return null;
  const say = (message: string) => issues.push({ severity: "info", message: `Arc "${arc.from}" → "${arc.to}": inbound lead time is blank: ${message}`, location: { table: "Arcs", row, field: null } });
  if (supplier.lotSize === null) {
    say(`it needs the lot size of "${arc.from}" (see that stage).`);
    return null;
  }
  if (supplier.lotSize === 0) {
    say(`the lot size of "${arc.from}" is 0 (each unit ordered as it is needed), so there are no lots to count; give "${arc.from}" an Order Cost above 0.`);
    return null;
  }
  try {
    return inboundLeadTime({ quantity: arc.quantity, demandBound: customer.demandBound, lotSize: supplier.lotSize, inboundServiceTime: customer.inboundServiceTime });
  } catch (error) {
    if (!isPlanningInputError(error)) throw error;
    say("the figures it is made of are too large to compute with (check the Quantity of the arc and the lot size of its supplier).");
    return null;
  }
}

/**
 * Plans a validated network. Per-stage problems become issues and null figures; the rest goes on.
 * @example docs/model.md §10: the three-stage worked example plans a safety-stock cost of 68.33438.
 */
export function planNetwork(network: NetworkInput, options: PlanOptions = {}): EnginePlan {
  const progress = options.onProgress ?? (() => undefined);
  const issues: PlanIssue[] = [];
  const { stages, settings } = network;
  const index = new Map(stages.map((s, i) => [s.id, i]));
  const arcs: (IndexArc & { quantity: number })[] = network.arcs.map((a) => ({ from: index.get(a.from)!, to: index.get(a.to)!, quantity: a.quantity }));
  const order = topologicalOrder(stages.length, arcs);
  if (order === null) throw new Error("planNetwork needs an acyclic network: validate it with readNetwork first.");
  const upstream: number[][] = stages.map(() => []);
  for (const arc of arcs) upstream[arc.to].push(arc.from);

  progress("demand", 0);
  const demand = propagateDemand(stages.map((s) => ({ rate: s.demandRate ?? 0, sd: s.demandSd ?? 0 })), arcs, order);
  progress("lead times", 0.1);
  const flows = planStageFlows(stages, demand, upstream, order, settings, issues);
  progress("placement", 0.3);
  const placement = planPlacement(stages, flows, demand, arcs, order, settings, issues, options.fixedServiceTimes);
  progress("lot sizes", 0.8);

  const stagePlans: StagePlan[] = stages.map((input, j) => {
    const flow = flows[j];
    const tau = placement ? placement.netReplenishmentTimes[j] : null;
    const stock = planStageStock(input, j, demand[j], flow, tau, issues);
    return {
      id: input.id, owner: input.owner, demandRate: demand[j].rate, demandSd: demand[j].sd, z: flow.z,
      interarrivalSd: flow.interarrivalSd, serviceSd: flow.serviceSd, rate: flow.rate, utilisation: flow.utilisation,
      ordersInSystem: flow.ordersInSystem, waitInQueue: flow.waitInQueue, leadTime: flow.leadTime,
      promisedLeadTime: flow.promisedLeadTime,
      inboundServiceTime: placement ? placement.inboundServiceTimes[j] : null,
      committedServiceTime: placement ? placement.serviceTimes[j] : null,
      netReplenishmentTime: tau,
      ...stock,
    };
  });

  const arcPlans: ArcPlan[] = network.arcs.map((arc, k) => ({
    from: arc.from, to: arc.to, quantity: arc.quantity,
    inboundLeadTime: arcInboundLeadTime(arc, k, stagePlans[arcs[k].from], stagePlans[arcs[k].to], issues),
  }));

  issues.push(...promiseIssues(network, stagePlans));
  const kpis = planKpis(
    stages.map((input, j) => ({
      external: hasExternalDemand(input), externalDemandRate: input.demandRate ?? 0, holdingCost: input.holdingCost,
      committedServiceTime: stagePlans[j].committedServiceTime, promisedLeadTime: stagePlans[j].promisedLeadTime,
      safetyStockCost: stagePlans[j].safetyStockCost, inventoryHoldingCost: stagePlans[j].inventoryHoldingCost,
    })),
    settings.periodsPerYear,
  );
  issues.push(...blankFigureIssues(stages, stagePlans, upstream, issues), ...blankKpiIssues(kpis));
  progress("done", 1);
  return {
    format: "aps-plan/1",
    stages: stagePlans,
    arcs: arcPlans,
    placement: placement && {
      method: placement.method, optimal: placement.optimal, status: placement.status, safetyStockCost: placement.cost,
      bound: placement.bound, gap: placement.gap, elapsedMs: placement.elapsedMs,
    },
    kpis,
    issues,
  };
}
