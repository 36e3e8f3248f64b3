// Reconciling a partner's commitments with what the plan asked (docs/model.md §8): every committed
// service time longer than assumed, rate below plan, on-hand below safety stock, missing or unknown
// row and late answer is an exception naming partner, stage and figure; within tolerance, an info.

import type { CollaborationException, Commitment, StageRequest, Tolerance } from "./types";

export const DEFAULT_TOLERANCE: Tolerance = { time: 0, quantityPercent: 0 };

export interface ReconcileInput {
  partner: string;
  requests: StageRequest[];
  commitments: Commitment[];
  tolerance: Tolerance;
  /** Response deadline (YYYY-MM-DD) and the day the response is merged (ISO); late when after it. */
  deadline: string;
  answered: string;
  /** Where the response's Commitments table sits, for a missing row. */
  tableWhere: string;
}

function figures(planned: number, committed: number): { difference: number; differencePercent: number | null } {
  const difference = committed - planned;
  return { difference, differencePercent: planned === 0 ? null : (100 * difference) / planned };
}

function fmt(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(6).replace(/\.?0+$/, "");
}

/** The whole day (YYYY-MM-DD) of an ISO time. */
function dayOf(iso: string): string {
  return iso.slice(0, 10);
}

/**
 * All exceptions of one partner's response. A commitment longer / lower than planned but within the
 * tolerance (time units for service times; per cent of plan for rates and stock) is an info (accepted).
 * @example S assumed 0, committed 2, tolerance 0 → warning "Committed Service Time" +2 (no %: planned 0).
 */
export function reconcileCommitments(input: ReconcileInput): CollaborationException[] {
  const { partner, tolerance } = input;
  const out: CollaborationException[] = [];
  const push = (e: Omit<CollaborationException, "partner">) => out.push({ partner, ...e });
  const byStage = new Map<string, Commitment>();
  for (const row of input.commitments) {
    const request = input.requests.find((r) => r.stage === row.stage);
    if (!request) {
      push({ severity: "warning", stage: row.stage, figure: "Stage", planned: null, committed: row.stage, difference: null, differencePercent: null,
        message: `${partner} answered for stage "${row.stage}", which is not in the package; the row is ignored.`, where: row.where });
      continue;
    }
    if (byStage.has(row.stage)) {
      push({ severity: "warning", stage: row.stage, figure: "Stage", planned: null, committed: row.stage, difference: null, differencePercent: null,
        message: `${partner} answered twice for stage "${row.stage}"; the first row (${byStage.get(row.stage)!.where}) is used.`, where: row.where });
      continue;
    }
    byStage.set(row.stage, row);
  }
  for (const request of input.requests) {
    const row = byStage.get(request.stage);
    if (!row || (row.committedRate === null && row.committedServiceTime === null && row.onHand === null)) {
      push({ severity: "warning", stage: request.stage, figure: "Commitment", planned: null, committed: null, difference: null, differencePercent: null,
        message: `${partner} sent no commitment for stage "${request.stage}": the plan keeps its own assumptions there.`, where: row?.where ?? input.tableWhere });
      continue;
    }
    if (row.committedServiceTime !== null && request.serviceTimeAssumed !== null && row.committedServiceTime > request.serviceTimeAssumed + 1e-9) {
      const f = figures(request.serviceTimeAssumed, row.committedServiceTime);
      const within = f.difference <= tolerance.time + 1e-9;
      push({ severity: within ? "info" : "warning", stage: request.stage, figure: "Committed Service Time", planned: request.serviceTimeAssumed,
        committed: row.committedServiceTime, ...f, where: row.where,
        message: `${partner}, stage "${request.stage}": commits a service time of ${fmt(row.committedServiceTime)}, ${fmt(f.difference)} longer than the ${fmt(request.serviceTimeAssumed)} the plan assumed${within ? ` (within the tolerance of ${fmt(tolerance.time)}: accepted)` : ""}.` });
    }
    if (row.committedRate !== null && request.demandRate !== null && row.committedRate <= request.demandRate + 1e-12) {
      const f = figures(request.plannedRate ?? request.demandRate, row.committedRate);
      push({ severity: "error", stage: request.stage, figure: "Committed Rate", planned: request.plannedRate, committed: row.committedRate, ...f, where: row.where,
        message: `${partner}, stage "${request.stage}": a committed rate of ${fmt(row.committedRate)} does not cover the demand rate ${fmt(request.demandRate)} (utilisation ≥ 100 %): the demand cannot be served.` });
    } else if (row.committedRate !== null && request.plannedRate !== null && row.committedRate < request.plannedRate - 1e-12) {
      const f = figures(request.plannedRate, row.committedRate);
      const within = -(f.differencePercent ?? 0) <= tolerance.quantityPercent + 1e-9;
      push({ severity: within ? "info" : "warning", stage: request.stage, figure: "Committed Rate", planned: request.plannedRate, committed: row.committedRate, ...f, where: row.where,
        message: `${partner}, stage "${request.stage}": commits a rate of ${fmt(row.committedRate)}, ${fmt(-f.difference)} (${fmt(-(f.differencePercent ?? 0))} %) below the planned ${fmt(request.plannedRate)}${within ? ` (within the tolerance of ${fmt(tolerance.quantityPercent)} %: accepted)` : ""}.` });
    }
    if (row.onHand !== null && request.safetyStock !== null && row.onHand < request.safetyStock - 1e-12) {
      const f = figures(request.safetyStock, row.onHand);
      const within = -(f.differencePercent ?? 0) <= tolerance.quantityPercent + 1e-9;
      push({ severity: within ? "info" : "warning", stage: request.stage, figure: "On Hand", planned: request.safetyStock, committed: row.onHand, ...f, where: row.where,
        message: `${partner}, stage "${request.stage}": ${fmt(row.onHand)} on hand, ${fmt(-f.difference)} (${fmt(-(f.differencePercent ?? 0))} %) below the plan's safety stock of ${fmt(request.safetyStock)}${within ? ` (within the tolerance of ${fmt(tolerance.quantityPercent)} %: accepted)` : ""}.` });
    }
  }
  if (dayOf(input.answered) > input.deadline) {
    push({ severity: "warning", stage: null, figure: "Response Date", planned: input.deadline, committed: dayOf(input.answered), difference: null, differencePercent: null,
      message: `${partner} answered on ${dayOf(input.answered)}, after the deadline of ${input.deadline}.`, where: null });
  }
  return out;
}

/** A partner's status after its exceptions: accepted when only infos remain. */
export function responseStatus(exceptions: readonly CollaborationException[]): "accepted" | "with exceptions" {
  return exceptions.some((e) => e.severity !== "info") ? "with exceptions" : "accepted";
}
