// The Scenario Comparison and Scenario KPIs sheets of "Supplier late" on Figure 5: layout, shading
// of exactly the changed figures, and charts over the right columns.

import { planScenarios } from "../../src/engine/scenarios";
import { scenarioSheets } from "../../src/workbook/scenarios/scenarioSheets";
import { figure5, jsonRowWhere, row } from "./support";

const outcome = planScenarios({ base: figure5(), rows: [row("Supplier late", "Stages", "Tube Cutting", "External Inbound Time", 8)], rowWhere: jsonRowWhere });
if (!outcome.ok) throw new Error(outcome.errors.join("\n"));
const [comparison, kpis] = scenarioSheets(outcome.comparison);

test("Scenario Comparison: 5 KPI rows then 4 rows per stage; Base, then the scenario's value, Δ and Δ %", () => {
  expect(comparison.name).toBe("Scenario Comparison");
  expect(comparison.columns.map((c) => c.header)).toEqual(["Measure", "Stage", "Unit", "Base", "Supplier late", "Supplier late Δ", "Supplier late Δ %"]);
  expect(comparison.rows).toHaveLength(5 + 4 * 6);
  expect(comparison.rows[1].slice(0, 3)).toEqual(["Cycle time", null, "t"]);
  expect(comparison.rows[1][5]).toBeCloseTo(3, 12);
  expect(comparison.rows.slice(5, 9).map((r) => [r[0], r[1], r[2]])).toEqual([
    ["Inbound service time SI", "Final Assembly", "t"], ["Committed service time S", "Final Assembly", "t"],
    ["Safety stock", "Final Assembly", "units"], ["Safety-stock cost", "Final Assembly", "per t"],
  ]);
});

test("only the figures that changed are shaded: four KPIs and Tube Cutting's SI, safety stock and its cost", () => {
  const shaded = [...new Set(comparison.fills!.map((f) => f.row))].map((r) => `${comparison.rows[r][0]}${comparison.rows[r][1] ? ` / ${comparison.rows[r][1]}` : ""}`);
  expect(shaded).toEqual([
    "Cycle time", "Inventory holding cost", "Safety-stock holding cost", "Inventory turns",
    "Inbound service time SI / Tube Cutting", "Safety stock / Tube Cutting", "Safety-stock cost / Tube Cutting",
  ]);
});

test("Scenario KPIs: one row per scenario, its changes in words, and charts of the two costs by scenario", () => {
  expect(kpis.rows.map((r) => [r[0], r[1]])).toEqual([["Base", "no changes"], ["Supplier late", "Stages Tube Cutting External Inbound Time = 8"]]);
  expect(kpis.charts!.map((c) => [c.kind, kpis.columns[c.categoryColumn].header, c.valueColumns.map((v) => kpis.columns[v].header)])).toEqual([
    ["column", "Scenario", ["Safety-stock holding cost (per t)"]],
    ["column", "Scenario", ["Inventory holding cost (per t)"]],
  ]);
  expect(kpis.links).toEqual([]); // JSON paths are not workbook cells
});
