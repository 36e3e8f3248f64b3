// Benchmark of the Excel adapter, counted by the fake Excel object model of the tests: syncs, request
// and response sizes for writes (plans of growing size, a large schedule) and for reads of tables
// too big for one response, beside the single load that Excel on the web refuses (no Excel here).

import { planRecord } from "../src/engine/plan";
import { solveJobShop } from "../src/engine/schedule/jobShop/solveJobShop";
import { excelPaneWorkbook } from "../src/workbook/excel/excelWorkbook";
import { planSheets } from "../src/workbook/plan/planSheets";
import type { ResultSheet } from "../src/workbook/port";
import { scheduleJobsSheet, scheduleOperationsSheet, scheduleSheet } from "../src/workbook/schedule/scheduleSheet";
import { randomNetwork } from "../examples/generator/randomNetwork";
import { demandHistoryRows, OPERATIONS_HEADERS, operationsRows } from "../test/workbook/excel/bigTables";
import { addFakeSheet, FakeExcel, FakeState, fakeState, PAYLOAD_LIMIT, putBlock } from "../test/workbook/excel/fakeExcel";

const mb = (b: number) => (b / 1e6).toFixed(2);
const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);

function row(label: string, cells: number, host: FakeExcel, ms: number, note = ""): string {
  return `| ${label} | ${cells.toLocaleString("en")} | ${host.syncs} | ${mb(Math.max(...host.payloads))} | ${mb(Math.max(...host.responses))}${note} | ${mb(sum(host.payloads) + sum(host.responses))} | ${ms.toFixed(0)} |`;
}

async function measure(label: string, sheets: ResultSheet[]): Promise<string> {
  const state = fakeState();
  addFakeSheet(state, "Input");
  const host = new FakeExcel(state);
  const started = performance.now();
  await excelPaneWorkbook(host).writeSheets(sheets);
  const ms = performance.now() - started;
  const cells = state.sheets.reduce((n, s) => n + s.cells.size, 0);
  return row(`write: ${label}`, cells, host, ms);
}

/** Reads a table in blocks (as the adapter does), then in one load where no limit applies (as it did before). */
async function measureRead(label: string, state: FakeState, table: string): Promise<string[]> {
  const cells = state.sheets.reduce((n, s) => n + s.cells.size, 0);
  const host = new FakeExcel(state);
  let started = performance.now();
  const { statistics } = await excelPaneWorkbook(host).readTablesWith([table]);
  const blocks = `read: ${label}, ${statistics.blocks.length} blocks`;
  const chunked = row(blocks, cells, host, performance.now() - started);
  const whole = new FakeExcel(state, { responseLimit: Infinity });
  started = performance.now();
  await excelPaneWorkbook(whole).readTablesWith([table], { budget: Infinity });
  const refused = Math.max(...whole.responses) > PAYLOAD_LIMIT ? " (refused)" : "";
  return [chunked, row(`read: ${label}, in one load as before`, cells, whole, performance.now() - started, refused)];
}

async function main(): Promise<void> {
  console.log("Excel adapter: result sheets written and input tables read through the fake Excel (syncs, requests and responses as it counts them; Excel on the web refuses either over 5 MB)");
  console.log("| run | cells | syncs | largest request (MB) | largest response (MB) | all requests + responses (MB) | time in the fake (ms) |");
  console.log("|---|---|---|---|---|---|---|");
  for (const stages of [100, 2000, 10000]) {
    const outcome = planRecord(randomNetwork({ stages, seed: 3, sharedShare: 0 }), {});
    if (!outcome.ok) throw new Error(outcome.errors.join("\n"));
    console.log(await measure(`plan, ${stages.toLocaleString("en")} stages`, planSheets(outcome.plan)));
  }
  const jobs = 500;
  const machines = 20;
  const instance = {
    machineCount: machines,
    jobs: Array.from({ length: jobs }, (_, j) => ({ operations: Array.from({ length: machines }, (_, k) => ({ machine: (j + k * 7) % machines, duration: 1 + ((j * 31 + k * 17) % 9) })) })),
  };
  const result = solveJobShop(instance, { maxIterations: 50, seed: 1 });
  const view = { ...result, machineCount: machines };
  console.log(await measure(`schedule, ${(jobs * machines).toLocaleString("en")} operations`, [scheduleSheet(view), scheduleOperationsSheet(view), scheduleJobsSheet(view)]));
  const shop = fakeState();
  putBlock(shop, "Shop", "A1", [OPERATIONS_HEADERS, ...operationsRows(60_000)], "Operations");
  for (const line of await measureRead("Operations, 60,000 rows × 6 columns of long text", shop, "Operations")) console.log(line);
  const history = fakeState();
  putBlock(history, "Demand History", "A1", [["Stage", "Period", "Quantity"], ...demandHistoryRows(200_000, 200)]);
  for (const line of await measureRead("Demand History sheet, 200,000 rows × 3 columns", history, "Demand History")) console.log(line);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
