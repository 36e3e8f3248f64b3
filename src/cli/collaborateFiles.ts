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

/** Opens BOOK.xlsx; exit 2 with the file named when it is missing or unreadable. */
export async function openBook(file: string): Promise<XlsxWorkbook> {
  await requireFile(file);
  if (path.extname(file).toLowerCase() !== ".xlsx") throw new CliInputError(`${file}: the buyer's workbook must be an .xlsx file.`);
  return openXlsxInput(file); // within the limits of docs/errors.md
}

/** Parts a rewrite through ExcelJS would lose (ADDIN-NOTES.md): charts, pivots, pictures, macros, custom XML, signatures. */
const FRAGILE_PARTS = [/^xl\/charts\//, /^xl\/pivot/, /^xl\/drawings\//, /^xl\/media\//, /vbaProject\.bin$/, /^customXml\//, /^xl\/threadedComments\//, /^_xmlsignatures\//, /^xl\/slicers?/, /^xl\/externalLinks\//, /^docProps\/custom\.xml$/];

/** What rewriting the workbook in place would lose (part names), empty when nothing. */
export async function partsLostOnRewrite(file: string): Promise<string[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(await fs.readFile(file));
  } catch (error) {
    throw new CliInputError(`${file}: not a readable .xlsx workbook (${(error as Error).message}).`);
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
  const t = Date.parse(given);
  if (!/^\d{4}-\d{2}-\d{2}/.test(given) || !Number.isFinite(t)) throw new CliInputError(`--now: "${given}" is not an ISO 8601 time such as 2026-12-01T10:00:00Z.`);
  return new Date(t).toISOString();
}
