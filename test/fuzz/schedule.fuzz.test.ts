// `aps schedule` under ≥ 10,000 generated bad inputs (job-shop texts, TSPLIB files, garbage, .xlsx
// workbooks): every one gets exit 0 with a schedule or exit 2 with messages naming the file.

import fc from "fast-check";
import { garbageFile } from "./support/files";
import { CliRun, fuzzCommand } from "./support/harness";
import { jobShopFile, oddScheduleText, scheduleWorkbookFile, tsplibFile } from "./support/schedules";

/** A result (exit 0) is the JSON of a schedule or a sequence. */
function checkResult(run: CliRun): void {
  if (run.status !== 0) return;
  const result = JSON.parse(run.stdout);
  if (result.format !== "aps-schedule/1" && result.format !== "aps-sequence/1") throw new Error(`exit 0 printed ${String(result.format)}`);
}

fuzzCommand({
  command: "schedule",
  args: (file) => ["schedule", file, "--iterations", "20", "--seed", "1", "--json"],
  messagesOf: () => "", // the JSON result holds no messages
  check: (run) => checkResult(run),
  inputs: [
    { label: "job-shop texts damaged word by word", runs: 5_000, file: jobShopFile("shop.txt") },
    { label: "TSPLIB files damaged word by word", runs: 4_000, file: fc.oneof(tsplibFile("line.atsp"), tsplibFile("line.txt")) },
    { label: "garbage and odd text", runs: 1_000, file: fc.oneof(garbageFile("shop.txt"), garbageFile("line.atsp"), garbageFile("shop.xlsx"), oddScheduleText("shop.txt")) },
    { label: ".xlsx workbooks with Operations and Changeovers, odd cells, merges, hidden rows, extra sheets", runs: 200, file: scheduleWorkbookFile("shop.xlsx"), timeoutMs: 120_000 },
  ],
});
