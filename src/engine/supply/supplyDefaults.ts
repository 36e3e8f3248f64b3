// Defaults that link the supply plan over time to the steady-state plan (MODEL.md §11): lead times
// in periods from the plan's lead times, safety-stock targets from the placement, demand per period
// from a forecast or the demand rate. Pure functions of what the plan computed.

import type { NetworkInput, StageInput } from "../network/types";
import type { SupplyDemand } from "./types";

/** What the steady-state plan computed for a stage (an aps-plan/1 stage has these fields). */
export interface PlannedStage {
  id: string;
  /** L_j of MODEL.md §3, in time units; null when the plan could not compute it. */
  leadTime: number | null;
  /** The placement's safety stock (MODEL.md §5); null without a placement. */
  safetyStock: number | null;
}

/** What the defaults may draw on: the plan's stages, and forecasts per period by stage id. */
export interface SupplyFigures {
  planned?: readonly PlannedStage[] | null;
  /** Forecast demand per period (period 1 first) by stage id, from Demand History (FORMATS.md §6). */
  forecasts?: Readonly<Record<string, readonly number[]>>;
}

/**
 * L_j in whole periods: the given Lead Time Periods, else ceil(leadTime_j / P) with the plan's lead time
 * (or the stage's own Lead Time), at least 0; 0 when neither is known (MODEL.md §11).
 * @example leadTimePeriodsOf(null, 10, 7) // { periods: 2, from: "leadTime" }
 */
export function leadTimePeriodsOf(given: number | null, leadTime: number | null, periodLength: number): { periods: number; from: "given" | "leadTime" | "none" } {
  if (given !== null) return { periods: given, from: "given" };
  if (leadTime === null || !Number.isFinite(leadTime)) return { periods: 0, from: "none" };
  return { periods: Math.max(0, Math.ceil(leadTime / periodLength - 1e-9)), from: "leadTime" };
}

/** SS_j: the given Safety Stock Target, else the placement's safety stock, else 0 (MODEL.md §11). */
export function safetyStockTargetOf(given: number | null, placed: number | null): number {
  if (given !== null) return given;
  return placed !== null && Number.isFinite(placed) && placed > 0 ? placed : 0;
}

/**
 * Demand per period where there is no Demands table (FORMATS.md §10): a stage's forecast where it
 * has one, else Demand Rate · periodLength in every period; tier 1, no customer.
 * @example defaultDemands([{ id: "A", demandRate: 5 }], 2, 7, {}) // [{ stage: 0, period: 1, quantity: 35, … }, { stage: 0, period: 2, … }]
 */
export function defaultDemands(stages: readonly Pick<StageInput, "id" | "demandRate">[], horizon: number, periodLength: number, forecasts: Readonly<Record<string, readonly number[]>>): SupplyDemand[] {
  const demands: SupplyDemand[] = [];
  stages.forEach((stage, j) => {
    const forecast = Object.prototype.hasOwnProperty.call(forecasts, stage.id) ? forecasts[stage.id] : null;
    for (let t = 1; t <= horizon; t++) {
      const quantity = forecast ? forecast[t - 1] ?? 0 : (stage.demandRate ?? 0) * periodLength;
      if (quantity > 0 && Number.isFinite(quantity)) demands.push({ stage: j, customer: null, tier: 1, period: t, quantity, row: null });
    }
  });
  return demands;
}

/** The planned figures of each stage of the network, by position (null where the plan has none). */
export function plannedByStage(network: NetworkInput, planned: readonly PlannedStage[] | null | undefined): (PlannedStage | null)[] {
  const byId = new Map((planned ?? []).map((p) => [p.id, p]));
  return network.stages.map((s) => byId.get(s.id) ?? null);
}
