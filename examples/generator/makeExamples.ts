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

function addTable(sheet: ExcelJS.Worksheet, name: string, ref: string, headers: string[], rows: unknown[][]): void {
  sheet.addTable({
    name, ref, headerRow: true, style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: headers.map((h) => ({ name: h, filterButton: true })),
    rows: rows.length > 0 ? rows : [headers.map(() => null)],
  });
  headers.forEach((h, c) => { sheet.getColumn(c + 1).width = Math.max(12, h.length + 3); });
}

/** A workbook with the Stages, Arcs and Settings tables of FORMATS.md §1, and a sheet that explains them. */
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
