// CPFR reconciliation: a partner's forecast against the buyer's, or a forecast against actual
// consumption; every period whose relative deviation passes the tolerance becomes an exception.

import { PlanningInputError } from "../errors";

export interface ReconciliationException {
  partner: string;
  stage: string;
  /** "forecast vs forecast" or "forecast vs actual". */
  kind: "forecast vs forecast" | "forecast vs actual";
  /** Period labels where the deviation passes the tolerance. */
  periods: string[];
  /** Largest relative deviation |a − b| / |b| among those periods (b: buyer's forecast or the actual). */
  largestDeviation: number;
  message: string;
}

/**
 * Compares `compared` (the partner's forecast, or a forecast) with `reference` (the buyer's
 * forecast, or the actual consumption) period by period: |a − b| > tolerance·|b| (a period where b
 * is 0 deviates when a ≠ 0). Returns one exception naming the partner, stage and periods, or null.
 * @example reconcile({ partner: "Supplier", stage: "Motor", kind: "forecast vs forecast", periods: ["1","2"], compared: [100, 130], reference: [100, 100] })!.periods // ["2"]
 */
export function reconcile(input: {
  partner: string; stage: string; kind: ReconciliationException["kind"]; periods: string[];
  compared: readonly number[]; reference: readonly number[]; tolerance?: number;
}): ReconciliationException | null {
  const tolerance = input.tolerance ?? 0.2;
  if (!(tolerance >= 0 && Number.isFinite(tolerance))) throw new PlanningInputError(`tolerance must be a number ≥ 0 (got ${tolerance}).`, "tolerance");
  const n = Math.min(input.compared.length, input.reference.length);
  const periods: string[] = [];
  let largest = 0;
  for (let t = 0; t < n; t++) {
    const a = input.compared[t], b = input.reference[t];
    const deviation = b !== 0 ? Math.abs(a - b) / Math.abs(b) : a !== 0 ? Infinity : 0;
    if (deviation > tolerance) { periods.push(input.periods[t] ?? String(t + 1)); largest = Math.max(largest, deviation); }
  }
  if (periods.length === 0) return null;
  const what = input.kind === "forecast vs forecast" ? `${input.partner}'s forecast differs from the buyer's` : `the forecast differs from actual consumption (${input.partner})`;
  const shown = periods.length > 6 ? `${periods.slice(0, 6).join(", ")} and ${periods.length - 6} more` : periods.join(", ");
  return {
    partner: input.partner, stage: input.stage, kind: input.kind, periods, largestDeviation: largest,
    message: `Stage ${input.stage}: ${what} by more than ${Math.round(tolerance * 100)} % in period(s) ${shown} (largest ${Number.isFinite(largest) ? `${Math.round(largest * 100)} %` : "against 0"}).`,
  };
}
