// The supply plan over time (MODEL.md §11, FORMATS.md §10): its public face. Re-exports only.

export type * from "./types";
export type { LpSolverModule, LpModel, LpModelData } from "./lpSolver";
export { solveSupply } from "./solveSupply";
export { supplyRecord, supplyProblemOf, plannedFigures, promiseRecord, refusedProblems } from "./supplyRecord";
export type { SupplyOutcome, SupplyRecordOptions, PromiseOutcome, SupplyRefused } from "./supplyRecord";
export { readSupply } from "./readSupply";
export type { ReadSupplyResult } from "./readSupply";
export { defaultDemands, leadTimePeriodsOf, safetyStockTargetOf } from "./supplyDefaults";
export type { PlannedStage, SupplyFigures } from "./supplyDefaults";
export { SUPPLY_TABLE_FIELDS, readPeriod } from "./supplyFields";
export { supplyJsonPath, SUPPLY_JSON_KEYS } from "./locate";
export { describePeriods } from "./reasons";
export { promiseSupply } from "./promise";
export type { PromiseRequest } from "./promise";
export { solveFirmSupply, checkFirmOrders } from "./firmOrders";
export type { FirmOrder, FirmConflict, FirmConflictKind, FirmSupplyOutcome } from "./firmOrders";
export { onTimeByTier, peakUtilisation } from "./planFigures";
