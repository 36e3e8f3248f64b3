// Partners over time in a merge (MODEL.md §8 with §11): each response's Period Commitments reconciled
// with the Period Requests it was issued (a shortfall is an exception by partner, stage and period),
// written into the buyer's Period Commitments table, and the supply plan made again with them.

import { periodRequestsFromTable, PERIOD_REQUESTS, reconcilePeriodCommitments, usablePeriodCommitments } from "../../engine/collaborate";
import type { AuditEntry, CollaborationException, PeriodCommitment, Tolerance } from "../../engine/collaborate";
import { supplyProblemOf } from "../../engine/supply";
import type { LpSolverModule, SupplyObjective, SupplyResult } from "../../engine/supply";
import type { InputProblem } from "../../engine/inputErrors";
import type { ResultSheet } from "../port";
import { editablePlannedOrders } from "../supply/plannedOrderEdits";
import { demandFulfilmentSheet, plannedOrdersSheet, resourceLoadSheet, supplyPlanSheet, type SupplySheetInput } from "../supply/supplySheets";
import type { BookContext } from "./bookContext";
import type { ShareRecord } from "./bookTables";
import { PERIOD_COMMITMENTS, PERIOD_COMMITMENTS_HEADERS } from "./packageFormat";
import type { ReadResponse } from "./responseReader";
import { TEXT_FORMAT } from "./safeText";
import { runSupplyPlan, type PeriodCommitmentRow, type SupplyRun } from "./supplyRun";

/** One figure of the supply plan before and after the period commitments (the Re-plan Summary's rows). */
export interface SupplyKpi {
  figure: string;
  before: number | null;
  after: number | null;
}

export interface PeriodMergeResult {
  /** Exceptions per partner (their shortfalls and ignored rows). */
  exceptions: Map<string, CollaborationException[]>;
  /** Audit rows: one "accept" per stage and period taken in, "re-plan" rows for the supply plan's figures. */
  entries: Omit<AuditEntry, "sequence">[];
  /** The buyer's Period Commitments table after the merge; null when no response held one. */
  sheet: ResultSheet | null;
  /** The supply plan's objective before and after (empty without HiGHS or without answers). */
  kpis: SupplyKpi[];
  /** Problems of the supply re-plan (its inputs, a firm order it cannot keep, an infeasible plan), each at its place: exceptions of the buyer's own. */
  replanErrors: InputProblem[];
  /** Infos: each demand the re-plan serves late because a partner's period commitment is used up (why late, MODEL.md §11). */
  lateByCommitment: CollaborationException[];
  /** The supply plan with the merged Period Commitments (null without HiGHS, answers or a plan). */
  replanned: Extract<SupplyRun, { ok: true }> | null;
}

export interface PeriodAnswer {
  response: ReadResponse;
  share: ShareRecord;
}

/** The stages a response's package issued (its Requests table's Stage column). */
function packageStages(response: ReadResponse): string[] {
  const table = response.tables.find((t) => t.name === "Requests");
  const c = table?.columns.findIndex((col) => col.header === "Stage") ?? -1;
  return table && c >= 0 ? table.rows.map((r) => String(r[c] ?? "")).filter((s) => s !== "") : [];
}

function horizonOf(context: BookContext, fallback: number): number {
  if (!context.supply?.raw) return fallback;
  const read = supplyProblemOf(context.supply.raw, { naming: "workbook", where: context.supply.where });
  return read.ok ? read.problem.horizon : fallback;
}

function objectiveKpis(before: SupplyObjective | null, after: SupplyObjective | null): SupplyKpi[] {
  const tiers = [...new Set([...(before?.lateness ?? []), ...(after?.lateness ?? [])].map((l) => l.tier))].sort((a, b) => a - b);
  const tier = (o: SupplyObjective | null, k: number) => o?.lateness.find((l) => l.tier === k)?.value ?? (o ? 0 : null);
  return [
    ...tiers.map((k) => ({ figure: `Supply lateness, tier ${k} (unit-periods)`, before: tier(before, k), after: tier(after, k) })),
    { figure: "Supply safety-stock shortfall (unit-periods)", before: before?.safetyStockShortfall ?? null, after: after?.safetyStockShortfall ?? null },
    { figure: "Supply cost", before: before?.cost ?? null, after: after?.cost ?? null },
  ];
}

/** The supply plan's sheets after the re-plan (as `aps supply` writes them, Planned Orders editable with its firm rows), but its Exceptions: a merge writes the plan's. */
export function supplyReplanSheets(run: SupplySheetInput & { firm?: ReadonlySet<string> }): ResultSheet[] {
  return [supplyPlanSheet(run), resourceLoadSheet(run), editablePlannedOrders(plannedOrdersSheet(run), run), demandFulfilmentSheet(run)];
}

/** The buyer's Period Commitments as a sheet: Stage, Period, Quantity (what the supply plan reads). */
export function periodCommitmentsSheet(rows: readonly PeriodCommitmentRow[]): ResultSheet {
  return {
    name: PERIOD_COMMITMENTS, tableName: "PeriodCommitments",
    columns: [{ header: PERIOD_COMMITMENTS_HEADERS[0], numberFormat: TEXT_FORMAT, width: 28 }, { header: PERIOD_COMMITMENTS_HEADERS[1], numberFormat: "0" }, { header: PERIOD_COMMITMENTS_HEADERS[2], numberFormat: "0.00" }],
    rows: rows.map((r) => [r.stage, r.period, r.quantity]),
  };
}

/** The late demands of a supply plan held back by a partner's commitment, as infos naming the partner, its stage and the periods. */
function lateByCommitment(context: BookContext, result: SupplyResult): CollaborationException[] {
  const owner = new Map(context.shareStages.map((s) => [s.id, s.owner?.trim() || context.buyer]));
  const out: CollaborationException[] = [];
  for (const d of result.demands) {
    for (const r of d.reasons.filter((x) => x.kind === "commitment")) {
      const partner = owner.get(r.id) ?? "";
      if (partner === context.buyer) continue;
      const late = d.late.reduce((n, l) => n + l.quantity, 0) + d.undelivered;
      out.push({
        severity: "info", partner, stage: r.id, figure: "Late Demand", planned: d.quantity, committed: d.onTime, difference: -late, differencePercent: d.quantity > 0 ? (-100 * late) / d.quantity : null,
        where: null, period: r.periods[0] ?? null,
        message: `${d.stage}${d.customer ? ` for ${d.customer}` : ""}, due in period ${d.period}: ${Number(late.toPrecision(6))} of ${Number(d.quantity.toPrecision(6))} late after the re-plan: ${r.message}.`,
      });
    }
  }
  return out;
}

/** The buyer's current Period Commitments rows (as its table holds them). */
function currentRows(context: BookContext): PeriodCommitmentRow[] {
  const list = context.supply?.raw?.periodCommitments;
  if (!Array.isArray(list)) return [];
  return list.flatMap((r: Record<string, unknown>) => (r && typeof r.stage === "string" && (typeof r.period === "number" || typeof r.period === "string") && typeof r.quantity === "number"
    ? [{ stage: r.stage, period: r.period, quantity: r.quantity }] : []));
}

/**
 * Reconciles and takes in the Period Commitments of the responses that hold one: per partner, the
 * shortfalls against its requests; the buyer's table with the partner's stages' rows replaced by its
 * answer; with HiGHS, the supply plan before and after.
 */
export async function mergePeriodCommitments(
  context: BookContext, answers: readonly PeriodAnswer[], tolerance: (partner: string) => Tolerance,
  base: { time: string; user: string }, lpSolver: LpSolverModule | null | undefined, current: SupplyRun | null,
): Promise<PeriodMergeResult> {
  const exceptions = new Map<string, CollaborationException[]>();
  const entries: Omit<AuditEntry, "sequence">[] = [];
  const withPeriods = answers.filter((a) => a.response.periodCommitments !== null);
  if (withPeriods.length === 0) return { exceptions, entries, sheet: null, kpis: [], replanErrors: [], replanned: null, lateByCommitment: [] };
  const replaced = new Set<string>();
  const taken: PeriodCommitment[] = [];
  for (const { response, share } of withPeriods) {
    const requests = periodRequestsFromTable(response.tables.find((t) => t.name === PERIOD_REQUESTS));
    const stages = packageStages(response);
    const horizon = current?.ok ? current.labels.horizon : horizonOf(context, Math.max(1, ...requests.map((r) => r.period)));
    const commitments = response.periodCommitments ?? [];
    exceptions.set(share.partner, reconcilePeriodCommitments({
      partner: share.partner, stages, requests, commitments, horizon, tolerance: tolerance(share.partner), tableWhere: response.periodCommitmentsWhere,
    }));
    stages.forEach((s) => replaced.add(s));
    for (const c of usablePeriodCommitments({ stages, commitments, horizon })) {
      taken.push(c);
      const requested = requests.find((r) => r.stage === c.stage && r.period === c.period)?.quantity ?? null;
      entries.push({ ...base, action: "accept", packageId: share.packageId, version: share.version, partner: share.partner, stage: c.stage, figure: `Period Commitment ${c.period}`, before: requested, after: c.quantity, reason: `${response.name}: ${c.where.slice(response.name.length + 1)}` });
    }
  }
  const before = currentRows(context);
  const after: PeriodCommitmentRow[] = [...before.filter((r) => !replaced.has(r.stage)), ...taken.map((c) => ({ stage: c.stage, period: c.period, quantity: c.quantity }))];
  const kpis: SupplyKpi[] = [];
  const replanErrors: InputProblem[] = [];
  let replanned: Extract<SupplyRun, { ok: true }> | null = null;
  if (context.supply && lpSolver) {
    const was = current ?? await runSupplyPlan(context.supply, lpSolver);
    const now = await runSupplyPlan(context.supply, lpSolver, after);
    if (!now.ok) replanErrors.push(...now.problems);
    else replanned = now;
    kpis.push(...objectiveKpis(was.ok ? was.result.objective : null, now.ok ? now.result.objective : null));
    const version = withPeriods[0].share.version;
    for (const k of kpis) {
      if (k.before === k.after) continue;
      entries.push({ ...base, action: "re-plan", packageId: "", version, partner: "", stage: "", figure: k.figure, before: k.before === null ? null : Number(k.before.toPrecision(12)), after: k.after === null ? null : Number(k.after.toPrecision(12)), reason: `${after.length} period commitment(s) in the supply plan` });
    }
  }
  return { exceptions, entries, sheet: periodCommitmentsSheet(after), kpis, replanErrors, replanned, lateByCommitment: replanned ? lateByCommitment(context, replanned.result) : [] };
}
