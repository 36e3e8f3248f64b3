// The buyer's supply plan over time for a share or a merge (MODEL.md §11): the supply inputs, with the
// Period Commitments a merge has just taken in where given, solved by the engine with the caller's
// HiGHS module; the result and the calendar its periods are labelled with.

import type { PeriodLabels } from "../../engine/collaborate";
import { solveSupply, supplyProblemOf } from "../../engine/supply";
import type { LpSolverModule, SupplyResult } from "../../engine/supply";
import type { SupplyInputs } from "./supplyInputs";

/** A Period Commitments row as the buyer's table holds it (period a number or a date). */
export interface PeriodCommitmentRow {
  stage: string;
  period: number | string;
  quantity: number;
}

export type SupplyRun = { ok: true; result: SupplyResult; labels: PeriodLabels } | { ok: false; errors: string[] };

/**
 * Plans the supply over time; `periodCommitments` replaces the workbook's Period Commitments rows.
 * Input errors come back with their cells, and so does an infeasible plan; a plan stopped by its time
 * limit is returned as it is (its status says so).
 */
export function runSupplyPlan(inputs: SupplyInputs, highs: LpSolverModule, periodCommitments?: readonly PeriodCommitmentRow[]): SupplyRun {
  const raw = periodCommitments ? { ...inputs.raw, periodCommitments: periodCommitments.map((c) => ({ ...c })) } : inputs.raw;
  const read = supplyProblemOf(raw, { naming: "workbook", where: inputs.where });
  if (!read.ok) return { ok: false, errors: read.errors };
  const settings = read.network.settings;
  const result = solveSupply(read.problem, highs, {
    lotSizing: settings.lotSizing ?? "none", timeLimit: settings.supplyTimeLimit ?? 60,
  }, inputs.where);
  if (result.status === "infeasible" || result.status === "cancelled") {
    const why = result.exceptions.filter((e) => e.severity === "error").map((e) => `${e.where}: ${e.message}`);
    return { ok: false, errors: why.length > 0 ? why : [`the supply plan is ${result.status}.`] };
  }
  return { ok: true, result, labels: { horizon: read.problem.horizon, periodLength: read.problem.periodLength, planStart: read.problem.planStart } };
}

/** HiGHS as given to a share or a merge: the module, or a loader called only when a supply plan is needed. */
export type LpSolverSource = LpSolverModule | (() => Promise<LpSolverModule>) | null | undefined;

/** The module of a source (loaded now when it is a loader). */
export async function resolveLpSolver(source: LpSolverSource): Promise<LpSolverModule | null> {
  if (!source) return null;
  return typeof source === "function" ? source() : source;
}
