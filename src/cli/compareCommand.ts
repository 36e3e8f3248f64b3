// `aps compare A B… [--json] [--out OUT]` (docs/scenarios.md): plans separate network files
// (.xlsx or aps-network/1 .json) and compares them side by side; the first file is the base.

import * as path from "node:path";
import type ExcelJS from "exceljs";
import { cappedErrors } from "../engine/scenarios";
import { compareNetworkFiles, type ComparedFile } from "../workbook/scenarios/compareNetworks";
import { requireFile } from "./files";
import { parseOptions } from "./options";
import { readNetworkFile } from "./networkFile";
import { CliInputError, CliIo, EXIT_BAD_INPUT, EXIT_OK } from "./io";
import { checkScenarioOut, writeComparison } from "./scenarioOutput";

export const COMPARE_USAGE = `usage: aps compare A B… [--json] [--out OUT]
  A B…  network files (.xlsx with Stages/Arcs/Settings, or aps-network/1 .json); A is the base
  --out OUT  write the comparison sheets and A's plan into OUT (.xlsx: a copy of A when A is .xlsx) or the comparison (.json)
  --json     print the aps-scenarios/1 JSON (to OUT when given)`;

function parseCompareArgs(args: string[]): { files: string[]; out: string | null; json: boolean } {
  const parsed = parseOptions("compare", args, { out: { type: "string" }, json: { type: "boolean" }, help: { type: "boolean" } });
  if (parsed.values.help) throw new CliInputError(COMPARE_USAGE);
  if (parsed.positionals.length < 2) throw new CliInputError(`aps compare takes two or more files, the first being the base (got ${parsed.positionals.length}).\n${COMPARE_USAGE}`);
  return { files: parsed.positionals, out: parsed.values.out ?? null, json: parsed.values.json ?? false };
}

/** Opens a file for the comparison: an .xlsx workbook (its ExcelJS workbook kept for --out) or a JSON record. */
async function openFile(file: string, name: string): Promise<{ compared: ComparedFile; workbook: ExcelJS.Workbook | null }> {
  const read = await readNetworkFile(file, "compare");
  if (read.kind === "json") return { compared: { name, source: file, raw: read.raw }, workbook: null };
  return { compared: { name, source: file, port: read.workbook }, workbook: read.workbook.workbook };
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
  const target = await checkScenarioOut(out, files);
  const names = scenarioNames(files);
  const opened: ComparedFile[] = [];
  let baseWorkbook: ExcelJS.Workbook | null = null;
  for (let i = 0; i < files.length; i++) {
    const { compared, workbook } = await openFile(files[i], names[i]);
    if (i === 0) baseWorkbook = workbook;
    opened.push(compared);
  }
  const outcome = await compareNetworkFiles(opened);
  if (!outcome.ok) {
    const errors = outcome.errors;
    const shown = cappedErrors(errors);
    io.stderr(shown.join("\n") + "\n");
    io.stderr(`${errors.length} input error(s) in ${new Set(errors.map((e) => e.slice(0, e.indexOf(": ")))).size} file(s); nothing was written.\n`);
    return EXIT_BAD_INPUT;
  }
  await writeComparison(outcome.comparison, outcome.basePlan, baseWorkbook, { out: target, json }, io);
  return EXIT_OK;
}
