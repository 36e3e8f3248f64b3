// Reads the FILE of `aps plan` and `aps simulate`: an .xlsx workbook (through the port, within the
// limits of docs/errors.md, ExcelJS loaded only then) or an aps-network/1 .json record, with errors
// that name the file.

import * as path from "node:path";
import type { XlsxWorkbook } from "../workbook/xlsx/xlsxWorkbook";
import { readJsonFile } from "./files";
import { CliInputError } from "./io";
import { openXlsxInput } from "./xlsxInput";

export type NetworkFile = { kind: "xlsx"; workbook: XlsxWorkbook } | { kind: "json"; raw: unknown };

/** Opens the network file; `command` names the command in the message about the extension. */
export async function readNetworkFile(file: string, command: string): Promise<NetworkFile> {
  const extension = path.extname(file).toLowerCase();
  if (extension === ".xlsx") return { kind: "xlsx", workbook: await openXlsxInput(file) };
  if (extension === ".json") return { kind: "json", raw: await readJsonFile(file) };
  throw new CliInputError(`${file}: aps ${command} reads .xlsx or .json files (got "${extension || "no extension"}").`);
}
