// `aps plan FILE [--out OUT] [--json]` (FORMATS.md §5): plans a network from .xlsx tables or
// aps-network/1 JSON; writes result sheets into a copy or the aps-plan/1 JSON.

import { promises as fs } from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import type ExcelJS from "exceljs";
import { planRecord, PlanOutcome } from "../engine/plan";
import { planSheets } from "../workbook/planSheets";
import { planWorkbookTables } from "../workbook/planWorkbook";
import { readJsonFile, requireFile, samePath, writeAtomically } from "./files";
import { openXlsxInput } from "./xlsxInput";
import { CliInputError, CliIo, EXIT_BAD_INPUT, EXIT_OK } from "./io";
import { planSummary } from "./summary";

export const PLAN_USAGE = "usage: aps plan FILE [--out OUT] [--json]\n  FILE  .xlsx with Stages/Arcs (and Settings) tables, or aps-network/1 .json\n  --out OUT  write result sheets into OUT (.xlsx, a copy) or the plan JSON (.json)\n  --json     print the aps-plan/1 JSON (to OUT when given)";

function parsePlanArgs(args: string[]): { file: string; out: string | null; json: boolean } {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { out: { type: "string" }, json: { type: "boolean" }, help: { type: "boolean" } } });
  } catch (error) {
    throw new CliInputError(`${(error as Error).message}\n${PLAN_USAGE}`);
  }
  if (parsed.values.help) throw new CliInputError(PLAN_USAGE);
  if (parsed.positionals.length !== 1) throw new CliInputError(`aps plan takes one FILE (got ${parsed.positionals.length}).\n${PLAN_USAGE}`);
  return { file: parsed.positionals[0], out: parsed.values.out ?? null, json: parsed.values.json ?? false };
}

async function planFile(file: string, onProgress: (step: string) => void): Promise<{ outcome: PlanOutcome; workbook: ExcelJS.Workbook | null }> {
  const extension = path.extname(file).toLowerCase();
  if (extension === ".xlsx") {
    const workbook = await openXlsxInput(file); // ExcelJS loads only for .xlsx
    return { outcome: await planWorkbookTables(workbook, { onProgress }), workbook: workbook.workbook };
  }
  if (extension === ".json") {
    return { outcome: planRecord(await readJsonFile(file), { onProgress }), workbook: null };
  }
  throw new CliInputError(`${file}: aps plan reads .xlsx or .json files (got "${extension || "no extension"}").`);
}

/** Runs `aps plan`; returns the exit status. */
export async function planCommand(args: string[], io: CliIo): Promise<number> {
  const { file, out, json } = parsePlanArgs(args);
  await requireFile(file);
  if (out !== null && samePath(out, file)) throw new CliInputError(`${out}: --out must differ from the input; the input is never modified.`);
  const outExtension = out === null ? null : path.extname(out).toLowerCase();
  if (outExtension !== null && outExtension !== ".xlsx" && outExtension !== ".json") {
    throw new CliInputError(`${out}: --out writes .xlsx (result sheets) or .json (the plan).`);
  }
  const started = Date.now();
  const { outcome, workbook } = await planFile(file, (step) => {
    const elapsed = Date.now() - started;
    if (elapsed > 500) io.stderr(`aps plan: ${step} (${(elapsed / 1000).toFixed(1)} s)\n`);
  });
  if (!outcome.ok) {
    io.stderr(outcome.errors.map((e) => `${file}: ${e}`).join("\n") + "\n");
    io.stderr(`${file}: ${outcome.errorCount ?? outcome.errors.length} input error(s); nothing was written.\n`);
    return EXIT_BAD_INPUT;
  }
  const plan = outcome.plan;
  const jsonText = JSON.stringify(plan, null, 1) + "\n";
  if (out !== null && outExtension === ".json") {
    await writeAtomically(out, (tmp) => fs.writeFile(tmp, jsonText));
  } else if (out !== null) {
    const { xlsxWorkbookFrom } = await import("../workbook/xlsx/xlsxWorkbook");
    const target = xlsxWorkbookFrom(workbook ?? new (await import("exceljs")).default.Workbook());
    await target.writeResultSheets(planSheets(plan));
    await writeAtomically(out, (tmp) => target.saveAs(tmp));
  }
  if (json && outExtension !== ".json") io.stdout(jsonText);
  if (!json) {
    io.stdout(planSummary(plan) + "\n");
    if (out !== null) io.stdout(`\nWrote ${outExtension === ".json" ? "the plan" : "Plan, Matching, KPIs and Exceptions sheets"} to ${out}\n`);
  }
  return EXIT_OK;
}
