// The scheduling and sequencing engine (docs/model.md §7): re-exports only.
export * from "./jobShop";
export * from "./jobShopText";
export * from "./solveJobShop";
export * from "./atsp";
export * from "./tsplib";
export * from "./solveSequence";
export * from "./heldKarp";
export * from "./assignmentBound";
export * from "./check";
export * from "./oneMachineBound";
export * from "./jobShopBranchAndBound";
export * from "./singerPinedo";
export type { SearchOptions, SearchProgress } from "./searchControl";
