// File handling shared by `aps share`, `aps merge` and `aps audit`: opening the buyer's workbook with
// a clear error, refusing to rewrite in place a workbook that holds parts ExcelJS would drop, the
// user name and the time stamp of a run.

import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import type { XlsxWorkbook } from "../workbook/xlsx/xlsxWorkbook";
import { openXlsxInput } from "./xlsxInput";
import { requireFile } from "./files";
import { CliInputError } from "./io";
import { timeProblem } from "../engine/calendarDate";
import { notWorkbookProblem } from "../workbook/xlsx/xlsxLimits";

/** Opens BOOK.xlsx; exit 2 with the file named when it is missing or unreadable. */
export async function openBook(file: string): Promise<XlsxWorkbook> {
  if (path.extname(file).toLowerCase() !== ".xlsx") throw new CliInputError(`${file}: the buyer's workbook must be an .xlsx file.`);
  await requireFile(file);
  return openXlsxInput(file); // within the limits of docs/errors.md
}

/** Parts a rewrite through ExcelJS would lose (ADDIN-NOTES.md): charts, pivots, pictures, macros, custom XML, signatures. */
const FRAGILE_PARTS = [/^xl\/charts\//, /^xl\/pivot/, /^xl\/drawings\//, /^xl\/media\//, /vbaProject\.bin$/, /^customXml\//, /^xl\/threadedComments\//, /^_xmlsignatures\//, /^xl\/slicers?/, /^xl\/externalLinks\//, /^docProps\/custom\.xml$/];

/** What rewriting the workbook in place would lose (part names), empty when nothing. */
export async function partsLostOnRewrite(file: string): Promise<string[]> {
  let zip: JSZip;
  const bytes = await fs.readFile(file);
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new CliInputError(notWorkbookProblem(file, bytes));
  }
  return Object.values(zip.files).filter((entry) => !entry.dir && FRAGILE_PARTS.some((p) => p.test(entry.name))).map((entry) => entry.name);
}

/** The user recorded in the audit trail: --user, else the login name. */
export function auditUser(given: string | undefined): string {
  if (given !== undefined && given.trim() !== "") return given.trim();
  try {
    return os.userInfo().username || "unknown";
  } catch {
    return "unknown";
  }
}

/** --now (ISO 8601, for reproducible runs) or the clock. */
export function runTime(given: string | undefined): string {
  if (given === undefined) return new Date().toISOString();
  const problem = timeProblem(given);
  const t = Date.parse(given.trim());
  if (problem !== null || !Number.isFinite(t)) {
    throw new CliInputError(`--now: "${given}" is not a real time${problem === null || problem.startsWith("not ") ? "" : ` (${problem})`}; give an ISO 8601 time such as 2026-12-01T10:00:00Z.`);
  }
  return new Date(t).toISOString();
}
