// `aps plan FILE --scenarios [--json] [--out OUT]` (docs/scenarios.md): plans the base network
// and each scenario of the file's Scenarios table, and compares them (aps-scenarios/1).

import type ExcelJS from "exceljs";
import { hasSupplyInputs, planScenarios, ScenarioPlanOptions, ScenariosOutcome, ScenarioRow } from "../engine/scenarios";
import { loadHighsModule } from "../workbook/supply/highsProvider";
import { planWorkbookScenarios } from "../workbook/scenarios/scenarioWorkbook";
import { requireFile } from "./files";
import { parseOptions } from "./options";
import { readNetworkFile } from "./networkFile";
import { CliInputError, CliIo, EXIT_BAD_INPUT, EXIT_OK } from "./io";
import { checkScenarioOut, writeComparison } from "./scenarioOutput";

export const SCENARIOS_USAGE = `usage: aps plan FILE --scenarios [--json] [--out OUT]
  FILE  .xlsx with Stages/Arcs/Settings and a Scenarios table (Scenario, Table, Key, Column, Value),
        or aps-network/1 .json with a "scenarios" list of {scenario, table, key, column, value}
  --out OUT  write the comparison sheets and the base plan into OUT (.xlsx, a copy) or the comparison (.json)
  --json     print the aps-scenarios/1 JSON (to OUT when given)`;

function parseScenarioArgs(args: string[]): { file: string; out: string | null; json: boolean } {
  const parsed = parseOptions("plan", args, { out: { type: "string" }, json: { type: "boolean" }, scenarios: { type: "boolean" }, help: { type: "boolean" } });
  if (parsed.values.help) throw new CliInputError(SCENARIOS_USAGE);
  if (parsed.positionals.length !== 1) throw new CliInputError(`aps plan --scenarios takes one FILE (got ${parsed.positionals.length}).\n${SCENARIOS_USAGE}`);
  return { file: parsed.positionals[0], out: parsed.values.out ?? null, json: parsed.values.json ?? false };
}

/** The `scenarios` list of an aps-network/1 JSON record as rows, or an input error naming it. */
function jsonScenarioRows(file: string, raw: unknown): ScenarioRow[] {
  const list = typeof raw === "object" && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>).scenarios : undefined;
  if (list === undefined) throw new CliInputError(`${file}: no "scenarios" list: add "scenarios": [{"scenario", "table", "key", "column", "value"}, …] (docs/scenarios.md).`);
  if (!Array.isArray(list)) throw new CliInputError(`${file}: scenarios must be a list of {scenario, table, key, column, value}.`);
  const cell = (v: unknown) => (v === undefined || v === null || typeof v === "number" || typeof v === "string" || typeof v === "boolean" ? (v ?? null) : JSON.stringify(v));
  return list.map((item) => {
    const r = typeof item === "object" && item !== null && !Array.isArray(item) ? (item as Record<string, unknown>) : { scenario: cell(item) };
    return { scenario: cell(r.scenario), table: cell(r.table), key: cell(r.key), column: cell(r.column), value: cell(r.value) } as ScenarioRow;
  });
}

async function planFileScenarios(file: string, options: ScenarioPlanOptions): Promise<{ outcome: ScenariosOutcome; workbook: ExcelJS.Workbook | null }> {
  const read = await readNetworkFile(file, "plan");
  if (read.kind === "xlsx") return { outcome: await planWorkbookScenarios(read.workbook, options), workbook: read.workbook.workbook };
  const rows = jsonScenarioRows(file, read.raw);
  // Supply tables in the record: the scenarios' supply plans over time are compared too (HiGHS loaded only then).
  const supply = hasSupplyInputs(read.raw) ? { highs: await loadHighsModule() } : undefined;
  return { outcome: planScenarios({ base: read.raw, rows, rowWhere: (r, f) => (r < 0 ? "scenarios" : `scenarios[${r}]${f ? `.${f}` : ""}`), supply }, options), workbook: null };
}

/** Runs `aps plan --scenarios`; returns the exit status. */
export async function planScenariosCommand(args: string[], io: CliIo): Promise<number> {
  const { file, out, json } = parseScenarioArgs(args);
  await requireFile(file);
  const target = await checkScenarioOut(out, [file]);
  const started = Date.now();
  const { outcome, workbook } = await planFileScenarios(file, {
    onScenario: (index, count, name) => {
      const elapsed = Date.now() - started;
      if (elapsed > 2000) io.progress?.(`aps plan: planning ${index === 0 ? "the base" : `scenario "${name}"`} (${index + 1} of ${count}, ${(elapsed / 1000).toFixed(1)} s)\n`);
    },
  });
  if (!outcome.ok) {
    io.stderr(outcome.errors.map((e) => `${file}: ${e}`).join("\n") + "\n");
    io.stderr(`${file}: ${outcome.errorCount} input error(s); nothing was written.\n`);
    return EXIT_BAD_INPUT;
  }
  await writeComparison(outcome.comparison, outcome.plans[0], workbook, { out: target, json }, io);
  return EXIT_OK;
}
