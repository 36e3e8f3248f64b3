// Issue 22 in Chromium (browser mode, docs/editing.md): the pane schedules examples/machine-shop.xlsx
// and saves it; a planner edits Schedule Operations in the saved copy (ExcelJS, as in Excel) and the
// pane opens it again and re-times: an overlap of two held operations is refused at the edited cell
// with nothing written; a time lock at a moved Start and a hand move are kept, the warnings name the
// edited cells, the compare shows; the saved result keeps the locks (both checkers), keeps the Lock
// drop-down, and LibreOffice opens it.
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { checkRetime } from "../../src/engine/reschedule/retimeCheck";
import { matchEditedRows } from "../../src/engine/reschedule/retimeEdits";
import { editedRowsFromTable } from "../../src/workbook/reschedule/scheduleEdits";
import { shopFromTables } from "../../src/workbook/schedule/shopTables";
import { openXlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { OUTPUT, ROOT } from "../addin/support/paths";
import { lockRuleViolations, scheduleOfRows } from "../reschedule/lockRules";
import { editCells, scheduleOperationsRows } from "../support/editedCopy";
import { sheetsAsCsv, testWithSoffice } from "../support/findSoffice";
import type { PaneDriver } from "./support/paneDriver";
import { describePane } from "./support/paneSuite";

const EXAMPLE = path.join(ROOT, "examples", "machine-shop.xlsx");
const DIR = path.join(OUTPUT, "pane-edits");
const SHEET = "Schedule Operations";
const LONG = 60_000;

const sheetRows = scheduleOperationsRows;

/** A copy of `from` with cells of Schedule Operations set, as a planner typing in Excel. */
const edit = (from: string, to: string, cells: Record<string, number | string>) => editCells(from, to, SHEET, cells);

const cell = (column: string, row: number) => `'${SHEET}'!${column}${row}`;
/** Clicks a job's run button on the Schedule step and waits for its own phase. */
async function runJob(pane: PaneDriver, job: string, button: string): Promise<string> {
  await pane.startJob("Schedule", job, button);
  return pane.jobFinished(job, LONG);
}

describePane("hand edits of Schedule Operations re-timed in Chromium (browser mode)", (suite) => {
  const retimed = path.join(DIR, "retimed.xlsx");

  test("schedule, edit two cells in the saved copy, reopen, re-time: a clash refused at its cell, then a lock and a move kept", async () => {
    const { page, pane, errors } = await suite.open("edits");
    await pane.open(EXAMPLE);
    expect(await runJob(pane, "schedule", "Run schedule")).toBe("done");
    const scheduled = path.join(DIR, "scheduled.xlsx");
    await pane.save(scheduled);
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.readFile(scheduled);
    const rows = sheetRows(saved);
    expect(rows).toHaveLength(24);
    expect(saved.getWorksheet(SHEET)!.getCell("G4").dataValidation).toMatchObject({ type: "list" });

    // A: the first operation of the first machine on the sheet; B: the next one on that machine.
    const a = rows[0];
    const b = rows.find((r) => r.machine === a.machine && r.row > a.row && r.start >= a.end)!;
    expect(b).toBeDefined();

    // 1. A locked in time and B moved on top of it: both held, they overlap — refused at B's Start, naming A's Lock cell.
    const clash = path.join(DIR, "clash.xlsx");
    await edit(scheduled, clash, { [`G${a.row}`]: "time", [`D${b.row}`]: a.start });
    await pane.open(clash);
    expect(await runJob(pane, "retime", "Run re-time schedule")).toBe("invalid");
    const refused = await pane.listed("retime");
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(refused.map((p) => p.where)).toEqual(refused.map(() => cell("D", b.row)));
    expect(refused[0].message).toContain(cell("G", a.row));
    expect(refused[0].message).toMatch(/on top of/);
    expect(await pane.cardText("retime", "Edits that cannot be kept")).toContain("1");
    await pane.section("retime").getByRole("button", { name: new RegExp(`^Go to ${cell("D", b.row).replace(/[.*+?^${}()|[\]\\']/g, "\\$&")}: `) }).first().click();
    await page.getByRole("status").filter({ hasText: `${SHEET}!D${b.row}` }).filter({ hasText: `“${a.start}”` }).waitFor();
    await pane.shot("clash-refused");

    // 2. The planner fixes it: A moved 2 later and locked in time, B (the last operation to end) moved 3 later by hand.
    const last = rows.filter((r) => r.row !== a.row).reduce((x, y) => (y.end > x.end ? y : x));
    const moveA = a.start + 2, moveB = last.start + 3;
    const kept = path.join(DIR, "edited.xlsx");
    await edit(scheduled, kept, { [`D${a.row}`]: moveA, [`G${a.row}`]: "time", [`D${last.row}`]: moveB });
    await pane.open(kept);
    expect(await runJob(pane, "retime", "Run re-time schedule")).toBe("done");
    const edited = new Set([cell("D", a.row), cell("G", a.row), cell("D", last.row)]);
    const warnings = await pane.listed("retime");
    expect(warnings.length).toBeGreaterThanOrEqual(1);
    for (const w of warnings) expect(edited).toContain(w.where);
    // B ends the schedule: its order misses its due date by more than in the last run, put down to B's own edit.
    expect(warnings.some((w) => w.where === cell("D", last.row) && /due/.test(w.message))).toBe(true);
    // The compare against the last run, on screen.
    for (const label of ["Makespan", "Weighted tardiness", "Late orders"]) expect(await pane.cardText("retime", label)).toMatch(/last run -?\d+(\.\d+)? \([+-]?\d/);
    expect(await pane.cardText("retime", "Moved operations")).toMatch(/against the last run; total shift \d/);
    expect(await pane.cardText("retime", "Edits kept")).toBe("Edits kept 2 2 operations edited: 2 starts moved, 1 locked (1 time, 0 machine, 0 sequence)");
    const [makespan, tardiness, late, moved] = await Promise.all(["Makespan", "Weighted tardiness", "Late orders", "Moved operations"].map((label) => pane.cardNumber("retime", label)));
    await pane.section("retime").getByText(/Sheets written: .*Schedule Operations.*Re-time Changes/).waitFor();
    await pane.shot("kept");
    await pane.save(retimed);
    expect(errors).toEqual([]);

    // The saved result: the lock and the move held, checked by the engine's checker and the suite's own.
    const book = await openXlsxWorkbook(retimed);
    const after = editedRowsFromTable((await book.readTable("ScheduleOperations"))!);
    const shop = shopFromTables({ operations: (await book.readTable("Operations"))! }).shop;
    const editedBook = await openXlsxWorkbook(kept);
    const asEdited = matchEditedRows(shop, editedRowsFromTable((await editedBook.readTable("ScheduleOperations"))!), SHEET);
    const written = scheduleOfRows(shop, matchEditedRows(shop, after, SHEET));
    expect(lockRuleViolations(shop, asEdited, written)).toEqual([]);
    const check = checkRetime(shop, asEdited, written);
    expect(check.violations).toEqual([]);
    // The cards on screen are the saved schedule's own measures.
    const lateOrders = shop.jobs.filter((job, j) => job.due !== undefined && Math.max(...written.filter((op) => op.job === j).map((op) => op.end)) > job.due).length;
    expect([makespan, tardiness, late, moved]).toEqual([check.makespan, check.totalWeightedTardiness, lateOrders, check.movedOperations]);
    const lockedA = after.find((r) => r.job === a.job && r.step === a.step)!;
    expect([lockedA.start, lockedA.machine, lockedA.lock, lockedA.runStart, lockedA.runLock]).toEqual([moveA, a.machine, "time", moveA, "time"]);
    expect(after.find((r) => r.job === last.job && r.step === last.step)!.start).toBe(moveB);
    const result = new ExcelJS.Workbook();
    await result.xlsx.readFile(retimed);
    const sheet = result.getWorksheet(SHEET)!;
    expect(sheet.getCell(`G${4 + after.length - 1}`).dataValidation).toMatchObject({ type: "list", formulae: ['"time,machine,sequence"'] });
    expect(result.getWorksheet("Re-time Changes")).toBeDefined();
  }, LONG);

  testWithSoffice("LibreOffice opens the re-timed workbook", () => {
    expect(fs.existsSync(retimed)).toBe(true);
    const lines = sheetsAsCsv(retimed, DIR, 50_000)(SHEET);
    expect(lines[2]).toBe("Machine,Job,Step,Start,End,Duration,Lock,Run Start,Run Machine,Run Lock");
    expect(lines.filter((l) => l.includes(",time,")).length).toBe(1);
  }, LONG);
}, { setup: () => { fs.rmSync(DIR, { recursive: true, force: true }); fs.mkdirSync(DIR, { recursive: true }); } });
