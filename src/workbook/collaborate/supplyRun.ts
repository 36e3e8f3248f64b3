// The buyer's supply plan over time for a share or a merge (MODEL.md §11): the supply run of
// `aps supply` (workbook/supply/firmSupplyRun.ts, firm orders kept) on the buyer's tables, with the Period Commitments a
// merge has just taken in where given; the result and the calendar its periods are labelled with.

import type { PeriodLabels } from "../../engine/collaborate";
import { inputRefusal, type InputProblem, type InputRefusal } from "../../engine/inputErrors";
import type { LpSolverModule, SupplyResult } from "../../engine/supply";
import type { CellValue, TableData, WorkbookPort } from "../port";
import { supplyWorkbookWithEdits, type EditedSupplyRun } from "../supply/firmSupplyRun";
import { PERIOD_COMMITMENTS, PERIOD_COMMITMENTS_HEADERS } from "./packageFormat";
import type { SupplyInputs } from "./supplyInputs";

/** A Period Commitments row as the buyer's table holds it (period a number or a date). */
export interface PeriodCommitmentRow {
  stage: string;
  period: CellValue;
  quantity: number;
}

export type SupplyRun =
  | { ok: true; result: SupplyResult; labels: PeriodLabels; run: EditedSupplyRun }
  | InputRefusal;

/** The buyer's tables with its Period Commitments replaced by `rows`. */
function withPeriodCommitments(port: WorkbookPort, rows: readonly PeriodCommitmentRow[]): WorkbookPort {
  const table: TableData = {
    name: PERIOD_COMMITMENTS, sheet: PERIOD_COMMITMENTS, headers: [...PERIOD_COMMITMENTS_HEADERS],
    rows: rows.map((r) => [r.stage, r.period, r.quantity]), headerRow: 1, firstColumn: 1,
  };
  const key = (name: string) => name.toLowerCase().replace(/\s+/g, "");
  return {
    readTable: async (name) => (key(name) === key(PERIOD_COMMITMENTS) ? table : port.readTable(name)),
    writeResultSheets: (sheets) => port.writeResultSheets(sheets),
  };
}

/**
 * Plans the supply over time as `aps supply` does (firm orders of the Planned Orders sheet kept);
 * `periodCommitments` replaces the workbook's Period Commitments rows. Input errors come back with their cells, and so does an infeasible plan; a plan
 * stopped by its time limit is returned as it is (its status says so).
 */
export async function runSupplyPlan(inputs: SupplyInputs, highs: LpSolverModule, periodCommitments?: readonly PeriodCommitmentRow[]): Promise<SupplyRun> {
  const port = periodCommitments ? withPeriodCommitments(inputs.port, periodCommitments) : inputs.port;
  // The same run as `aps supply`: the buyer's firm (and hand-changed) Planned Orders are kept.
  const outcome = await supplyWorkbookWithEdits(port, highs);
  if (!outcome.ok) {
    if (!("conflicts" in outcome)) return outcome;
    // A conflict sits at the buyer's Planned Orders cell the planner edited: the cell to select.
    return inputRefusal(outcome.conflicts.map((c) => ({ where: c.where, table: null, row: null, field: null, message: c.message, cell: c.where })));
  }
  const { result, problem } = outcome;
  if (result.status === "infeasible" || result.status === "cancelled") {
    const why: InputProblem[] = result.exceptions.filter((e) => e.severity === "error").map((e) => ({ where: e.where, table: null, row: null, field: null, message: e.message }));
    return inputRefusal(why.length > 0 ? why : [{ where: null, table: null, row: null, field: null, message: `the supply plan is ${result.status}.` }]);
  }
  return { ok: true, result, labels: { horizon: problem.horizon, periodLength: problem.periodLength, planStart: problem.planStart }, run: outcome };
}

/** HiGHS as given to a share or a merge: the module, or a loader called only when a supply plan is needed. */
export type LpSolverSource = LpSolverModule | (() => Promise<LpSolverModule>) | null | undefined;

/** The module of a source (loaded now when it is a loader). */
export async function resolveLpSolver(source: LpSolverSource): Promise<LpSolverModule | null> {
  if (!source) return null;
  return typeof source === "function" ? source() : source;
}
