// `aps supply FILE [--json] [--out OUT] [--time-limit S]` and `aps supply FILE --promise STAGE
// --period T [--quantity Q]` (docs/formats.md §10): the supply plan over time of a workbook's tables
// or an aps-network/1 file, its result sheets into a copy or its aps-supply/1 JSON; capable to promise.

import { promises as fs } from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import type { SupplyPromise } from "../engine/supply";
import { loadHighsModule } from "../workbook/supply/highsProvider";
import type { WriteReport } from "../workbook/paneWorkbook";
import { supplySheets } from "../workbook/supply/supplySheets";
import { promiseRecordRun, promiseWorkbookTables, supplyRecordRun, supplyWorkbookTables } from "../workbook/supply/supplyWorkbook";
import type { SupplyRunOutcome } from "../workbook/supply/supplyWorkbook";
import { requireFile, samePath, writeAtomically } from "./files";
import { CliInputError, CliIo, EXIT_BAD_INPUT, EXIT_OK } from "./io";
import { readNetworkFile } from "./networkFile";
import { promiseSummary, supplySummary } from "./supplySummary";

export const SUPPLY_USAGE = `usage: aps supply FILE [--json] [--out OUT] [--time-limit S]
       aps supply FILE --promise STAGE --period T [--quantity Q] [--json] [--time-limit S]
  FILE  .xlsx with Stages/Arcs (and Demands, Resources, … ) tables, or aps-network/1 .json
  --out OUT         write the result sheets into OUT (.xlsx, a copy) or the aps-supply/1 JSON (.json)
  --json            print the aps-supply/1 JSON (to OUT when given)
  --time-limit S    seconds for the whole solve (default: Settings supplyTimeLimit, else 60)
  --promise STAGE   capable to promise a new demand at STAGE, due in --period T (a period or a date)
  --quantity Q      with --promise: the earliest period by which all Q units can be delivered`;

interface SupplyArgs {
  file: string;
  out: string | null;
  json: boolean;
  timeLimit: number | undefined;
  promise: { stage: string; period: unknown; quantity: number | null } | null;
}

/** A positive number of a flag, or a CliInputError naming the flag. */
function positive(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value <= 0) throw new CliInputError(`${flag} must be a number greater than 0 (got "${text}").\n${SUPPLY_USAGE}`);
  return value;
}

function parseSupplyArgs(args: string[]): SupplyArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args, allowPositionals: true,
      options: {
        out: { type: "string" }, json: { type: "boolean" }, help: { type: "boolean" }, "time-limit": { type: "string" },
        promise: { type: "string" }, period: { type: "string" }, quantity: { type: "string" },
      },
    });
  } catch (error) {
    throw new CliInputError(`${(error as Error).message}\n${SUPPLY_USAGE}`);
  }
  const v = parsed.values;
  if (v.help) throw new CliInputError(SUPPLY_USAGE);
  if (parsed.positionals.length !== 1) throw new CliInputError(`aps supply takes one FILE (got ${parsed.positionals.length}).\n${SUPPLY_USAGE}`);
  if (v.promise === undefined && (v.period !== undefined || v.quantity !== undefined)) throw new CliInputError(`--period and --quantity go with --promise STAGE.\n${SUPPLY_USAGE}`);
  if (v.promise !== undefined && v.period === undefined) throw new CliInputError(`--promise needs --period T (the period the new demand is due, or a date).\n${SUPPLY_USAGE}`);
  const period = v.period === undefined ? undefined : /^\s*-?\d+(\.\d+)?\s*$/.test(v.period) ? Number(v.period) : v.period.trim();
  return {
    file: parsed.positionals[0], out: v.out ?? null, json: v.json ?? false, timeLimit: positive("--time-limit", v["time-limit"]),
    promise: v.promise === undefined ? null : { stage: v.promise, period, quantity: positive("--quantity", v.quantity) ?? null },
  };
}

function refuse(io: CliIo, file: string, outcome: { errors: string[]; errorCount?: number }): number {
  io.stderr(outcome.errors.map((e) => `${file}: ${e}`).join("\n") + "\n");
  io.stderr(`${file}: ${outcome.errorCount ?? outcome.errors.length} input error(s); nothing was written.\n`);
  return EXIT_BAD_INPUT;
}

/** "Supply Plan, Resource Load, … and Exceptions" (renamed sheets said). */
function sheetList(report: WriteReport): string {
  const kept = new Map(Object.entries(report.renamed).map(([asked, used]) => [used, asked]));
  const names = report.written.map((name) => (kept.has(name) ? `${name} (your own ${kept.get(name)} sheet is kept)` : name));
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}` : names.join("");
}

async function promiseCommand(args: SupplyArgs, io: CliIo, outExtension: string | null): Promise<number> {
  if (outExtension === ".xlsx") throw new CliInputError(`${args.out}: with --promise, --out writes the answer as .json.`);
  const highs = await loadHighsModule();
  const read = await readNetworkFile(args.file, "supply");
  const outcome = read.kind === "xlsx"
    ? await promiseWorkbookTables(read.workbook, highs, args.promise!, { timeLimit: args.timeLimit })
    : promiseRecordRun(read.raw, highs, args.promise!, { timeLimit: args.timeLimit });
  if (!outcome.ok) return refuse(io, args.file, outcome);
  const answer: SupplyPromise = outcome.promise;
  const text = JSON.stringify(answer, null, 1) + "\n";
  if (args.out !== null) await writeAtomically(args.out, (tmp) => fs.writeFile(tmp, text));
  if (args.json && args.out === null) io.stdout(text);
  if (!args.json) io.stdout(promiseSummary(answer) + (args.out !== null ? `\nWrote the answer to ${args.out}\n` : "\n"));
  return EXIT_OK;
}

/** Runs `aps supply`; returns the exit status. */
export async function supplyCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseSupplyArgs(argv);
  const { file, out } = args;
  await requireFile(file);
  if (out !== null && samePath(out, file)) throw new CliInputError(`${out}: --out must differ from the input; the input is never modified.`);
  const outExtension = out === null ? null : path.extname(out).toLowerCase();
  if (outExtension !== null && outExtension !== ".xlsx" && outExtension !== ".json") throw new CliInputError(`${out}: --out writes .xlsx (result sheets) or .json (the plan).`);
  if (args.promise) return promiseCommand(args, io, outExtension);

  const started = Date.now();
  const onProgress = (step: string) => {
    const elapsed = Date.now() - started;
    if (elapsed > 1000) io.stderr(`aps supply: ${step} (${(elapsed / 1000).toFixed(1)} s)\n`);
  };
  const highs = await loadHighsModule();
  const read = await readNetworkFile(file, "supply");
  const outcome: SupplyRunOutcome = read.kind === "xlsx"
    ? await supplyWorkbookTables(read.workbook, highs, { timeLimit: args.timeLimit, onProgress })
    : supplyRecordRun(read.raw, highs, { timeLimit: args.timeLimit, onProgress });
  if (!outcome.ok) return refuse(io, file, outcome);
  const result = outcome.result;
  const jsonText = JSON.stringify(result, null, 1) + "\n";
  let written: WriteReport | null = null;
  if (out !== null && outExtension === ".json") {
    await writeAtomically(out, (tmp) => fs.writeFile(tmp, jsonText));
  } else if (out !== null) {
    const { xlsxWorkbookFrom } = await import("../workbook/xlsx/xlsxWorkbook");
    const target = xlsxWorkbookFrom(read.kind === "xlsx" ? read.workbook.workbook : new (await import("exceljs")).default.Workbook());
    written = await target.writeSheets(supplySheets(outcome));
    await writeAtomically(out, (tmp) => target.saveAs(tmp));
  }
  if (args.json && outExtension !== ".json") io.stdout(jsonText);
  if (!args.json) {
    io.stdout(supplySummary(result) + "\n");
    if (out !== null) io.stdout(`\nWrote ${written ? `the ${sheetList(written)} sheets` : "the supply plan"} to ${out}\n`);
  }
  return EXIT_OK;
}
