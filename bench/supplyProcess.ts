// Benchmark of the whole `aps supply` process (npm run bench:supply-process): a seeded random network
// (100 stages × 26 periods × 10 resources × 3 tiers by default) written as a workbook and as JSON,
// then `aps supply FILE --out OUT.xlsx` in-process (read the tables, plan, write the sheets), beside
// the engine's solve alone. Prints a table; asserts nothing. Target: under 3 s for the workbook.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { supplyTablesWorkbook } from "../examples/generator/supplyPlanExample";
import { main } from "../src/cli/main";
import { solveSupply } from "../src/engine/supply";
import type { SupplyProblem } from "../src/engine/supply";
import { loadHighsModule } from "../src/workbook/supply/highsProvider";
import { supplySheets } from "../src/workbook/supply/supplySheets";
import { readWorkbookSupply } from "../src/workbook/supply/supplyTables";
import { supplyWorkbookTables } from "../src/workbook/supply/supplyWorkbook";
import { openXlsxWorkbook } from "../src/workbook/xlsx/xlsxWorkbook";
import { supplyJob } from "../src/workbook/supply/supplyJob";
import type { TableData } from "../src/workbook/port";
import { workerSeconds } from "./supplyWorker";
import { randomSupplyProblem } from "../test/supply/randomSupply";

type Row = Record<string, unknown>;

/** The aps-network/1 record (FORMATS.md §10) of a supply problem: what a user's tables would hold. */
export function supplyRecordOf(p: SupplyProblem): Row {
  const rowsOf = (values: (number | null)[], stage: string) => values.flatMap((q, t) => (q === null || q === 0 ? [] : [{ stage, period: t + 1, quantity: q }]));
  const tiers = new Map(p.demands.filter((d) => d.customer !== null).map((d) => [d.customer!, d.tier]));
  return {
    format: "aps-network/1",
    stages: p.stages.map((s) => ({
      id: s.id, leadTimePeriods: s.leadTimePeriods, onHand: s.onHand, unitCost: s.unitCost, holdingCost: s.holdingCost,
      safetyStockTarget: s.safetyStockTarget, ...(s.releaseCap[0] !== null ? { capacityPerPeriod: s.releaseCap[0] } : {}),
    })),
    arcs: p.arcs.map((a) => ({ from: p.stages[a.component].id, to: p.stages[a.consumer].id, quantity: a.quantity })),
    settings: { horizon: p.horizon, periodLength: p.periodLength, frozenPeriods: p.frozenPeriods },
    customers: [...tiers].map(([id, tier]) => ({ id, tier })),
    resources: p.resources.map((r) => ({ id: r.id, capacity: r.capacity[0], overtimeCapacity: r.overtimeCapacity[0], overtimeCost: r.overtimeCost })),
    resourceCapacity: p.resources.flatMap((r) => r.capacity.flatMap((c, t) => (c === r.capacity[0] ? [] : [{ resource: r.id, period: t + 1, capacity: c }]))),
    resourceLoads: p.loads.map((l) => ({ stage: p.stages[l.stage].id, resource: p.resources[l.resource].id, usage: l.usage })),
    openSupply: p.stages.flatMap((s) => rowsOf(s.openSupply, s.id)),
    periodCommitments: p.stages.flatMap((s) => rowsOf(s.commitments, s.id)),
    demands: p.demands.map((d) => ({ stage: p.stages[d.stage].id, period: d.period, quantity: d.quantity, ...(d.customer !== null ? { customer: d.customer } : {}) })),
  };
}

const quiet = { stdout: () => undefined, stderr: (t: string) => process.stderr.write(t) };

async function timed(args: string[]): Promise<number> {
  const started = performance.now();
  const status = await main(args, quiet);
  if (status !== 0) throw new Error(`aps ${args.join(" ")} exited ${status}`);
  return (performance.now() - started) / 1000;
}

async function run(): Promise<void> {
  const [stages, periods, resources, tiers] = (process.argv[2] ?? "100x26x10x3").split("x").map(Number);
  const problem = randomSupplyProblem(11, { stages, periods, resources, tiers });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aps-supply-process-"));
  try {
    const record = supplyRecordOf(problem);
    const json = path.join(dir, "network.json");
    const xlsx = path.join(dir, "network.xlsx");
    fs.writeFileSync(json, JSON.stringify(record));
    await supplyTablesWorkbook(record, ["bench"]).xlsx.writeFile(xlsx);
    const highs = await loadHighsModule();
    const engineStart = performance.now();
    const result = solveSupply(problem, highs, { timeLimit: 600 });
    const engine = (performance.now() - engineStart) / 1000;
    const rows: string[][] = [["what", "seconds"]];
    rows.push([`engine alone (solveSupply, ${result.status})`, engine.toFixed(2)]);
    rows.push(["aps supply JSON --json (first run: ExcelJS not loaded)", (await timed(["supply", json, "--json", "--out", path.join(dir, "out.json")])).toFixed(2)]);
    rows.push(["aps supply XLSX --out OUT.xlsx (read + plan + write)", (await timed(["supply", xlsx, "--out", path.join(dir, "out.xlsx")])).toFixed(2)]);
    rows.push(["aps supply XLSX --out OUT.xlsx (again, warm)", (await timed(["supply", xlsx, "--out", path.join(dir, "out2.xlsx")])).toFixed(2)]);
    // The same process in phases: open and read the tables; read + validate + solve; sheets + save.
    let t = performance.now();
    const book = await openXlsxWorkbook(xlsx);
    await readWorkbookSupply(book);
    rows.push(["  phase: open the workbook and read the tables", ((performance.now() - t) / 1000).toFixed(2)]);
    t = performance.now();
    const outcome = await supplyWorkbookTables(book, highs, { timeLimit: 600 });
    rows.push(["  phase: read, validate and solve (supplyWorkbookTables)", ((performance.now() - t) / 1000).toFixed(2)]);
    if (!outcome.ok) throw new Error(outcome.errors.join("\n"));
    t = performance.now();
    await book.writeSheets(supplySheets(outcome));
    await book.saveAs(path.join(dir, "out3.xlsx"));
    rows.push(["  phase: build the five sheets and save the copy", ((performance.now() - t) / 1000).toFixed(2)]);
    const tables: Record<string, TableData | null> = {};
    for (const name of supplyJob.tables) tables[name] = await book.readTable(name);
    const worker = await workerSeconds(tables);
    rows.push(["the pane's job worker in Chromium (tables in, sheets out)", worker]);
    console.log(`${stages} stages × ${periods} periods × ${resources} resources × ${tiers} tiers: ${problem.demands.length} demand rows; target: whole process under 3 s`);
    const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
    for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(widths[c])).join("  "));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void run();
