// Strategic safety-stock placement (docs/model.md §5): public API of the placement engine.

export type {
  PlacementStage, PlacementProblem, PlacementMethod, PlacementOptions, PlacementProgress, PlacementResult,
} from "./types";
export { placeSafetyStock } from "./placeSafetyStock";
export { evaluatePlacement, type PlacementEvaluation } from "./evaluate";
export { isSpanningTree } from "./forest";
