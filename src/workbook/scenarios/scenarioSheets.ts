// The result sheets of a scenario comparison (aps-scenarios/1, docs/scenarios.md): Scenario
// Comparison (every KPI and each stage's figures, scenarios side by side with their differences to
// the base) and Scenario KPIs (one row per scenario, with column charts of the costs).

import {
  COMPARED_KPIS, COMPARED_STAGE_FIGURES, ComparedFigure, ComparedKpi, ComparedScenario, ComparedStageFigure, ComparedSupply, ScenarioComparison,
} from "../../engine/scenarios";
import type { CellFill, CellLink, CellValue, ChartSpec, ResultColumn, ResultSheet } from "../port";
import { linkTarget } from "../sheetLayout";

const VALUE = "#,##0.0000";
const PERCENT = "0.0%";
/** Light amber behind a difference that is not zero. */
const CHANGED = "FFE699";

/** How each KPI reads in a sheet: label and unit (docs/model.md §9). */
export const KPI_LABELS: Record<ComparedKpi, { label: string; unit: string }> = {
  leadTimeToCustomer: { label: "Lead time to customer", unit: "t" },
  cycleTime: { label: "Cycle time", unit: "t" },
  inventoryHoldingCost: { label: "Inventory holding cost", unit: "per t" },
  safetyStockHoldingCost: { label: "Safety-stock holding cost", unit: "per t" },
  inventoryTurns: { label: "Inventory turns", unit: "per year" },
};

/** How each compared stage figure reads in a sheet. */
export const STAGE_FIGURE_LABELS: Record<ComparedStageFigure, { label: string; unit: string }> = {
  inboundServiceTime: { label: "Inbound service time SI", unit: "t" },
  committedServiceTime: { label: "Committed service time S", unit: "t" },
  safetyStock: { label: "Safety stock", unit: "units" },
  safetyStockCost: { label: "Safety-stock cost", unit: "per t" },
};

function fraction(figure: ComparedFigure): CellValue {
  return figure.percent === null ? null : figure.percent / 100;
}

/** A scenario's changes as one line: "Stages Tube Cutting External Inbound Time = 8; …". */
export function changesText(scenario: ComparedScenario, base: string): string {
  if (scenario.changes.length === 0) return scenario.source === undefined || scenario.name === base ? "no changes" : `same inputs as ${base}`;
  return scenario.changes.map((c) => {
    if (c.column === "Id" || c.column === "From→To") return `${c.table} ${c.key} ${c.value === null ? "removed" : "added"}`;
    return `${c.table} ${c.key} ${c.column} = ${c.value === null ? "(blank)" : String(c.value)}`;
  }).join("; ");
}

const NO_FIGURE: ComparedFigure = { value: null, difference: null, percent: null };

/** The supply plan's measures, each with a figure per scenario (docs/scenarios.md): lateness per tier, shortfall, cost, late unit-periods, on-time share per tier, peak utilisation. */
export function supplyMeasures(comparison: ScenarioComparison): { label: string; unit: string; figure: (s: ComparedSupply | undefined) => ComparedFigure }[] {
  const base = comparison.scenarios[0].supply;
  if (!base) return [];
  const tiers = [...new Set(comparison.scenarios.flatMap((s) => s.supply?.objective.lateness.map((l) => l.tier) ?? []))].sort((a, b) => a - b);
  const shareTiers = [...new Set(comparison.scenarios.flatMap((s) => s.supply?.onTime.map((t) => t.tier) ?? []))].sort((a, b) => a - b);
  return [
    ...tiers.map((tier) => ({ label: `Supply: lateness, tier ${tier}`, unit: "unit-periods", figure: (s: ComparedSupply | undefined) => s?.objective.lateness.find((l) => l.tier === tier) ?? NO_FIGURE })),
    { label: "Supply: below safety stock", unit: "unit-periods", figure: (s) => s?.objective.safetyStockShortfall ?? NO_FIGURE },
    { label: "Supply: cost", unit: "cost", figure: (s) => s?.objective.cost ?? NO_FIGURE },
    { label: "Supply: late unit-periods", unit: "unit-periods", figure: (s) => s?.lateUnitPeriods ?? NO_FIGURE },
    ...shareTiers.map((tier) => ({ label: `Supply: on time, tier ${tier}`, unit: "share", figure: (s: ComparedSupply | undefined) => s?.onTime.find((t) => t.tier === tier)?.share ?? NO_FIGURE })),
    { label: "Supply: peak utilisation", unit: "load / capacity", figure: (s) => s?.peakUtilisation ?? NO_FIGURE },
  ];
}

/** A scenario's supply plan in words: "optimal; better than Base (lexicographic)". */
export function supplyVerdict(scenario: ComparedScenario, base: string): string | null {
  const s = scenario.supply;
  if (!s) return null;
  const order = s.order === null ? "not comparable" : scenario.name === base ? "the base" : s.order === "same" ? `same as ${base}` : `${s.order} than ${base}`;
  return `${s.status}${s.gap ? ` (gap ${(s.gap * 100).toFixed(2)} %)` : ""}; ${order}`;
}

/** Side by side: Measure, Stage, Unit, the base value, then per scenario its value, Δ and Δ %. */
function comparisonSheet(comparison: ScenarioComparison): ResultSheet {
  const [base, ...others] = comparison.scenarios;
  const columns: ResultColumn[] = [
    { header: "Measure", width: 28 }, { header: "Stage", width: 18 }, { header: "Unit", width: 8 },
    { header: base.name, numberFormat: VALUE, width: 14 },
  ];
  for (const s of others) columns.push({ header: s.name, numberFormat: VALUE, width: 14 }, { header: `${s.name} Δ`, numberFormat: VALUE, width: 12 }, { header: `${s.name} Δ %`, numberFormat: PERCENT, width: 10 });
  const rows: CellValue[][] = [];
  const fills: CellFill[] = [];
  const addRow = (label: string, stage: string | null, unit: string, figures: ComparedFigure[]) => {
    const row: CellValue[] = [label, stage, unit, figures[0].value];
    figures.slice(1).forEach((f, k) => {
      row.push(f.value, f.difference, fraction(f));
      if (f.difference === null ? f.value !== figures[0].value : f.difference !== 0) {
        for (const c of [5 + 3 * k, 6 + 3 * k]) fills.push({ row: rows.length, column: c, color: CHANGED });
      }
    });
    rows.push(row);
  };
  for (const kpi of COMPARED_KPIS) addRow(KPI_LABELS[kpi].label, null, KPI_LABELS[kpi].unit, comparison.scenarios.map((s) => s.kpis[kpi]));
  for (const measure of supplyMeasures(comparison)) addRow(measure.label, null, measure.unit, comparison.scenarios.map((s) => measure.figure(s.supply)));
  base.stages.forEach((stage, i) => {
    for (const figure of COMPARED_STAGE_FIGURES) {
      addRow(STAGE_FIGURE_LABELS[figure].label, stage.id, STAGE_FIGURE_LABELS[figure].unit, comparison.scenarios.map((s) => s.stages[i][figure]));
    }
  });
  return {
    name: "Scenario Comparison",
    title: `${others.length} scenario(s) beside ${base.name}: every KPI${base.supply ? ", the supply plan over time" : ""}, then each stage (Δ = scenario − ${base.name}; changed cells shaded)`,
    columns, rows, fills,
  };
}

/** One row per scenario: its changes, placement and every KPI with Δ and Δ %; charts of the two costs. */
function kpiSheet(comparison: ScenarioComparison): ResultSheet {
  const columns: ResultColumn[] = [{ header: "Scenario", width: 22 }, { header: "Changes", width: 60 }, { header: "Placement", width: 24 }];
  const kpiColumn = new Map<ComparedKpi, number>();
  for (const kpi of COMPARED_KPIS) {
    const { label, unit } = KPI_LABELS[kpi];
    kpiColumn.set(kpi, columns.length);
    columns.push({ header: `${label} (${unit})`, numberFormat: VALUE, width: 16 }, { header: `${label} Δ`, numberFormat: VALUE, width: 12 }, { header: `${label} Δ %`, numberFormat: PERCENT, width: 10 });
  }
  const supply = comparison.scenarios[0].supply !== undefined;
  if (supply) columns.push({ header: "Supply plan", width: 34 }, { header: "Late unit-periods", numberFormat: VALUE, width: 14 }, { header: "Late unit-periods Δ", numberFormat: VALUE, width: 12 }, { header: "Supply cost", numberFormat: VALUE, width: 14 }, { header: "Supply cost Δ", numberFormat: VALUE, width: 12 });
  columns.push({ header: "Errors", numberFormat: "0", width: 8 }, { header: "Warnings", numberFormat: "0", width: 10 }, { header: "Notes", width: 80 });
  const links: CellLink[] = [];
  const rows = comparison.scenarios.map((s, r) => {
    const placement = s.placement ? `${s.placement.method}${s.placement.optimal ? " (optimal)" : ` (${s.placement.status})`}` : "none";
    const first = s.changes[0]?.where;
    if (first && linkTarget(first) !== null) links.push({ row: r, column: 1, target: first });
    const row: CellValue[] = [s.name, changesText(s, comparison.base), placement];
    for (const kpi of COMPARED_KPIS) row.push(s.kpis[kpi].value, s.kpis[kpi].difference, fraction(s.kpis[kpi]));
    if (supply) {
      const late = s.supply?.lateUnitPeriods ?? NO_FIGURE;
      const cost = s.supply?.objective.cost ?? NO_FIGURE;
      row.push(supplyVerdict(s, comparison.base), late.value, late.difference, cost.value, cost.difference);
    }
    row.push(s.exceptions.filter((e) => e.severity === "error").length, s.exceptions.filter((e) => e.severity === "warning").length, s.notes.join(" ") || null);
    return row;
  });
  const charts: ChartSpec[] = [
    { kind: "column", title: "Safety-stock holding cost by scenario (per t)", categoryColumn: 0, valueColumns: [kpiColumn.get("safetyStockHoldingCost")!] },
    { kind: "column", title: "Inventory holding cost by scenario (per t)", categoryColumn: 0, valueColumns: [kpiColumn.get("inventoryHoldingCost")!] },
  ];
  return { name: "Scenario KPIs", title: `KPIs by scenario (Δ against ${comparison.base})`, columns, rows, links, charts };
}

/** The sheets a scenario comparison writes: Scenario Comparison and Scenario KPIs. */
export function scenarioSheets(comparison: ScenarioComparison): ResultSheet[] {
  return [comparisonSheet(comparison), kpiSheet(comparison)];
}
