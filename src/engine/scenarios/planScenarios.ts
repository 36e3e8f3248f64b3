// Plans the base network and each scenario of a Scenarios table, and compares them
// (docs/scenarios.md). Every input problem — of the rows or of a changed value — is found first,
// all at once, each named by its place; nothing is planned while any remains.

import { isPlanningInputError } from "../errors";
import { type InputProblem, type InputRefusal, problemLine } from "../inputErrors";
import { jsonPath } from "../network/locate";
import { FieldNaming, readNetwork } from "../network/readNetwork";
import type { InputLocation } from "../network/types";
import { type CellOf, fieldHeader, planRecord, PlanResult } from "../plan";
import type { LpSolverModule } from "../supply/lpSolver";
import { supplyJsonPath } from "../supply/locate";
import { solveSupply } from "../supply/solveSupply";
import type { SupplyFigures } from "../supply/supplyDefaults";
import { supplyProblemOf } from "../supply/supplyRecord";
import type { LotSizingMode, SupplyLocation, SupplyProblem, SupplyResult } from "../supply/types";
import { applyScenarioPlaced, changeAt } from "./applyScenario";
import { hasSupplyInputs } from "./supplyAddress";
import { comparePlans, NamedPlan } from "./comparePlans";
import { BASE_SCENARIO, readScenarios } from "./readScenarios";
import type { Scenario, ScenarioComparison, ScenarioField, ScenarioProblem, ScenarioRow } from "./types";

/** The most input errors reported one by one; the rest are counted. */
export const MAX_REPORTED_ERRORS = 50;

export interface ScenarioPlanInput {
  /** The base aps-network/1 record (never modified). */
  base: unknown;
  rows: readonly ScenarioRow[];
  /** Field names in messages: camelCase (JSON) or Title Case (workbook). */
  naming?: FieldNaming;
  /** Names a base-network place ("Stages!H5"); JSON paths by default. */
  where?: (location: InputLocation | null) => string;
  /** Names a Scenarios cell ("Scenarios!E4"); row −1 is the whole table. */
  rowWhere: (row: number, field: ScenarioField | null) => string;
  /**
   * Names a base-network place's workbook cell ("Stages!H5"), null where it is none: given (a workbook),
   * every plan exception carries the cell to select, a changed value's the Scenarios cell that set it.
   */
  cell?: CellOf;
  /** Plans over time too when the base holds supply tables (docs/supply.md): HiGHS and how supply places are named. */
  supply?: ScenarioSupplyInput;
}

/** What the supply plans of the scenarios need. */
export interface ScenarioSupplyInput {
  highs: LpSolverModule;
  /** Names a supply place ("Demands!C4"); JSON paths by default. */
  where?: (location: SupplyLocation | null) => string;
  /** The base's forecasts per stage (a workbook's Demand History) where it has no Demands table. */
  figures?: SupplyFigures;
  /** Seconds per supply plan; the Settings' supplyTimeLimit (60 s) otherwise. */
  timeLimit?: number;
}

export interface ScenarioPlanOptions {
  /** Called before each plan: 0 is the base, then each scenario (of `count` plans in all). */
  onScenario?: (index: number, count: number, name: string) => void;
  /** Asked between plans; true stops with the plans made so far. */
  shouldStop?: () => boolean;
  /** Called after each scenario's plan with the comparison so far (the base and the scenarios planned). */
  onPartial?: (comparison: ScenarioComparison, plans: readonly PlanResult[]) => void;
}

export type ScenariosOutcome =
  | { ok: true; comparison: ScenarioComparison; plans: PlanResult[]; stopped: boolean; supplyPlans?: SupplyResult[] }
  | InputRefusal;

/** The refusal of every problem found: the first MAX_REPORTED_ERRORS lines, how many there are, every record. */
export function refusedScenarios(problems: readonly InputProblem[]): InputRefusal {
  return { ok: false, errors: cappedErrors(problems.map(problemLine)), errorCount: problems.length, problems: [...problems] };
}

/** A problem at a place of the base network or of a variant (with the cell to select when the place says more). */
function problemAt(where: string, message: string, location: { table: string; row: number | null } | null, field: string | null, cell?: string | null): InputProblem {
  return { where, table: location?.table ?? null, row: location?.row ?? null, field, message, ...(cell ? { cell } : {}) };
}

/** A Scenarios column's header ("Key" for key). */
const scenarioHeader = (field: ScenarioField | null): string | null => (field === null ? null : field.charAt(0).toUpperCase() + field.slice(1));

/** The problems of Scenarios rows (readScenarios) as records at their Scenarios cells. */
export function scenarioRowProblems(problems: readonly ScenarioProblem[], rowWhere: ScenarioPlanInput["rowWhere"]): InputProblem[] {
  return problems.map((p) => problemAt(rowWhere(p.row, p.field), p.message, { table: "Scenarios", row: p.row < 0 ? null : p.row }, scenarioHeader(p.field)));
}

/** Keeps the first `cap` errors and counts the rest. */
export function cappedErrors(errors: readonly string[], cap = MAX_REPORTED_ERRORS): string[] {
  if (errors.length <= cap) return [...errors];
  return [...errors.slice(0, cap), `… and ${errors.length - cap} more input error(s).`];
}

/** planRecord, with a figure that overflows (valid inputs too large to compute with) as an input error. */
function planGuarded(raw: unknown, naming: FieldNaming, where: (l: InputLocation | null) => string, cell: CellOf | undefined, prefix: string): ReturnType<typeof planRecord> {
  try {
    return planRecord(raw, { naming, where, cell });
  } catch (error) {
    if (isPlanningInputError(error)) return refusedScenarios([{ where: null, table: null, row: null, field: null, message: `${prefix}${error.message}` }]);
    throw error;
  }
}

/** Names a variant's places: a changed input by the Scenarios cell that set it, others as in the base. */
function variantWhere(scenario: Scenario, input: ScenarioPlanInput, where: (l: InputLocation | null) => string): (l: InputLocation | null) => string {
  const changed = changeAt(scenario);
  return (location) => {
    const change = changed(location);
    if (change) return `${input.rowWhere(change.sourceRow, "value")} (scenario "${scenario.name}" sets ${where(location)})`;
    return `${where(location)} in scenario "${scenario.name}"`;
  };
}

/** The Scenarios cell of a variant's place when the scenario sets it, else its cell in the base (for the pane to select). */
function variantCell(scenario: Scenario, input: ScenarioPlanInput, cell: CellOf): CellOf {
  const changed = changeAt(scenario);
  return (location) => {
    const change = changed(location);
    return change ? input.rowWhere(change.sourceRow, "value") : cell(location);
  };
}

/** The Scenarios cell of a variant's supply place when the scenario sets or adds its row, else its cell in the base. */
function variantSupplyCell(
  origin: ReturnType<typeof applyScenarioPlaced>["origin"], input: ScenarioPlanInput, where: (l: SupplyLocation | null) => string,
): (l: SupplyLocation | null) => string {
  return (location) => {
    const from = origin(location);
    return "location" in from ? where(from.location) : input.rowWhere(from.change.sourceRow, "value");
  };
}

/** Names a variant's supply places: a row the scenario sets or adds by its Scenarios cell, others by their place in the base. */
function variantSupplyWhere(
  scenario: Scenario, origin: ReturnType<typeof applyScenarioPlaced>["origin"], input: ScenarioPlanInput, where: (l: SupplyLocation | null) => string,
): (l: SupplyLocation | null) => string {
  return (location) => {
    const from = origin(location);
    if ("location" in from) return `${where(from.location)} in scenario "${scenario.name}"`;
    const change = from.change;
    const place = change.index === null && change.added ? `adds ${change.table} "${change.key}"` : `sets ${location ? where(change.index === null ? location : { ...location, row: change.index }) : change.table}`;
    return `${input.rowWhere(change.sourceRow, "value")} (scenario "${scenario.name}" ${place})`;
  };
}

/** Validates a record's supply inputs: the problem, or every error with its place. */
function supplyChecked(
  raw: unknown, naming: FieldNaming, where: (l: SupplyLocation | null) => string, supply: ScenarioSupplyInput, cell?: (l: SupplyLocation | null) => string,
): { problem: CheckedSupply | null; errors: InputProblem[] } {
  const read = supplyProblemOf(raw, { naming, where, cell, figures: supply.figures ? { ...supply.figures } : undefined });
  if (!read.ok) return { problem: null, errors: read.problems };
  const { lotSizing, supplyTimeLimit } = read.network.settings;
  return { problem: { problem: read.problem, lotSizing: lotSizing ?? "none", timeLimit: supplyTimeLimit ?? 60 }, errors: [] };
}

/** A validated supply problem with the lot sizing and time limit its Settings ask for. */
interface CheckedSupply {
  problem: SupplyProblem;
  lotSizing: LotSizingMode;
  timeLimit: number;
}

/**
 * Plans the base and every scenario and compares them (aps-scenarios/1), or returns every input
 * error: Scenarios rows that name an unknown table, key or column, and changed values the network
 * refuses (a negative holding cost), each named by its Scenarios cell.
 * @example planScenarios({ base: figure5, rows: [{ scenario: "Supplier late", table: "Stages", key: "Tube Cutting", column: "External Inbound Time", value: 8 }], rowWhere })
 *   // comparison.scenarios[1].kpis.cycleTime.difference === 3
 */
export function planScenarios(input: ScenarioPlanInput, options: ScenarioPlanOptions = {}): ScenariosOutcome {
  const naming = input.naming ?? "json";
  const where = input.where ?? jsonPath;
  const { scenarios, problems } = readScenarios(input.rows, input.base);
  const rowErrors = scenarioRowProblems(problems, input.rowWhere);
  const baseRead = readNetwork(input.base, naming);
  const baseErrors = baseRead.issues.filter((i) => i.severity === "error").map((i) => problemAt(where(i.location), i.message, i.location, fieldHeader(i.location, naming)));
  if (!baseRead.network) return refusedScenarios([...baseErrors, ...rowErrors]);

  const base = input.base as Record<string, unknown>;
  const supply = input.supply && hasSupplyInputs(base) ? input.supply : null;
  const supplyWhere = supply?.where ?? (input.where as ((l: SupplyLocation | null) => string) | undefined) ?? supplyJsonPath;
  const variants = scenarios.map((scenario) => {
    const placed = applyScenarioPlaced(base, scenario);
    return {
      scenario, raw: placed.raw, where: variantWhere(scenario, input, where), cell: variantCell(scenario, input, input.cell ?? where),
      planCell: input.cell && variantCell(scenario, input, input.cell),
      supplyWhere: variantSupplyWhere(scenario, placed.origin, input, supplyWhere), supplyCell: variantSupplyCell(placed.origin, input, supplyWhere), problem: null as CheckedSupply | null,
    };
  });
  const variantErrors: InputProblem[] = [];
  let baseProblem: CheckedSupply | null = null;
  if (supply) {
    const checked = supplyChecked(base, naming, supplyWhere, supply);
    variantErrors.push(...checked.errors);
    baseProblem = checked.problem;
  }
  for (const variant of variants) {
    const { issues } = readNetwork(variant.raw, naming);
    const errors = issues.filter((i) => i.severity === "error").map((issue) => problemAt(variant.where(issue.location), issue.message, issue.location, fieldHeader(issue.location, naming), variant.cell(issue.location)));
    variantErrors.push(...errors);
    if (supply && baseProblem && errors.length === 0) {
      const checked = supplyChecked(variant.raw, naming, variant.supplyWhere, supply, variant.supplyCell);
      variantErrors.push(...checked.errors);
      variant.problem = checked.problem;
    }
  }
  // A problem every variant shares is listed once.
  const seen = new Set<string>();
  const errors = [...rowErrors, ...variantErrors.filter((p) => { const line = problemLine(p); return !seen.has(line) && seen.add(line) !== undefined; })];
  if (errors.length > 0) return refusedScenarios(errors);

  const count = variants.length + 1;
  const plans: NamedPlan[] = [];
  const results: PlanResult[] = [];
  const supplyPlans: SupplyResult[] = [];
  let stopped = false;
  const runs = [
    { name: BASE_SCENARIO, raw: base, where, planCell: input.cell, scenario: null as Scenario | null, problem: baseProblem, supplyWhere },
    ...variants.map((v) => ({ name: v.scenario.name, ...v })),
  ];
  for (let k = 0; k < runs.length; k++) {
    if (k > 0 && options.shouldStop?.()) {
      stopped = true;
      break;
    }
    const run = runs[k];
    options.onScenario?.(k, count, run.name);
    const outcome = planGuarded(run.raw, naming, run.where, run.planCell, run.scenario ? `Scenario "${run.name}": ` : "");
    if (!outcome.ok) return refusedScenarios(outcome.problems);
    results.push(outcome.plan);
    const supplyPlan = supply && run.problem ? solveScenarioSupply(run.problem, supply, run.supplyWhere) : undefined;
    if (supplyPlan) supplyPlans.push(supplyPlan);
    plans.push({
      name: run.name,
      changes: (run.scenario?.changes ?? []).map((c) => ({ table: c.table, key: c.key, column: c.header, value: c.value, where: input.rowWhere(c.sourceRow, "value") })),
      plan: outcome.plan,
      ...(supplyPlan ? { supply: supplyPlan } : {}),
    });
    if (k > 0 && k < runs.length - 1) options.onPartial?.(comparePlans(plans), results);
  }
  return { ok: true, comparison: comparePlans(plans), plans: results, stopped, ...(supply ? { supplyPlans } : {}) };
}

/** One scenario's supply plan over time (MODEL.md §11), with the lot sizing and time limit of its own Settings. */
function solveScenarioSupply(checked: CheckedSupply, supply: ScenarioSupplyInput, where: (l: SupplyLocation | null) => string): SupplyResult {
  return solveSupply(checked.problem, supply.highs, { lotSizing: checked.lotSizing, timeLimit: supply.timeLimit ?? checked.timeLimit }, where);
}
