// From an aps-network/1 record (JSON, or workbook tables mapped to the same shape) to the aps-supply/1
// result: validate the network and its supply tables, fill blanks from the steady-state plan, solve.

import { isPlanningInputError } from "../errors";
import { type InputProblem, type InputRefusal, inputRefusal } from "../inputErrors";
import { isRecord } from "../network/readField";
import { readNetwork, FieldNaming } from "../network/readNetwork";
import { userWords } from "../network/userWords";
import type { NetworkInput } from "../network/types";
import { fieldHeader } from "../plan";
import { planNetwork } from "../plan/planNetwork";
import type { LpSolverModule } from "./lpSolver";
import { supplyJsonPath } from "./locate";
import { promiseSupply } from "./promise";
import { readSupply } from "./readSupply";
import { readPeriod, SUPPLY_TABLE_FIELDS } from "./supplyFields";
import { solveSupply } from "./solveSupply";
import type { PlannedStage, SupplyFigures } from "./supplyDefaults";
import type { SupplyIssue, SupplyLocation, SupplyOptions, SupplyProblem, SupplyPromise, SupplyResult } from "./types";

/** A refusal: the command's lines (capped), how many there are, and every problem as a record. */
export type SupplyRefused = InputRefusal;

export type SupplyOutcome =
  | { ok: true; result: SupplyResult }
  | SupplyRefused;

/** A refusal of these problems: their lines capped (INPUT_LIMITS.errorsShown), every record kept. */
export const refusedProblems = inputRefusal;

/** The user's header of a supply location's field ("Quantity" in a workbook, "quantity" in JSON), or null. */
function supplyFieldHeader(location: SupplyLocation | null, naming: FieldNaming): string | null {
  if (!location?.field) return null;
  if (location.table === "Stages" || location.table === "Arcs" || location.table === "Settings") return fieldHeader({ ...location, table: location.table }, naming);
  if (naming !== "workbook") return location.field;
  return SUPPLY_TABLE_FIELDS[location.table].fields.find((f) => f.name === location.field)?.header ?? location.field;
}

/** An input issue as a record: its place named, the user's table, row, field and words. */
function issueProblem(issue: SupplyIssue, options: SupplyRecordOptions, naming: FieldNaming): InputProblem {
  const location = issue.location;
  const where = options.where ?? supplyJsonPath;
  const problem: InputProblem = { where: where(location), table: location?.table ?? null, row: location?.row ?? null, field: supplyFieldHeader(location, naming), message: userWords(issue.message, naming) };
  if (options.cell) problem.cell = options.cell(location);
  return problem;
}

export interface SupplyRecordOptions extends SupplyOptions {
  naming?: FieldNaming;
  where?: (location: SupplyLocation | null) => string;
  /** The cell to select for a place, when `where` names more than a cell (a scenario's variant). */
  cell?: (location: SupplyLocation | null) => string;
  /** Problems found before (a workbook's headers, say): they refuse the plan with the rest. */
  earlier?: readonly InputProblem[];
  /** What the plan computed and the forecasts; computed here (the plan) where absent and needed. */
  figures?: SupplyFigures;
}

/** The steady-state plan's lead times and safety stocks, when some stage needs them as defaults. */
export function plannedFigures(network: NetworkInput): PlannedStage[] | null {
  const needed = network.stages.some((s) => s.leadTimePeriods == null || s.safetyStockTarget == null);
  if (!needed) return null;
  try {
    return planNetwork(network).stages.map((s) => ({ id: s.id, leadTime: s.leadTime, safetyStock: s.safetyStock }));
  } catch (error) {
    if (isPlanningInputError(error)) return null;
    throw error;
  }
}

/**
 * Validates a network record's network and supply tables; the problem, or every error with its place.
 */
export function supplyProblemOf(raw: unknown, options: SupplyRecordOptions = {}): { ok: true; problem: SupplyProblem; network: NetworkInput } | SupplyRefused {
  const naming = options.naming ?? "json";
  const errorsOf = (issues: readonly SupplyIssue[]) => issues.filter((i) => i.severity === "error").map((i) => issueProblem(i, options, naming));
  const earlier = options.earlier ?? [];
  const hasDemands = isRecord(raw) && Array.isArray(raw.demands);
  const { network, issues } = readNetwork(raw, naming, { externalDemandRequired: !hasDemands && !options.figures?.forecasts });
  if (!network || earlier.length > 0) return refusedProblems([...earlier, ...errorsOf(issues)]);
  const figures: SupplyFigures = { ...options.figures, planned: options.figures?.planned ?? plannedFigures(network) };
  const supply = readSupply(raw, network, naming, figures);
  if (!supply.problem) return refusedProblems(errorsOf(supply.issues));
  const problem = supply.problem;
  problem.issues = problem.issues.map((i) => ({ ...i, message: userWords(i.message, naming) }));
  return { ok: true, problem, network };
}

/**
 * The supply plan over time of a network record (FORMATS.md §10). Input errors refuse the plan, all
 * of them named with their place; options override the record's lotSizing and supplyTimeLimit.
 * @example supplyRecord(JSON.parse(text), await require("highs")()) // { ok: true, result: { format: "aps-supply/1", … } }
 */
export function supplyRecord(raw: unknown, highs: LpSolverModule, options: SupplyRecordOptions = {}): SupplyOutcome {
  const read = supplyProblemOf(raw, options);
  if (!read.ok) return read;
  const settings = read.network.settings;
  return {
    ok: true,
    result: solveSupply(read.problem, highs, {
      ...options,
      lotSizing: options.lotSizing ?? settings.lotSizing ?? "none",
      timeLimit: options.timeLimit ?? settings.supplyTimeLimit ?? 60,
    }, options.where ?? supplyJsonPath),
  };
}

export type PromiseOutcome = { ok: true; promise: SupplyPromise } | SupplyRefused;

/**
 * Capable to promise on a network record (FORMATS.md §10, `aps supply FILE --promise STAGE --period T
 * [--quantity Q]`): the stage by id, the period as a whole period or a date (from planStart).
 */
export function promiseRecord(
  raw: unknown, highs: LpSolverModule, request: { stage: string; period: unknown; quantity?: number | null },
  options: SupplyRecordOptions = {},
): PromiseOutcome {
  const read = supplyProblemOf(raw, options);
  if (!read.ok) return read;
  const { problem } = read;
  // The request's problems are the command's arguments', tied to no cell.
  const errors: InputProblem[] = [];
  const argument = (where: string | null, field: string, message: string) => errors.push({ where, table: null, row: null, field, message });
  const stage = problem.stages.findIndex((s) => s.id === request.stage);
  if (stage < 0) argument("--promise", "stage", `"${request.stage}" is not a stage of the network.`);
  const period = readPeriod(request.period, { horizon: problem.horizon, periodLength: problem.periodLength, planStart: problem.planStart }, "json");
  if ("problem" in period) argument("--period", "period", `${period.problem.replace(/^period /, "")}.`);
  const quantity = request.quantity ?? null;
  if (quantity !== null && !(Number.isFinite(quantity) && quantity > 0)) argument(null, "quantity", `--quantity must be a number greater than 0 (got ${quantity}).`);
  if (errors.length > 0 || "problem" in period) return refusedProblems(errors);
  return {
    ok: true,
    promise: promiseSupply(problem, highs, { stage, period: period.period, quantity }, {
      ...options, timeLimit: options.timeLimit ?? read.network.settings.supplyTimeLimit ?? 60,
    }),
  };
}
