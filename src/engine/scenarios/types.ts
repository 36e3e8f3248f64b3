// Scenarios of a network plan (docs/scenarios.md): the rows of a Scenarios table, the validated
// changes they make to the base network, and the aps-scenarios/1 comparison of the plans.

import type { PlacementSummary, PlanException, PlanKpis } from "../plan/types";

/** A cell as read from a workbook or JSON (blank is null). */
export type ScenarioCell = number | string | boolean | null;

/** The columns of the Scenarios table (Title Case in a workbook, camelCase in JSON). */
export type ScenarioField = "scenario" | "table" | "key" | "column" | "value";

/** One row of the Scenarios table, as typed: Scenario, Table, Key, Column, Value. */
export interface ScenarioRow {
  scenario: ScenarioCell;
  table: ScenarioCell;
  key: ScenarioCell;
  column: ScenarioCell;
  value: ScenarioCell;
}

/** A supply table a change applies to (FORMATS.md §10). */
export type SupplyScenarioTable = "Demands" | "Customers" | "Resources" | "Resource Capacity" | "Resource Loads" | "Open Supply" | "Period Commitments";

/** The input table a change applies to: a network table or a supply table. */
export type ScenarioTable = "Stages" | "Arcs" | "Settings" | SupplyScenarioTable;

/** One validated change of a scenario: a field of one stage, arc or setting gets a new value (null clears it). */
export interface ScenarioChange {
  /** 0-based row of the Scenarios table that makes the change. */
  sourceRow: number;
  table: ScenarioTable;
  /** The stage id, "From→To" of an arc, the setting's name, or a supply row's key ("Paint Line @ 12"), as in the base. */
  key: string;
  /** 0-based row of the base table (stage, arc, supply row); null for a setting or a supply row the change adds. */
  index: number | null;
  /** A supply row the change adds (its key fields), when no row has its key. */
  added?: Record<string, unknown> | null;
  /** camelCase field name ("externalInboundTime"). */
  field: string;
  /** Title Case header ("External Inbound Time"). */
  header: string;
  value: ScenarioCell;
}

/** A scenario: a name and its changes, applied together to a copy of the base network. */
export interface Scenario {
  name: string;
  changes: ScenarioChange[];
}

/** A problem with one Scenarios row; `field` null means the whole row. */
export interface ScenarioProblem {
  row: number;
  field: ScenarioField | null;
  message: string;
}

/** A figure of one scenario beside the base: value, value − base, and the change in % of |base|. */
export interface ComparedFigure {
  value: number | null;
  /** value − base value; null when either is null. */
  difference: number | null;
  /** 100 · difference / |base|; 0 when both are 0, null when the base is 0 and the value is not (or either is null). */
  percent: number | null;
}

/** The stage figures compared side by side. */
export const COMPARED_STAGE_FIGURES = ["inboundServiceTime", "committedServiceTime", "safetyStock", "safetyStockCost"] as const;
export type ComparedStageFigure = (typeof COMPARED_STAGE_FIGURES)[number];

/** The KPIs compared (every aps-plan/1 KPI, docs/model.md §9). */
export const COMPARED_KPIS = ["leadTimeToCustomer", "cycleTime", "inventoryHoldingCost", "safetyStockHoldingCost", "inventoryTurns"] as const satisfies readonly (keyof PlanKpis)[];
export type ComparedKpi = (typeof COMPARED_KPIS)[number];

/** One stage's compared figures in one scenario (null figures where the stage is not in that network). */
export type ComparedStage = { id: string } & Record<ComparedStageFigure, ComparedFigure>;

/** A change as the comparison reports it. */
export interface ReportedChange {
  table: ScenarioTable;
  key: string;
  column: string;
  value: ScenarioCell;
  /** The Scenarios cell that makes it ("Scenarios!E4" or "scenarios[3].value"). */
  where: string;
}

/** One planned scenario of the comparison (the first is the base). */
export interface ComparedScenario {
  name: string;
  /** The file it was planned from (`aps compare`), else omitted. */
  source?: string;
  changes: ReportedChange[];
  placement: Pick<PlacementSummary, "method" | "optimal" | "status" | "gap" | "safetyStockCost"> | null;
  kpis: Record<ComparedKpi, ComparedFigure>;
  /** Every stage of every scenario, in the same order in each scenario. */
  stages: ComparedStage[];
  exceptions: PlanException[];
  /** Cautions on reading the differences (a placement stopped by its time limit), in words. */
  notes: string[];
  /** The supply plan over time beside the base's, when the inputs hold supply tables (else omitted). */
  supply?: ComparedSupply;
}

/** A scenario's supply plan beside the base's (docs/scenarios.md, MODEL.md §11). */
export interface ComparedSupply {
  /** aps-supply/1 status of this scenario's plan. */
  status: "optimal" | "timeLimit" | "infeasible" | "cancelled";
  gap: number | null;
  /** The objective vector against the base's in lexicographic order; null when either has none. */
  order: "better" | "same" | "worse" | null;
  objective: {
    /** Unit-periods of backlog per tier (every tier of either plan, ascending). */
    lateness: ({ tier: number } & ComparedFigure)[];
    safetyStockShortfall: ComparedFigure;
    cost: ComparedFigure;
  };
  /** Lateness summed over the tiers. */
  lateUnitPeriods: ComparedFigure;
  /** Demanded and on-time units per tier, and the on-time share (0..1) beside the base's. */
  onTime: { tier: number; quantity: number; onTime: number; share: ComparedFigure }[];
  /** Highest load / capacity over resources and periods, and where it is. */
  peakUtilisation: ComparedFigure & { resource: string | null; period: number | null };
  /** Warnings and errors of the supply plan. */
  exceptions: number;
}

/** The aps-scenarios/1 result (docs/scenarios.md). */
export interface ScenarioComparison {
  format: "aps-scenarios/1";
  /** The name of the base scenario (scenarios[0]). */
  base: string;
  scenarios: ComparedScenario[];
}
