// The scheduling and sequencing engine (docs/model.md §7): re-exports only.
export * from "./jobShop/jobShop";
export * from "./jobShop/jobShopText";
export * from "./jobShop/solveJobShop";
export * from "./sequencing/atsp";
export * from "./sequencing/tsplib";
export * from "./sequencing/solveSequence";
export * from "./sequencing/heldKarp";
export * from "./sequencing/assignmentBound";
export * from "./check";
export * from "./jobShop/oneMachineBound";
export * from "./jobShop/jobShopBranchAndBound";
export * from "./jobShop/singerPinedo";
export type { SearchOptions, SearchProgress } from "./searchControl";
