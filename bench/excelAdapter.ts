// Benchmark of the Excel adapter's writes, counted by the fake Excel object model of the tests:
// syncs and request sizes for plans of growing size and a large schedule (Excel itself is not here).

import { planRecord } from "../src/engine/plan";
import { solveJobShop } from "../src/engine/schedule/solveJobShop";
import { excelPaneWorkbook } from "../src/workbook/excel/excelWorkbook";
import { planSheets } from "../src/workbook/planSheets";
import type { ResultSheet } from "../src/workbook/port";
import { scheduleJobsSheet, scheduleOperationsSheet, scheduleSheet } from "../src/workbook/scheduleSheet";
import { randomNetwork } from "../examples/generator/randomNetwork";
import { addFakeSheet, FakeExcel, fakeState } from "../test/workbook/excel/fakeExcel";

async function measure(label: string, sheets: ResultSheet[]): Promise<string> {
  const state = fakeState();
  addFakeSheet(state, "Input");
  const host = new FakeExcel(state);
  const started = performance.now();
  await excelPaneWorkbook(host).writeSheets(sheets);
  const ms = performance.now() - started;
  const cells = state.sheets.reduce((n, s) => n + s.cells.size, 0);
  const mb = (b: number) => (b / 1e6).toFixed(2);
  return `| ${label} | ${cells.toLocaleString("en")} | ${host.syncs} | ${mb(Math.max(...host.payloads))} | ${mb(host.payloads.reduce((a, b) => a + b, 0))} | ${ms.toFixed(0)} |`;
}

async function main(): Promise<void> {
  console.log("Excel adapter: result sheets written through the fake Excel (syncs and request sizes as it counts them)");
  console.log("| write | cells | syncs | largest request (MB) | all requests (MB) | time in the fake (ms) |");
  console.log("|---|---|---|---|---|---|");
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
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
