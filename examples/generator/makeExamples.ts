// Writes the example workbooks and JSON of examples/: the paper's Figure 5 (a buyer and two
// suppliers) and a larger multi-partner network. Run: npx tsx examples/generator/makeExamples.ts

import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { STAGE_FIELDS, ARC_FIELDS } from "../../src/engine/network/fields";
import { randomNetwork } from "./randomNetwork";

type Row = Record<string, unknown>;

/** Figure 5: BikeCo assembles bicycles from FrameWorks' frames and GearTech's gear sets (days, euros). */
export const figure5 = {
  format: "aps-network/1",
  stages: [
    { id: "Final Assembly", owner: "BikeCo", demandRate: 40, demandSd: 12, serviceLevel: 0.98, processingTime: 0.5, holdingCost: 0.45, orderCost: 400, serviceCost: 2, penaltyCost: 8, maxServiceTime: 2, lotSizeModel: "classic" },
    { id: "Paint Shop", owner: "BikeCo", processingTime: 1, holdingCost: 0.3, orderCost: 250, serviceCost: 1.5, penaltyCost: 6, lotSizeModel: "classic" },
    { id: "Frame Welding", owner: "FrameWorks", processingTime: 2, holdingCost: 0.22, orderCost: 300, serviceCost: 1.2, penaltyCost: 5, lotSizeModel: "production" },
    { id: "Tube Cutting", owner: "FrameWorks", processingTime: 1, holdingCost: 0.03, orderCost: 150, serviceCost: 0.4, penaltyCost: 0.6, externalInboundTime: 5, externalInboundSd: 0.05, lotSizeModel: "production" },
    { id: "Gear Machining", owner: "GearTech", processingTime: 1.5, holdingCost: 0.06, orderCost: 500, backorderCost: 0.6, serviceCost: 0.8, penaltyCost: 2, externalInboundTime: 3, externalInboundSd: 0.04, lotSizeModel: "production-backorder" },
    { id: "Heat Treatment", owner: "GearTech", demandRate: 5, demandSd: 3, serviceLevel: 0.95, processingTime: 1, holdingCost: 0.08, orderCost: 350, backorderCost: 0.8, serviceCost: 0.9, penaltyCost: 2.5, maxServiceTime: 1, lotSizeModel: "backorder" },
  ],
  arcs: [
    { from: "Tube Cutting", to: "Frame Welding", quantity: 3 },
    { from: "Frame Welding", to: "Paint Shop", quantity: 1 },
    { from: "Paint Shop", to: "Final Assembly", quantity: 1 },
    { from: "Gear Machining", to: "Heat Treatment", quantity: 1 },
    { from: "Heat Treatment", to: "Final Assembly", quantity: 2 },
  ],
  settings: { defaultServiceLevel: 0.95, periodsPerYear: 365, placementMethod: "auto" },
};

export function addTable(sheet: ExcelJS.Worksheet, name: string, ref: string, headers: string[], rows: unknown[][]): void {
  sheet.addTable({
    name, ref, headerRow: true, style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: headers.map((h) => ({ name: h, filterButton: true })),
    rows: rows.length > 0 ? rows : [headers.map(() => null)],
  });
  headers.forEach((h, c) => { sheet.getColumn(c + 1).width = Math.max(12, h.length + 3); });
}

/** A workbook with the Stages, Arcs and Settings tables of docs/formats.md §1, and a sheet that explains them. */
export function networkWorkbook(network: { stages: Row[]; arcs: Row[]; settings: Row }, about: string[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "APS for Excel";
  const readMe = workbook.addWorksheet("Read Me");
  about.forEach((line, i) => { readMe.getCell(i + 1, 1).value = line; });
  readMe.getCell(1, 1).font = { bold: true, size: 14 };
  readMe.getColumn(1).width = 110;
  const used = STAGE_FIELDS.filter((f) => network.stages.some((s) => s[f.name] !== undefined && s[f.name] !== null));
  addTable(workbook.addWorksheet("Stages"), "Stages", "A1", used.map((f) => f.header), network.stages.map((s) => used.map((f) => s[f.name] ?? null)));
  addTable(workbook.addWorksheet("Arcs"), "Arcs", "A1", ARC_FIELDS.map((f) => f.header), network.arcs.map((a) => ARC_FIELDS.map((f) => a[f.name] ?? null)));
  const settings = workbook.addWorksheet("Settings");
  addTable(settings, "Settings", "A1", ["Name", "Value"], Object.entries(network.settings).map(([k, v]) => [k, v]));
  settings.getColumn(1).width = 24;
  for (const name of ["Stages", "Arcs", "Settings"]) workbook.getWorksheet(name)!.views = [{ state: "frozen", ySplit: 1 }];
  return workbook;
}

/**
 * Four what-if scenarios on Figure 5 (docs/scenarios.md): each row changes one input of a copy of
 * the network; rows of one scenario combine; a blank Value clears the field.
 */
export const FIGURE5_SCENARIOS: [string, string, string, string, unknown][] = [
  ["Supplier late", "Stages", "Tube Cutting", "External Inbound Time", 8],
  ["Demand surge", "Stages", "Final Assembly", "Demand Rate", 50],
  ["Demand surge", "Stages", "Final Assembly", "Demand Sd", 15],
  ["Next-day promise", "Stages", "Final Assembly", "Max Service Time", 1],
  ["No spare-parts sales", "Stages", "Heat Treatment", "Demand Rate", null],
  ["No spare-parts sales", "Stages", "Heat Treatment", "Demand Sd", null],
  ["No spare-parts sales", "Stages", "Heat Treatment", "Max Service Time", null],
];

/** Figure 5 with a Scenarios table (Scenario, Table, Key, Column, Value) for `aps plan --scenarios`. */
export function scenarioWorkbook(): ExcelJS.Workbook {
  const workbook = networkWorkbook(figure5, [
    "APS for Excel — example: what-if scenarios on the buyer and two suppliers (the paper's Figure 5)",
    "Scenarios: one row per change (Scenario, Table: Stages / Arcs / Settings, Key: the stage Id, the arc From→To or the setting name,",
    "Column: the column to change, Value: its new value; blank clears it). Rows of one scenario combine; each scenario changes a copy of the network.",
    "Supplier late: FrameWorks' steel supplier quotes 8 days instead of 5. Demand surge: bicycle demand 40 → 50 a day (sd 12 → 15).",
    "Next-day promise: BikeCo promises 1 day instead of 2. No spare-parts sales: GearTech stops selling gear sets directly.",
    "Run: npx aps plan examples/supply-chain-scenarios.xlsx --scenarios --out scenarios.xlsx   (adds Scenario Comparison and Scenario KPIs sheets)",
  ]);
  addTable(workbook.addWorksheet("Scenarios"), "Scenarios", "A1", ["Scenario", "Table", "Key", "Column", "Value"], FIGURE5_SCENARIOS);
  const sheet = workbook.getWorksheet("Scenarios")!;
  sheet.getColumn(1).width = 22;
  sheet.getColumn(3).width = 18;
  sheet.getColumn(4).width = 22;
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return workbook;
}

/** A machine shop's week: six customer orders routed over four machines (hours), with due dates and weights. */
const SHOP_ORDERS: [string, number, number, [string, number][]][] = [
  ["Order 101 Pump housing", 18, 2, [["Saw", 3], ["Lathe", 6], ["Mill", 5], ["Drill", 2]]],
  ["Order 102 Gear shaft", 16, 3, [["Saw", 2], ["Lathe", 8], ["Drill", 1], ["Mill", 4]]],
  ["Order 103 Valve body", 24, 1, [["Mill", 7], ["Drill", 3], ["Saw", 2], ["Lathe", 3]]],
  ["Order 104 Bracket", 10, 1, [["Saw", 1], ["Drill", 2], ["Mill", 3], ["Lathe", 1]]],
  ["Order 105 Flange", 20, 2, [["Lathe", 4], ["Mill", 6], ["Drill", 4], ["Saw", 2]]],
  ["Order 106 Coupling", 30, 1, [["Drill", 3], ["Lathe", 5], ["Saw", 3], ["Mill", 5]]],
];

/** The paint line's colours and changeover minutes: light to dark is quick, dark to light needs a full clean. */
const PAINT_COLOURS = ["White", "Yellow", "Orange", "Red", "Blue", "Black"];
function changeoverMinutes(from: number, to: number): number {
  return to >= from ? 10 + 5 * (to - from) : 45 + 12 * (from - to);
}

/** A workbook with an Operations table (job shop) and a Changeovers table (paint line sequencing). */
export function scheduleWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "APS for Excel";
  const readMe = workbook.addWorksheet("Read Me");
  [
    "APS for Excel — example: scheduling a machine shop and sequencing a paint line",
    "Operations: one row per operation (Job, Step from 0, Machine, Duration in hours, Due Date in hours from now, Weight; Alternative Machines: where else it may run when you move it by hand).",
    "Changeovers: minutes to change the paint line From Product → To Product; the first row's From Product is the colour running now.",
    "Run: npx aps schedule examples/machine-shop.xlsx --out shop-schedule.xlsx   (a Schedule sheet with a Gantt view is added to the copy)",
  ].forEach((line, i) => { readMe.getCell(i + 1, 1).value = line; });
  readMe.getCell(1, 1).font = { bold: true, size: 14 };
  readMe.getColumn(1).width = 110;
  const rows: unknown[][] = [];
  // The Mill can also drill: a planner may move a Drill operation there by hand (docs/editing.md).
  for (const [job, due, weight, route] of SHOP_ORDERS) route.forEach(([machine, hours], step) => rows.push([job, step, machine, hours, due, weight, machine === "Drill" ? "Mill" : null]));
  addTable(workbook.addWorksheet("Operations"), "Operations", "A1", ["Job", "Step", "Machine", "Duration", "Due Date", "Weight", "Alternative Machines"], rows);
  workbook.getWorksheet("Operations")!.getColumn(1).width = 26;
  const changeovers: unknown[][] = [];
  PAINT_COLOURS.forEach((from, i) => PAINT_COLOURS.forEach((to, j) => { if (i !== j) changeovers.push([from, to, changeoverMinutes(i, j)]); }));
  addTable(workbook.addWorksheet("Changeovers"), "Changeovers", "A1", ["From Product", "To Product", "Time"], changeovers);
  return workbook;
}

async function main(): Promise<void> {
  const folder = path.resolve(__dirname, "..");
  fs.writeFileSync(path.join(folder, "supply-chain.json"), JSON.stringify(figure5, null, 1) + "\n");
  await networkWorkbook(figure5, [
    "APS for Excel — example: a buyer and two suppliers (the paper's Figure 5)",
    "BikeCo assembles bicycles (Final Assembly, Paint Shop). FrameWorks welds frames from cut tubes; GearTech machines and heat-treats gear sets,",
    "and also sells spare gear sets directly (external demand at Heat Treatment). Time unit: days; costs in euros.",
    "Tables: Stages (one row per stage), Arcs (From consumes… To uses Quantity units of From per unit), Settings (Name / Value).",
    "Blank cells mean 'not given'. Run the plan: npm run plan  (or: npx aps plan examples/supply-chain.xlsx --out plan.xlsx).",
  ]).xlsx.writeFile(path.join(folder, "supply-chain.xlsx"));

  await scenarioWorkbook().xlsx.writeFile(path.join(folder, "supply-chain-scenarios.xlsx"));

  await scheduleWorkbook().xlsx.writeFile(path.join(folder, "machine-shop.xlsx"));

  const large = randomNetwork({ stages: 240, seed: 2012, sharedShare: 0.05, products: 8 });
  fs.writeFileSync(path.join(folder, "large-network.json"), JSON.stringify(large, null, 1) + "\n");
  await networkWorkbook(large, [
    "APS for Excel — example: a 240-stage network of eight products and four partners",
    "Generated (seeded) by examples/generator/makeExamples.ts; a few components feed two customers, so the network is not a tree.",
    "Run: npx aps plan examples/large-network.xlsx --out large-plan.xlsx",
  ]).xlsx.writeFile(path.join(folder, "large-network.xlsx"));
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
