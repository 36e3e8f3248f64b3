// Reads a network file the user picked (Compare files…) from its bytes, within the limits of
// docs/errors.md as `aps` reads files: its size, then an .xlsx's unpacked size and sheet rows before
// ExcelJS loads it, or JSON with a byte-order mark allowed. Pure: runs in the pane's file worker.

import { fileSizeProblem } from "../../engine/limits";
import type { NetworkSource } from "../jobs/types";
import { parseJsonText } from "../tables/jsonText";
import type { TableData } from "../port";
import { xlsxLimitProblem } from "../xlsx/xlsxLimits";

/** The tables of a network workbook (docs/formats.md §1). */
export const NETWORK_TABLES = ["Stages", "Arcs", "Settings"];

const unreadable = (name: string, message: string): NetworkSource => ({ name, kind: "unreadable", message });

/** The file's network, or why it cannot be read (the message names the file). Never throws. */
export async function readNetworkSource(name: string, bytes: Uint8Array): Promise<NetworkSource> {
  const tooBig = fileSizeProblem(name, bytes.length);
  if (tooBig !== null) return unreadable(name, tooBig);
  const extension = /\.[^./\\]+$/.exec(name)?.[0].toLowerCase() ?? "";
  if (extension === ".json") {
    const parsed = parseJsonText(name, new TextDecoder("utf-8").decode(bytes));
    return parsed.ok ? { name, kind: "json", raw: parsed.value } : unreadable(name, parsed.message);
  }
  if (extension !== ".xlsx") return unreadable(name, `${name}: Compare files reads .xlsx workbooks or aps-network/1 .json files (got "${extension || "no extension"}").`);
  const problem = await xlsxLimitProblem(name, bytes);
  if (problem !== null) return unreadable(name, problem);
  try {
    const { loadXlsxWorkbook } = await import("../xlsx/xlsxWorkbook");
    const book = await loadXlsxWorkbook(bytes);
    const tables: Record<string, TableData | null> = {};
    for (const table of NETWORK_TABLES) tables[table] = await book.readTable(table);
    return { name, kind: "tables", tables };
  } catch (error) {
    return unreadable(name, `${name}: not a readable .xlsx workbook (${error instanceof Error ? error.message : String(error)}).`);
  }
}
