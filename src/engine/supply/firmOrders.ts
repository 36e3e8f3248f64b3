// Firm planned orders (MODEL.md §11 with releases fixed; docs/editing.md "Firm planned orders"): the
// planner's releases x_j,t kept as given, the rest re-planned around them, or the conflicts they cause.

import type { LpSolverModule } from "./lpSolver";
import { supplyJsonPath } from "./locate";
import { describePeriods } from "./reasons";
import { diagnoseFirmInfeasibility } from "./firmDiagnosis";
import { assembleResult, solveHeldLevels, supplyLevels } from "./solveSupply";
import { buildSupplyModel, releasable, SupplyModel } from "./supplyModel";
import type { SupplyIssue, SupplyLocation, SupplyOptions, SupplyProblem, SupplyResult } from "./types";

/** One firm release: `quantity` units of stage `stage` (index) released in `period`. */
export interface FirmOrder {
  stage: number;
  period: number;
  quantity: number;
  /** Where a conflict of this order is reported: the edited cell ("'Planned Orders'!G7") or a label. */
  where: string;
  /** Where a conflict of its period is reported (the period's cell); `where` when absent. */
  periodWhere?: string;
}

export type FirmConflictKind = "frozen" | "horizon" | "releaseCap" | "commitment" | "resource" | "material" | "lot" | "infeasible";

/** A firm order that cannot be kept, at its cell, with why (by the user's ids and periods). */
export interface FirmConflict {
  severity: "error";
  kind: FirmConflictKind;
  where: string;
  message: string;
}

export type FirmSupplyOutcome = { ok: true; result: SupplyResult } | { ok: false; conflicts: FirmConflict[] };

/** A figure within this (relative) of a limit keeps to it. */
const TOL = 1e-7;
const over = (value: number, limit: number) => value > limit + TOL * Math.max(1, Math.abs(limit));
const fmt = (v: number) => String(Number(v.toPrecision(8)));

/** Firm quantities added up per (stage, period), with the orders behind each: x_j,t fixed to the sum. */
export function firmReleases(problem: SupplyProblem, firm: readonly FirmOrder[]): Map<number, { stage: number; period: number; quantity: number; orders: FirmOrder[] }> {
  const T = problem.horizon;
  const byKey = new Map<number, { stage: number; period: number; quantity: number; orders: FirmOrder[] }>();
  for (const order of firm) {
    const key = order.stage * (T + 1) + order.period;
    const entry = byKey.get(key) ?? { stage: order.stage, period: order.period, quantity: 0, orders: [] };
    entry.quantity += order.quantity;
    entry.orders.push(order);
    byKey.set(key, entry);
  }
  return byKey;
}

/**
 * The conflicts a firm order causes by itself or with the other firm orders of its period, checked
 * per constraint family before any solve: the release window (t > F, t + L_j ≤ T), the release cap,
 * the supplier commitment, each resource's capacity plus overtime, and (lotSizing = mip) the lot rules.
 */
export function checkFirmOrders(problem: SupplyProblem, firm: readonly FirmOrder[], lots = false): FirmConflict[] {
  const conflicts: FirmConflict[] = [];
  const T = problem.horizon;
  const push = (kind: FirmConflictKind, where: string, message: string) => conflicts.push({ severity: "error", kind, where, message });
  const inWindow: FirmOrder[] = [];
  for (const o of firm) {
    const stage = problem.stages[o.stage];
    const at = o.periodWhere ?? o.where;
    if (o.quantity <= 0) continue;
    if (!Number.isInteger(o.period) || o.period < 1 || o.period > T) push("horizon", at, `firm order of ${stage.id}: release period ${o.period} is not a period 1..${T} of the plan`);
    else if (o.period <= problem.frozenPeriods) push("frozen", at, `firm order of ${stage.id} in period ${o.period}: releases in the ${problem.frozenPeriods} frozen period(s) cannot change (frozenPeriods)`);
    else if (!releasable(problem, o.stage, o.period)) push("horizon", at, `firm order of ${stage.id} in period ${o.period}: with its lead time of ${stage.leadTimePeriods} period(s) it would arrive after the horizon (period ${T}); release by period ${T - stage.leadTimePeriods}`);
    else inWindow.push(o);
  }
  const groups = [...firmReleases(problem, inWindow).values()].filter((g) => g.quantity > 0);
  const load = new Map<number, { value: number; orders: FirmOrder[] }>();
  for (const g of groups) {
    const stage = problem.stages[g.stage];
    const cap = stage.releaseCap[g.period - 1];
    const commitment = stage.commitments[g.period + stage.leadTimePeriods - 1];
    const together = g.orders.length > 1 ? ` (${g.orders.length} firm orders together)` : "";
    for (const o of g.orders) {
      if (cap !== null && over(g.quantity, cap)) push("releaseCap", o.where, `firm order of ${stage.id} in period ${g.period}: ${fmt(g.quantity)} units${together} exceed its release cap of ${fmt(cap)} units in period ${g.period}`);
      if (commitment !== null && over(g.quantity, commitment)) push("commitment", o.where, `firm order of ${stage.id} in period ${g.period}: ${fmt(g.quantity)} units${together}, received in period ${g.period + stage.leadTimePeriods}, exceed the supplier commitment of ${fmt(commitment)} units there`);
      if (lots && stage.minLot > 0 && g.quantity < stage.minLot - TOL) push("lot", o.where, `firm order of ${stage.id} in period ${g.period}: ${fmt(g.quantity)} units are below its minimum lot of ${fmt(stage.minLot)}`);
      if (lots && stage.lotMultiple !== null && Math.abs(g.quantity / stage.lotMultiple - Math.round(g.quantity / stage.lotMultiple)) > 1e-6) push("lot", o.where, `firm order of ${stage.id} in period ${g.period}: ${fmt(g.quantity)} units are not a multiple of its lot multiple ${fmt(stage.lotMultiple)}`);
    }
    for (const l of problem.loads) {
      if (l.stage !== g.stage || l.usage <= 0) continue;
      const key = l.resource * (T + 1) + g.period;
      const entry = load.get(key) ?? { value: 0, orders: [] };
      entry.value += l.usage * g.quantity;
      entry.orders.push(...g.orders);
      load.set(key, entry);
    }
  }
  for (const [key, entry] of load) {
    const r = Math.floor(key / (T + 1));
    const t = key % (T + 1);
    const resource = problem.resources[r];
    const limit = resource.capacity[t - 1] + resource.overtimeCapacity[t - 1];
    if (!over(entry.value, limit)) continue;
    for (const o of entry.orders) {
      push("resource", o.where, `firm order of ${problem.stages[o.stage].id} in period ${t}: the firm orders load ${resource.id} with ${fmt(entry.value)} in period ${t}, beyond its capacity ${fmt(resource.capacity[t - 1])} plus overtime ${fmt(resource.overtimeCapacity[t - 1])}`);
    }
  }
  return conflicts;
}

/**
 * Fixes x_j,t to the firm sums (and, with `fixOthers`, every other release to 0): fixed bounds on those
 * columns. With lot sizing the big M of x ≤ M z (the setup column's first entry) grows to the firm quantity.
 */
export function fixFirmColumns(problem: SupplyProblem, model: SupplyModel, firm: readonly FirmOrder[], fixOthers = false): void {
  const T = problem.horizon;
  if (fixOthers) for (const col of model.index.release) if (col >= 0) { model.colLower[col] = 0; model.colUpper[col] = 0; }
  for (const g of firmReleases(problem, firm).values()) {
    const col = g.period >= 1 && g.period <= T ? model.index.release[g.stage * T + g.period - 1] : -1;
    if (col < 0) continue;
    model.colLower[col] = g.quantity;
    model.colUpper[col] = g.quantity;
    // With lot sizing, x ≤ M z and the lot count's bound must leave room for a firm quantity above M.
    const k = g.stage * T + g.period - 1;
    const setup = model.index.setup[k];
    if (setup >= 0 && model.values[model.starts[setup]] < 0 && -model.values[model.starts[setup]] < g.quantity) model.values[model.starts[setup]] = -g.quantity;
    const lots = model.index.lots[k];
    const multiple = problem.stages[g.stage].lotMultiple;
    if (lots >= 0 && multiple) model.colUpper[lots] = Math.max(model.colUpper[lots], Math.ceil(g.quantity / multiple - 1e-9));
  }
}

/**
 * The supply plan with the firm orders kept as given (x_j,t fixed) and the rest re-planned by the same
 * levels (MODEL.md §11); or every conflict the firm orders cause, each at its order's cell. With
 * `fixOthers`, every release not firm is 0: the plan the firm orders alone make (the last run's, say).
 * @example solveFirmSupply(problem, highs, [{ stage: 0, period: 3, quantity: 40, where: "'Planned Orders'!G5" }]).ok // true
 */
export function solveFirmSupply(
  problem: SupplyProblem, highs: LpSolverModule, firm: readonly FirmOrder[], options: SupplyOptions & { fixOthers?: boolean } = {},
  where: (location: SupplyLocation | null) => string = supplyJsonPath,
): FirmSupplyOutcome {
  const lots = options.lotSizing === "mip";
  const early = checkFirmOrders(problem, firm, lots);
  if (early.length > 0) return { ok: false, conflicts: early };
  const model = buildSupplyModel(problem, highs.infinity, { lots });
  fixFirmColumns(problem, model, firm, options.fixOthers);
  const levels = supplyLevels(model, problem.horizon);
  const notes: SupplyIssue[] = [...problem.issues];
  const outcome = solveHeldLevels(highs, model, levels, {
    timeLimit: options.timeLimit ?? 60, integrality: model.integrality, isCancelled: options.isCancelled, onProgress: options.onProgress,
  }, notes);
  if (outcome.status === "infeasible") return { ok: false, conflicts: diagnoseFirmInfeasibility(problem, model, highs, firm) };
  const kept = firm.length;
  if (kept > 0 && !options.fixOthers) {
    const periods = describePeriods(firm.map((o) => o.period));
    notes.push({ severity: "info", message: `${kept} firm planned order(s) kept as given (periods ${periods}); the other releases were re-planned around them.`, location: null });
  }
  return { ok: true, result: assembleResult(problem, model, outcome, notes, where, lots) };
}
