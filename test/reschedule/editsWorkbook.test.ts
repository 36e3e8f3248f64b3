// End to end without a browser (docs/editing.md): `aps schedule` on the machine-shop example, two
// cells of Schedule Operations edited in the saved copy with ExcelJS as a planner would in Excel,
// then `aps schedule --keep-edits`: the locks hold (the suite's own checker), a conflicting edit is
// named by its cell and nothing is written, Undo edits (pane and --undo-edits) restores the run, and
// LibreOffice opens the result.
import { existsSync, promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { matchEditedRows } from "../../src/engine/reschedule/retimeEdits";
import { retimeJob } from "../../src/workbook/reschedule/retimeJob";
import { editedRowsFromTable } from "../../src/workbook/reschedule/scheduleEdits";
import { shopFromTables } from "../../src/workbook/schedule/shopTables";
import { openXlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { editCells, scheduleOperationsRows, type ScheduleSheetRow, firstRun } from "../support/editedCopy";
import { describeWithSoffice, sheetsAsCsv } from "../support/findSoffice";
import { runAps } from "../support/runCli";
import { lockRuleViolations, scheduleOfRows } from "./lockRules";

const EXAMPLE = path.join(__dirname, "../../examples/machine-shop.xlsx");
const SHEET = "Schedule Operations";

type SheetRow = ScheduleSheetRow;
const sheetRows = scheduleOperationsRows;

/** The first two operations of one machine, the second starting after the first ends. */
function twoOnOneMachine(rows: SheetRow[]): [SheetRow, SheetRow] {
  for (const a of rows) {
    const b = rows.find((x) => x.machine === a.machine && x.start >= a.end && x.row > a.row);
    if (b) return [a, b];
  }
  throw new Error("no machine runs two operations");
}

const edit = (from: string, to: string, cells: Record<string, number | string>) => editCells(from, to, SHEET, cells);

describe("edits of Schedule Operations kept by aps schedule --keep-edits", () => {
  let dir: string;
  let first: string;
  let rows: SheetRow[];
  beforeAll(async () => {
    const run = await firstRun("aps-edits-", "schedule", EXAMPLE, "--iterations", "3000", "--seed", "1");
    ({ dir, first } = run);
    rows = sheetRows(run.book);
  }, 60_000);

  it("a time lock and a hand move: both kept, the rest re-timed, the compare printed", async () => {
    const [a, b] = twoOnOneMachine(rows);
    const edited = path.join(dir, "edited.xlsx"), out = path.join(dir, "retimed.xlsx");
    await edit(first, edited, { [`G${a.row}`]: "time", [`D${b.row}`]: b.start + 3 });
    const before = await fs.readFile(edited);
    const run = await runAps("schedule", edited, "--keep-edits", "--out", out);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/1 hand move and 1 lock/);
    expect(run.stdout).toMatch(/makespan\s+\d+ →\s+\d+/);
    expect(await fs.readFile(edited)).toEqual(before); // the input is never modified

    const book = await openXlsxWorkbook(out);
    const table = (await book.readTable("ScheduleOperations"))!;
    const after = editedRowsFromTable(table);
    const input = shopFromTables({ operations: (await book.readTable("Operations"))! });
    const shop = input.shop;
    // The edits as read from the edited copy, checked against the schedule written.
    const editedBook = await openXlsxWorkbook(edited);
    const asEdited = matchEditedRows(shop, editedRowsFromTable((await editedBook.readTable("ScheduleOperations"))!), SHEET);
    const written = scheduleOfRows(shop, matchEditedRows(shop, after, SHEET));
    expect(lockRuleViolations(shop, asEdited, written)).toEqual([]);
    const lockedA = after.find((r) => r.job === a.job && r.step === a.step)!;
    expect([lockedA.start, lockedA.lock, lockedA.runStart, lockedA.runLock]).toEqual([a.start, "time", a.start, "time"]);
    expect(after.find((r) => r.job === b.job && r.step === b.step)!.start).toBe(b.start + 3);
    expect(after.every((r) => r.start === r.runStart && r.machine === r.runMachine)).toBe(true);
  }, 60_000);

  it("an overlap with the lock and a machine that cannot run the operation: named by their cells, nothing written", async () => {
    const [a, b] = twoOnOneMachine(rows);
    const other = rows.find((r) => r.machine !== b.machine)!.machine;
    const edited = path.join(dir, "conflict.xlsx"), out = path.join(dir, "conflict-out.xlsx");
    await edit(first, edited, { [`G${a.row}`]: "time", [`D${b.row}`]: a.start, [`A${a.row + 1 === b.row ? b.row + 1 : a.row + 1}`]: other });
    const run = await runAps("schedule", edited, "--keep-edits", "--out", out, "--json");
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`'Schedule Operations'!D${b.row}`);
    expect(run.stderr).toMatch(/cannot run it|there is no machine/);
    expect(run.stdout).toBe("");
    expect(run.stderr.split("\n").filter((l) => l.startsWith("  error ")).every((l) => /^ {2}error 'Schedule Operations'![AD]\d+: /.test(l))).toBe(true);
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it("Undo edits (the pane's job) writes the last run back", async () => {
    const [, b] = twoOnOneMachine(rows);
    const edited = path.join(dir, "undo.xlsx");
    await edit(first, edited, { [`D${b.row}`]: b.start + 7, [`G${b.row}`]: "sequence" });
    const book = await openXlsxWorkbook(edited);
    const tables: Record<string, import("../../src/workbook/port").TableData | null> = {};
    for (const name of retimeJob.tables) tables[name] = await book.readTable(name);
    const output = await retimeJob.run({ tables, options: { action: "Undo edits" } }, () => undefined);
    expect(output.status).toBe("done");
    const sheet = output.sheets.find((s) => s.name === SHEET)!;
    const row = sheet.rows.find((r) => r[1] === b.job && r[2] === b.step)!;
    expect([row[3], row[6]]).toEqual([b.start, null]);
    expect(output.cards[0]).toMatchObject({ label: "Rows restored", value: 1 });
    // The same from the command line.
    const out = path.join(dir, "undone.xlsx");
    const run = await runAps("schedule", edited, "--undo-edits", "--out", out);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/undo edits: 1 row restored/);
    const undone = new ExcelJS.Workbook();
    await undone.xlsx.readFile(out);
    expect(sheetRows(undone).find((r) => r.job === b.job && r.step === b.step)!.start).toBe(b.start);
  }, 60_000);

  describeWithSoffice("in LibreOffice", () => {
    it("the re-timed workbook opens and its Schedule Operations converts", async () => {
      const out = path.join(dir, "retimed.xlsx");
      if (!existsSync(out)) {
        const [a] = twoOnOneMachine(rows);
        await edit(first, path.join(dir, "lo.xlsx"), { [`G${a.row}`]: "time" });
        expect((await runAps("schedule", path.join(dir, "lo.xlsx"), "--keep-edits", "--out", out)).status).toBe(0);
      }
      const lines = sheetsAsCsv(out, dir)("Schedule Operations");
      expect(lines[2]).toBe("Machine,Job,Step,Start,End,Duration,Lock,Run Start,Run Machine,Run Lock");
      expect(lines.filter((l) => l.includes(",time,")).length).toBeGreaterThanOrEqual(1);
    }, 180_000);
  });
});
