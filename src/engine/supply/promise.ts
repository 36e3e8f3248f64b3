// Capable to promise (MODEL.md §11): how much of a new demand at a stage can be delivered by a period
// with every existing tier's lateness held at its optimum, and the earliest period for a quantity.

import type { LpModel, LpSolverModule } from "./lpSolver";
import { MODEL_STATUS } from "./lpSolver";
import { solveLevels } from "./solveLevels";
import { buildSupplyModel, latenessObjective } from "./supplyModel";
import type { SupplyOptions, SupplyProblem, SupplyPromise } from "./types";

export interface PromiseRequest {
  /** Index of the stage the new demand is for. */
  stage: number;
  /** Period it is due in, 1..horizon. */
  period: number;
  /** Units wanted; with it, the earliest period by which all can be delivered. */
  quantity?: number | null;
}

/** Relative tolerance of "all of the quantity can be delivered". */
const ENOUGH = 1e-9;

/**
 * The most of a new demand deliverable by each period asked, on the live instance whose tier levels
 * are held by objective rows: one column w (the new demand's delivery, in the material balance of its
 * stage and period) maximised; moving w to another period changes one coefficient (warm start).
 */
class PromiseProbe {
  private readonly column: number;
  private row = -1;
  status: SupplyPromise["status"] = "optimal";
  constructor(private readonly lp: LpModel, private readonly numCols: number, private readonly materialRow: (t: number) => number) {
    lp.addCol(-1, 0, Infinity, { indices: [], values: [] });
    this.column = numCols;
    lp.changeColsCost({ kind: "range", from: 0, to: numCols }, Float64Array.from({ length: numCols + 1 }, (_, i) => (i === numCols ? -1 : 0)));
  }

  /** maxOnTime(t): max w with w delivered from stage stock in period t (held stock can always wait until t). */
  maxBy(t: number): number {
    if (this.row >= 0) this.lp.changeCoeff(this.row, this.column, 0);
    this.row = this.materialRow(t);
    this.lp.changeCoeff(this.row, this.column, 1);
    this.lp.run();
    const code = this.lp.getModelStatus();
    if (code !== MODEL_STATUS.optimal) {
      this.status = code === MODEL_STATUS.interrupted ? "cancelled" : code === MODEL_STATUS.infeasible ? "infeasible" : "timeLimit";
      return 0;
    }
    return Math.max(0, -this.lp.getObjectiveValue());
  }
}

/**
 * Capable to promise: `maxOnTime` the most of a new demand at `stage` deliverable by `period`, above
 * every tier, with every existing tier's lateness at its optimum (safety stock and cost may change);
 * with a quantity, the earliest period (1..horizon) by which all of it can be delivered, else null.
 * @example promiseSupply(problem, highs, { stage: 2, period: 7, quantity: 589 }) // { maxOnTime: 449.3, earliestPeriod: 10, … }
 */
export function promiseSupply(problem: SupplyProblem, highs: LpSolverModule, request: PromiseRequest, options: SupplyOptions = {}): SupplyPromise {
  const model = buildSupplyModel(problem, highs.infinity);
  const T = problem.horizon;
  const levels = model.tiers.map((tier) => ({ name: `tier ${tier}`, objective: latenessObjective(model, tier, T) }));
  let maxOnTime = 0;
  let earliestPeriod: number | null = null;
  let status: SupplyPromise["status"] = "optimal";
  const quantity = request.quantity ?? null;
  const outcome = solveLevels(highs, model, levels.length > 0 ? levels : [{ name: "feasibility", objective: new Float64Array(model.numCols) }], {
    timeLimit: options.timeLimit ?? 60, hold: "objectiveRow", holdLast: true, integrality: null,
    isCancelled: options.isCancelled, onProgress: options.onProgress,
    then: (lp) => {
      const probe = new PromiseProbe(lp, model.numCols, (t) => model.index.materialRow[request.stage * T + t - 1]);
      maxOnTime = probe.maxBy(request.period);
      if (quantity !== null && probe.status === "optimal") {
        const enough = (value: number) => value >= quantity * (1 - ENOUGH) - ENOUGH;
        if (enough(maxOnTime)) {
          // Earlier periods may already suffice: maxOnTime(t) never falls as t grows.
          let low = 1;
          let high = request.period;
          while (low < high && probe.status === "optimal") {
            const mid = Math.floor((low + high) / 2);
            if (enough(probe.maxBy(mid))) high = mid;
            else low = mid + 1;
          }
          earliestPeriod = high;
        } else if (request.period < T && enough(probe.maxBy(T))) {
          let low = request.period + 1;
          let high = T;
          while (low < high && probe.status === "optimal") {
            const mid = Math.floor((low + high) / 2);
            if (enough(probe.maxBy(mid))) high = mid;
            else low = mid + 1;
          }
          earliestPeriod = high;
        }
      }
      status = probe.status;
    },
  });
  if (outcome.status !== "optimal") status = outcome.status;
  return {
    format: "aps-supply-promise/1", stage: problem.stages[request.stage].id, period: request.period, quantity,
    maxOnTime, earliestPeriod: status === "optimal" ? earliestPeriod : null, status,
  };
}
