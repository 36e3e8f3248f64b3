// Scenarios side by side (docs/scenarios.md): read a Scenarios table, apply it, plan and compare.

export { applyScenario, changeAt } from "./applyScenario";
export { comparedFigure, comparePlans } from "./comparePlans";
export type { NamedPlan } from "./comparePlans";
export { networkDifferences } from "./networkDifferences";
export type { PlacedNetwork } from "./networkDifferences";
export { arcKey, BASE_SCENARIO, readScenarios } from "./readScenarios";
export { cappedErrors, MAX_REPORTED_ERRORS, planScenarios } from "./planScenarios";
export type { ScenarioPlanInput, ScenarioPlanOptions, ScenariosOutcome } from "./planScenarios";
export * from "./types";
