// `aps plan FILE [--out OUT] [--json]` (docs/formats.md §5): plans a network from .xlsx tables or
// aps-network/1 JSON; writes result sheets into a copy or the aps-plan/1 JSON.

import * as path from "node:path";
import type ExcelJS from "exceljs";
import { planRecord, PlanOutcome } from "../engine/plan";
import { planSheets } from "../workbook/plan/planSheets";
import type { WriteReport } from "../workbook/paneWorkbook";
import { planWorkbookTables } from "../workbook/plan/planWorkbook";
import { requireFile } from "./files";
import { parseOptions } from "./options";
import { checkOutput, contentWriter, writeOutput } from "./output";
import { CliInputError, CliIo, EXIT_BAD_INPUT, EXIT_OK } from "./io";
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

/** "Plan (2) (your own Plan sheet is kept), Matching, KPIs and Exceptions". */
function sheetList(report: WriteReport): string {
  const kept = new Map(Object.entries(report.renamed).map(([asked, used]) => [used, asked]));
  const names = report.written.map((name) => (kept.has(name) ? `${name} (your own ${kept.get(name)} sheet is kept)` : name));
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}` : names.join("");
}

/** Runs `aps plan`; returns the exit status. */
export async function planCommand(args: string[], io: CliIo): Promise<number> {
  if (args.includes("--scenarios")) return (await import("./scenarioPlan")).planScenariosCommand(args, io); // loaded only when asked
  const { file, out, json } = parsePlanArgs(args);
  await requireFile(file);
  const outExtension = out === null ? null : path.extname(out).toLowerCase();
  if (outExtension !== null && outExtension !== ".xlsx" && outExtension !== ".json") {
    throw new CliInputError(`${out}: --out writes .xlsx (result sheets) or .json (the plan).`);
  }
  const target = out === null ? null : await checkOutput(out, { inputs: [file] });
  const started = Date.now();
  const { outcome, workbook } = await planFile(file, (step) => {
    const elapsed = Date.now() - started;
    if (elapsed > 500) io.progress?.(`aps plan: ${step} (${(elapsed / 1000).toFixed(1)} s)\n`);
  });
  if (!outcome.ok) {
    io.stderr(outcome.errors.map((e) => `${file}: ${e}`).join("\n") + "\n");
    io.stderr(`${file}: ${outcome.errorCount ?? outcome.errors.length} input error(s); nothing was written.\n`);
    return EXIT_BAD_INPUT;
  }
  const plan = outcome.plan;
  const jsonText = JSON.stringify(plan, null, 1) + "\n";
  let written: WriteReport | null = null;
  if (target !== null && outExtension === ".json") {
    await writeOutput(target, contentWriter(jsonText));
  } else if (target !== null) {
    const { xlsxWorkbookFrom } = await import("../workbook/xlsx/xlsxWorkbook");
    const book = xlsxWorkbookFrom(workbook ?? new (await import("exceljs")).default.Workbook());
    written = await book.writeSheets(planSheets(plan));
    await writeOutput(target, (tmp) => book.saveAs(tmp));
  }
  if (json && outExtension !== ".json") io.stdout(jsonText);
  if (!json) {
    io.stdout(planSummary(plan) + "\n");
    if (out !== null) io.stdout(`\nWrote ${written ? `the ${sheetList(written)} sheets` : "the plan"} to ${out}\n`);
  }
  return EXIT_OK;
}
