// From an aps-network/1 record (JSON or workbook tables) and Demand History rows to the
// aps-simulation/1 result: validate, plan every policy, simulate. Input errors name their place.

import { jsonPath } from "../network/locate";
import { FieldNaming, readNetwork } from "../network/readNetwork";
import type { InputLocation } from "../network/types";
import { historySeries, HistoryRow } from "./demandHistory";
import { planPolicies, simulatePolicies } from "./simulatePlan";
import type { SimulationOptions, SimulationResult } from "./types";

export type SimulationOutcome = { ok: true; result: SimulationResult } | { ok: false; errors: string[] };

/**
 * Validates, plans and simulates a network record. `where` names a model location (the plan
 * command's); stage rows are named by their id cell.
 */
export function simulateRecord(
  raw: unknown, history: readonly HistoryRow[], options: SimulationOptions,
  naming: FieldNaming = "json", where: (location: InputLocation | null) => string = jsonPath,
): SimulationOutcome {
  const { network, issues } = readNetwork(raw, naming);
  if (!network) return { ok: false, errors: issues.filter((i) => i.severity === "error").map((i) => `${where(i.location)}: ${i.message}`) };
  const { series, errors } = historySeries(history, new Set(network.stages.map((s) => s.id)));
  if (errors.length > 0) return { ok: false, errors };
  const planned = planPolicies(network, options.policies);
  const judged = planned[0]?.plan;
  if (judged && (judged.placement === null || judged.stages.some((st) => st.committedServiceTime === null || st.demandBound === null))) {
    const planErrors = judged.issues.filter((i) => i.severity === "error").map((i) => `${where(i.location)}: ${i.message}`);
    return { ok: false, errors: [...planErrors, "The plan has no complete safety-stock placement, so it cannot be simulated: fix the errors above."] };
  }
  options.onProgress?.("planned", 0);
  const result = simulatePolicies(network, planned, series, options, (row) => where(row < 0 ? null : { table: "Stages", row, field: "id" }));
  return { ok: true, result };
}
