// Stock figures of each stage once service times are placed: demand bound and safety stock
// (eq. 13-14), lot size by the stage's model (eq. 8-12), and the costs of docs/model.md §9.

import { isPlanningInputError } from "../errors";
import { lotSize, LotSizeModel } from "../lotSizing";
import { demandBound, safetyStock } from "../safetyStock";
import type { PlanIssue, StageInput } from "../network/types";
import type { StageDemand } from "./demand";
import type { StageFlow } from "./stageFlow";

export interface StageStock {
  demandBound: number | null;
  safetyStock: number | null;
  safetyStockCost: number | null;
  lotSize: number | null;
  lotSizeModel: LotSizeModel;
  cycleStock: number | null;
  inventoryHoldingCost: number | null;
}

/** Lot size of eq. (8)-(12) by the stage's model (classic where blank); null with an issue when it cannot be had. */
function stageLotSize(stage: StageInput, row: number, lambda: number, flow: StageFlow, issues: PlanIssue[]): number | null {
  const model: LotSizeModel = stage.lotSizeModel ?? "classic";
  const say = (severity: PlanIssue["severity"], field: string, message: string) =>
    issues.push({ severity, message: `Stage "${stage.id}": ${message}`, location: { table: "Stages", row, field }, stage: stage.id });
  // Every lot-size formula tends to 0 as λ or K does: with no demand, or nothing to pay per order,
  // each unit is ordered as it is needed.
  if (lambda === 0) {
    say("info", "demandRate", "lot size 0: no demand reaches the stage (no Demand Rate of its own, and no customer stage draws on it).");
    return 0;
  }
  if (stage.orderCost === 0) {
    say("info", "orderCost", "lot size 0: Order Cost is 0, so each unit is ordered as it is needed.");
    return 0;
  }
  if (stage.orderCost === null || stage.holdingCost === null) {
    if (stage.orderCost !== null || stage.holdingCost !== null || stage.lotSizeModel !== null) {
      say("info", stage.orderCost === null ? "orderCost" : "holdingCost", "no lot size: give both Order Cost and Holding Cost.");
    }
    return null;
  }
  try {
    return lotSize(model, {
      demandRate: lambda,
      orderCost: stage.orderCost,
      holdingCost: stage.holdingCost,
      backorderCost: stage.backorderCost ?? undefined,
      shortageCost: stage.shortageCost ?? undefined,
      productionRate: stage.productionRate ?? flow.rate ?? undefined,
      promisedLeadTime: flow.promisedLeadTime ?? undefined,
      predictedLeadTime: stage.predictedLeadTime ?? undefined,
    }).lotSize;
  } catch (error) {
    if (!isPlanningInputError(error)) throw error;
    say("error", "lotSizeModel", `no lot size by the ${model} model: ${error.message}`);
    return null;
  }
}

/**
 * Safety stock, lot size and holding costs of one stage at net replenishment time τ_j.
 * @example with λ = 20, σ_D = 6, z = 1.8807936, τ = 0.0901736, h = 4: safety stock 3.388692
 */
export function planStageStock(
  stage: StageInput, row: number, demand: StageDemand, flow: StageFlow, tau: number | null, issues: PlanIssue[],
): StageStock {
  const z = Math.max(0, flow.z);
  const bound = tau === null ? null : demandBound({ demandRate: demand.rate, demandSd: demand.sd, z, time: tau });
  const stock = tau === null ? null : safetyStock({ demandSd: demand.sd, z, netReplenishmentTime: tau });
  const h = stage.holdingCost;
  if (h === null && stock !== null && stock > 1e-12) {
    issues.push({
      severity: "warning",
      message: `Stage "${stage.id}" holds ${stock.toPrecision(4)} units of safety stock but has no holding cost, so the plan treats its stock as free: give Holding Cost.`,
      location: { table: "Stages", row, field: "holdingCost" },
      stage: stage.id,
    });
  }
  const q = stageLotSize(stage, row, demand.rate, flow, issues);
  const cycleStock = q === null ? 0 : q / 2;
  return {
    demandBound: bound,
    safetyStock: stock,
    safetyStockCost: h === null || stock === null ? null : h * stock,
    lotSize: q,
    lotSizeModel: stage.lotSizeModel ?? "classic",
    cycleStock: q === null ? null : cycleStock,
    inventoryHoldingCost: h === null || stock === null ? null : h * (cycleStock + stock),
  };
}
