// The supply plan over time (MODEL.md §11, FORMATS.md §10): its public face. Re-exports only.

export type * from "./types";
export type { LpSolverModule, LpModel, LpModelData } from "./lpSolver";
