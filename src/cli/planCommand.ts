// `aps plan FILE [--out OUT] [--json]` (docs/formats.md §5): plans a network from .xlsx tables or
// aps-network/1 JSON; writes result sheets into a copy or the aps-plan/1 JSON.

import type ExcelJS from "exceljs";
import { planRecord, PlanOutcome } from "../engine/plan";
import { planSheets } from "../workbook/plan/planSheets";
import { planWorkbookTables } from "../workbook/plan/planWorkbook";
import { requireFile } from "./files";
import { parseOptions } from "./options";
import { checkOutput } from "./output";
import { CliInputError, CliIo, EXIT_OK } from "./io";
import { outKind, refuseInput, sheetList, writeRunOutput } from "./runOutput";
import { readNetworkFile } from "./networkFile";
import { planSummary } from "./summary";

export const PLAN_USAGE = "usage: aps plan FILE [--out OUT] [--json] [--scenarios]\n  FILE  .xlsx with Stages/Arcs (and Settings) tables, or aps-network/1 .json\n  --out OUT  write result sheets into OUT (.xlsx, a copy) or the plan JSON (.json)\n  --json     print the aps-plan/1 JSON (to OUT when given)\n  --scenarios  plan the Scenarios table's variants side by side (aps plan FILE --scenarios --help)";

function parsePlanArgs(args: string[]): { file: string; out: string | null; json: boolean } {
  const parsed = parseOptions("plan", args, { out: { type: "string" }, json: { type: "boolean" }, help: { type: "boolean" } });
  if (parsed.values.help) throw new CliInputError(PLAN_USAGE);
  if (parsed.positionals.length !== 1) throw new CliInputError(`aps plan takes one FILE (got ${parsed.positionals.length}).\n${PLAN_USAGE}`);
  return { file: parsed.positionals[0], out: parsed.values.out ?? null, json: parsed.values.json ?? false };
}

async function planFile(file: string, onProgress: (step: string) => void): Promise<{ outcome: PlanOutcome; workbook: ExcelJS.Workbook | null }> {
  const read = await readNetworkFile(file, "plan");
  if (read.kind === "xlsx") return { outcome: await planWorkbookTables(read.workbook, { onProgress }), workbook: read.workbook.workbook };
  return { outcome: planRecord(read.raw, { onProgress }), workbook: null };
}

/** Runs `aps plan`; returns the exit status. */
export async function planCommand(args: string[], io: CliIo): Promise<number> {
  if (args.includes("--scenarios")) return (await import("./scenarioPlan")).planScenariosCommand(args, io); // loaded only when asked
  const { file, out, json } = parsePlanArgs(args);
  await requireFile(file);
  const outExtension = outKind(out, "the plan");
  const target = out === null ? null : await checkOutput(out, { inputs: [file] });
  const started = Date.now();
  const { outcome, workbook } = await planFile(file, (step) => {
    const elapsed = Date.now() - started;
    if (elapsed > 500) io.progress?.(`aps plan: ${step} (${(elapsed / 1000).toFixed(1)} s)\n`);
  });
  if (!outcome.ok) return refuseInput(io, file, outcome);
  const plan = outcome.plan;
  const jsonText = JSON.stringify(plan, null, 1) + "\n";
  const written = target !== null && outExtension !== null ? await writeRunOutput(target, outExtension, jsonText, workbook, () => planSheets(plan)) : null;
  if (json && outExtension !== ".json") io.stdout(jsonText);
  if (!json) {
    io.stdout(planSummary(plan) + "\n");
    if (out !== null) io.stdout(`\nWrote ${written ? `the ${sheetList(written)} sheets` : "the plan"} to ${out}\n`);
  }
  return EXIT_OK;
}
