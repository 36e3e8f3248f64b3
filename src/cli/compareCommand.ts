// `aps compare A B… [--json] [--out OUT]` (docs/scenarios.md): plans separate network files
// (.xlsx or aps-network/1 .json) and compares them side by side; the first file is the base.

import * as path from "node:path";
import { parseArgs } from "node:util";
import type ExcelJS from "exceljs";
import { isPlanningInputError } from "../engine/errors";
import { jsonPath } from "../engine/network/locate";
import { FieldNaming, readNetwork } from "../engine/network/readNetwork";
import type { InputLocation } from "../engine/network/types";
import { planRecord, PlanOutcome } from "../engine/plan";
import { cappedErrors, comparePlans, NamedPlan, networkDifferences, PlacedNetwork } from "../engine/scenarios";
import { readWorkbookNetwork } from "../workbook/networkTables";
import { requireFile } from "./files";
import { readNetworkFile } from "./networkFile";
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

/** A file planned: its plan (or input errors), its workbook, and its network with the way it names places. */
interface PlannedFile {
  outcome: PlanOutcome;
  workbook: ExcelJS.Workbook | null;
  placed: PlacedNetwork | null;
}

/** Plans a record, with a figure that overflows (inputs valid but too large to compute with) as an input error. */
function planPlaced(raw: unknown, naming: FieldNaming, where: (l: InputLocation | null) => string): { outcome: PlanOutcome; placed: PlacedNetwork | null } {
  const { network } = readNetwork(raw, naming);
  try {
    return { outcome: planRecord(raw, { naming, where }), placed: network && { network, where } };
  } catch (error) {
    if (isPlanningInputError(error)) return { outcome: { ok: false, errors: [error.message] }, placed: null };
    throw error;
  }
}

async function planOneFile(file: string): Promise<PlannedFile> {
  const read = await readNetworkFile(file, "compare");
  if (read.kind === "json") return { ...planPlaced(read.raw, "json", jsonPath), workbook: null };
  const tables = await readWorkbookNetwork(read.workbook);
  if (tables.problems.length > 0 || !tables.raw) return { outcome: { ok: false, errors: tables.problems }, workbook: read.workbook.workbook, placed: null };
  return { ...planPlaced(tables.raw, "workbook", tables.where), workbook: read.workbook.workbook };
}

/** Scenario names of the files: their base names, or the paths as given where two base names agree. */
export function scenarioNames(files: readonly string[]): string[] {
  const base = files.map((f) => path.basename(f, path.extname(f)));
  const names = base.map((b, i) => (base.filter((x) => x === b).length > 1 ? files[i] : b));
  return names.map((n, i) => (names.indexOf(n) === i ? n : `${n} (${i + 1})`));
}

/** Places named with their file: "late.json: stages[3].externalInboundTime". */
function inFile(file: string, placed: PlacedNetwork): PlacedNetwork {
  return { network: placed.network, where: (location) => `${file}: ${placed.where(location)}` };
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
  let basePlaced: PlacedNetwork | null = null;
  for (let i = 0; i < files.length; i++) {
    const { outcome, workbook, placed } = await planOneFile(files[i]);
    if (i === 0) [baseWorkbook, basePlaced] = [workbook, placed];
    if (!outcome.ok) errors.push(...outcome.errors.map((e) => `${files[i]}: ${e}`));
    else {
      const changes = i > 0 && basePlaced && placed ? networkDifferences(inFile(files[0], basePlaced), inFile(files[i], placed)) : [];
      plans.push({ name: names[i], source: files[i], changes, plan: outcome.plan });
    }
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
