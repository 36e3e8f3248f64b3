// A copy of examples/supply-plan.xlsx with a Scenarios table that varies its supply tables, run as a
// user does: `aps plan BOOK --scenarios` (JSON, summary, sheets) and the pane's Scenarios job.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { addTable } from "../../examples/generator/makeExamples";
import { bikeSupplyRecord, supplyTablesWorkbook } from "../../examples/generator/supplyPlanExample";
import type { ScenarioComparison } from "../../src/engine/scenarios";
import { jobById } from "../../src/workbook/jobs/registry";
import { openXlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { runAps } from "../support/runCli";

let folder: string;
let book: string;
beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "aps-supply-scenarios-"));
  const workbook = supplyTablesWorkbook(bikeSupplyRecord(), ["The supply plan example with scenarios"]);
  addTable(workbook.addWorksheet("Scenarios"), "Scenarios", "A1", ["Scenario", "Table", "Key", "Column", "Value"], [
    ["Paint overtime +20", "Resources", "Paint Line", "Overtime Capacity", 60],
    ["Paint line cut", "Resources", "Paint Line", "Capacity", 250],
    ["Longer horizon", "Settings", "horizon", "Value", 30],
  ]);
  book = path.join(folder, "supply-scenarios.xlsx");
  await workbook.xlsx.writeFile(book);
});
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

test("aps plan BOOK --scenarios --json compares the supply plans: overtime not worse, a cut paint line worse", async () => {
  const run = await runAps("plan", book, "--scenarios", "--json");
  expect(run.status).toBe(0);
  const comparison = JSON.parse(run.stdout) as ScenarioComparison;
  const [base, overtime, cut, longer] = comparison.scenarios;
  expect(overtime.changes[0].where).toBe("Scenarios!E2");
  expect(base.supply!.order).toBe("same");
  expect(["better", "same"]).toContain(overtime.supply!.order);
  expect(overtime.supply!.objective.lateness.find((l) => l.tier === 2)!.difference).toBeLessThan(0);
  expect(cut.supply!.order).toBe("worse");
  expect(longer.supply!.status).toBe("optimal");
  // The network plan is the same in every scenario: the changes are in the supply tables and settings only.
  for (const s of comparison.scenarios) expect(s.kpis.safetyStockHoldingCost.difference).toBe(0);
});

test("--out writes the supply measures into Scenario Comparison and Scenario KPIs; the summary names the order", async () => {
  const out = path.join(folder, "out.xlsx");
  const run = await runAps("plan", book, "--scenarios", "--out", out);
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/Paint line cut: optimal; worse than Base/);
  const written = new ExcelJS.Workbook();
  await written.xlsx.readFile(out);
  const sheet = written.getWorksheet("Scenario Comparison")!;
  const labels: string[] = [];
  sheet.eachRow((r) => labels.push(String(r.getCell(1).value)));
  expect(labels).toEqual(expect.arrayContaining(["Supply: lateness, tier 1", "Supply: lateness, tier 2", "Supply: cost", "Supply: on time, tier 2", "Supply: peak utilisation"]));
  const kpis = written.getWorksheet("Scenario KPIs")!;
  const headers: string[] = [];
  kpis.eachRow((r) => r.eachCell((c) => headers.push(String(c.value))));
  expect(headers).toEqual(expect.arrayContaining(["Supply plan", "Late unit-periods", "Supply cost"]));
});

test("the pane's Scenarios job gives each scenario's card its supply plan against the base", async () => {
  const job = jobById("scenarios")!;
  const port = await openXlsxWorkbook(book);
  const tables: Record<string, Awaited<ReturnType<typeof port.readTable>>> = {};
  for (const name of job.tables) tables[name] = await port.readTable(name);
  const output = await job.run({ tables, options: {} }, () => undefined);
  expect(output.status).toBe("done");
  expect(output.cards.map((c) => c.label)).toEqual(["Base", "Paint overtime +20", "Paint line cut", "Longer horizon"]);
  expect(output.cards[2].detail).toMatch(/supply plan optimal, worse than the base: lateness tier 1 .*tier 2 .*on time tier 1 .*peak utilisation/);
});

test("aps plan FILE.json --scenarios: a JSON record's scenarios list varies its supply tables alike", async () => {
  const file = path.join(folder, "supply-scenarios.json");
  fs.writeFileSync(file, JSON.stringify({
    ...bikeSupplyRecord(),
    scenarios: [
      { scenario: "More FrameWorks frames", table: "Period Commitments", key: "Frame Welding @ 9", column: "Quantity", value: 400 },
      { scenario: "Bad", table: "Demands", key: "Final Assembly @ 3 @ Nobody", column: "Quantity", value: -1 },
    ],
  }));
  const refused = await runAps("plan", file, "--scenarios", "--json");
  expect(refused.status).toBe(2);
  expect(refused.stderr).toContain('scenarios[1].value (scenario "Bad" adds Demands "Final Assembly @ 3 @ Nobody"): quantity must not be negative (got -1).');
  const json = JSON.parse(fs.readFileSync(file, "utf8"));
  json.scenarios.pop();
  fs.writeFileSync(file, JSON.stringify(json));
  const run = await runAps("plan", file, "--scenarios", "--json");
  expect(run.status).toBe(0);
  const comparison = JSON.parse(run.stdout) as ScenarioComparison;
  expect(comparison.scenarios[1].changes).toEqual([{ table: "Period Commitments", key: "Frame Welding @ 9", column: "Quantity", value: 400, where: "scenarios[0].value" }]);
  expect(["better", "same"]).toContain(comparison.scenarios[1].supply!.order);
});

test("the pane's Scenarios job names a refused supply value at its Scenarios cell and the cell it sets", async () => {
  const job = jobById("scenarios")!;
  const port = await openXlsxWorkbook(book);
  const tables: Record<string, Awaited<ReturnType<typeof port.readTable>>> = {};
  for (const name of job.tables) tables[name] = await port.readTable(name);
  const scenarios = tables.Scenarios!;
  tables.Scenarios = { ...scenarios, rows: scenarios.rows.map((r, i) => (i === 1 ? [...r.slice(0, 4), -5] : r)) };
  const output = await job.run({ tables, options: {} }, () => undefined);
  expect(output.status).toBe("invalid");
  expect(output.exceptions).toEqual([{ severity: "error", where: "Scenarios!E3", field: "Capacity", message: 'Scenarios!E3 (scenario "Paint line cut" sets Resources!B2): Capacity must not be negative (got -5).' }]);
});
