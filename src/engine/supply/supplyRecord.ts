// From an aps-network/1 record (JSON, or workbook tables mapped to the same shape) to the aps-supply/1
// result: validate the network and its supply tables, fill blanks from the steady-state plan, solve.

import { isPlanningInputError } from "../errors";
import { capMessages } from "../limits";
import { isRecord } from "../network/readField";
import { readNetwork, FieldNaming } from "../network/readNetwork";
import { userWords } from "../network/userWords";
import type { NetworkInput } from "../network/types";
import { planNetwork } from "../plan/planNetwork";
import type { LpSolverModule } from "./lpSolver";
import { supplyJsonPath } from "./locate";
import { promiseSupply } from "./promise";
import { readSupply } from "./readSupply";
import { readPeriod } from "./supplyFields";
import { solveSupply } from "./solveSupply";
import type { PlannedStage, SupplyFigures } from "./supplyDefaults";
import type { SupplyLocation, SupplyOptions, SupplyProblem, SupplyPromise, SupplyResult } from "./types";

export type SupplyOutcome =
  | { ok: true; result: SupplyResult }
  | { ok: false; errors: string[]; errorCount?: number };

export interface SupplyRecordOptions extends SupplyOptions {
  naming?: FieldNaming;
  where?: (location: SupplyLocation | null) => string;
  /** Problems found before (a workbook's headers, say): they refuse the plan with the rest. */
  earlier?: readonly string[];
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
export function supplyProblemOf(raw: unknown, options: SupplyRecordOptions = {}): { ok: true; problem: SupplyProblem; network: NetworkInput } | { ok: false; errors: string[]; errorCount?: number } {
  const where = options.where ?? supplyJsonPath;
  const naming = options.naming ?? "json";
  const refuse = (errors: string[]) => ({ ok: false as const, errors: capMessages(errors), errorCount: errors.length });
  const earlier = options.earlier ?? [];
  const hasDemands = isRecord(raw) && Array.isArray(raw.demands);
  const { network, issues } = readNetwork(raw, naming, { externalDemandRequired: !hasDemands && !options.figures?.forecasts });
  if (!network || earlier.length > 0) return refuse([...earlier, ...issues.filter((i) => i.severity === "error").map((i) => `${where(i.location)}: ${userWords(i.message, naming)}`)]);
  const figures: SupplyFigures = { ...options.figures, planned: options.figures?.planned ?? plannedFigures(network) };
  const supply = readSupply(raw, network, naming, figures);
  if (!supply.problem) return refuse(supply.issues.filter((i) => i.severity === "error").map((i) => `${where(i.location)}: ${userWords(i.message, naming)}`));
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

export type PromiseOutcome = { ok: true; promise: SupplyPromise } | { ok: false; errors: string[]; errorCount?: number };

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
  const errors: string[] = [];
  const stage = problem.stages.findIndex((s) => s.id === request.stage);
  if (stage < 0) errors.push(`--promise: "${request.stage}" is not a stage of the network.`);
  const period = readPeriod(request.period, { horizon: problem.horizon, periodLength: problem.periodLength, planStart: problem.planStart }, "json");
  if ("problem" in period) errors.push(`--period: ${period.problem.replace(/^period /, "")}.`);
  const quantity = request.quantity ?? null;
  if (quantity !== null && !(Number.isFinite(quantity) && quantity > 0)) errors.push(`--quantity must be a number greater than 0 (got ${quantity}).`);
  if (errors.length > 0 || "problem" in period) return { ok: false, errors };
  return {
    ok: true,
    promise: promiseSupply(problem, highs, { stage, period: period.period, quantity }, {
      ...options, timeLimit: options.timeLimit ?? read.network.settings.supplyTimeLimit ?? 60,
    }),
  };
}
