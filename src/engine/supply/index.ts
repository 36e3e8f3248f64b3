// The supply plan over time (MODEL.md §11, FORMATS.md §10): its public face. Re-exports only.

export type * from "./types";
export type { LpSolverModule, LpModel, LpModelData } from "./lpSolver";
export { solveSupply } from "./solveSupply";
export { supplyJsonPath, SUPPLY_JSON_KEYS } from "./locate";
export { describePeriods } from "./reasons";
