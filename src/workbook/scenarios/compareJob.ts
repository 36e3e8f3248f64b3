// The pane's "Compare files…" (Scenarios tab): plans two or more network files (.xlsx or
// aps-network/1 .json, the first the base) and returns the Scenario Comparison and Scenario KPIs
// sheets with the base file's plan sheets, as `aps compare --out` writes them.

import { capMessages } from "../../engine/limits";
import { compareNetworkFiles, fileScenarioNames, type ComparedFile } from "./compareNetworks";
import { readNetworkSource } from "../plan/networkSource";
import { planSheets } from "../plan/planSheets";
import { scenarioSheets } from "./scenarioSheets";
import { memoryPort } from "../jobs/memoryPort";
import { scenarioCard } from "./scenariosJob";
import type { JobException, JobOutput, NetworkSource, WorkbookJob } from "../jobs/types";

const invalid = (messages: string[]): JobOutput => ({
  status: "invalid", cards: [], sheets: [],
  // The places are in the files compared, not in this workbook: shown, not selectable.
  exceptions: capMessages(messages).map((message): JobException => ({ severity: "error", where: null, message })),
});

export const compareJob: WorkbookJob = {
  id: "compare",
  title: "Compare files",
  step: "plan",
  order: 50,
  description: "Plans two or more network files (.xlsx workbooks or aps-network/1 .json plans) and compares them side by side against the one chosen as the base, as aps compare does.",
  tables: [],
  requiredTables: [],
  options: [],
  takesFiles: { label: "Network files (.xlsx or .json)", accept: ".xlsx,.json", multiple: true, networks: true },
  async run(input, onProgress): Promise<JobOutput> {
    const sources: NetworkSource[] = input.sources ?? [];
    if (!input.sources) for (const f of input.files ?? []) sources.push(await readNetworkSource(f.name, f.bytes));
    if (sources.length < 2) return invalid([`Pick two or more files to compare (got ${sources.length}); the first is the base.`]);
    const unreadable = sources.flatMap((s) => (s.kind === "unreadable" ? [s.message] : []));
    if (unreadable.length > 0) return invalid(unreadable);
    const names = fileScenarioNames(sources.map((s) => s.name));
    const files = sources.map((s, i): ComparedFile => (s.kind === "json" ? { name: names[i], source: s.name, raw: s.raw } : { name: names[i], source: s.name, port: memoryPort(s.kind === "tables" ? s.tables : {}) }));
    const outcome = await compareNetworkFiles(files, (index, count, name) => onProgress({ step: `Planning ${name} (${index + 1} of ${count})`, fraction: index / count }));
    if (!outcome.ok) return invalid(outcome.errors);
    onProgress({ step: "done", fraction: 1 });
    const { comparison, basePlan } = outcome;
    const exceptions: JobException[] = comparison.scenarios.flatMap((s) => [
      ...s.notes.map((message): JobException => ({ severity: "warning", where: null, message })),
      ...s.exceptions.filter((e) => e.severity !== "info").map((e): JobException => ({ severity: e.severity, where: null, message: `${s.name}: ${e.where}: ${e.message}` })),
    ]);
    return { status: "done", cards: comparison.scenarios.map(scenarioCard), exceptions, sheets: [...scenarioSheets(comparison), ...planSheets(basePlan)], json: comparison };
  },
};
