// Reads the FILE of `aps plan` and `aps simulate`: an .xlsx workbook (through the port) or an
// aps-network/1 .json record, with errors that name the file.

import * as path from "node:path";
import { openXlsxWorkbook, XlsxWorkbook } from "../workbook/xlsx/xlsxWorkbook";
import { readTextFile } from "./files";
import { CliInputError } from "./io";

export type NetworkFile = { kind: "xlsx"; workbook: XlsxWorkbook } | { kind: "json"; raw: unknown };

/** Opens the network file; `command` names the command in the message about the extension. */
export async function readNetworkFile(file: string, command: string): Promise<NetworkFile> {
  const extension = path.extname(file).toLowerCase();
  if (extension === ".xlsx") {
    try {
      return { kind: "xlsx", workbook: await openXlsxWorkbook(file) };
    } catch (error) {
      throw new CliInputError(`${file}: not a readable .xlsx workbook (${(error as Error).message}).`);
    }
  }
  if (extension === ".json") {
    try {
      return { kind: "json", raw: JSON.parse(await readTextFile(file)) };
    } catch (error) {
      if (error instanceof CliInputError) throw error;
      throw new CliInputError(`${file}: not valid JSON (${(error as Error).message}).`);
    }
  }
  throw new CliInputError(`${file}: aps ${command} reads .xlsx or .json files (got "${extension || "no extension"}").`);
}
