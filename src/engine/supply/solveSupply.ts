// Solves the supply plan over time (MODEL.md §11): the levels in order, each earlier level checked
// to still hold at the end (objective rows as the fallback), then the aps-supply/1 result.

import type { LpSolverModule } from "./lpSolver";
import { supplyJsonPath } from "./locate";
import { explainLateness } from "./reasons";
import { LevelOptions, LevelSpec, LevelsOutcome, objectiveValue, solveLevels, HOLD_TOLERANCE } from "./solveLevels";
import { buildSupplyModel, latenessObjective, shortfallObjective, SupplyModel } from "./supplyModel";
import { demandResults, objectiveOf, resourceResults, stageResults } from "./supplyResult";
import type { SupplyIssue, SupplyLocation, SupplyOptions, SupplyProblem, SupplyResult } from "./types";

/** The levels of MODEL.md §11's objective: tier 1..K lateness, shortfall, cost. */
export function supplyLevels(model: SupplyModel, horizon: number): LevelSpec[] {
  return [
    ...model.tiers.map((tier) => ({ name: `tier ${tier}`, objective: latenessObjective(model, tier, horizon) })),
    { name: "shortfall", objective: shortfallObjective(model) },
    { name: "cost", objective: model.cost },
  ];
}

/** The first earlier level the final plan no longer holds at its optimum (beyond HOLD_TOLERANCE), or −1. */
export function levelNotHeld(levels: LevelSpec[], outcome: LevelsOutcome): number {
  if (!outcome.solution) return -1;
  const x = outcome.solution.colValue;
  for (let l = 0; l < levels.length - 1; l++) {
    const optimum = outcome.values[l];
    if (optimum === null) continue;
    if (objectiveValue(levels[l].objective, x) > optimum + HOLD_TOLERANCE * Math.max(1, Math.abs(optimum))) return l;
  }
  return -1;
}

/**
 * Solves the levels, by optimal faces first; when the final plan does not hold an earlier level (the
 * face let a column of tiny reduced cost drift), solves again holding each level by an objective row.
 */
export function solveHeldLevels(highs: LpSolverModule, model: SupplyModel, levels: LevelSpec[], options: Omit<LevelOptions, "hold">, notes: SupplyIssue[]): LevelsOutcome {
  const started = Date.now();
  const first = solveLevels(highs, model, levels, { ...options, hold: options.integrality ? "objectiveRow" : "face" });
  const broken = first.status === "optimal" ? levelNotHeld(levels, first) : -1;
  if (broken < 0) return first;
  notes.push({ severity: "info", message: `The ${levels[broken].name} level drifted from its optimum when later levels were solved on its optimal face; the plan was solved again holding each level by an objective row.`, location: null });
  const left = options.timeLimit - (Date.now() - started) / 1000;
  const second = solveLevels(highs, model, levels, { ...options, timeLimit: Math.max(left, 1), hold: "objectiveRow" });
  return second.solution ? second : first;
}

/**
 * The supply plan over time: releases, stock, deliveries and backlog per stage and period, loads per
 * resource, each demand's fulfilment and why it is late (MODEL.md §11; FORMATS.md §10, aps-supply/1).
 * @example solveSupply(problem, await require("highs")()).objective.lateness // [{ tier: 1, value: 0 }, …]
 */
export function solveSupply(
  problem: SupplyProblem, highs: LpSolverModule, options: SupplyOptions = {},
  where: (location: SupplyLocation | null) => string = supplyJsonPath,
): SupplyResult {
  const lots = options.lotSizing === "mip";
  const model = buildSupplyModel(problem, highs.infinity, { lots });
  const levels = supplyLevels(model, problem.horizon);
  const notes: SupplyIssue[] = [...problem.issues];
  const outcome = solveHeldLevels(highs, model, levels, {
    timeLimit: options.timeLimit ?? 60, integrality: model.integrality, isCancelled: options.isCancelled, onProgress: options.onProgress,
  }, notes);
  return assembleResult(problem, model, outcome, notes, where, lots);
}

/** The aps-supply/1 result of a solved (or stopped) set of levels. */
export function assembleResult(
  problem: SupplyProblem, model: SupplyModel, outcome: LevelsOutcome, notes: SupplyIssue[],
  where: (location: SupplyLocation | null) => string, orderCosts: boolean,
): SupplyResult {
  const x = outcome.solution?.colValue ?? null;
  const stopped = outcome.statistics[outcome.statistics.length - 1];
  if (outcome.status === "infeasible") {
    notes.push({ severity: "error", message: "The solver found the supply plan infeasible, though a plan without new releases always meets its constraints: a numerical failure; check the largest and smallest figures of the inputs.", location: null });
  } else if (!x) {
    notes.push({ severity: "error", message: `No plan was found before the solve stopped (${outcome.status === "cancelled" ? "cancelled" : "time limit"}); give it more time (supplyTimeLimit).`, location: null });
  } else if (outcome.status !== "optimal") {
    notes.push({ severity: "warning", message: `The solve stopped in the ${stopped.name} level (${outcome.status === "cancelled" ? "cancelled" : "time limit"}): the plan is the best found, not proven optimal from that level on.`, location: null });
  }
  const objective = x
    ? objectiveOf(problem, model, x, orderCosts)
    : { lateness: model.tiers.map((tier) => ({ tier, value: null })), safetyStockShortfall: null, cost: null };
  const demands = demandResults(problem, model, x);
  if (x && outcome.solution) explainLateness(problem, model, outcome.solution, demands);
  return {
    format: "aps-supply/1",
    status: outcome.status,
    horizon: problem.horizon,
    periodLength: problem.periodLength,
    objective,
    bound: outcome.status === "optimal" ? null : stopped?.bound ?? null,
    gap: outcome.status === "optimal" ? 0 : stopped?.gap ?? null,
    stages: x ? stageResults(problem, model, x) : problem.stages.map((s) => ({ id: s.id, leadTimePeriods: s.leadTimePeriods, safetyStockTarget: s.safetyStockTarget, periods: [] })),
    resources: x ? resourceResults(problem, model, x) : problem.resources.map((r) => ({ id: r.id, periods: [] })),
    demands,
    exceptions: notes.map((issue) => ({ severity: issue.severity, where: where(issue.location), message: issue.message })),
    levels: outcome.statistics,
  };
}
