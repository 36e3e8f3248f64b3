// Writes examples/demand-history.xlsx: the Figure 5 network with its two demand stages' Demand Rate
// and Demand Sd left blank and a year of daily Demand History instead (seeded), so `aps forecast`
// and `aps plan` show the forecast feeding the plan. Run: npx tsx examples/generator/demandHistoryExample.ts

import * as path from "node:path";
import ExcelJS from "exceljs";
import { seededRandom } from "../../src/engine/random";
import { figure5, networkWorkbook } from "./makeExamples";

/** A year of daily demand from 2025-01-01: Final Assembly smooth with a weekly pattern, Heat Treatment intermittent spare parts. */
export function demandHistoryRows(seed = 9): (string | Date | number)[][] {
  const random = seededRandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(Math.max(random(), 1e-12))) * Math.cos(2 * Math.PI * random());
  const weekday = [1.15, 1.1, 1.05, 1.0, 0.95, 0.85, 0.9];
  const rows: (string | Date | number)[][] = [];
  for (let day = 0; day < 365; day++) {
    const date = new Date(Date.UTC(2025, 0, 1 + day));
    rows.push(["Final Assembly", date, Math.max(0, Math.round(40 * weekday[day % 7] + 8 * normal()))]);
    if (random() < 0.3) rows.push(["Heat Treatment", date, Math.max(1, Math.round(16 + 5 * normal()))]);
  }
  return rows;
}

export function demandHistoryWorkbook(): ExcelJS.Workbook {
  const network = {
    ...figure5,
    stages: figure5.stages.map((s) => (s.demandRate !== undefined ? { ...s, demandRate: undefined, demandSd: undefined } : s)),
    settings: { ...figure5.settings, forecastHorizon: 28 },
  };
  const workbook = networkWorkbook(network as never, [
    "Figure 5 with demand history: Final Assembly and Heat Treatment leave Demand Rate and Demand Sd blank;",
    "aps plan takes them from the Demand History table (rate = mean forecast per day, sd = deviation of one-step errors).",
    "Try: npx aps forecast examples/demand-history.xlsx   and   npx aps plan examples/demand-history.xlsx",
  ]);
  const sheet = workbook.addWorksheet("Demand History");
  sheet.addTable({
    name: "DemandHistory", ref: "A1", headerRow: true, style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: ["Stage", "Period", "Quantity"].map((name) => ({ name, filterButton: true })),
    rows: demandHistoryRows(),
  });
  sheet.getColumn(1).width = 18;
  sheet.getColumn(2).width = 12;
  sheet.getColumn(2).numFmt = "yyyy-mm-dd";
  return workbook;
}

if (require.main === module) {
  demandHistoryWorkbook().xlsx.writeFile(path.join(__dirname, "..", "demand-history.xlsx")).then(() => console.log("wrote examples/demand-history.xlsx"));
}
