// An independent checker of a supply plan over time (MODEL.md §11): every constraint recomputed from
// the problem and the reported plan alone, and the objective vector recomputed from the plan.

import type { SupplyProblem, SupplyResult } from "../../src/engine/supply";

export interface SupplyCheck {
  violations: string[];
  /** Lateness per tier (from the demand lines), shortfall max(0, SS − I), cost c x + h P I + o O (+ K per release). */
  objective: { lateness: Map<number, number>; shortfall: number; cost: number };
}

const TOL = 1e-6;
const near = (a: number, b: number, scale = 1) => Math.abs(a - b) <= TOL * Math.max(1, Math.abs(a), Math.abs(b), scale);

/** A firm order as the checker sees it: stage index, release period, quantity (docs/editing.md). */
export interface FirmRelease {
  stage: number;
  period: number;
  quantity: number;
}

/** What the checker reads of a result: the plan alone (a SupplyResult, or one read back from the saved sheets). */
export type PlanOnly = Pick<SupplyResult, "stages" | "resources" | "demands">;

/**
 * Checks the plan; `orderCosts` adds K_j per period with a release (lotSizing = mip); `firm`: the
 * firm-order rule — each (stage, period) with firm orders releases exactly their sum.
 */
export function checkSupplyPlan(problem: SupplyProblem, result: PlanOnly, orderCosts = false, firm: readonly FirmRelease[] = []): SupplyCheck {
  const v: string[] = [];
  const firmSum = new Map<string, number>();
  for (const f of firm) firmSum.set(`${f.stage}:${f.period}`, (firmSum.get(`${f.stage}:${f.period}`) ?? 0) + f.quantity);
  for (const [key, quantity] of firmSum) {
    const [j, t] = key.split(":").map(Number);
    const released = result.stages[j]?.periods[t - 1]?.release;
    if (released === undefined || !near(released, quantity, quantity)) v.push(`${problem.stages[j]?.id} period ${t}: firm order(s) of ${quantity} units, the plan releases ${released}`);
  }
  const T = problem.horizon;
  const F = problem.frozenPeriods;
  const release = problem.stages.map((_, j) => result.stages[j].periods.map((p) => p.release));
  const at = (j: number, t: number) => (t >= 1 && t <= T ? release[j][t - 1] : 0);
  let shortfall = 0;
  let cost = 0;
  problem.stages.forEach((stage, j) => {
    const periods = result.stages[j].periods;
    if (result.stages[j].id !== stage.id || periods.length !== T) v.push(`stage ${stage.id}: wrong id or ${periods.length} periods`);
    let inventory = stage.onHand;
    let backlog = 0;
    for (let t = 1; t <= T; t++) {
      const p = periods[t - 1];
      const name = `${stage.id} period ${t}`;
      for (const key of ["release", "receipt", "inventory", "consumption", "delivered", "backlog", "shortfall"] as const) {
        if (!(p[key] >= -TOL)) v.push(`${name}: ${key} ${p[key]} is negative`);
      }
      if (p.period !== t) v.push(`${name}: labelled period ${p.period}`);
      if (p.release > TOL && (t <= F || t + stage.leadTimePeriods > T)) v.push(`${name}: release ${p.release} outside the periods F < t ≤ T − L`);
      const cap = stage.releaseCap[t - 1];
      if (cap !== null && p.release > cap + TOL * Math.max(1, cap)) v.push(`${name}: release ${p.release} above its cap ${cap}`);
      const commitment = stage.commitments[t - 1];
      const arriving = at(j, t - stage.leadTimePeriods);
      if (commitment !== null && arriving > commitment + TOL * Math.max(1, commitment)) v.push(`${name}: receipt from releases ${arriving} above the commitment ${commitment}`);
      const receipt = arriving + stage.openSupply[t - 1];
      if (!near(p.receipt, receipt)) v.push(`${name}: receipt ${p.receipt}, expected ${receipt}`);
      let consumption = 0;
      for (const arc of problem.arcs) if (arc.component === j) consumption += arc.quantity * at(arc.consumer, t);
      if (!near(p.consumption, consumption, consumption)) v.push(`${name}: consumption ${p.consumption}, expected ${consumption}`);
      inventory += receipt - consumption - p.delivered;
      if (!near(p.inventory, inventory, inventory + consumption)) v.push(`${name}: inventory ${p.inventory}, material balance gives ${inventory}`);
      inventory = p.inventory;
      let due = 0;
      for (const d of problem.demands) if (d.stage === j && d.period === t) due += d.quantity;
      backlog += due - p.delivered;
      if (!near(p.backlog, backlog, due)) v.push(`${name}: backlog ${p.backlog}, demand accounting gives ${backlog}`);
      backlog = p.backlog;
      const needed = Math.max(0, stage.safetyStockTarget - p.inventory);
      if (p.shortfall < needed - TOL * Math.max(1, needed)) v.push(`${name}: shortfall ${p.shortfall} below SS − I = ${needed}`);
      shortfall += needed;
      cost += stage.unitCost * p.release + stage.holdingCost * problem.periodLength * p.inventory;
      if (orderCosts && p.release > 1e-6) cost += stage.orderCost;
      if (orderCosts && p.release > 1e-6) {
        if (p.release < stage.minLot - TOL * Math.max(1, stage.minLot)) v.push(`${name}: release ${p.release} below the minimum lot ${stage.minLot}`);
        const m = stage.lotMultiple;
        if (m !== null && Math.abs(p.release / m - Math.round(p.release / m)) > 1e-6) v.push(`${name}: release ${p.release} not a multiple of ${m}`);
      }
    }
  });
  problem.resources.forEach((resource, r) => {
    for (let t = 1; t <= T; t++) {
      const p = result.resources[r].periods[t - 1];
      let load = 0;
      for (const l of problem.loads) if (l.resource === r) load += l.usage * at(l.stage, t);
      const name = `${resource.id} period ${t}`;
      if (!near(p.load, load, load)) v.push(`${name}: load ${p.load}, releases give ${load}`);
      if (p.overtime < -TOL || p.overtime > resource.overtimeCapacity[t - 1] + TOL) v.push(`${name}: overtime ${p.overtime} outside 0..${resource.overtimeCapacity[t - 1]}`);
      if (load > resource.capacity[t - 1] + p.overtime + TOL * Math.max(1, load)) v.push(`${name}: load ${load} above capacity ${resource.capacity[t - 1]} + overtime ${p.overtime}`);
      cost += resource.overtimeCost * p.overtime;
    }
  });
  const lateness = new Map<number, number>();
  for (const d of problem.demands) if (!lateness.has(d.tier)) lateness.set(d.tier, 0);
  for (const line of result.demands) {
    const served = line.onTime + line.late.reduce((s, l) => s + l.quantity, 0) + line.undelivered;
    if (!near(served, line.quantity, line.quantity)) v.push(`demand ${line.stage} ${line.customer} period ${line.period}: on time + late + undelivered = ${served}, not ${line.quantity}`);
    for (const late of line.late) if (late.period <= line.period || late.period > T) v.push(`demand ${line.stage} period ${line.period}: late delivery in period ${late.period}`);
    let waited = 0;
    for (let t = line.period; t <= T; t++) waited += line.quantity - line.onTime - line.late.filter((l) => l.period <= t).reduce((s, l) => s + l.quantity, 0);
    lateness.set(line.tier, (lateness.get(line.tier) ?? 0) + waited);
  }
  const demanded = problem.demands.reduce((s, d) => s + d.quantity, 0);
  const listed = result.demands.reduce((s, d) => s + d.quantity, 0);
  if (!near(demanded, listed, demanded)) v.push(`demand lines hold ${listed} units, the problem ${demanded}`);
  return { violations: v, objective: { lateness, shortfall, cost } };
}
