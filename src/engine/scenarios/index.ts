// Scenarios side by side (docs/scenarios.md): read a Scenarios table, apply it, plan and compare.

export { applyScenario, applyScenarioPlaced, changeAt } from "./applyScenario";
export type { VariantOrigin } from "./applyScenario";
export { compareSupply, lexicographicOrder } from "./compareSupply";
export { hasSupplyInputs, matchSupplyKey, SUPPLY_SCENARIO_TABLES, SUPPLY_SHAPES } from "./supplyAddress";
export { comparedFigure, comparePlans } from "./comparePlans";
export type { NamedPlan } from "./comparePlans";
export { networkDifferences } from "./networkDifferences";
export type { PlacedNetwork } from "./networkDifferences";
export { arcKey, BASE_SCENARIO, readScenarios } from "./readScenarios";
export { cappedErrors, MAX_REPORTED_ERRORS, planScenarios, refusedScenarios, scenarioRowProblems } from "./planScenarios";
export type { ScenarioPlanInput, ScenarioPlanOptions, ScenarioSupplyInput, ScenariosOutcome } from "./planScenarios";
export * from "./types";
