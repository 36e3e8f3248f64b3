// The supply run of a workbook with the planner's edits of Planned Orders (docs/editing.md "Firm
// planned orders"): firm and hand-changed orders kept, the rest re-planned, the conflicts at the
// edited cells before anything is written, the compare against the last run; or Undo edits.

import { refusedProblems, solveFirmSupply, supplyJsonPath, supplyProblemOf } from "../../engine/supply";
import type { FirmConflict, FirmOrder, LpSolverModule, SupplyLocation, SupplyObjective, SupplyProblem } from "../../engine/supply";
import type { WorkbookPort } from "../port";
import { firmKeys, firmOrdersOf, PLANNED_ORDERS_TABLE, readPlannedOrders, type PlannedOrderRow } from "./plannedOrderEdits";
import { prepareWorkbook, type SupplyRefusal, type SupplyRun, type SupplyRunOptions } from "./supplyWorkbook";

/** A run that kept the edits: the plan (sheets as usual), the edits and the last run's objective. */
export interface EditedSupplyRun extends SupplyRun {
  /** "stage id" (lower case), NUL, period of the orders marked Firm: flagged on the next sheet. */
  firm: Set<string>;
  edits: EditCounts;
  /** The last run's objective, recomputed from the Run columns (every release fixed at its Run value); null when there is none or it no longer fits the inputs. */
  lastRun: SupplyObjective | null;
  /** True for Undo edits: the plan is the last run's. */
  undone: boolean;
}

export interface EditCounts {
  /** Rows marked Firm. */
  firm: number;
  /** Rows changed by hand without Firm (kept this run only). */
  changed: number;
  /** Rows restored by Undo edits. */
  restored: number;
}

/** Firm orders that cannot be kept: nothing is to be written; each conflict names the edited cell. */
export interface SupplyConflicts {
  ok: false;
  errors: string[];
  conflicts: FirmConflict[];
}

export type EditedSupplyOutcome = EditedSupplyRun | SupplyRefusal | SupplyConflicts;

export interface EditedSupplyOptions extends SupplyRunOptions {
  /** Undo edits: every release at the last run's Run Quantity and Run Period, Firm as Run Firm. */
  undoEdits?: boolean;
}

/** The last run's releases (Run columns), as firm orders; rows the planner added have none. */
function runOrders(rows: readonly PlannedOrderRow[], problem: SupplyProblem): FirmOrder[] {
  const stageOf = new Map(problem.stages.map((s, j) => [s.id.toLowerCase(), j]));
  const orders: FirmOrder[] = [];
  for (const row of rows) {
    const stage = stageOf.get(row.stage.toLowerCase());
    if (stage === undefined || row.runPeriod === null || row.runQuantity === null) continue;
    orders.push({ stage, period: row.runPeriod, quantity: row.runQuantity, where: row.where.quantity, periodWhere: row.where.period });
  }
  return orders;
}

/**
 * The supply run of a workbook that reads the Planned Orders the last run wrote: Firm rows and rows
 * changed by hand are kept as given (x_j,t fixed) and the rest re-planned; a conflict of any of them
 * refuses the run, each at its edited cell. Without a PlannedOrders table: the plain run.
 * @example await supplyWorkbookWithEdits(port, highs) // { ok: true, edits: { firm: 1, changed: 1, restored: 0 }, lastRun: { … }, … }
 */
export async function supplyWorkbookWithEdits(port: WorkbookPort, highs: LpSolverModule, options: EditedSupplyOptions = {}): Promise<EditedSupplyOutcome> {
  const progress = options.onProgress ?? (() => undefined);
  progress("Reading the tables", 0);
  const input = await prepareWorkbook(port, options);
  if ("ok" in input) return input;
  progress("Checking the inputs and planning the network in steady state", 0);
  const read = supplyProblemOf(input.raw, input.record);
  if (!read.ok) return read;
  const { problem, network } = read;
  const table = await port.readTable(PLANNED_ORDERS_TABLE);
  const planned = table ? readPlannedOrders(table) : { rows: [], problems: [] };
  const edits = table ? firmOrdersOf(planned.rows, problem) : { firm: [], kept: [], problems: [] };
  const problems = [...planned.problems, ...edits.problems];
  if (options.undoEdits && !table) problems.push({ where: null, table: PLANNED_ORDERS_TABLE, row: null, field: null, message: "There is no Planned Orders sheet to undo: run the supply plan first (it writes the sheet)." });
  if (problems.length > 0) return refusedProblems(problems);

  const settings = network.settings;
  const where = (input.record.where ?? supplyJsonPath) as (location: SupplyLocation | null) => string;
  const solveOptions = {
    lotSizing: options.lotSizing ?? settings.lotSizing ?? "none",
    timeLimit: options.timeLimit ?? settings.supplyTimeLimit ?? 60,
    isCancelled: options.isCancelled,
    onProgress: (p: { name: string; status: string; seconds: number; level: number; levels: number }) => progress(`Solved the ${p.name} level (${p.status}, ${p.seconds.toFixed(2)} s)`, (p.level + 1) / p.levels),
  };
  const last = runOrders(planned.rows, problem);
  const lastRun = () => {
    if (!table) return null;
    const outcome = solveFirmSupply(problem, highs, last, { ...solveOptions, onProgress: undefined, fixOthers: true }, where);
    return outcome.ok && outcome.result.status === "optimal" ? outcome.result.objective : null;
  };
  if (options.undoEdits) {
    const outcome = solveFirmSupply(problem, highs, last, { ...solveOptions, fixOthers: true }, where);
    if (!outcome.ok) return { ok: false, conflicts: outcome.conflicts, errors: outcome.conflicts.map((c) => `${c.where}: the last run's order no longer fits the inputs: ${c.message}`) };
    const restored = planned.rows.filter((r) => r.runPeriod === null || r.runQuantity === null || r.firm !== r.runFirm || r.period !== r.runPeriod || r.quantity !== r.runQuantity).length;
    const firm = new Set(planned.rows.filter((r) => r.runFirm && r.runPeriod !== null).map((r) => `${r.stage.toLowerCase()}\u0000${r.runPeriod}`));
    outcome.result.exceptions.push(...input.exceptions);
    return { ok: true, result: outcome.result, problem, network, where, firm, edits: { firm: 0, changed: 0, restored }, lastRun: outcome.result.objective, undone: true };
  }
  const outcome = solveFirmSupply(problem, highs, edits.firm, solveOptions, where);
  if (!outcome.ok) return { ok: false, conflicts: outcome.conflicts, errors: outcome.conflicts.map((c) => `${c.where}: ${c.message}`) };
  outcome.result.exceptions.push(...input.exceptions);
  const firmCount = edits.kept.filter((r) => r.firm).length;
  return {
    ok: true, result: outcome.result, problem, network, where, firm: firmKeys(edits.kept), undone: false,
    edits: { firm: firmCount, changed: edits.kept.length - firmCount, restored: 0 }, lastRun: lastRun(),
  };
}
