// Reconciling a partner's Period Commitments with the Period Requests it was sent (MODEL.md §8 over
// time, §11 com_j,t): every period committed short of the request is an exception by partner, stage and
// period; rows for a stage not in the package, outside the horizon or repeated are ignored with a warning.

import type { PeriodRequest } from "./periodRequests";
import type { CollaborationException, PeriodCommitment, Tolerance } from "./types";

export interface PeriodReconcileInput {
  partner: string;
  /** The stages of the package (the rows the partner may answer). */
  stages: readonly string[];
  requests: readonly PeriodRequest[];
  commitments: readonly PeriodCommitment[];
  horizon: number;
  tolerance: Tolerance;
  /** Where the response's Period Commitments table sits, for a stage left unanswered. */
  tableWhere: string;
}

function fmt(value: number): string {
  return Number.isInteger(value) ? String(value) : Number(value.toPrecision(6)).toString();
}

function periodLabel(period: number, date: string | null): string {
  return date ? `period ${period} (${date})` : `period ${period}`;
}

/** The rows that enter the plan: stage of the package, period 1..horizon, first row of a stage and period. */
export function usablePeriodCommitments(input: Pick<PeriodReconcileInput, "stages" | "commitments" | "horizon">): PeriodCommitment[] {
  const stages = new Set(input.stages);
  const seen = new Set<string>();
  return input.commitments.filter((c) => {
    const key = `${c.stage}\u0000${c.period}`;
    if (!stages.has(c.stage) || !Number.isInteger(c.period) || c.period < 1 || c.period > input.horizon || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * All exceptions of one partner's Period Commitments. A commitment below the request is a shortfall:
 * an info within the partner's `Quantity %` tolerance, else a warning; planned = requested, committed,
 * difference = committed − requested. A stage with requests and no row at all is a warning (its
 * receipts stay uncapped).
 * @example requested 40 in period 5, committed 30, tolerance 0 → warning "Period Commitment" −10 (−25 %).
 */
export function reconcilePeriodCommitments(input: PeriodReconcileInput): CollaborationException[] {
  const { partner, tolerance } = input;
  const out: CollaborationException[] = [];
  const stages = new Set(input.stages);
  const first = new Map<string, PeriodCommitment>();
  const note = (c: PeriodCommitment, message: string) => out.push({
    severity: "warning", partner, stage: c.stage, figure: "Period Commitment", planned: null, committed: c.quantity, difference: null,
    differencePercent: null, message, where: c.where, period: c.period,
  });
  for (const c of input.commitments) {
    const key = `${c.stage}\u0000${c.period}`;
    if (!stages.has(c.stage)) note(c, `${partner} committed for stage "${c.stage}", which is not in the package; the row is ignored.`);
    else if (!Number.isInteger(c.period) || c.period < 1 || c.period > input.horizon) note(c, `${partner}, stage "${c.stage}": period ${fmt(c.period)} is outside the plan's horizon 1..${input.horizon}; the row is ignored.`);
    else if (first.has(key)) note(c, `${partner} committed twice for stage "${c.stage}" in period ${c.period}; the first row (${first.get(key)!.where}) is used.`);
    else first.set(key, c);
  }
  const answered = new Set([...first.values()].map((c) => c.stage));
  const unanswered = new Map<string, number>();
  for (const request of input.requests) {
    const row = first.get(`${request.stage}\u0000${request.period}`);
    if (!row) {
      if (!answered.has(request.stage)) unanswered.set(request.stage, (unanswered.get(request.stage) ?? 0) + 1);
      continue;
    }
    if (row.quantity >= request.quantity - 1e-9) continue;
    const difference = row.quantity - request.quantity;
    const percent = request.quantity === 0 ? null : (100 * difference) / request.quantity;
    const within = percent !== null && -percent <= tolerance.quantityPercent + 1e-9;
    out.push({
      severity: within ? "info" : "warning", partner, stage: request.stage, figure: "Period Commitment", planned: request.quantity, committed: row.quantity,
      difference, differencePercent: percent, where: row.where, period: request.period,
      message: `${partner}, stage "${request.stage}", ${periodLabel(request.period, request.date)}: commits ${fmt(row.quantity)}, ${fmt(-difference)} (${fmt(-(percent ?? 0))} %) short of the ${fmt(request.quantity)} requested${within ? ` (within the tolerance of ${fmt(tolerance.quantityPercent)} %: accepted)` : ""}.`,
    });
  }
  for (const [stage, count] of unanswered) {
    out.push({
      severity: "warning", partner, stage, figure: "Period Commitment", planned: null, committed: null, difference: null, differencePercent: null,
      where: input.tableWhere, period: null,
      message: `${partner} sent no period commitment for stage "${stage}" (${count} requested period(s)): the plan keeps assuming the requested receipts.`,
    });
  }
  return out;
}
