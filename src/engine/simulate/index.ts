// The simulator's public face: plan each policy, simulate, and read a Demand History table.

export { planPolicies, simulatePolicies } from "./simulatePlan";
export type { PlannedPolicy } from "./simulatePlan";
export { runQueue, SingleServer } from "./singleServer";
export type { QueueRunOptions, QueueRunResult, TimeDistribution } from "./singleServer";
export { EventKernel } from "./eventKernel";
export { estimate, pairedDifference, studentTQuantile } from "./statistics";
export type { Estimate } from "./statistics";
export * from "./types";
export { simulateRecord } from "./simulateRecord";
export type { SimulationOutcome } from "./simulateRecord";
export { historySeries } from "./demandHistory";
export type { HistoryRow } from "./demandHistory";
