// `aps merge BOOK.xlsx RESPONSE.xlsx… --out OUT.xlsx` (docs/formats.md §9): checks each response (size
// before reading, zip, identity, version, hash), reconciles and re-plans; any refusal: exit 2, nothing written.

import { promises as fs } from "node:fs";
import { mergeResponses } from "../workbook/collaborate/merge";
import type { ResponseFile } from "../workbook/collaborate/responseReader";
import { RESPONSE_LIMITS, zipRefusal } from "../workbook/collaborate/zipGuard";
import type ExcelJS from "exceljs";
import { xlsxWorkbookFrom } from "../workbook/xlsx/xlsxWorkbook";
import { OWNED_NAME } from "../workbook/ownedSheets";
import { PERIOD_COMMITMENTS } from "../workbook/collaborate/packageFormat";
import type { ResultSheet } from "../workbook/port";
import { auditUser, openBook, runTime } from "./collaborateFiles";
import { requireFile } from "./files";
import { parseOptions } from "./options";
import { checkOutput, writeOutput } from "./output";
import { CliInputError, CliIo, EXIT_BAD_INPUT, EXIT_OK } from "./io";
import { loadHighsModule } from "../workbook/supply/highsProvider";

export const MERGE_USAGE = `usage: aps merge BOOK.xlsx RESPONSE.xlsx… --out OUT.xlsx [--user NAME]
  RESPONSE.xlsx  packages filled in by partners (one or more)
  --out OUT.xlsx the buyer's workbook with Partner Commitments, Reconciliation, Re-plan, Collaboration, Shares, Audit`;

function fmt(v: number | null): string {
  return v === null ? "—" : Number(v.toPrecision(6)).toString();
}

/**
 * The merge rewrites the buyer's Period Commitments (every row of it is carried over, the answering
 * partners' stages replaced): a sheet of that name the buyer made is removed first, so the new table
 * takes its place instead of going to "Period Commitments (2)" beside the stale one.
 */
function replaceBuyerPeriodCommitments(workbook: ExcelJS.Workbook, sheets: readonly ResultSheet[]): void {
  if (!sheets.some((s) => s.name === PERIOD_COMMITMENTS)) return;
  const sheet = workbook.worksheets.find((w) => w.name.toLowerCase() === PERIOD_COMMITMENTS.toLowerCase());
  const owned = workbook.definedNames.getRanges(OWNED_NAME).ranges.some((r) => r.replace(/^'|'?![^!]*$/g, "").toLowerCase() === PERIOD_COMMITMENTS.toLowerCase());
  if (sheet && !owned) workbook.removeWorksheet(sheet.id);
}

/** Runs `aps merge`; returns the exit status. */
export async function mergeCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseOptions("merge", args, { out: { type: "string" }, user: { type: "string" }, now: { type: "string" }, help: { type: "boolean" } });
  const v = parsed.values;
  if (v.help) throw new CliInputError(MERGE_USAGE);
  const [file, ...responses] = parsed.positionals;
  if (!file || responses.length === 0) throw new CliInputError(`aps merge takes BOOK.xlsx and at least one RESPONSE.xlsx.\n${MERGE_USAGE}`);
  if (!v.out) throw new CliInputError(`aps merge needs --out OUT.xlsx (the buyer's workbook is never modified).\n${MERGE_USAGE}`);
  if (!v.out.toLowerCase().endsWith(".xlsx")) throw new CliInputError(`${v.out}: --out writes an .xlsx workbook.`);
  const now = runTime(v.now);
  await requireFile(file);
  const target = await checkOutput(v.out, { inputs: [file, ...responses] });
  const files: ResponseFile[] = [];
  for (const name of responses) {
    await requireFile(name);
    const { size } = await fs.stat(name);
    if (size > RESPONSE_LIMITS.maxFileBytes) {
      throw new CliInputError(`${name}: refused: the file is ${(size / 1024 / 1024).toFixed(1)} MB, over the limit of ${(RESPONSE_LIMITS.maxFileBytes / 1024 / 1024).toFixed(1)} MB; nothing was written.`);
    }
    const bytes = new Uint8Array(await fs.readFile(name));
    // Damaged files and zip bombs are refused before anything (the buyer's workbook included) is loaded.
    const refusal = await zipRefusal(bytes);
    if (refusal) throw new CliInputError(`${name}: refused: ${refusal}; nothing was written.`);
    files.push({ name, bytes });
  }
  const book = await openBook(file);
  const outcome = await mergeResponses(book, files, { now, user: auditUser(v.user), lpSolver: loadHighsModule });
  if (!outcome.ok) {
    const named = (e: string) => responses.some((r) => e.startsWith(`${r}:`));
    io.stderr(outcome.errors.map((e) => (named(e) ? e : `${file}: ${e}`)).join("\n") + "\nNothing was written.\n");
    return EXIT_BAD_INPUT;
  }
  replaceBuyerPeriodCommitments(book.workbook, outcome.sheets);
  const merged = xlsxWorkbookFrom(book.workbook);
  await merged.writeResultSheets(outcome.sheets);
  await writeOutput(target, (tmp) => merged.saveAs(tmp));
  for (const p of outcome.partners) io.stdout(`${p.partner}: ${p.status} (${p.exceptions} exception(s)), package ${p.packageId}\n`);
  for (const e of outcome.exceptions) io.stdout(`  ${e.severity}: ${e.message}${e.where ? ` [${e.where}]` : ""}\n`);
  io.stdout("Re-plan with the commitments:\n");
  for (const k of [...outcome.replan.kpis, ...(outcome.supply?.kpis ?? [])]) io.stdout(`  ${k.figure}: ${fmt(k.before)} → ${fmt(k.after)}\n`);
  io.stdout(`Wrote Partner Commitments, ${outcome.supply ? `Period Commitments, ${outcome.supply.result ? "Supply Plan, Resource Load, Planned Orders, Demand Fulfilment, " : ""}` : ""}Reconciliation, Re-plan, Collaboration, Shares and Audit to ${v.out}\n`);
  return EXIT_OK;
}
