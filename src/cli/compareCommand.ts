// `aps compare A B… [--json] [--out OUT]` (docs/scenarios.md): plans separate network files
// (.xlsx or aps-network/1 .json) and compares them side by side; the first file is the base.

import * as path from "node:path";
import { parseArgs } from "node:util";
import type ExcelJS from "exceljs";
import { isPlanningInputError } from "../engine/errors";
import { planRecord, PlanOutcome } from "../engine/plan";
import { cappedErrors, comparePlans, NamedPlan } from "../engine/scenarios";
import { planWorkbookTables } from "../workbook/planWorkbook";
import { openXlsxWorkbook } from "../workbook/xlsx/xlsxWorkbook";
import { readTextFile, requireFile } from "./files";
import { CliInputError, CliIo, EXIT_BAD_INPUT, EXIT_OK } from "./io";
import { checkScenarioOut, writeComparison } from "./scenarioOutput";

export const COMPARE_USAGE = `usage: aps compare A B… [--json] [--out OUT]
  A B…  network files (.xlsx with Stages/Arcs/Settings, or aps-network/1 .json); A is the base
  --out OUT  write the comparison sheets and A's plan into OUT (.xlsx: a copy of A when A is .xlsx) or the comparison (.json)
  --json     print the aps-scenarios/1 JSON (to OUT when given)`;

function parseCompareArgs(args: string[]): { files: string[]; out: string | null; json: boolean } {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { out: { type: "string" }, json: { type: "boolean" }, help: { type: "boolean" } } });
  } catch (error) {
    throw new CliInputError(`${(error as Error).message}\n${COMPARE_USAGE}`);
  }
  if (parsed.values.help) throw new CliInputError(COMPARE_USAGE);
  if (parsed.positionals.length < 2) throw new CliInputError(`aps compare takes two or more files, the first being the base (got ${parsed.positionals.length}).\n${COMPARE_USAGE}`);
  return { files: parsed.positionals, out: parsed.values.out ?? null, json: parsed.values.json ?? false };
}

/** Plans, with a figure that overflows (inputs valid but too large to compute with) as the file's input error. */
async function planGuarded(plan: () => PlanOutcome | Promise<PlanOutcome>): Promise<PlanOutcome> {
  try {
    return await plan();
  } catch (error) {
    if (isPlanningInputError(error)) return { ok: false, errors: [error.message] };
    throw error;
  }
}

async function planOneFile(file: string): Promise<{ outcome: PlanOutcome; workbook: ExcelJS.Workbook | null }> {
  const extension = path.extname(file).toLowerCase();
  if (extension === ".xlsx") {
    let workbook;
    try {
      workbook = await openXlsxWorkbook(file);
    } catch (error) {
      throw new CliInputError(`${file}: not a readable .xlsx workbook (${(error as Error).message}).`);
    }
    return { outcome: await planGuarded(() => planWorkbookTables(workbook)), workbook: workbook.workbook };
  }
  if (extension === ".json") {
    let raw: unknown;
    try {
      raw = JSON.parse(await readTextFile(file));
    } catch (error) {
      if (error instanceof CliInputError) throw error;
      throw new CliInputError(`${file}: not valid JSON (${(error as Error).message}).`);
    }
    return { outcome: await planGuarded(() => planRecord(raw)), workbook: null };
  }
  throw new CliInputError(`${file}: aps compare reads .xlsx or .json files (got "${extension || "no extension"}").`);
}

/** Scenario names of the files: their base names, or the paths as given where two base names agree. */
export function scenarioNames(files: readonly string[]): string[] {
  const base = files.map((f) => path.basename(f, path.extname(f)));
  const names = base.map((b, i) => (base.filter((x) => x === b).length > 1 ? files[i] : b));
  return names.map((n, i) => (names.indexOf(n) === i ? n : `${n} (${i + 1})`));
}

/** Runs `aps compare`; returns the exit status. */
export async function compareCommand(args: string[], io: CliIo): Promise<number> {
  const { files, out, json } = parseCompareArgs(args);
  for (const file of files) await requireFile(file);
  const outExtension = checkScenarioOut(out, files);
  const names = scenarioNames(files);
  const errors: string[] = [];
  const plans: NamedPlan[] = [];
  let baseWorkbook: ExcelJS.Workbook | null = null;
  for (let i = 0; i < files.length; i++) {
    const { outcome, workbook } = await planOneFile(files[i]);
    if (i === 0) baseWorkbook = workbook;
    if (!outcome.ok) errors.push(...outcome.errors.map((e) => `${files[i]}: ${e}`));
    else plans.push({ name: names[i], source: files[i], changes: [], plan: outcome.plan });
  }
  if (errors.length > 0) {
    const shown = cappedErrors(errors);
    io.stderr(shown.join("\n") + "\n");
    io.stderr(`${errors.length} input error(s) in ${new Set(errors.map((e) => e.slice(0, e.indexOf(": ")))).size} file(s); nothing was written.\n`);
    return EXIT_BAD_INPUT;
  }
  await writeComparison(comparePlans(plans), plans[0].plan, baseWorkbook, { out, outExtension, json }, io);
  return EXIT_OK;
}
