// Lexicographic levels of MODEL.md §11 on one HiGHS instance: each level minimised with the earlier
// ones held — by their optimal face (LP) or by an objective row — presolved afresh or warm-started.

import { BASIS_STATUS, LpModel, LpSolution, LpSolverModule, MODEL_STATUS } from "./lpSolver";
import type { SupplyModel } from "./supplyModel";
import type { LevelStatus, SupplyLevelStatistics, SupplyProgress } from "./types";

export interface LevelSpec {
  name: string;
  objective: Float64Array;
}

export interface LevelOptions {
  /** Seconds for all levels together. */
  timeLimit: number;
  /** How a level's optimum is held: its optimal face (fix columns and rows by their duals), or an objective row. */
  hold: "face" | "objectiveRow";
  /** 0 continuous, 1 integer, per column (a MIP); null for an LP. */
  integrality: Int32Array | null;
  /** Extra rows appended to the model before solving (binaries linking releases, say); returns rows and nonzeros added. */
  extraRows?: (lp: LpModel) => { rows: number; nonzeros: number };
  isCancelled?: () => boolean;
  onProgress?: (progress: SupplyProgress) => void;
  /**
   * Start each level from the last level's basis (true) or afresh, presolving the model with the
   * earlier levels' faces fixed (false, the default: measured faster, see docs/supply.md).
   */
  warmStart?: boolean;
  /** Simplex iterations per level before the interior-point method takes over; default simplexBudget(model). */
  simplexIterations?: number;
  /** How an LP level is solved first: dual simplex (within its budget) or interior point with crossover; default levelMethod(model). */
  method?: LevelMethod;
  /** Hold the last level too (by an objective row), for a question asked on top of all levels (capable to promise). */
  holdLast?: boolean;
  /** Called with the live instance after the levels were all proven optimal, before it is destroyed. */
  then?: (lp: LpModel) => void;
}

export interface LevelsOutcome {
  status: LevelStatus;
  statistics: SupplyLevelStatistics[];
  /** The last solution found (of the last level solved with one); null when none. */
  solution: LpSolution | null;
  /** Each level's optimum (or best value), in order; null where not solved. */
  values: (number | null)[];
}

/** Relative tolerance a held level may drift by before the objective-row fallback. */
export const HOLD_TOLERANCE = 1e-7;
/** Reduced costs and duals smaller than this are zero (HiGHS's dual feasibility tolerance). */
const DUAL_ZERO = 1e-9;
/** Relative slack of an objective row (the reference solutions hold levels to about 1e-9). */
const ROW_SLACK = 1e-9;

const RANGE = (n: number) => ({ kind: "range" as const, from: 0, to: n - 1 });

/** c·x for a dense objective. */
export function objectiveValue(objective: Float64Array, x: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < objective.length; i++) if (objective[i] !== 0) sum += objective[i] * x[i];
  return sum;
}

function levelStatus(code: number): LevelStatus {
  if (code === MODEL_STATUS.optimal) return "optimal";
  if (code === MODEL_STATUS.infeasible || code === MODEL_STATUS.unboundedOrInfeasible) return "infeasible";
  if (code === MODEL_STATUS.interrupted) return "cancelled";
  return "timeLimit";
}

function info(lp: LpModel, name: string): number | null {
  const result = lp.getInfoValue(name);
  return result.status < 0 || result.value === undefined ? null : Number(result.value);
}

export type LevelMethod = "simplex" | "ipm";

/** Rows from which an LP level starts with the interior-point method (see docs/supply.md, measured). */
export const IPM_ROWS = 10_000;

/**
 * The method an LP level starts with: the dual simplex on small models (measured 3× faster than the
 * interior-point method at 4,900 rows) and for the first level (no face fixed yet, measured faster);
 * interior point with crossover for the later levels from IPM_ROWS rows (measured 1.7× faster at
 * 15,700 rows, where the dual simplex stalls on the degenerate faces).
 */
export function levelMethod(model: SupplyModel, level = 1): LevelMethod {
  return level > 0 && model.numRows >= IPM_ROWS ? "ipm" : "simplex";
}

/** Simplex iterations a level may take before it is solved again by the interior-point method. */
export function simplexBudget(model: SupplyModel): number {
  return Math.max(10_000, model.numRows);
}

/**
 * Runs one level: the dual simplex within its budget; when the budget runs out (degenerate levels
 * can stall it), afresh by the interior-point method with crossover, which gives the basis and duals
 * the face needs. Returns the iterations of both (simplex, interior-point and crossover).
 */
function runLevel(lp: LpModel, budget: number, mip: boolean, method: LevelMethod): number {
  if (mip) {
    lp.run();
    return info(lp, "simplex_iteration_count") ?? 0;
  }
  let iterations = 0;
  if (method === "simplex") {
    lp.setOptionValue("simplex_iteration_limit", budget);
    lp.run();
    iterations = info(lp, "simplex_iteration_count") ?? 0;
    if (lp.getModelStatus() !== MODEL_STATUS.iterationLimit) return iterations;
    lp.clearSolver();
  }
  lp.setOptionValue("solver", "ipm");
  lp.setOptionValue("run_crossover", "on");
  try {
    lp.run();
  } finally {
    lp.setOptionValue("solver", "choose");
  }
  return iterations + interiorIterations(lp);
}

/** Interior-point, crossover and clean-up simplex iterations of the last run. */
function interiorIterations(lp: LpModel): number {
  return (info(lp, "ipm_iteration_count") ?? 0) + (info(lp, "crossover_iteration_count") ?? 0) + (info(lp, "simplex_iteration_count") ?? 0);
}

/**
 * Holds the level just solved at its optimum by its optimal face: by complementary slackness every
 * feasible point with the columns of nonzero reduced cost at their bounds and the rows of nonzero dual
 * tight has the same objective value. No dense objective row is added.
 */
function holdFace(lp: LpModel, model: SupplyModel, bounds: { colLower: Float64Array; colUpper: Float64Array; rowLower: Float64Array; rowUpper: Float64Array }): void {
  const solution = lp.getSolution().value!;
  const basis = lp.getBasis().value!;
  for (let col = 0; col < model.numCols; col++) {
    if (basis.colStatus[col] === BASIS_STATUS.basic || Math.abs(solution.colDual[col]) <= DUAL_ZERO) continue;
    const at = basis.colStatus[col] === BASIS_STATUS.upper ? bounds.colUpper[col] : bounds.colLower[col];
    bounds.colLower[col] = at;
    bounds.colUpper[col] = at;
  }
  for (let row = 0; row < model.numRows; row++) {
    if (basis.rowStatus[row] === BASIS_STATUS.basic || Math.abs(solution.rowDual[row]) <= DUAL_ZERO) continue;
    const at = basis.rowStatus[row] === BASIS_STATUS.upper ? bounds.rowUpper[row] : bounds.rowLower[row];
    bounds.rowLower[row] = at;
    bounds.rowUpper[row] = at;
  }
  lp.changeColsBounds(RANGE(model.numCols), bounds.colLower, bounds.colUpper);
  if (model.numRows > 0) lp.changeRowsBounds(RANGE(model.numRows), bounds.rowLower, bounds.rowUpper);
}

/** Holds a level by a row Σ c x ≤ value (1 + tolerance) (+ a small absolute slack). */
function holdByRow(lp: LpModel, objective: Float64Array, value: number): number {
  const indices: number[] = [];
  const values: number[] = [];
  objective.forEach((c, i) => { if (c !== 0) { indices.push(i); values.push(c); } });
  lp.addRow(-Infinity, value + ROW_SLACK * Math.max(1, Math.abs(value)), { indices, values });
  return indices.length;
}

/**
 * Solves the levels in order on one HiGHS instance (destroyed in `finally`). Stops at the first level
 * not proven optimal (time limit, cancellation), reporting its bound and gap.
 */
export function solveLevels(highs: LpSolverModule, model: SupplyModel, levels: LevelSpec[], options: LevelOptions): LevelsOutcome {
  const lp = highs.raw.createModel();
  const statistics: SupplyLevelStatistics[] = [];
  const values: (number | null)[] = levels.map(() => null);
  let solution: LpSolution | null = null;
  let status: LevelStatus = "optimal";
  try {
    lp.setOptionValue("output_flag", false);
    lp.setOptionValue("time_limit", Math.max(options.timeLimit, 1e-3));
    if (options.integrality) lp.setOptionValue("mip_rel_gap", 1e-6);
    const inf = highs.infinity;
    const fix = (a: Float64Array) => a.map((v) => (v === Infinity ? inf : v === -Infinity ? -inf : v));
    lp.passModel({
      numCols: model.numCols, numRows: model.numRows, colCost: levels[0]?.objective ?? model.cost,
      colLower: model.colLower, colUpper: fix(model.colUpper), rowLower: fix(model.rowLower), rowUpper: fix(model.rowUpper),
      matrix: { format: "csc", numRows: model.numRows, numCols: model.numCols, starts: model.starts, indices: model.indices, values: model.values },
      ...(options.integrality ? { integrality: options.integrality } : {}),
    });
    const added = options.extraRows?.(lp) ?? { rows: 0, nonzeros: 0 };
    if (options.isCancelled) {
      const cancelled = options.isCancelled;
      lp.setCallback((event) => { if (cancelled()) event.interrupt?.(); return undefined; });
      lp.startCallback(options.integrality ? 6 : 1);
    }
    const bounds = { colLower: Float64Array.from(model.colLower), colUpper: fix(model.colUpper), rowLower: fix(model.rowLower), rowUpper: fix(model.rowUpper) };
    for (let l = 0; l < levels.length; l++) {
      const level = levels[l];
      if (l > 0) lp.changeColsCost(RANGE(model.numCols), level.objective);
      if (l > 0 && !options.warmStart) lp.clearSolver();
      // A MIP starts from the last level's plan: it holds every level so far.
      if (l > 0 && options.integrality && solution) lp.setSolution({ colValue: solution.colValue });
      const before = lp.getRunTime();
      const iterations = runLevel(lp, options.simplexIterations ?? simplexBudget(model), options.integrality !== null, options.method ?? levelMethod(model, l));
      const seconds = lp.getRunTime() - before;
      const levelState = levelStatus(lp.getModelStatus());
      const found = lp.getSolution();
      const hasSolution = found.status >= 0 && found.value !== undefined && (levelState === "optimal" || (options.integrality !== null && (info(lp, "primal_solution_status") ?? 0) === 2));
      const value = hasSolution ? lp.getObjectiveValue() : null;
      const bound = options.integrality ? info(lp, "mip_dual_bound") : levelState === "optimal" ? value : null;
      const gap = levelState === "optimal" ? 0 : options.integrality ? info(lp, "mip_gap") : null;
      if (hasSolution) solution = found.value!;
      const last = l === levels.length - 1;
      const held = levelState !== "optimal" ? "none" : last && !options.holdLast ? "last"
        : options.integrality || options.hold === "objectiveRow" || last ? "objectiveRow" : "face";
      statistics.push({
        name: level.name, rows: model.numRows + added.rows, columns: model.numCols, nonzeros: model.indices.length + added.nonzeros,
        iterations, seconds, status: levelState, value,
        bound: bound === null || !Number.isFinite(bound) ? null : bound, gap: gap === null || !Number.isFinite(gap) ? null : gap, held,
      });
      values[l] = value;
      options.onProgress?.({ level: l, levels: levels.length, name: level.name, status: levelState, seconds });
      if (levelState !== "optimal") {
        status = levelState;
        break;
      }
      if (held === "face") holdFace(lp, model, bounds);
      else if (held === "objectiveRow") {
        added.nonzeros += holdByRow(lp, level.objective, value!);
        added.rows += 1;
      }
    }
    if (status === "optimal") options.then?.(lp);
  } finally {
    lp.dispose();
  }
  return { status, statistics, solution, values };
}
