// Demand planning's public face: forecasting models, accuracy, segmentation, reconciliation, history.

export * from "./accuracy";
export * from "./decompose";
export * from "./etsAuto";
export * from "./etsFit";
export * from "./etsForecast";
export * from "./etsRecursion";
export * from "./etsTypes";
export * from "./forecastSeries";
export * from "./history";
export * from "./intermittent";
export * from "./nelderMead";
export * from "./reconcile";
export * from "./segmentation";
export * from "./theta";
export * from "./forecastRun";
export * from "./adjustedDamped";
export * from "./combinationRule";
export * from "./drift";
export * from "./seasonalAdjustment";
export * from "./members";
export * from "./arimaPolynomial";
export * from "./arimaLikelihood";
export * from "./arimaFit";
export * from "./arimaTests";
export * from "./arimaAuto";
export * from "./arimaForecast";
