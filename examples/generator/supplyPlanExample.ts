// Writes examples/supply-plan.xlsx (and its JSON twin supply-plan.json): the bike chain of Figure 5
// planned week by week over 26 weeks (docs/supply.md): three customers in two tiers, a paint-line
// bottleneck, and FrameWorks' period commitments short of what is needed. Run:
// npx tsx examples/generator/supplyPlanExample.ts

import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { SUPPLY_JSON_KEYS, SUPPLY_TABLE_FIELDS } from "../../src/engine/supply";
import { addTable, figure5, networkWorkbook } from "./makeExamples";

type Row = Record<string, unknown>;
const WEEKS = 26;

/** Per stage: the supply columns of docs/formats.md §10 added to Figure 5's stages (weeks; euros per unit). */
const SUPPLY_COLUMNS: Record<string, Row> = {
  "Final Assembly": { leadTimePeriods: 1, onHand: 420, unitCost: 30 },
  "Paint Shop": { leadTimePeriods: 1, onHand: 200, unitCost: 12 },
  "Frame Welding": { leadTimePeriods: 1, onHand: 250, unitCost: 25 },
  "Tube Cutting": { leadTimePeriods: 1, onHand: 1800, unitCost: 4, safetyStockTarget: 0 },
  "Gear Machining": { leadTimePeriods: 1, onHand: 1300, unitCost: 9 },
  "Heat Treatment": { leadTimePeriods: 1, onHand: 1500, unitCost: 6 },
};

/** Weekly bicycles per customer: a spring peak in weeks 9-14 (the paint line cannot keep up). */
function bikesDemand(week: number): Record<string, number> {
  const peak = week >= 9 && week <= 14 ? 1.25 : 1;
  return {
    CityBikes: Math.round(150 * peak),
    TrailShop: Math.round((80 + (week % 3) * 10) * peak),
    "Velo Club": Math.round((50 + (week % 2) * 10) * peak),
  };
}

/** The aps-network/1 record of the example: Figure 5 plus every supply table. */
export function bikeSupplyRecord(): Row {
  const demands: Row[] = [];
  for (let week = 1; week <= WEEKS; week++) {
    for (const [customer, quantity] of Object.entries(bikesDemand(week))) demands.push({ stage: "Final Assembly", period: week, quantity, customer });
    demands.push({ stage: "Heat Treatment", period: week, quantity: 30, customer: "Velo Club" });
  }
  // FrameWorks answered the buyer's requests for weeks 2-13: 285 frames a week, less than the peak needs.
  const periodCommitments = Array.from({ length: 12 }, (_, k) => ({ stage: "Frame Welding", period: 2 + k, quantity: 285 }));
  return {
    format: "aps-network/1",
    stages: figure5.stages.map((s) => ({ ...s, ...SUPPLY_COLUMNS[s.id] })),
    arcs: figure5.arcs,
    settings: { ...figure5.settings, horizon: WEEKS, periodLength: 7, frozenPeriods: 1, planStart: "2027-01-04", supplyTimeLimit: 60 },
    customers: [{ id: "CityBikes", tier: 1 }, { id: "TrailShop", tier: 2 }, { id: "Velo Club", tier: 2 }],
    resources: [
      { id: "Paint Line", capacity: 300, overtimeCapacity: 40, overtimeCost: 18 },
      { id: "Assembly Line", capacity: 500, overtimeCapacity: 0, overtimeCost: 0 },
      { id: "Welding Cell", capacity: 500, overtimeCapacity: 40, overtimeCost: 10 },
    ],
    // Week 12: the paint line stops two days for maintenance.
    resourceCapacity: [{ resource: "Paint Line", period: 12, capacity: 180 }],
    resourceLoads: [
      { stage: "Paint Shop", resource: "Paint Line", usage: 1 },
      { stage: "Final Assembly", resource: "Assembly Line", usage: 1 },
      { stage: "Frame Welding", resource: "Welding Cell", usage: 1 },
    ],
    openSupply: [
      { stage: "Final Assembly", period: 1, quantity: 250 },
      { stage: "Paint Shop", period: 1, quantity: 260 },
      { stage: "Frame Welding", period: 1, quantity: 260 },
    ],
    periodCommitments,
    demands,
  };
}

/** A workbook holding a record's tables: Stages / Arcs / Settings and each supply table present (tables named without spaces). */
export function supplyTablesWorkbook(record: Row, about: string[]): ExcelJS.Workbook {
  const workbook = networkWorkbook(record as { stages: Row[]; arcs: Row[]; settings: Row }, about);
  for (const [table, { fields }] of Object.entries(SUPPLY_TABLE_FIELDS)) {
    const rows = record[SUPPLY_JSON_KEYS[table as keyof typeof SUPPLY_JSON_KEYS]] as Row[] | undefined;
    if (!Array.isArray(rows)) continue;
    const sheet = workbook.addWorksheet(table);
    addTable(sheet, table.replace(/ /g, ""), "A1", fields.map((f) => f.header), rows.map((r) => fields.map((f) => r[f.name] ?? null)));
    sheet.views = [{ state: "frozen", ySplit: 1 }];
  }
  return workbook;
}

export function supplyPlanWorkbook(): ExcelJS.Workbook {
  return supplyTablesWorkbook(bikeSupplyRecord(), [
    "APS for Excel — example: the supply plan over time of the bike chain (Figure 5), week by week over 26 weeks",
    "Customers: CityBikes (tier 1) before TrailShop and Velo Club (tier 2). Demands: bicycles at Final Assembly, gear sets at Heat Treatment.",
    "Resources: the Paint Line (300 a week, 40 overtime; 180 in week 12 for maintenance) is the bottleneck in the spring peak (weeks 9-14).",
    "Period Commitments: FrameWorks commits 285 frames a week in weeks 2-13, short of the peak's needs.",
    "Run: npx aps supply examples/supply-plan.xlsx --out supply.xlsx   (Supply Plan, Resource Load, Planned Orders, Demand Fulfilment, Exceptions)",
    "Promise: npx aps supply examples/supply-plan.xlsx --promise \"Final Assembly\" --period 20 --quantity 100",
  ]);
}

if (require.main === module) {
  const dir = path.join(__dirname, "..");
  fs.writeFileSync(path.join(dir, "supply-plan.json"), JSON.stringify(bikeSupplyRecord(), null, 1) + "\n");
  supplyPlanWorkbook().xlsx.writeFile(path.join(dir, "supply-plan.xlsx")).then(() => console.log("wrote examples/supply-plan.xlsx and supply-plan.json"));
}
