// Why a demand is late (MODEL.md §11, why late): the constraints of the solved plan that hold back
// the releases able to serve it on time — resources at capacity with overtime used up, supplier
// commitments, release caps, lead times longer than the periods left, too little stock.

import type { LpSolution } from "./lpSolver";
import { releasable, releaseBound, SupplyModel } from "./supplyModel";
import type { LateReason, SupplyDemandResult, SupplyProblem } from "./types";

/** A bound is binding when the value is within this (relative) of it. */
const TIGHT = 1e-6;

const tight = (value: number, bound: number) => value >= bound - TIGHT * Math.max(1, Math.abs(bound));

/** "1-3", "2, 5-6": periods as a message lists them. */
export function describePeriods(periods: number[]): string {
  const sorted = [...new Set(periods)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let k = i;
    while (k + 1 < sorted.length && sorted[k + 1] === sorted[k] + 1) k++;
    parts.push(k === i ? String(sorted[i]) : `${sorted[i]}-${sorted[k]}`);
    i = k;
  }
  return parts.join(", ");
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Collects reasons by kind and id, merging their periods. */
class Reasons {
  private byKey = new Map<string, { kind: LateReason["kind"]; id: string; periods: Set<number>; say: (p: string) => string }>();
  add(kind: LateReason["kind"], id: string, period: number, say: (periods: string) => string): void {
    const key = `${kind}\u0000${id}`;
    let reason = this.byKey.get(key);
    if (!reason) this.byKey.set(key, (reason = { kind, id, periods: new Set(), say }));
    reason.periods.add(period);
  }
  get size(): number {
    return this.byKey.size;
  }
  list(): LateReason[] {
    return [...this.byKey.values()].map((r) => {
      const periods = [...r.periods].sort((a, b) => a - b);
      const label = `${periods.length === 1 ? "period" : "periods"} ${describePeriods(periods)}`;
      return { kind: r.kind, id: r.id, periods, message: r.say(label) };
    });
  }
}

/**
 * What holds back stage j's releases in periods first..last (those able to serve the demand on
 * time): binding caps, commitments and resources; then, one level up the bill of materials, the
 * components that ran out, explained the same way (depth-limited).
 */
function explainReleases(problem: SupplyProblem, model: SupplyModel, x: Float64Array, j: number, first: number, last: number, reasons: Reasons, depth: number, seen: Set<number>): void {
  const T = problem.horizon;
  const stage = problem.stages[j];
  seen.add(j);
  for (let s = Math.max(first, 1); s <= last; s++) {
    if (!releasable(problem, j, s)) continue;
    const release = x[model.index.release[j * T + s - 1]];
    const bound = releaseBound(problem, j, s);
    if (Number.isFinite(bound) && tight(release, bound)) {
      const cap = stage.releaseCap[s - 1];
      if (cap !== null && cap === bound) reasons.add("releaseCap", stage.id, s, (p) => `${stage.id}'s release cap of ${cap} units per period is used up in ${p}`);
      else reasons.add("commitment", stage.id, s + stage.leadTimePeriods, (p) => `${stage.id}'s supplier commitment is used up in ${p}`);
      continue;
    }
    for (const load of problem.loads) {
      if (load.stage !== j || load.usage <= 0) continue;
      const row = model.index.capacityRow[load.resource * T + s - 1];
      const resource = problem.resources[load.resource];
      let used = 0;
      for (const l of problem.loads) if (l.resource === load.resource) used += l.usage * (model.index.release[l.stage * T + s - 1] >= 0 ? x[model.index.release[l.stage * T + s - 1]] : 0);
      if (row >= 0 && tight(used, resource.capacity[s - 1] + resource.overtimeCapacity[s - 1])) {
        reasons.add("resource", resource.id, s, (p) => `${resource.id} is at capacity with all overtime used in ${p}`);
      }
    }
    if (depth <= 0) continue;
    for (const arc of problem.arcs) {
      if (arc.consumer !== j || seen.has(arc.component)) continue;
      const i = arc.component;
      const stock = x[model.index.inventory[i * T + s - 1]];
      if (stock > TIGHT * Math.max(1, problem.stages[i].safetyStockTarget)) continue;
      const component = problem.stages[i];
      const before = reasons.size;
      explainReleases(problem, model, x, i, problem.frozenPeriods + 1, s - component.leadTimePeriods, reasons, depth - 1, new Set(seen));
      if (reasons.size === before) reasons.add("material", component.id, s, (p) => `too little stock and open supply of ${component.id} in ${p}`);
    }
  }
}

/**
 * Fills `reasons` of every late or undelivered demand line from the solved plan (MODEL.md §11, why late).
 * @example explainLateness(problem, model, solution, demands) // demands[2].reasons: [{ kind: "resource", id: "Line 1", periods: [1, 2, 3], … }]
 */
export function explainLateness(problem: SupplyProblem, model: SupplyModel, solution: LpSolution, demands: SupplyDemandResult[]): void {
  const x = solution.colValue;
  const stageIndex = new Map(problem.stages.map((s, j) => [s.id, j]));
  for (const demand of demands) {
    if (demand.late.length === 0 && demand.undelivered <= 0) continue;
    const j = stageIndex.get(demand.stage)!;
    const stage = problem.stages[j];
    const reasons = new Reasons();
    const t = demand.period;
    const earliestArrival = problem.frozenPeriods + 1 + stage.leadTimePeriods;
    if (earliestArrival > t) {
      const left = Math.max(0, t - problem.frozenPeriods - 1);
      reasons.add("leadTime", stage.id, t, (p) => `${stage.id}'s lead time of ${plural(stage.leadTimePeriods, "period")} is longer than the ${plural(left, "period")} between the end of the ${plural(problem.frozenPeriods, "frozen period")} and ${p}`);
    }
    explainReleases(problem, model, x, j, problem.frozenPeriods + 1, t - stage.leadTimePeriods, reasons, 3, new Set());
    if (reasons.size === 0) reasons.add("material", stage.id, t, (p) => `too little stock and open supply of ${stage.id} to cover it by ${p}`);
    demand.reasons = reasons.list();
  }
}
