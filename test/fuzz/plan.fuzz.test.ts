// `aps plan` under ≥ 10,000 generated bad inputs (aps-network/1 JSON, garbage, .xlsx workbooks):
// every one gets exit 0 with a plan or exit 2 with messages naming the file and the user's fields.

import fc from "fast-check";
import * as fs from "node:fs";
import { badJsonFile, garbageFile } from "./support/files";
import { CliRun, fuzzCommand } from "./support/harness";
import { networkRecord, networkWorkbookFile } from "./support/networks";

/** The plan's own messages (its exceptions) when it succeeded, checked like the errors are. */
function exceptionsOf(run: CliRun): string {
  const plan = JSON.parse(run.stdout);
  if (plan.format !== "aps-plan/1") throw new Error(`exit 0 printed ${String(plan.format)}, not aps-plan/1`);
  return plan.exceptions.map((e: { message: string }) => e.message).join("\n");
}

fuzzCommand({
  command: "plan",
  args: (file) => (file.endsWith(".xlsx") ? ["plan", file, "--json", "--out", `${file}.plan.xlsx`] : ["plan", file, "--json"]),
  messagesOf: (run) => (run.status === 0 ? exceptionsOf(run) : run.stderr),
  check: (run, file, full) => {
    if (!file.name.endsWith(".xlsx")) return;
    const written = fs.existsSync(`${full}.plan.xlsx`);
    if (written !== (run.status === 0)) throw new Error(`exit ${run.status} but the output was ${written ? "" : "not "}written`);
  },
  inputs: [
    { label: "aps-network/1 JSON with odd fields, types, numbers and structure", runs: 9_500, file: badJsonFile("network.json", networkRecord) },
    { label: "truncated, garbage and other-format files", runs: 500, file: fc.oneof(garbageFile("network.json"), garbageFile("network.xlsx")) },
    { label: ".xlsx workbooks with merged cells, formulas, errors, links, rich text, hidden rows, extra sheets", runs: 200, file: networkWorkbookFile("network.xlsx"), timeoutMs: 120_000 },
  ],
});
