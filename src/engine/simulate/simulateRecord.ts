// From an aps-network/1 record (JSON or workbook tables) and Demand History rows to the
// aps-simulation/1 result: validate, plan every policy, simulate. Input errors name their place.

import { type InputProblem, type InputRefusal, inputRefusal } from "../inputErrors";
import { jsonPath } from "../network/locate";
import { FieldNaming, readNetwork } from "../network/readNetwork";
import type { InputLocation } from "../network/types";
import { historySeries, HistoryRow } from "./demandHistory";
import { planPolicies, simulatePolicies } from "./simulatePlan";
import type { SimulationOptions, SimulationResult } from "./types";

export type SimulationOutcome = { ok: true; result: SimulationResult } | InputRefusal;

/** Plan issues at their places, as records. */
function issueProblems(issues: readonly { severity: string; message: string; location: InputLocation | null }[], where: (location: InputLocation | null) => string): InputProblem[] {
  return issues.filter((i) => i.severity === "error").map((i) => ({ where: where(i.location), table: i.location?.table ?? null, row: i.location?.row ?? null, field: i.location?.field ?? null, message: i.message }));
}

/**
 * Validates, plans and simulates a network record. `where` names a model location (the plan
 * command's); stage rows are named by their id cell.
 */
export function simulateRecord(
  raw: unknown, history: readonly HistoryRow[], options: SimulationOptions,
  naming: FieldNaming = "json", where: (location: InputLocation | null) => string = jsonPath,
): SimulationOutcome {
  const { network, issues } = readNetwork(raw, naming);
  if (!network) return inputRefusal(issueProblems(issues, where));
  const { series, errors, problems } = historySeries(history, new Set(network.stages.map((s) => s.id)));
  if (problems.length > 0) return { ok: false, errors, errorCount: problems.length, problems };
  const planned = planPolicies(network, options.policies);
  const judged = planned[0]?.plan;
  if (judged && (judged.placement === null || judged.stages.some((st) => st.committedServiceTime === null || st.demandBound === null))) {
    const planErrors = issueProblems(judged.issues, where);
    return inputRefusal([...planErrors, { where: null, table: null, row: null, field: null, message: "The plan has no complete safety-stock placement, so it cannot be simulated: fix the errors above." }]);
  }
  options.onProgress?.("planned", 0);
  const result = simulatePolicies(network, planned, series, options, (row) => where(row < 0 ? null : { table: "Stages", row, field: "id" }));
  return { ok: true, result };
}
