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

/** One reason in one period, before reasons are merged by kind and id. */
type Finding = { kind: LateReason["kind"]; id: string; period: number; say: (periods: string) => string };

/** What is binding in the solved plan, computed once: resources used up per period, loads and components per stage. */
interface Bindings {
  usedUp: Uint8Array;
  loadsOf: number[][];
  componentsOf: number[][];
  memo: Map<string, Finding[]>;
}

function bindings(problem: SupplyProblem, model: SupplyModel, x: Float64Array): Bindings {
  const T = problem.horizon;
  const used = new Float64Array(problem.resources.length * T);
  const loadsOf: number[][] = problem.stages.map(() => []);
  for (const l of problem.loads) {
    if (l.usage <= 0) continue;
    loadsOf[l.stage].push(l.resource);
    for (let t = 1; t <= T; t++) {
      const col = model.index.release[l.stage * T + t - 1];
      if (col >= 0) used[l.resource * T + t - 1] += l.usage * x[col];
    }
  }
  const usedUp = new Uint8Array(used.length);
  problem.resources.forEach((r, k) => {
    for (let t = 1; t <= T; t++) usedUp[k * T + t - 1] = tight(used[k * T + t - 1], r.capacity[t - 1] + r.overtimeCapacity[t - 1]) ? 1 : 0;
  });
  const componentsOf: number[][] = problem.stages.map(() => []);
  for (const a of problem.arcs) componentsOf[a.consumer].push(a.component);
  return { usedUp, loadsOf, componentsOf, memo: new Map() };
}

/**
 * What holds back stage j's releases in periods F+1..last (those able to serve the demand on time):
 * binding caps, commitments and resources; then, up the bill of materials, the components that ran
 * out, explained the same way (depth-limited, memoised per stage, period and depth).
 */
function explainReleases(problem: SupplyProblem, model: SupplyModel, x: Float64Array, b: Bindings, j: number, last: number, depth: number): Finding[] {
  const key = `${j}:${last}:${depth}`;
  const known = b.memo.get(key);
  if (known) return known;
  const T = problem.horizon;
  const stage = problem.stages[j];
  const found: Finding[] = [];
  for (let s = problem.frozenPeriods + 1; s <= last; s++) {
    if (!releasable(problem, j, s)) continue;
    const release = x[model.index.release[j * T + s - 1]];
    const bound = releaseBound(problem, j, s);
    if (Number.isFinite(bound) && tight(release, bound)) {
      const cap = stage.releaseCap[s - 1];
      if (cap !== null && cap === bound) found.push({ kind: "releaseCap", id: stage.id, period: s, say: (p) => `${stage.id}'s release cap of ${cap} units per period is used up in ${p}` });
      else found.push({ kind: "commitment", id: stage.id, period: s + stage.leadTimePeriods, say: (p) => `${stage.id}'s supplier commitment is used up in ${p}` });
      continue;
    }
    for (const r of b.loadsOf[j]) {
      if (!b.usedUp[r * T + s - 1]) continue;
      const resource = problem.resources[r];
      found.push({ kind: "resource", id: resource.id, period: s, say: (p) => `${resource.id} is at capacity with all overtime used in ${p}` });
    }
    if (depth <= 0) continue;
    for (const i of b.componentsOf[j]) {
      const component = problem.stages[i];
      if (x[model.index.inventory[i * T + s - 1]] > TIGHT * Math.max(1, component.safetyStockTarget)) continue;
      const upstream = explainReleases(problem, model, x, b, i, s - component.leadTimePeriods, depth - 1);
      if (upstream.length > 0) found.push(...upstream);
      else found.push({ kind: "material", id: component.id, period: s, say: (p) => `too little stock and open supply of ${component.id} in ${p}` });
    }
  }
  b.memo.set(key, found);
  return found;
}

/**
 * Fills `reasons` of every late or undelivered demand line from the solved plan (MODEL.md §11, why late).
 * @example explainLateness(problem, model, solution, demands) // demands[2].reasons: [{ kind: "resource", id: "Line 1", periods: [1, 2, 3], … }]
 */
export function explainLateness(problem: SupplyProblem, model: SupplyModel, solution: LpSolution, demands: SupplyDemandResult[]): void {
  const x = solution.colValue;
  const b = bindings(problem, model, x);
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
    for (const f of explainReleases(problem, model, x, b, j, t - stage.leadTimePeriods, 3)) reasons.add(f.kind, f.id, f.period, f.say);
    if (reasons.size === 0) reasons.add("material", stage.id, t, (p) => `too little stock and open supply of ${stage.id} to cover it by ${p}`);
    demand.reasons = reasons.list();
  }
}
