// Writes examples/machine-shop-rush.xlsx: the machine shop of machine-shop.xlsx with its published
// schedule, a rush order, the Mill down for four hours, customers with windows and tiers, and an
// escalation ladder. Run: npx tsx examples/generator/makeRescheduleExample.ts
import * as path from "node:path";
import ExcelJS from "exceljs";
import { reschedule } from "../../src/engine/reschedule/reschedule";
import { shopFromTables } from "../../src/workbook/shopTables";
import { openXlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";

const folder = path.join(__dirname, "..");

function addTable(sheet: ExcelJS.Worksheet, name: string, headers: string[], rows: unknown[][]): void {
  sheet.addTable({
    name, ref: "A1", headerRow: true, style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: headers.map((h) => ({ name: h, filterButton: true })), rows,
  });
  headers.forEach((h, c) => { sheet.getColumn(c + 1).width = Math.max(12, h.length + 3); });
}

async function main() {
  const source = await openXlsxWorkbook(path.join(folder, "machine-shop.xlsx"));
  const operations = (await source.readTable("Operations"))!;
  const planned = shopFromTables({ operations });
  const plan = reschedule(planned.shop, [], { at: 0, frozen: 0, maxIterations: 20_000, seed: 1, skipFullResolve: true });
  const customerOf = (job: string) => (/10[13]/.test(job) ? "Northwind" : /10[24]/.test(job) ? "Contoso" : "Fabrikam");
  const book = new ExcelJS.Workbook();
  const readMe = book.addWorksheet("Read Me");
  [
    "APS for Excel — example: rescheduling a machine shop when a rush order arrives and the Mill goes down",
    "Published Schedule: the schedule released to the shop floor at hour 0. Operations: the same orders, plus the rush order Order 199 (not yet published).",
    "Downtime: the Mill is down from hour 10 to 14. Customers: priority tiers, weights and delivery windows; Escalation: who acts from how many hours late.",
    "Run: npx aps reschedule examples/machine-shop-rush.xlsx examples/machine-shop-rush.xlsx --now 4 --frozen 2 --out rush.xlsx",
    "Quote: npx aps reschedule examples/machine-shop-rush.xlsx examples/machine-shop-rush.xlsx --now 4 --promise \"Order 199 Rush bracket\"",
  ].forEach((line, i) => { readMe.getCell(i + 1, 1).value = line; });
  readMe.getColumn(1).width = 140;
  const headers = ["Job", "Step", "Machine", "Duration", "Due Date", "Weight", "Customer"];
  const rows = operations.rows.filter((r) => r.some((v) => v !== null)).map((r) => [...r.slice(0, 6), customerOf(String(r[0]))]);
  rows.push(["Order 199 Rush bracket", 0, "Saw", 2, 14, 4, "Northwind"], ["Order 199 Rush bracket", 1, "Mill", 3, 14, 4, "Northwind"], ["Order 199 Rush bracket", 2, "Drill", 1, 14, 4, "Northwind"]);
  addTable(book.addWorksheet("Operations"), "Operations", headers, rows);
  book.getWorksheet("Operations")!.getColumn(1).width = 26;
  addTable(book.addWorksheet("Downtime"), "Downtime", ["Machine", "From", "To"], [["Mill", 10, 14]]);
  addTable(book.addWorksheet("Customers"), "Customers", ["Customer", "Priority Tier", "Weight", "Earliest", "Latest", "Owner"], [
    ["Northwind", 1, 1, null, null, "Dana (key account)"], ["Contoso", 2, 1, 10, 30, "Lee"], ["Fabrikam", 3, 1, null, null, "Sam"],
  ]);
  addTable(book.addWorksheet("Escalation"), "Escalation", ["Days Late From", "Level", "Role", "Contact"], [
    [0, 1, "Planner", "planner@example.com"], [4, 2, "Account owner", "accounts@example.com"], [12, 3, "Operations director", "director@example.com"],
  ]);
  addTable(book.addWorksheet("Settings"), "Settings", ["Name", "Value"], [["disruptionWeight", 1], ["atRiskSlack", 2]]);
  addTable(book.addWorksheet("Published Schedule"), "PublishedSchedule", ["Machine", "Job", "Step", "Start", "End"],
    plan.operations.map((op) => [planned.shop.machines[op.machine], planned.shop.jobs[op.job].id, op.step, op.start, op.end]));
  book.getWorksheet("Published Schedule")!.getColumn(2).width = 26;
  await book.xlsx.writeFile(path.join(folder, "machine-shop-rush.xlsx"));
}

main();
