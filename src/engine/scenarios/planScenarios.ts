// Plans the base network and each scenario of a Scenarios table, and compares them
// (docs/scenarios.md). Every input problem — of the rows or of a changed value — is found first,
// all at once, each named by its place; nothing is planned while any remains.

import { isPlanningInputError } from "../errors";
import { jsonPath } from "../network/locate";
import { FieldNaming, readNetwork } from "../network/readNetwork";
import type { InputLocation } from "../network/types";
import { planRecord, PlanResult } from "../plan";
import { applyScenario, changeAt } from "./applyScenario";
import { comparePlans, NamedPlan } from "./comparePlans";
import { BASE_SCENARIO, readScenarios } from "./readScenarios";
import type { Scenario, ScenarioComparison, ScenarioField, ScenarioRow } from "./types";

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
  | { ok: true; comparison: ScenarioComparison; plans: PlanResult[]; stopped: boolean }
  | { ok: false; errors: string[]; errorCount: number };

/** The refusal of every error found: the first MAX_REPORTED_ERRORS of them, and how many there are. */
function refused(errors: readonly string[]): { ok: false; errors: string[]; errorCount: number } {
  return { ok: false, errors: cappedErrors(errors), errorCount: errors.length };
}

/** Keeps the first `cap` errors and counts the rest. */
export function cappedErrors(errors: readonly string[], cap = MAX_REPORTED_ERRORS): string[] {
  if (errors.length <= cap) return [...errors];
  return [...errors.slice(0, cap), `… and ${errors.length - cap} more input error(s).`];
}

/** planRecord, with a figure that overflows (valid inputs too large to compute with) as an input error. */
function planGuarded(raw: unknown, naming: FieldNaming, where: (l: InputLocation | null) => string, prefix: string): ReturnType<typeof planRecord> {
  try {
    return planRecord(raw, { naming, where });
  } catch (error) {
    if (isPlanningInputError(error)) return { ok: false, errors: [`${prefix}${error.message}`] };
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
  const rowErrors = problems.map((p) => `${input.rowWhere(p.row, p.field)}: ${p.message}`);
  const baseRead = readNetwork(input.base, naming);
  const baseErrors = baseRead.issues.filter((i) => i.severity === "error").map((i) => `${where(i.location)}: ${i.message}`);
  if (!baseRead.network) return refused([...baseErrors, ...rowErrors]);

  const base = input.base as Record<string, unknown>;
  const variants = scenarios.map((scenario) => ({ scenario, raw: applyScenario(base, scenario), where: variantWhere(scenario, input, where) }));
  const variantErrors: string[] = [];
  for (const variant of variants) {
    const { issues } = readNetwork(variant.raw, naming);
    for (const issue of issues) if (issue.severity === "error") variantErrors.push(`${variant.where(issue.location)}: ${issue.message}`);
  }
  const errors = [...rowErrors, ...variantErrors];
  if (errors.length > 0) return refused(errors);

  const count = variants.length + 1;
  const plans: NamedPlan[] = [];
  const results: PlanResult[] = [];
  let stopped = false;
  const runs = [{ name: BASE_SCENARIO, raw: base, where, scenario: null as Scenario | null }, ...variants.map((v) => ({ name: v.scenario.name, ...v }))];
  for (let k = 0; k < runs.length; k++) {
    if (k > 0 && options.shouldStop?.()) {
      stopped = true;
      break;
    }
    const run = runs[k];
    options.onScenario?.(k, count, run.name);
    const outcome = planGuarded(run.raw, naming, run.where, run.scenario ? `Scenario "${run.name}": ` : "");
    if (!outcome.ok) return refused(outcome.errors);
    results.push(outcome.plan);
    plans.push({
      name: run.name,
      changes: (run.scenario?.changes ?? []).map((c) => ({ table: c.table, key: c.key, column: c.header, value: c.value, where: input.rowWhere(c.sourceRow, "value") })),
      plan: outcome.plan,
    });
    if (k > 0 && k < runs.length - 1) options.onPartial?.(comparePlans(plans), results);
  }
  return { ok: true, comparison: comparePlans(plans), plans: results, stopped };
}
