// From the LP's solution to the aps-supply/1 figures (FORMATS.md §10): per stage and period, per
// resource and period, and per demand line (deliveries served first-due first-served within a tier).

import type { SupplyModel } from "./supplyModel";
import type {
  SupplyDemandResult, SupplyObjective, SupplyProblem, SupplyResourceResult, SupplyStageResult,
} from "./types";

/** Noise below this (in units) reads as 0. */
const NOISE = 1e-9;
/** A release above this counts as one (it pays the order cost with lotSizing = mip). */
export const RELEASED = 1e-6;

/** A solution value with solver noise removed. */
export function clean(value: number): number {
  return Math.abs(value) < NOISE ? 0 : value;
}

/** Value of column `col` (0 where the variable does not exist). */
export function valueAt(x: Float64Array, col: number): number {
  return col < 0 ? 0 : clean(x[col]);
}

/** Per stage and period: release, receipt, inventory, consumption, delivered, backlog, shortfall (FORMATS.md §10). */
export function stageResults(problem: SupplyProblem, model: SupplyModel, x: Float64Array): SupplyStageResult[] {
  const T = problem.horizon;
  const { index } = model;
  return problem.stages.map((stage, j) => {
    const periods = [];
    for (let t = 1; t <= T; t++) {
      const k = j * T + t - 1;
      const arrived = t - stage.leadTimePeriods >= 1 ? valueAt(x, index.release[k - stage.leadTimePeriods]) : 0;
      let consumption = 0;
      for (const arc of problem.arcs) if (arc.component === j) consumption += arc.quantity * valueAt(x, index.release[arc.consumer * T + t - 1]);
      let delivered = 0;
      let backlog = 0;
      model.streams.forEach((stream, s) => {
        if (stream.stage !== j) return;
        delivered += valueAt(x, index.delivery[s * T + t - 1]);
        backlog += valueAt(x, index.backlog[s * T + t - 1]);
      });
      periods.push({
        period: t, release: valueAt(x, index.release[k]), receipt: clean(arrived + stage.openSupply[t - 1]),
        inventory: valueAt(x, index.inventory[k]), consumption: clean(consumption), delivered: clean(delivered),
        backlog: clean(backlog), shortfall: valueAt(x, index.shortfall[k]),
      });
    }
    return { id: stage.id, leadTimePeriods: stage.leadTimePeriods, safetyStockTarget: stage.safetyStockTarget, periods };
  });
}

/** Per resource and period: capacity C_r,t, load Σ_j u_j,r x_j,t, overtime O_r,t. */
export function resourceResults(problem: SupplyProblem, model: SupplyModel, x: Float64Array): SupplyResourceResult[] {
  const T = problem.horizon;
  return problem.resources.map((resource, r) => {
    const periods = [];
    for (let t = 1; t <= T; t++) {
      let load = 0;
      for (const l of problem.loads) if (l.resource === r) load += l.usage * valueAt(x, model.index.release[l.stage * T + t - 1]);
      periods.push({ period: t, capacity: resource.capacity[t - 1], load: clean(load), overtime: valueAt(x, model.index.overtime[r * T + t - 1]) });
    }
    return { id: resource.id, periods };
  });
}

/**
 * Demand lines (stage, customer, tier, period; rows added up) with what was delivered on time, late
 * (by period) and never. Within a stage and tier, deliveries serve the earliest due line first.
 */
export function demandResults(problem: SupplyProblem, model: SupplyModel, x: Float64Array | null): SupplyDemandResult[] {
  const T = problem.horizon;
  const lines = new Map<string, SupplyDemandResult & { stageIndex: number; order: number }>();
  problem.demands.forEach((d, order) => {
    const key = `${d.stage}\u0000${d.customer ?? ""}\u0000${d.tier}\u0000${d.period}`;
    const line = lines.get(key);
    if (line) line.quantity += d.quantity;
    else lines.set(key, { stage: problem.stages[d.stage].id, customer: d.customer, tier: d.tier, period: d.period, quantity: d.quantity, onTime: 0, late: [], undelivered: 0, reasons: [], stageIndex: d.stage, order });
  });
  const all = [...lines.values()];
  model.streams.forEach((stream, s) => {
    const queue = all.filter((l) => l.stageIndex === stream.stage && l.tier === stream.tier).sort((a, b) => a.period - b.period || a.order - b.order);
    const remaining = queue.map((l) => l.quantity);
    let front = 0;
    for (let t = 1; t <= T && x; t++) {
      let delivered = valueAt(x, model.index.delivery[s * T + t - 1]);
      for (let i = front; i < queue.length && queue[i].period <= t && delivered > NOISE; i++) {
        const take = Math.min(remaining[i], delivered);
        if (take <= NOISE) continue;
        remaining[i] -= take;
        delivered -= take;
        if (queue[i].period === t) queue[i].onTime += take;
        else queue[i].late.push({ period: t, quantity: take });
      }
      while (front < queue.length && remaining[front] <= NOISE * Math.max(1, queue[front].quantity)) front++;
    }
    queue.forEach((line, i) => { line.undelivered = remaining[i] <= NOISE * Math.max(1, line.quantity) ? 0 : remaining[i]; });
  });
  return all
    .sort((a, b) => a.stageIndex - b.stageIndex || a.period - b.period || a.tier - b.tier || a.order - b.order)
    .map(({ stageIndex: _s, order: _o, ...line }) => line);
}

/** The objective vector of MODEL.md §11 read from a plan: lateness per tier, shortfall, cost. */
export function objectiveOf(problem: SupplyProblem, model: SupplyModel, x: Float64Array, orderCosts: boolean): SupplyObjective {
  const stages = stageResults(problem, model, x);
  const resources = resourceResults(problem, model, x);
  const T = problem.horizon;
  const lateness = model.tiers.map((tier) => {
    let value = 0;
    model.streams.forEach((stream, s) => {
      if (stream.tier === tier) for (let t = 0; t < T; t++) value += valueAt(x, model.index.backlog[s * T + t]);
    });
    return { tier, value };
  });
  let shortfall = 0;
  let cost = 0;
  stages.forEach((stage, j) => {
    const input = problem.stages[j];
    for (const p of stage.periods) {
      shortfall += p.shortfall;
      cost += input.unitCost * p.release + input.holdingCost * problem.periodLength * p.inventory;
      if (orderCosts && p.release > RELEASED) cost += input.orderCost;
    }
  });
  resources.forEach((resource, r) => { for (const p of resource.periods) cost += problem.resources[r].overtimeCost * p.overtime; });
  return { lateness, safetyStockShortfall: shortfall, cost };
}
