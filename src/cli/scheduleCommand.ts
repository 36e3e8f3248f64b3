// `aps schedule FILE [--time-limit SECONDS] [--iterations N] [--seed N] [--json] [--out OUT] [--keep-edits]`
// (docs/formats.md §5): job-shop text, TSPLIB ATSP, or .xlsx with Operations and/or Changeovers tables;
// with --keep-edits, the planner's edits of Schedule Operations kept and the rest re-timed (docs/editing.md).
import * as path from "node:path";
import { isPlanningInputError } from "../engine/errors";
import { parseJobShopText } from "../engine/schedule/jobShop/jobShopText";
import { looksLikeTsplib, parseTsplib } from "../engine/schedule/sequencing/tsplib";
import { solveJobShop, type JobShopObjective } from "../engine/schedule/jobShop/solveJobShop";
import { solveSequence } from "../engine/schedule/sequencing/solveSequence";
import type { SearchOptions } from "../engine/schedule/searchControl";
import { shopFromJson } from "../engine/reschedule/shopJson";
import { runShopSchedule } from "../workbook/reschedule/rescheduleRun";
import { jobShopSummary, runScheduleTables, SCHEDULE_TABLES_INPUT, scheduleRecord, sequenceRecord, sequenceSummary, type ScheduleTables } from "../workbook/schedule/scheduleRun";
import { rescheduleSettings, shopFromTables } from "../workbook/schedule/shopTables";
import { editedRowsFromTable } from "../workbook/reschedule/scheduleEdits";
import { runRetime, undoEdits } from "../workbook/reschedule/retimeRun";
import type { XlsxWorkbook } from "../workbook/xlsx/xlsxWorkbook";
import { readTextFile, requireFile } from "./files";
import { parseOptions } from "./options";
import { checkOutput, type OutputTarget, writeOutput } from "./output";
import { missingTableHint } from "../workbook/port";
import { openXlsxInput } from "./xlsxInput";
import { CliInputError, type CliIo, EXIT_BAD_INPUT, EXIT_OK, guardedCommand } from "./io";

export const SCHEDULE_USAGE = `usage: aps schedule FILE [--time-limit SECONDS] [--iterations N] [--seed N] [--json] [--out OUT] [--objective makespan|tardiness] [--keep-edits | --undo-edits]
  FILE  job-shop text (n m, then m pairs "machine duration" per job), TSPLIB .atsp, aps-shop/1 .json, or .xlsx with an Operations and/or Changeovers table
        (Operations with Release or Customer columns, or a Downtime or Customers table: scheduled with windows, tiers and downtime)
  --time-limit SECONDS  stop with the best found (default 10 when --iterations is not given)
  --iterations N        iteration budget; with --seed the answer is reproducible
  --seed N              seed of the search (default 1)
  --json                print aps-schedule/1 or aps-sequence/1 JSON
  --out OUT             .xlsx only: the copy that gets the Schedule/Sequence sheet (default <input>.schedule.xlsx)
  --keep-edits          .xlsx only: keep the planner's edits of Schedule Operations (Start, Machine, Lock) and re-time the rest
                        around them; conflicts are listed by cell and nothing is written (exit 2). --time-limit or
                        --iterations: improve the repair for that long (default: repair only)
  --undo-edits          .xlsx only: write the last run's Schedule Operations back (Start, Machine, Lock from its Run columns)`;

interface ScheduleArgs {
  file: string;
  json: boolean;
  keepEdits: boolean;
  undoEdits: boolean;
  /** --time-limit or --iterations was given. */
  budgetGiven: boolean;
  out: string | null;
  objective: JobShopObjective | undefined;
  search: SearchOptions;
}

function parseScheduleArgs(args: string[]): ScheduleArgs {
  const parsed = parseOptions("schedule", args, {
    "time-limit": { type: "string" }, iterations: { type: "string" }, seed: { type: "string" },
    json: { type: "boolean" }, out: { type: "string" }, objective: { type: "string" }, help: { type: "boolean" }, "keep-edits": { type: "boolean" }, "undo-edits": { type: "boolean" },
  });
  const v = parsed.values;
  if (v.help) throw new CliInputError(SCHEDULE_USAGE);
  if (parsed.positionals.length !== 1) throw new CliInputError(`aps schedule takes one FILE (got ${parsed.positionals.length}).\n${SCHEDULE_USAGE}`);
  const num = (name: string, text: string | undefined, integer: boolean): number | undefined => {
    if (text === undefined) return undefined;
    const x = Number(text);
    if (text.trim() === "" || !Number.isFinite(x) || x < 0 || (integer && !Number.isInteger(x))) {
      throw new CliInputError(`--${name} must be a ${integer ? "whole number" : "number"} ≥ 0 (got "${text}").`);
    }
    return x;
  };
  const timeLimit = num("time-limit", v["time-limit"], false);
  const iterations = num("iterations", v.iterations, true);
  const seed = num("seed", v.seed, true) ?? 1;
  let objective: JobShopObjective | undefined;
  if (v.objective !== undefined) {
    if (v.objective === "makespan") objective = "makespan";
    else if (v.objective === "tardiness" || v.objective === "totalWeightedTardiness") objective = "totalWeightedTardiness";
    else throw new CliInputError(`--objective must be makespan or tardiness (got "${v.objective}").`);
  }
  return {
    file: parsed.positionals[0], json: v.json ?? false, out: v.out ?? null, objective,
    keepEdits: v["keep-edits"] ?? false, undoEdits: v["undo-edits"] ?? false, budgetGiven: timeLimit !== undefined || iterations !== undefined,
    search: {
      seed,
      maxIterations: iterations,
      timeLimitMs: timeLimit !== undefined ? timeLimit * 1000 : iterations === undefined ? 10_000 : undefined,
    },
  };
}

/** Runs `aps schedule`; returns the exit status (0 done, 2 bad input, 1 program fault). */
export const scheduleCommand = guardedCommand("aps schedule", (args, io) => runSchedule(args, io));

async function runSchedule(args: string[], io: CliIo): Promise<number> {
  const a = parseScheduleArgs(args);
  await requireFile(a.file);
  const label = path.basename(a.file);
  const search: SearchOptions = {
    ...a.search,
    progressIntervalMs: 1000,
    onProgress: (p) => { if (p.elapsedMs >= 1000) io.progress?.(`  ${(p.elapsedMs / 1000).toFixed(1)} s, iteration ${p.iteration}, best ${p.best}\n`); },
  };
  const ext = path.extname(a.file).toLowerCase();
  if (a.keepEdits && a.undoEdits) throw new CliInputError("--keep-edits and --undo-edits: choose one.");
  if (ext === ".xlsx") return a.keepEdits || a.undoEdits ? retimeWorkbook(a, label, io) : scheduleWorkbook(a, label, search, io);
  if (a.keepEdits || a.undoEdits) throw new CliInputError(`--${a.keepEdits ? "keep" : "undo"}-edits is for .xlsx workbooks (the edited Schedule Operations sheet); ${label} is not one.`);
  if (a.out !== null) throw new CliInputError(`--out is for .xlsx inputs; ${label} results go to stdout.`);
  const text = await readTextFile(a.file);
  if (ext === ".json" || text.trimStart().startsWith("{")) {
    let value: unknown;
    try { value = JSON.parse(text); } catch (error) { throw new CliInputError(`${a.file}: not valid JSON (${(error as Error).message}).`); }
    const run = runShopSchedule(shopFromJson(value, label), {}, search, a.objective);
    io.stdout(a.json ? JSON.stringify(run.record) + "\n" : `${a.file}: ${run.summary}`);
    return EXIT_OK;
  }
  if (ext === ".atsp" || ext === ".tsp" || looksLikeTsplib(text)) {
    const result = solveSequence(parseTsplib(text, label), search);
    io.stdout(a.json ? JSON.stringify(sequenceRecord(result)) + "\n" : sequenceSummary(a.file, result));
    return EXIT_OK;
  }
  const result = solveJobShop(parseJobShopText(text, label), { ...search, objective: a.objective });
  io.stdout(a.json ? JSON.stringify(scheduleRecord(result)) + "\n" : jobShopSummary(a.file, result));
  return EXIT_OK;
}

/** The .xlsx copy results go to, checked before any work (never the input, links resolved). */
async function outputOf(a: ScheduleArgs): Promise<OutputTarget> {
  const out = a.out ?? path.join(path.dirname(a.file), `${path.basename(a.file, path.extname(a.file))}.schedule.xlsx`);
  if (path.extname(out).toLowerCase() !== ".xlsx") throw new CliInputError(`${out}: --out must be an .xlsx file.`);
  return checkOutput(out, { inputs: [a.file] });
}

/** Says on stderr how many edits of Schedule Operations a plain run replaces (docs/editing.md). */
async function noteReplacedEdits(workbook: XlsxWorkbook, io: CliIo): Promise<void> {
  const table = await workbook.readTable("ScheduleOperations");
  if (!table) return;
  let edits = 0;
  try {
    edits = editedRowsFromTable(table).filter((r) => r.lock !== null || r.start !== r.runStart || r.machine !== r.runMachine).length;
  } catch (error) {
    if (!isPlanningInputError(error)) throw error;
  }
  if (edits > 0) io.stderr(`note: this run replaces ${edits} edited row${edits === 1 ? "" : "s"} of Schedule Operations; aps schedule --keep-edits keeps them\n`);
}

/** `--keep-edits`: re-times the shop around the planner's edits of Schedule Operations; `--undo-edits`: writes the last run back. */
async function retimeWorkbook(a: ScheduleArgs, label: string, io: CliIo): Promise<number> {
  const target = await outputOf(a);
  const out = target.path;
  const workbook = await openXlsxInput(a.file);
  const operations = await workbook.readTable("Operations");
  if (!operations) throw new CliInputError(`${a.file}: the workbook has no Operations table (Job, Step, Machine, Duration).`);
  const edited = await workbook.readTable("ScheduleOperations");
  if (!edited) throw new CliInputError(`${a.file}: there is no Schedule Operations sheet to keep edits from; run aps schedule first, edit its copy, then run --keep-edits on that copy.`);
  const inFile = <T>(read: () => T): T => {
    try {
      return read();
    } catch (error) {
      if (isPlanningInputError(error)) throw new CliInputError(`${a.file}: ${(error as Error).message}`);
      throw error;
    }
  };
  const tables = { operations, downtime: await workbook.readTable("Downtime"), customers: await workbook.readTable("Customers") };
  const settings = await workbook.readTable("Settings");
  const run = a.undoEdits ? inFile(() => undoEdits({ input: shopFromTables(tables), rows: editedRowsFromTable(edited), label: edited.sheet })) : inFile(() => runRetime({
    input: shopFromTables(tables), rows: editedRowsFromTable(edited), label: edited.sheet, settings: rescheduleSettings(settings), objective: a.objective,
    search: a.budgetGiven ? { timeLimitMs: a.search.timeLimitMs, maxIterations: a.search.maxIterations, seed: a.search.seed } : {},
  }));
  if (run.status === "conflicts") {
    io.stderr(`${a.file}: ${run.summary}`);
    return EXIT_BAD_INPUT;
  }
  const report = await workbook.writeSheets(run.sheets);
  await writeOutput(target, (temporary) => workbook.saveAs(temporary));
  io.stdout(a.json ? JSON.stringify(run.record) + "\n" : `${label} ${run.summary}wrote ${report.written.join(", ")} to ${out}\n`);
  return EXIT_OK;
}

async function scheduleWorkbook(a: ScheduleArgs, label: string, search: SearchOptions, io: CliIo): Promise<number> {
  const target = await outputOf(a);
  const out = target.path;
  const workbook = await openXlsxInput(a.file); // ExcelJS loads only for .xlsx
  await noteReplacedEdits(workbook, io);
  const tables: ScheduleTables = { operations: await workbook.readTable("Operations"), changeovers: await workbook.readTable("Changeovers") };
  if (!tables.operations && !tables.changeovers) {
    const hint = (await missingTableHint(workbook, "Operations")) || (await missingTableHint(workbook, "Changeovers"));
    throw new CliInputError(`${a.file}: the workbook has neither an Operations nor a Changeovers table${hint}.`);
  }
  for (const [key, name] of [["downtime", "Downtime"], ["customers", "Customers"], ["escalation", "Escalation"], ["settings", "Settings"]] as const) tables[key] = await workbook.readTable(name);
  let run;
  try {
    run = runScheduleTables(tables, { search, objective: a.objective }, label);
  } catch (error) {
    if (!isPlanningInputError(error)) throw error;
    // The Operations and Changeovers problems come together, each after the file's name; the shop's after its path.
    if (error.input === SCHEDULE_TABLES_INPUT) throw new CliInputError(error.message.split("\n").map((m) => `${label}: ${m}`).join("\n"));
    throw new CliInputError(`${a.file}: ${error.message}`);
  }
  const report = await workbook.writeSheets(run.sheets);
  await writeOutput(target, (temporary) => workbook.saveAs(temporary));
  io.stdout(a.json ? JSON.stringify(run.record) + "\n" : `${run.summary}wrote ${report.written.join(", ")} to ${out}\n`);
  return EXIT_OK;
}
