// `aps supply FILE [--json] [--out OUT] [--time-limit S] [--horizon N] …` and `aps supply FILE --promise
// STAGE --period T [--quantity Q]` (docs/formats.md §10): the supply plan over time of a workbook's tables
// or an aps-network/1 file, its result sheets into a copy or its aps-supply/1 JSON; capable to promise.

import type { SupplyPromise } from "../engine/supply";
import { loadHighsModule } from "../workbook/supply/highsProvider";
import { supplySheets } from "../workbook/supply/supplySheets";
import { promiseRecordRun, promiseWorkbookTables, supplyRecordRun } from "../workbook/supply/supplyWorkbook";
import type { SupplyRun, SupplyRunOutcome } from "../workbook/supply/supplyWorkbook";
import { supplyWorkbookWithEdits } from "../workbook/supply/firmSupplyRun";
import type { EditedSupplyOutcome, EditedSupplyRun } from "../workbook/supply/firmSupplyRun";
import { compareText } from "../workbook/supply/supplyCompare";
import { supplyJob, supplySettingsWithOptions } from "../workbook/supply/supplyJob";
import { recordWithSettings } from "../workbook/jobs/optionSettings";
import type { JobInput } from "../workbook/jobs/types";
import { jobOptionSpecs, readJobOptionFlags } from "./jobOptionFlags";
import { requireFile } from "./files";
import { parseOptions } from "./options";
import { checkOutput, contentWriter, type OutputTarget, writeOutput } from "./output";
import { CliInputError, CliIo, EXIT_BAD_INPUT, EXIT_OK } from "./io";
import { readNetworkFile } from "./networkFile";
import { outKind, refuseInput, sheetList, writeRunOutput } from "./runOutput";
import { promiseSummary, supplySummary } from "./supplySummary";

export const SUPPLY_USAGE = `usage: aps supply FILE [--json] [--out OUT] [--time-limit S] [--undo-edits]
                  [--horizon N] [--frozen-periods N] [--lot-sizing none|mip]
       aps supply FILE --promise STAGE --period T [--quantity Q] [--json] [--time-limit S]
  FILE  .xlsx with Stages/Arcs (and Demands, Resources, … ) tables, or aps-network/1 .json
  --out OUT         write the result sheets into OUT (.xlsx, a copy) or the aps-supply/1 JSON (.json)
  --json            print the aps-supply/1 JSON (to OUT when given)
  --time-limit S    seconds for the whole solve (default: Settings supplyTimeLimit, else 60)
  --promise STAGE   capable to promise a new demand at STAGE, due in --period T (a period or a date)
  --quantity Q      with --promise: the earliest period by which all Q units can be delivered
  --undo-edits      .xlsx only: write the last run's plan back (Planned Orders from its Run columns)
  The pane's Supply options, each a Settings name; a row of FILE's Settings (its "settings" in .json)
  wins over the flag, as it wins over the pane's option (with --promise too):
  --horizon N         periods planned, 1 to 1000 (Settings horizon; default 26)
  --frozen-periods N  no new releases in the first N periods, 0 to 1000 (Settings frozenPeriods; default 0)
  --lot-sizing X      none (an LP) or mip (order costs, minimum lots, lot multiples) (Settings lotSizing)
  An .xlsx with a Planned Orders sheet from an earlier run: Firm rows and rows changed by hand are
  kept as given and the rest re-planned (docs/editing.md); a conflict is named at its cell, exit 2.`;

interface SupplyArgs {
  file: string;
  out: string | null;
  json: boolean;
  timeLimit: number | undefined;
  undoEdits: boolean;
  promise: { stage: string; period: unknown; quantity: number | null } | null;
  /** The supply options the flags set, as the pane's supply job takes them. */
  options: JobInput["options"];
}

/** The pane's supply options that are flags of `aps supply` (its supplyTimeLimit is --time-limit, which wins over Settings). */
export const SUPPLY_FLAG_OPTIONS = ["horizon", "frozenPeriods", "lotSizing"] as const;

/** A positive number of a flag, or a CliInputError naming the flag. */
function positive(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value <= 0) throw new CliInputError(`${flag} must be a number greater than 0 (got "${text}").\n${SUPPLY_USAGE}`);
  return value;
}

function parseSupplyArgs(args: string[]): SupplyArgs {
  const parsed = parseOptions("supply", args, {
    out: { type: "string" }, json: { type: "boolean" }, help: { type: "boolean" }, "time-limit": { type: "string" },
    promise: { type: "string" }, period: { type: "string" }, quantity: { type: "string" }, "undo-edits": { type: "boolean" },
    ...jobOptionSpecs(supplyJob, SUPPLY_FLAG_OPTIONS),
  });
  const v = parsed.values;
  if (v.help) throw new CliInputError(SUPPLY_USAGE);
  if (parsed.positionals.length !== 1) throw new CliInputError(`aps supply takes one FILE (got ${parsed.positionals.length}).\n${SUPPLY_USAGE}`);
  if (v.promise === undefined && (v.period !== undefined || v.quantity !== undefined)) throw new CliInputError(`--period and --quantity go with --promise STAGE.\n${SUPPLY_USAGE}`);
  if (v.promise !== undefined && v["undo-edits"]) throw new CliInputError(`--undo-edits does not go with --promise.\n${SUPPLY_USAGE}`);
  if (v.promise !== undefined && v.period === undefined) throw new CliInputError(`--promise needs --period T (the period the new demand is due, or a date).\n${SUPPLY_USAGE}`);
  const period = v.period === undefined ? undefined : /^\s*-?\d+(\.\d+)?\s*$/.test(v.period) ? Number(v.period) : v.period.trim();
  return {
    file: parsed.positionals[0], out: v.out ?? null, json: v.json ?? false, timeLimit: positive("--time-limit", v["time-limit"]), undoEdits: v["undo-edits"] ?? false,
    promise: v.promise === undefined ? null : { stage: v.promise, period, quantity: positive("--quantity", v.quantity) ?? null },
    options: readJobOptionFlags(supplyJob, SUPPLY_FLAG_OPTIONS, v, SUPPLY_USAGE),
  };
}

/** The Settings with the flags' options added by the pane's supply job's own function: a Settings row wins. */
function withOptions(args: SupplyArgs): (settings: Record<string, unknown>) => Record<string, unknown> {
  return (settings) => supplySettingsWithOptions(settings, args.options);
}

/** An aps-network/1 record with the flags' options in its settings, as a workbook's Settings get them. */
function recordWithOptions(args: SupplyArgs, raw: unknown): unknown {
  return Object.keys(args.options).length === 0 ? raw : recordWithSettings(raw, withOptions(args));
}

async function promiseCommand(args: SupplyArgs, io: CliIo, outExtension: string | null, target: OutputTarget | null): Promise<number> {
  if (outExtension === ".xlsx") throw new CliInputError(`${args.out}: with --promise, --out writes the answer as .json.`);
  const highs = await loadHighsModule();
  const read = await readNetworkFile(args.file, "supply");
  const outcome = read.kind === "xlsx"
    ? await promiseWorkbookTables(read.workbook, highs, args.promise!, { timeLimit: args.timeLimit, settings: withOptions(args) })
    : promiseRecordRun(recordWithOptions(args, read.raw), highs, args.promise!, { timeLimit: args.timeLimit });
  if (!outcome.ok) return refuseInput(io, args.file, outcome);
  const answer: SupplyPromise = outcome.promise;
  const text = JSON.stringify(answer, null, 1) + "\n";
  if (target !== null) await writeOutput(target, contentWriter(text));
  if (args.json && args.out === null) io.stdout(text);
  if (!args.json) io.stdout(promiseSummary(answer) + (args.out !== null ? `\nWrote the answer to ${args.out}\n` : "\n"));
  return EXIT_OK;
}

/** Runs `aps supply`; returns the exit status. */
export async function supplyCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseSupplyArgs(argv);
  const { file, out } = args;
  await requireFile(file);
  const outExtension = outKind(out, "the plan");
  if (args.promise && outExtension === ".xlsx") throw new CliInputError(`${out}: with --promise, --out writes the answer as .json.`);
  const output = out === null ? null : await checkOutput(out, { inputs: [file] });
  if (args.promise) return promiseCommand(args, io, outExtension, output);

  const started = Date.now();
  const onProgress = (step: string) => {
    const elapsed = Date.now() - started;
    if (elapsed > 1000) io.progress?.(`aps supply: ${step} (${(elapsed / 1000).toFixed(1)} s)\n`);
  };
  const highs = await loadHighsModule();
  const read = await readNetworkFile(file, "supply");
  if (args.undoEdits && read.kind !== "xlsx") throw new CliInputError(`--undo-edits is for .xlsx workbooks (the Planned Orders sheet a run wrote); ${file} is not one.`);
  const outcome: SupplyRunOutcome | EditedSupplyOutcome = read.kind === "xlsx"
    ? await supplyWorkbookWithEdits(read.workbook, highs, { timeLimit: args.timeLimit, onProgress, undoEdits: args.undoEdits, settings: withOptions(args) })
    : supplyRecordRun(recordWithOptions(args, read.raw), highs, { timeLimit: args.timeLimit, onProgress });
  if (!outcome.ok && "conflicts" in outcome) {
    io.stderr(outcome.errors.map((e) => `${file}: ${e}`).join("\n") + "\n");
    io.stderr(`${file}: ${outcome.conflicts.length} firm-order conflict(s); nothing was written.\n`);
    return EXIT_BAD_INPUT;
  }
  if (!outcome.ok) return refuseInput(io, file, outcome);
  const result = outcome.result;
  const run = outcome as EditedSupplyRun | SupplyRun;
  const edited = "edits" in run && (run.lastRun !== null || run.edits.firm + run.edits.changed > 0 || run.undone) ? run : null;
  const record = edited ? { ...result, edits: edited.edits, compare: { lastRun: edited.lastRun, after: result.objective } } : result;
  const jsonText = JSON.stringify(record, null, 1) + "\n";
  const written = output !== null && outExtension !== null
    ? await writeRunOutput(output, outExtension, jsonText, read.kind === "xlsx" ? read.workbook.workbook : null, () => supplySheets(outcome)) : null;
  if (args.json && outExtension !== ".json") io.stdout(jsonText);
  if (!args.json) {
    io.stdout(supplySummary(result) + "\n");
    if (edited?.undone) io.stdout(`Undo edits: ${edited.edits.restored} row(s) of Planned Orders restored to the last run\n`);
    else if (edited) io.stdout(compareText(edited.lastRun, result.objective, edited.edits) + "\n");
    if (out !== null) io.stdout(`\nWrote ${written ? `the ${sheetList(written)} sheets` : "the supply plan"} to ${out}\n`);
  }
  return EXIT_OK;
}
