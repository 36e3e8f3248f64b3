// The steps the end-to-end edit tests share: a first `aps` run written into a fresh folder, and a copy
// of a saved workbook with cells of one sheet changed as a planner would in Excel (ExcelJS).
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { runAps } from "./runCli";

/** One operation's row of Schedule Operations, as the sheet shows it. */
export interface ScheduleSheetRow { row: number; machine: string; job: string; step: number; start: number; end: number }

/** The data rows of Schedule Operations (title row 1, header row 3: Machine, Job, Step, Start, End, Duration, Lock, Run …); throws if the header is not that. */
export function scheduleOperationsRows(book: ExcelJS.Workbook): ScheduleSheetRow[] {
  const sheet = book.getWorksheet("Schedule Operations");
  if (!sheet) throw new Error("no Schedule Operations sheet");
  const header = [1, 2, 3, 4, 5, 7, 8].map((c) => sheet.getRow(3).getCell(c).value);
  if (header.join(",") !== "Machine,Job,Step,Start,End,Lock,Run Start") throw new Error(`Schedule Operations' header row 3 is ${header.join(", ")}`);
  const out: ScheduleSheetRow[] = [];
  for (let r = 4; r <= sheet.rowCount; r++) {
    const v = (c: string) => sheet.getCell(`${c}${r}`).value;
    if (v("B") === null) continue;
    out.push({ row: r, machine: String(v("A")), job: String(v("B")), step: Number(v("C")), start: Number(v("D")), end: Number(v("E")) });
  }
  return out;
}

/** Copies workbook `from` to `to` with the given cells of `sheet` set ({ "D7": 12, "G4": "time" }). */
export async function editCells(from: string, to: string, sheet: string, cells: Record<string, number | string>): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(from);
  for (const [address, value] of Object.entries(cells)) book.getWorksheet(sheet)!.getCell(address).value = value;
  await book.xlsx.writeFile(to);
}

/** `aps COMMAND EXAMPLE --out DIR/run.xlsx ARGS…` in a fresh temporary folder (it must succeed), and the workbook written. */
export async function firstRun(prefix: string, command: string, example: string, ...args: string[]): Promise<{ dir: string; first: string; book: ExcelJS.Workbook }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  const first = path.join(dir, "run.xlsx");
  const run = await runAps(command, example, "--out", first, ...args);
  if (run.status !== 0) throw new Error(`aps ${command} failed (${run.status}): ${run.stderr}`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(first);
  return { dir, first, book };
}
