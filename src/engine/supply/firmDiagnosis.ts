// Why firm planned orders cannot be kept together (docs/editing.md "Firm planned orders"): an elastic
// relaxation of MODEL.md §11 with the firm releases fixed, where capacity rows may exceed C + Ō and
// material rows may draw missing stock (at about 1 per unit, later draws cheaper); the elastics it uses
// name the family, the resource or component, and the period.

import { describePeriods } from "./reasons";
import type { FirmConflict, FirmConflictKind, FirmOrder } from "./firmOrders";
import { MODEL_STATUS, LpSolverModule } from "./lpSolver";
import type { SupplyModel } from "./supplyModel";
import type { SupplyProblem } from "./types";

/** An elastic above this is used (units or resource units). */
const USED = 1e-6;

/** Stages downstream of j (consumers, transitively), j included. */
function downstream(problem: SupplyProblem, j: number): Set<number> {
  const seen = new Set<number>([j]);
  const stack = [j];
  while (stack.length > 0) {
    const i = stack.pop()!;
    for (const a of problem.arcs) if (a.component === i && !seen.has(a.consumer)) { seen.add(a.consumer); stack.push(a.consumer); }
  }
  return seen;
}

interface Violation {
  kind: FirmConflictKind;
  /** The resource's or component stage's id. */
  id: string;
  period: number;
  amount: number;
}

/**
 * The conflicts of firm orders that make the plan infeasible together: solves the elastic relaxation
 * and lays each used elastic at the firm orders it can come from — a resource short in period t at
 * the firm orders of the stages it serves (downstream) released in t or later, a component short by
 * period t at the firm orders of its consumers (downstream) released by t.
 */
export function diagnoseFirmInfeasibility(problem: SupplyProblem, model: SupplyModel, highs: LpSolverModule, firm: readonly FirmOrder[]): FirmConflict[] {
  const T = problem.horizon;
  const lp = highs.raw.createModel();
  const violations: Violation[] = [];
  let status = -1;
  try {
    lp.setOptionValue("output_flag", false);
    lp.setOptionValue("time_limit", 30);
    const inf = highs.infinity;
    const fix = (a: Float64Array) => a.map((v) => (v === Infinity ? inf : v === -Infinity ? -inf : v));
    lp.passModel({
      numCols: model.numCols, numRows: model.numRows, colCost: new Float64Array(model.numCols),
      colLower: model.colLower, colUpper: fix(model.colUpper), rowLower: fix(model.rowLower), rowUpper: fix(model.rowUpper),
      matrix: { format: "csc", numRows: model.numRows, numCols: model.numCols, starts: model.starts, indices: model.indices, values: model.values },
    });
    const elastic: { kind: FirmConflictKind; id: string; period: number }[] = [];
    problem.resources.forEach((resource, r) => {
      for (let t = 1; t <= T; t++) {
        const row = model.index.capacityRow[r * T + t - 1];
        if (row < 0) continue;
        lp.addCol(1, 0, inf, { indices: [row], values: [-1] });
        elastic.push({ kind: "resource", id: resource.id, period: t });
      }
    });
    problem.stages.forEach((stage, j) => {
      for (let t = 1; t <= T; t++) {
        // Slightly dearer the earlier it is drawn: missing stock shows in the period it is needed.
        lp.addCol(1 + (T - t) / (10 * T), 0, inf, { indices: [model.index.materialRow[j * T + t - 1]], values: [-1] });
        elastic.push({ kind: "material", id: stage.id, period: t });
      }
    });
    lp.run();
    status = lp.getModelStatus();
    const solution = lp.getSolution().value;
    if (status === MODEL_STATUS.optimal && solution) {
      elastic.forEach((e, k) => {
        const amount = solution.colValue[model.numCols + k];
        if (amount > USED) violations.push({ ...e, amount });
      });
    }
  } finally {
    lp.dispose();
  }
  return conflictsOf(problem, firm, violations);
}

/** Each firm order's share of the violations, one conflict per order, kind and resource or component. */
function conflictsOf(problem: SupplyProblem, firm: readonly FirmOrder[], violations: Violation[]): FirmConflict[] {
  const index = new Map(problem.stages.map((s, j) => [s.id, j]));
  const resourceIndex = new Map(problem.resources.map((r, k) => [r.id, k]));
  const byOrder = new Map<string, { order: FirmOrder; kind: FirmConflictKind; id: string; periods: number[]; amount: number }>();
  for (const v of violations) {
    let served: Set<number>;
    if (v.kind === "resource") {
      served = new Set<number>();
      const r = resourceIndex.get(v.id)!;
      for (const l of problem.loads) if (l.resource === r && l.usage > 0) for (const s of downstream(problem, l.stage)) served.add(s);
    } else {
      // A stage's own release only adds to its stock: its consumers' firm orders are what draw it short.
      served = downstream(problem, index.get(v.id)!);
      served.delete(index.get(v.id)!);
    }
    const blamed = firm.filter((o) => o.quantity > 0 && served.has(o.stage) && (v.kind === "resource" ? o.period >= v.period : o.period <= v.period));
    for (const order of blamed) {
      const key = `${order.where}\u0000${v.kind}\u0000${v.id}`;
      const entry = byOrder.get(key) ?? { order, kind: v.kind, id: v.id, periods: [], amount: 0 };
      entry.periods.push(v.period);
      entry.amount += v.amount;
      byOrder.set(key, entry);
    }
  }
  const say = (n: number) => String(Number(n.toPrecision(6)));
  const conflicts: FirmConflict[] = [...byOrder.values()].map(({ order, kind, id, periods, amount }) => {
    const stage = problem.stages[order.stage].id;
    const label = `${periods.length === 1 ? "period" : "periods"} ${describePeriods(periods)}`;
    const message = kind === "resource"
      ? `firm order of ${stage} in period ${order.period}: ${id} is short of ${say(amount)} units of capacity (capacity plus overtime used up) in ${label} to make it and what it needs in time`
      : `firm order of ${stage} in period ${order.period} is ahead of its components: ${id} is short of ${say(amount)} units in ${label} (stock, open supply and what can be made in time)`;
    return { severity: "error" as const, kind, where: order.where, message };
  });
  if (conflicts.length > 0) return conflicts;
  return firm.filter((o) => o.quantity > 0).map((o) => ({
    severity: "error" as const, kind: "infeasible" as const, where: o.where,
    message: `firm order of ${problem.stages[o.stage].id} in period ${o.period}: the firm orders cannot all be kept together (the plan with them is infeasible)`,
  }));
}
