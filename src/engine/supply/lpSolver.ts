// The few calls of HiGHS (compiled to WebAssembly, npm `highs`) the supply plan uses, as an interface:
// the caller loads the module (Node: `await require("highs")()`, the pane's worker: its own loader).

/** A status as HiGHS returns it: −1 error, 0 ok, 1 warning. */
export interface LpCallStatus {
  readonly status: number;
}

export type LpResult<T> = { readonly status: number; readonly value?: T };

/** A sparse matrix in compressed columns (CSC) or rows (CSR). */
export interface LpSparseMatrix {
  readonly format: "csc" | "csr";
  readonly numRows: number;
  readonly numCols: number;
  readonly starts: Int32Array | readonly number[];
  readonly indices: Int32Array | readonly number[];
  readonly values: Float64Array | readonly number[];
}

/** An LP or MIP with its matrix column-wise; `integrality` 0 continuous, 1 integer. */
export interface LpModelData {
  readonly numCols: number;
  readonly numRows: number;
  readonly colCost: Float64Array | readonly number[];
  readonly colLower: Float64Array | readonly number[];
  readonly colUpper: Float64Array | readonly number[];
  readonly rowLower: Float64Array | readonly number[];
  readonly rowUpper: Float64Array | readonly number[];
  readonly matrix: LpSparseMatrix;
  readonly integrality?: Int32Array | readonly number[];
}

export interface LpSolution {
  readonly colValue: Float64Array;
  readonly rowValue: Float64Array;
  readonly colDual: Float64Array;
  readonly rowDual: Float64Array;
}

export interface LpBasis {
  readonly colStatus: Int32Array;
  readonly rowStatus: Int32Array;
}

/** A callback event; interrupt events (simplex 1, MIP 6) can stop the run. */
export interface LpCallbackEvent {
  readonly type: number;
  readonly data: { readonly simplex_iteration_count?: number; readonly mip_dual_bound?: number; readonly running_time?: number };
  interrupt?: () => void;
}

/** One native HiGHS instance; `dispose()` destroys it and frees its WebAssembly memory. */
export interface LpModel {
  setOptionValue(name: string, value: boolean | number | string): LpCallStatus;
  passModel(model: LpModelData): LpCallStatus;
  run(): LpCallStatus;
  /** Forgets the solution and basis (the next run presolves and starts afresh); keeps model and options. */
  clearSolver(): LpCallStatus;
  getModelStatus(): number;
  getObjectiveValue(): number;
  getSolution(): LpResult<LpSolution>;
  getBasis(): LpResult<LpBasis>;
  setBasis(basis: { colStatus: Int32Array; rowStatus: Int32Array }): LpCallStatus;
  getInfoValue(name: string): LpResult<number | bigint>;
  getRunTime(): number;
  changeColCost(col: number, cost: number): LpCallStatus;
  changeColBounds(col: number, lower: number, upper: number): LpCallStatus;
  changeRowBounds(row: number, lower: number, upper: number): LpCallStatus;
  /** With `{ kind: "range", from: 0, to: numCols − 1 }`: every column's cost at once. */
  changeColsCost(selection: { readonly kind: "range"; readonly from: number; readonly to: number }, costs: Float64Array): LpCallStatus;
  changeColsBounds(selection: { readonly kind: "range"; readonly from: number; readonly to: number }, lower: Float64Array, upper: Float64Array): LpCallStatus;
  changeRowsBounds(selection: { readonly kind: "range"; readonly from: number; readonly to: number }, lower: Float64Array, upper: Float64Array): LpCallStatus;
  addRow(lower: number, upper: number, entries: { indices: Int32Array | readonly number[]; values: Float64Array | readonly number[] }): LpCallStatus;
  addCol(cost: number, lower: number, upper: number, entries: { indices: Int32Array | readonly number[]; values: Float64Array | readonly number[] }): LpCallStatus;
  changeCoeff(row: number, col: number, value: number): LpCallStatus;
  /** A start (MIP incumbent) of column values. */
  setSolution(solution: { colValue: Float64Array }): LpCallStatus;
  setCallback(callback: ((event: LpCallbackEvent) => undefined) | undefined): LpCallStatus;
  startCallback(type: 1 | 6): LpCallStatus;
  dispose(): void;
}

/** The loaded `highs` module, as far as the supply plan needs it. */
export interface LpSolverModule {
  readonly infinity: number;
  readonly raw: { createModel(): LpModel };
}

/** HiGHS model status codes (kHighsModelStatus*). */
export const MODEL_STATUS = {
  optimal: 7,
  infeasible: 8,
  unboundedOrInfeasible: 9,
  unbounded: 10,
  timeLimit: 13,
  iterationLimit: 14,
  interrupted: 17,
} as const;

/** Basis status codes (kHighsBasisStatus*). */
export const BASIS_STATUS = { lower: 0, basic: 1, upper: 2, zero: 3, nonbasic: 4 } as const;
