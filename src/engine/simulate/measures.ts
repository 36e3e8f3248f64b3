// The measures of one replication, per stage and for the plan (the Figure 6 measures of docs/model.md
// §9 as simulated, with service measures), and their means with 95 % intervals over replications.

import type { ReplicationOutcome, StageCounters } from "./replicate";
import { estimate, histogramQuantile } from "./statistics";
import type { PlanMeasures, SimNetwork, SimulationMode, StageMeasures } from "./types";

type Values<T> = { [K in keyof T]: number | null };
export type StageValues = Values<Omit<StageMeasures, "id" | "where" | "serviceLevel">>;
export type PlanValues = Values<PlanMeasures>;

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

/** One stage's measures in one replication. */
export function stageValues(c: StageCounters, net: SimNetwork, j: number, mode: SimulationMode, horizon: number): StageValues {
  const s = net.stages[j];
  const scale = 1 / net.ticksPerPeriod;
  const averageInventory = ratio(c.onHandSum, c.ticks);
  const backorders = ratio(c.backlogSum, c.ticks);
  return {
    fillRate: ratio(c.onTimeUnits, c.dueUnits),
    cycleServiceLevel: ratio(c.servedPeriods, c.periods),
    onTimeShare: ratio(c.onTimeOrders, c.orders),
    averageInventory,
    backorders,
    leadTimeP50: histogramQuantile(c.leadHistogram, 0.5, scale),
    leadTimeP90: histogramQuantile(c.leadHistogram, 0.9, scale),
    leadTimeP99: histogramQuantile(c.leadHistogram, 0.99, scale),
    expeditingVolume: mode === "planned" ? Math.max(0, c.internalDueUnits - c.internalOnTimeUnits) / horizon : 0,
    queueWait: c.waitUnits > 0 ? c.waitSum / c.waitUnits : mode === "capacity" && s.rate !== null ? 0 : null,
    replenishmentTime: ratio(c.replenishSum, c.replenishUnits),
    inventoryHoldingCost: averageInventory === null ? null : s.holdingCost * averageInventory,
    safetyStockHoldingCost: averageInventory === null || backorders === null ? null : s.holdingCost * (averageInventory - backorders - s.cycleStock),
  };
}

/** The plan's measures in one replication, from its stages' counters and measures. */
export function planValues(outcome: ReplicationOutcome, stages: StageValues[], net: SimNetwork, horizon: number): PlanValues {
  const scale = 1 / net.ticksPerPeriod;
  const customers = net.stages.filter((s) => s.external !== null).map((s) => s.index);
  const sum = (pick: (j: number) => number | null, over: readonly number[]) => over.reduce((t, j) => t + (pick(j) ?? 0), 0);
  const all = net.stages.map((s) => s.index);
  const c = outcome.stages;
  const histogram: number[] = [];
  for (const j of customers) c[j].customerHistogram.forEach((w, k) => { while (histogram.length <= k) histogram.push(0); histogram[k] += w; });
  // Make-to-order lead time from the simulated stage lead times, by the recursion of eq. (7).
  const w = new Array<number>(net.stages.length).fill(0);
  for (const j of net.order) {
    const s = net.stages[j];
    const lead = stages[j].replenishmentTime ?? s.leadTicks * scale;
    w[j] = Math.max(s.externalInboundTime, ...s.upstream.map((u) => w[u.stage])) + lead;
  }
  const customerLead = customers.map((j) => ratio(c[j].customerLeadTicks * scale, c[j].customerUnits)).filter((x): x is number => x !== null);
  const inventoryHoldingCost = sum((j) => stages[j].inventoryHoldingCost, all);
  const valueFlow = sum((j) => (c[j].customerUnits / horizon) * net.stages[j].holdingCost, customers);
  const csl = customers.map((j) => stages[j].cycleServiceLevel).filter((x): x is number => x !== null);
  return {
    leadTimeToCustomer: customerLead.length > 0 ? Math.max(...customerLead) : null,
    cycleTime: customers.length > 0 ? Math.max(...customers.map((j) => w[j])) : null,
    inventoryHoldingCost,
    safetyStockHoldingCost: sum((j) => stages[j].safetyStockHoldingCost, all),
    inventoryTurns: inventoryHoldingCost > 0 ? (net.periodsPerYear * valueFlow) / inventoryHoldingCost : null,
    fillRate: ratio(sum((j) => c[j].customerOnTimeUnits, customers), sum((j) => c[j].customerUnits, customers)),
    onTimeShare: ratio(sum((j) => c[j].customerOnTimeOrders, customers), sum((j) => c[j].customerOrders, customers)),
    cycleServiceLevel: csl.length > 0 ? csl.reduce((a, b) => a + b, 0) / csl.length : null,
    customerLeadTimeP50: histogramQuantile(histogram, 0.5, scale),
    customerLeadTimeP90: histogramQuantile(histogram, 0.9, scale),
    customerLeadTimeP99: histogramQuantile(histogram, 0.99, scale),
    averageInventory: sum((j) => stages[j].averageInventory, all),
    backorders: sum((j) => stages[j].backorders, customers),
    expeditingVolume: sum((j) => stages[j].expeditingVolume, all),
  };
}

/** Mean and interval of every measure over replications. */
export function summarise<T extends Record<string, number | null>>(replications: readonly T[], keys: readonly (keyof T)[]): Record<keyof T, ReturnType<typeof estimate>> {
  const out = {} as Record<keyof T, ReturnType<typeof estimate>>;
  for (const key of keys) out[key] = estimate(replications.map((r) => r[key]));
  return out;
}

export const STAGE_MEASURE_KEYS: readonly (keyof StageValues)[] = [
  "fillRate", "cycleServiceLevel", "onTimeShare", "averageInventory", "backorders", "leadTimeP50", "leadTimeP90", "leadTimeP99",
  "expeditingVolume", "queueWait", "replenishmentTime", "inventoryHoldingCost", "safetyStockHoldingCost",
];

export const PLAN_MEASURE_KEYS: readonly (keyof PlanValues)[] = [
  "leadTimeToCustomer", "cycleTime", "inventoryHoldingCost", "safetyStockHoldingCost", "inventoryTurns", "fillRate",
  "onTimeShare", "cycleServiceLevel", "customerLeadTimeP50", "customerLeadTimeP90", "customerLeadTimeP99",
  "averageInventory", "backorders", "expeditingVolume",
];
