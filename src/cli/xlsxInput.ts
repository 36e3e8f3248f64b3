// Opens an .xlsx input for a command, within the limits of docs/errors.md: the file's size (stat),
// then its sheets' row counts and unpacked size read from the zip, then every part's size and CRC-32,
// all before ExcelJS loads it.
// ExcelJS and JSZip are imported here lazily, so commands on JSON or text never load them.

import { promises as fs } from "node:fs";
import type { XlsxWorkbook } from "../workbook/xlsx/xlsxWorkbook";
import { xlsxLimitProblem } from "../workbook/xlsx/xlsxLimits";
import { CliInputError } from "./io";

export { declaredRows, MAX_UNPACKED_BYTES } from "../workbook/xlsx/xlsxLimits";

/**
 * Opens an .xlsx input: reads it (its size already checked by requireFile), checks the zip's rows
 * and unpacked size, then loads it with ExcelJS. Every failure is a CliInputError naming the file.
 */
export async function openXlsxInput(file: string): Promise<XlsxWorkbook> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    throw new CliInputError(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
  const problem = await xlsxLimitProblem(file, bytes);
  if (problem !== null) throw new CliInputError(problem);
  const { loadXlsxWorkbook } = await import("../workbook/xlsx/xlsxWorkbook");
  try {
    return await loadXlsxWorkbook(bytes);
  } catch {
    // The zip and its parts passed the checks above: what remains is XML that ExcelJS cannot read.
    throw new CliInputError(`${file}: not a readable .xlsx workbook: its content is damaged or not in Excel's format; open it in Excel or LibreOffice and save it again as .xlsx.`);
  }
}
