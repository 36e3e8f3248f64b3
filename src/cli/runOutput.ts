// What `aps plan` and `aps supply` do alike around their run: the refusal of bad input (every line,
// then the count), the --out kind, and writing the JSON or the result sheets into a copy.

import * as path from "node:path";
import type ExcelJS from "exceljs";
import type { WriteReport } from "../workbook/paneWorkbook";
import type { ResultSheet } from "../workbook/port";
import { CliInputError, type CliIo, EXIT_BAD_INPUT } from "./io";
import { contentWriter, type OutputTarget, writeOutput } from "./output";

/** Prints every input error, each after the file, then their count; nothing is written (exit 2). */
export function refuseInput(io: CliIo, file: string, outcome: { errors: string[]; errorCount?: number }): number {
  io.stderr(outcome.errors.map((e) => `${file}: ${e}`).join("\n") + "\n");
  io.stderr(`${file}: ${outcome.errorCount ?? outcome.errors.length} input error(s); nothing was written.\n`);
  return EXIT_BAD_INPUT;
}

/** The kind of --out (".xlsx" or ".json"), null without one; another extension is refused. */
export function outKind(out: string | null, what: string): ".xlsx" | ".json" | null {
  if (out === null) return null;
  const extension = path.extname(out).toLowerCase();
  if (extension !== ".xlsx" && extension !== ".json") throw new CliInputError(`${out}: --out writes .xlsx (result sheets) or .json (${what}).`);
  return extension;
}

/** "Plan (2) (your own Plan sheet is kept), Matching, KPIs and Exceptions". */
export function sheetList(report: WriteReport): string {
  const kept = new Map(Object.entries(report.renamed).map(([asked, used]) => [used, asked]));
  const names = report.written.map((name) => (kept.has(name) ? `${name} (your own ${kept.get(name)} sheet is kept)` : name));
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}` : names.join("");
}

/**
 * Writes the run to --out: the JSON text to a .json, else the sheets into a copy of the input workbook
 * (a new workbook for a JSON input); the sheets' report, or null for JSON.
 */
export async function writeRunOutput(target: OutputTarget, kind: ".xlsx" | ".json", jsonText: string, workbook: ExcelJS.Workbook | null, sheets: () => ResultSheet[]): Promise<WriteReport | null> {
  if (kind === ".json") {
    await writeOutput(target, contentWriter(jsonText));
    return null;
  }
  const { xlsxWorkbookFrom } = await import("../workbook/xlsx/xlsxWorkbook");
  const book = xlsxWorkbookFrom(workbook ?? new (await import("exceljs")).default.Workbook());
  const written = await book.writeSheets(sheets());
  await writeOutput(target, (tmp) => book.saveAs(tmp));
  return written;
}
