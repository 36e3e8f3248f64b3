// Merging partners' responses (docs/formats.md §9 `aps merge`, the pane's merge job): refuses any response
// that is not the untouched current package (nothing written), reconciles the commitments, re-plans
// with them as constraints, and returns the buyer's updated sheets with the audit trail appended.

import { appendAudit, reconcileCommitments, replanWithCommitments, responseStatus } from "../../engine/collaborate";
import type { AuditEntry, CollaborationException, ReplanResult, StageRequest } from "../../engine/collaborate";
import { planSheets } from "../plan/planSheets";
import type { ResultSheet, WorkbookPort } from "../port";
import { readBookContext } from "./bookContext";
import { auditSheet, collaborationSheet, partnerCommitmentsSheet, readMergeStates, sharesSheet } from "./bookSheets";
import type { CommitmentRecord, ShareRecord } from "./bookTables";
import { reconciliationSheet, replanSheet, replanSummarySheet } from "./mergeSheets";
import { checkResponse } from "./responseChecks";
import { readResponse, ReadResponse, ResponseFile } from "./responseReader";
import type { ZipLimits } from "./zipGuard";
import { inputRefusal, type InputProblem, type InputRefusal } from "../../engine/inputErrors";
import { fileRefusal } from "./responseCells";
import type { SupplyResult } from "../../engine/supply";
import { resolveLpSolver, runSupplyPlan, type LpSolverSource, type SupplyRun } from "./supplyRun";
import { PERIOD_REQUESTS } from "../../engine/collaborate";
import { mergePeriodCommitments, supplyReplanSheets, type SupplyKpi } from "./periodMerge";

/** The supply plan made again with the merged Period Commitments (partners over time). */
export interface SupplyReplan {
  kpis: SupplyKpi[];
  result: SupplyResult | null;
}

export interface MergeOptions {
  now: string;
  user: string;
  limits?: ZipLimits;
  /** HiGHS (WebAssembly): with it, a merge of Period Commitments re-plans the supply plan (MODEL.md §11). */
  lpSolver?: LpSolverSource;
}

export interface PartnerResult {
  partner: string;
  packageId: string;
  status: "accepted" | "with exceptions";
  exceptions: number;
}

export type MergeOutcome =
  | { ok: true; sheets: ResultSheet[]; exceptions: CollaborationException[]; replan: ReplanResult; partners: PartnerResult[]; supply: SupplyReplan | null }
  | InputRefusal;

function requestsOf(response: ReadResponse): StageRequest[] {
  const table = response.tables.find((t) => t.name === "Requests");
  if (!table) return [];
  const at = (header: string) => table.columns.findIndex((c) => c.header === header);
  const [stage, demand, planned, s, ss] = ["Stage", "Demand Rate", "Planned Rate", "Service Time Assumed", "Safety Stock"].map(at);
  const num = (v: string | number | null | undefined) => (typeof v === "number" ? v : null);
  return table.rows.map((r) => ({ stage: String(r[stage] ?? ""), demandRate: num(r[demand]), plannedRate: num(r[planned]), serviceTimeAssumed: num(r[s]), safetyStock: num(r[ss]) }));
}

function auditValue(v: number | string | null): number | string | null {
  return typeof v === "number" ? Number(v.toPrecision(12)) : v;
}

/**
 * Merges responses together (one after another is the same as several merges in a row). Every
 * refusal of every file is returned at once; then nothing is to be written.
 */
export async function mergeResponses(port: WorkbookPort, files: readonly ResponseFile[], options: MergeOptions): Promise<MergeOutcome> {
  if (files.length === 0) return inputRefusal([{ where: null, table: null, row: null, field: null, message: "No response file was given." }]);
  const read = await readBookContext(port);
  if (!read.ok) return read;
  const context = read.context;
  const errors: InputProblem[] = [];
  const accepted: { response: ReadResponse; share: ShareRecord }[] = [];
  const responses: ReadResponse[] = [];
  for (const file of files) {
    const result = await readResponse(file, options.limits);
    if (!result.ok) errors.push(...result.problems);
    else responses.push(result.response);
  }
  // The supply plan as it stands, solved once and only for responses to packages with Period Requests.
  const withPeriods = responses.some((r) => r.tables.some((t) => t.name === PERIOD_REQUESTS));
  const highs = context.supply && withPeriods ? await resolveLpSolver(options.lpSolver) : null;
  const supplyNow: SupplyRun | null = context.supply && highs ? await runSupplyPlan(context.supply, highs) : null;
  const supplyFor = () => (supplyNow?.ok ? { result: supplyNow.result, labels: supplyNow.labels } : null);
  for (const response of responses) {
    const checked = checkResponse(context, response, supplyFor);
    if ("refusal" in checked) errors.push(checked.refusal);
    else if (accepted.some((a) => a.share.partner === checked.share.partner)) errors.push(fileRefusal(response.name, `refused: a second response from ${checked.share.partner} in the same merge; merge one of them.`));
    else accepted.push({ response, share: checked.share });
  }
  if (errors.length > 0) return inputRefusal(errors);

  const exceptions: CollaborationException[] = [];
  const partners: PartnerResult[] = [];
  const fresh: CommitmentRecord[] = [];
  const rateCells = new Map<string, string>(); // partner and stage → the response's Committed Rate cell
  const entries: Omit<AuditEntry, "sequence">[] = [];
  const base = { time: options.now, user: options.user };
  const periods = await mergePeriodCommitments(context, accepted, context.tolerance, base, highs, supplyNow);
  for (const { response, share } of accepted) {
    const requests = requestsOf(response);
    const own = [
      ...response.notes.map((n) => ({ ...n, partner: share.partner })),
      ...reconcileCommitments({ partner: share.partner, requests, commitments: response.commitments, tolerance: context.tolerance(share.partner), deadline: share.deadline, answered: options.now, tableWhere: response.commitmentsWhere }),
      ...(periods.exceptions.get(share.partner) ?? []),
    ];
    const status = responseStatus(own);
    exceptions.push(...own);
    const counted = own.filter((e) => e.severity !== "info").length;
    partners.push({ partner: share.partner, packageId: share.packageId, status, exceptions: counted });
    entries.push({ ...base, action: "merge", packageId: share.packageId, version: share.version, partner: share.partner, stage: "", figure: "Response", before: null, after: status, reason: `${response.name}: ${counted} exception(s)` });
    const seen = new Set<string>();
    for (const c of response.commitments) {
      const request = requests.find((r) => r.stage === c.stage);
      if (!request || seen.has(c.stage)) continue;
      seen.add(c.stage);
      if (c.committedRate === null && c.committedServiceTime === null && c.onHand === null) continue;
      rateCells.set(`${share.partner}\u0000${c.stage}`, c.rateWhere ?? c.where);
      fresh.push({ partner: share.partner, packageId: share.packageId, stage: c.stage, committedRate: c.committedRate, committedServiceTime: c.committedServiceTime, onHand: c.onHand, reasonCode: c.reasonCode, comment: c.comment, answered: options.now, status });
      const reason = [c.reasonCode, c.comment].filter((x) => x).join(": ");
      for (const [figure, planned, committed] of [["Committed Rate", request.plannedRate, c.committedRate], ["Committed Service Time", request.serviceTimeAssumed, c.committedServiceTime], ["On Hand", request.safetyStock, c.onHand]] as const) {
        if (committed !== null) entries.push({ ...base, action: "accept", packageId: share.packageId, version: share.version, partner: share.partner, stage: c.stage, figure, before: planned, after: committed, reason });
      }
    }
  }
  // Earlier answers stay in the plan while they answer the current plan; a partner answering now replaces its own.
  const current = new Set(context.shares.filter((s) => s.planHash === context.planHash).map((s) => s.packageId));
  const previous = context.commitments.filter((c) => current.has(c.packageId));
  const answering = new Set(accepted.map((a) => a.share.partner));
  const commitments = [...previous.filter((c) => !answering.has(c.partner)), ...fresh];
  const toAccepted = (c: CommitmentRecord) => ({ partner: c.partner, stage: c.stage, committedRate: c.committedRate, committedServiceTime: c.committedServiceTime, rateWhere: rateCells.get(`${c.partner}\u0000${c.stage}`) ?? null });
  const replan = replanWithCommitments({ network: context.network, where: context.where, cell: context.cell, base: context.plan, previous: previous.map(toAccepted), commitments: commitments.map(toAccepted) });
  exceptions.push(...replan.exceptions);
  for (const p of periods.replanErrors) {
    // Each problem at its place in the buyer's workbook; a cell (a firm order the commitments no longer allow) to select.
    exceptions.push({
      severity: "error", partner: "", stage: null, figure: "Supply Plan", planned: null, committed: null, difference: null, differencePercent: null,
      message: `The supply plan cannot be made again with the period commitments: ${p.message}`, where: p.where, ...(p.cell === undefined ? {} : { cell: p.cell }),
    });
  }
  exceptions.push(...periods.lateByCommitment);
  entries.push(...periods.entries);
  const version = accepted[0].share.version;
  for (const k of replan.kpis.filter((k) => k.figure === "Lead time to customer" || k.figure === "Safety-stock cost")) {
    entries.push({ ...base, action: "re-plan", packageId: "", version, partner: "", stage: "", figure: k.figure, before: auditValue(k.before), after: auditValue(k.after), reason: `${commitments.length} commitment(s) in the plan` });
  }
  for (const r of replan.rows) {
    if (r.serviceTimeBefore !== null && r.serviceTimeAfter !== null && Math.abs(r.serviceTimeAfter - r.serviceTimeBefore) > 1e-9) {
      entries.push({ ...base, action: "re-plan", packageId: "", version, partner: r.owner ?? "", stage: r.stage, figure: "Service Time", before: auditValue(r.serviceTimeBefore), after: auditValue(r.serviceTimeAfter), reason: "placement re-optimised around the commitments" });
    }
  }
  const audit = appendAudit(context.audit, entries);
  const states = readMergeStates(await port.readTable("Collaboration"));
  // The last row this merge wrote is each answering partner's anchor: removing it is then detected.
  const lastRow = audit[audit.length - 1];
  for (const p of partners) {
    const row = lastRow;
    states.set(p.partner, { packageId: p.packageId, status: p.status, answered: options.now, exceptions: p.exceptions, auditSequence: row.sequence, auditHash: row.rowHash });
  }
  const roles = new Map(context.shares.map((s) => [s.partner, s.role]));
  const sheets: ResultSheet[] = [
    partnerCommitmentsSheet(commitments), reconciliationSheet(exceptions), replanSheet(replan), replanSummarySheet(replan, periods.kpis),
    ...(periods.sheet ? [periods.sheet] : []),
    // The supply plan made again with the commitments (its exceptions go to Reconciliation: the plan's Exceptions sheet is written below).
    ...(periods.replanned ? supplyReplanSheets(periods.replanned.run) : []),
    collaborationSheet(context.partners, roles, context.shares, states, options.now, context.planHash),
    sharesSheet(context.shares), auditSheet(audit),
    ...(replan.after ? planSheets(replan.after) : []),
  ];
  return { ok: true, sheets, exceptions, replan, partners, supply: periods.sheet ? { kpis: periods.kpis, result: periods.replanned?.result ?? null } : null };
}
