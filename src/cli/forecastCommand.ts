// `aps forecast FILE [--horizon H] [--season-length M] [--json] [--out OUT]` (docs/formats.md §6):
// forecasts aps-history/1 JSON or a workbook's Demand History; prints a summary or aps-forecast/1.

import * as path from "node:path";
import ExcelJS from "exceljs";
import { forecastHistory, ForecastRun } from "../engine/forecast/forecastRun";
import { readHistoryRecord } from "../engine/forecast/history";
import { forecastExceptionsSheet, forecastSheet, forecastSummarySheet } from "../workbook/forecast/forecastSheets";
import { forecastWorkbookTables } from "../workbook/forecast/forecastWorkbook";
import { missingTableHint, type ResultSheet } from "../workbook/port";
import { xlsxWorkbookFrom } from "../workbook/xlsx/xlsxWorkbook";
import { readJsonFile, requireFile } from "./files";
import { parseOptions } from "./options";
import { checkOutput, contentWriter, writeOutput } from "./output";
import { openXlsxInput } from "./xlsxInput";
import { CliInputError, CliIo, EXIT_BAD_INPUT, EXIT_OK } from "./io";

export const FORECAST_USAGE = "usage: aps forecast FILE [--horizon H] [--season-length M] [--json] [--out OUT]\n  FILE  aps-history/1 .json, or .xlsx with a Demand History table (Stage, Period, Quantity)\n  --horizon H        periods to forecast (default: the file's, else 12)\n  --season-length M  season length (default: from the dates, else detected)\n  --json             print the aps-forecast/1 JSON (to OUT when OUT is .json)\n  --out OUT          write Forecast sheets into OUT (.xlsx, a copy) or the JSON (.json)";

interface ForecastArgs { file: string; out: string | null; json: boolean; horizon?: number; seasonLength?: number }

function wholeOption(value: string | undefined, name: string, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new CliInputError(`--${name} must be a whole number from 1 to ${max} (got "${value}").\n${FORECAST_USAGE}`);
  return n;
}

function parseForecastArgs(args: string[]): ForecastArgs {
  const parsed = parseOptions("forecast", args, { out: { type: "string" }, json: { type: "boolean" }, horizon: { type: "string" }, "season-length": { type: "string" }, help: { type: "boolean" } });
  if (parsed.values.help) throw new CliInputError(FORECAST_USAGE);
  if (parsed.positionals.length !== 1) throw new CliInputError(`aps forecast takes one FILE (got ${parsed.positionals.length}).\n${FORECAST_USAGE}`);
  return {
    file: parsed.positionals[0], out: parsed.values.out ?? null, json: parsed.values.json ?? false,
    horizon: wholeOption(parsed.values.horizon, "horizon", 1000), seasonLength: wholeOption(parsed.values["season-length"], "season-length", 366),
  };
}

interface Loaded { run: ForecastRun; sheets: ResultSheet[]; workbook: ExcelJS.Workbook | null; where: string }

async function forecastFile(file: string, args: ForecastArgs): Promise<Loaded> {
  const extension = path.extname(file).toLowerCase();
  if (extension === ".xlsx") {
    const workbook = await openXlsxInput(file); // within the limits of docs/errors.md
    const outcome = await forecastWorkbookTables(workbook, { horizon: args.horizon, seasonLength: args.seasonLength });
    if (outcome === null) throw new CliInputError(`${file}: the workbook has no "Demand History" table (Stage, Period, Quantity)${await missingTableHint(workbook, "Demand History")}.`);
    if (!outcome.ok) throw new CliInputError(outcome.errors.map((e) => `${file}: ${e}`).join("\n") + `\n${file}: ${outcome.errorCount} input error(s); nothing was written.`);
    return { run: outcome.run, sheets: outcome.sheets, workbook: workbook.workbook, where: file };
  }
  if (extension === ".json") {
    const raw = await readJsonFile(file);
    const history = readHistoryRecord(raw);
    if (history.errors.length > 0) throw new CliInputError(history.errors.map((e) => `${file}: ${e}`).join("\n") + `\n${file}: ${history.errors.length} input error(s); nothing was written.`);
    if (history.series.length === 0) throw new CliInputError(`${file}: series is empty: give at least one series.`);
    const run = forecastHistory(history.series, { horizon: args.horizon ?? history.horizon, seasonLength: args.seasonLength });
    const where = () => file;
    return { run, sheets: [forecastSheet(run), forecastSummarySheet(run), forecastExceptionsSheet(run.issues, where)], workbook: null, where: file };
  }
  throw new CliInputError(`${file}: aps forecast reads .json (aps-history/1) or .xlsx files (got "${extension || "no extension"}").`);
}

function summary(run: ForecastRun): string {
  const lines = run.record.series.map((s) => `  ${s.id}: ${s.method}, λ ${s.rate.toFixed(2)}/period, σ_D ${s.errorSd.toFixed(2)}, ${s.pattern}, ${s.abc}${s.xyz}` +
    (s.accuracy ? `, one-step sMAPE ${s.accuracy.smape.toFixed(1)} %` : ""));
  return [`Forecast of ${run.record.series.length} series:`, ...lines].join("\n");
}

/** Runs `aps forecast`; returns the exit status. */
export async function forecastCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseForecastArgs(args);
  const { file, out, json } = parsed;
  await requireFile(file);
  const outExtension = out === null ? null : path.extname(out).toLowerCase();
  if (outExtension !== null && outExtension !== ".xlsx" && outExtension !== ".json") throw new CliInputError(`${out}: --out writes .xlsx (Forecast sheets) or .json (aps-forecast/1).`);
  const target = out === null ? null : await checkOutput(out, { inputs: [file] });
  const { run, sheets, workbook } = await forecastFile(file, parsed);
  const errors = run.issues.filter((i) => i.severity === "error");
  for (const issue of run.issues) io.stderr(`${file}: ${issue.severity}: ${issue.message}\n`);
  if (run.record.series.length === 0 && errors.length > 0) {
    io.stderr(`${file}: no series could be forecast; nothing was written.\n`);
    return EXIT_BAD_INPUT;
  }
  const jsonText = JSON.stringify(run.record, null, 1) + "\n";
  if (target !== null && outExtension === ".json") await writeOutput(target, contentWriter(jsonText));
  else if (target !== null) {
    const book = xlsxWorkbookFrom(workbook ?? new ExcelJS.Workbook());
    await book.writeResultSheets(sheets);
    await writeOutput(target, (tmp) => book.saveAs(tmp));
  }
  if (json && outExtension !== ".json") io.stdout(jsonText);
  if (!json) {
    io.stdout(summary(run) + "\n");
    if (out !== null) io.stdout(`\nWrote ${outExtension === ".json" ? "the forecast" : "Forecast, Forecast Summary and Forecast Exceptions sheets"} to ${out}\n`);
  }
  return errors.length > 0 ? EXIT_BAD_INPUT : EXIT_OK;
}
