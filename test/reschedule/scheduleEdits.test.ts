// Reading the planner's edits back from the ScheduleOperations table (docs/editing.md): cells named,
// a bad Lock refused at its cell, a table without Run columns read as unedited, and the pane's job.
import type { TableData } from "../../src/workbook/port";
import { scheduleJob } from "../../src/workbook/schedule/scheduleJob";
import { retimeJob } from "../../src/workbook/reschedule/retimeJob";
import { editedRowsFromTable } from "../../src/workbook/reschedule/scheduleEdits";
import { scheduleOperationsSheet } from "../../src/workbook/schedule/scheduleSheet";

const HEADERS = ["Machine", "Job", "Step", "Start", "End", "Duration", "Lock", "Run Start", "Run Machine", "Run Lock"];
const table = (rows: TableData["rows"], headers = HEADERS): TableData => ({ name: "ScheduleOperations", sheet: "Schedule Operations", headers, rows, headerRow: 3, firstColumn: 1 });
const operations: TableData = {
  name: "Operations", sheet: "Operations", headers: ["Job", "Step", "Machine", "Duration", "Due Date"], headerRow: 1, firstColumn: 1,
  rows: [["A", 0, "Saw", 3, 9], ["A", 1, "Lathe", 4, 9], ["B", 0, "Saw", 2, 6]],
};

describe("editedRowsFromTable", () => {
  it("reads edits with their cells; a bad Lock is refused at its cell", () => {
    const rows = editedRowsFromTable(table([["Saw", "A", 0, 2, 5, 3, "Time", 0, "Saw", null]]));
    expect(rows[0]).toMatchObject({ job: "A", step: 0, start: 2, runStart: 0, lock: "time", runLock: null, where: { start: "'Schedule Operations'!D4", machine: "'Schedule Operations'!A4", lock: "'Schedule Operations'!G4" } });
    expect(() => editedRowsFromTable(table([["Saw", "A", 0, 2, 5, 3, "tme", 0, "Saw", null]]))).toThrow(/'Schedule Operations'!G4: Lock must be time, machine, sequence or blank \(got "tme"\)/);
    expect(() => editedRowsFromTable(table([["Saw", "A", 0, "soon", 5, 3, null, 0, "Saw", null]]))).toThrow(/'Schedule Operations'!D4: Start must be a number/);
  });

  it("a table written before the Run columns has no edits of start or machine", () => {
    const rows = editedRowsFromTable(table([["Saw", "A", 0, 2, 5, 3]], HEADERS.slice(0, 6)));
    expect(rows[0]).toMatchObject({ start: 2, runStart: 2, machine: "Saw", runMachine: "Saw", lock: null });
  });

  it("the sheet a run writes reads back unedited, locks kept", () => {
    const sheet = scheduleOperationsSheet({
      operations: [{ job: 0, step: 0, machine: 0, start: 0, end: 3 }], makespan: 3, totalWeightedTardiness: 0, status: "x",
      machineCount: 1, machineNames: ["Saw"], jobNames: ["A"], locks: new Map([["0/0", "sequence" as const]]),
    });
    expect(sheet.title).toMatch(/Edit Start or Machine, or set Lock/);
    const rows = editedRowsFromTable(table(sheet.rows, sheet.columns.map((c) => c.header)));
    expect(rows[0]).toMatchObject({ start: 0, runStart: 0, lock: "sequence", runLock: "sequence" });
  });
});

describe("the Re-time schedule job", () => {
  const run = (rows: TableData["rows"], options: Record<string, string | number> = {}) =>
    retimeJob.run({ tables: { Operations: operations, ScheduleOperations: table(rows) }, options }, () => undefined);
  const published = [
    ["Saw", "A", 0, 0, 3, 3, null, 0, "Saw", null], ["Saw", "B", 0, 3, 5, 2, null, 3, "Saw", null], ["Lathe", "A", 1, 3, 7, 4, null, 3, "Lathe", null],
  ];

  it("re-times around a hand move and shows the compare as cards", async () => {
    const rows = published.map((r) => r.slice());
    rows[1][3] = 0; // B first on the Saw
    const out = await run(rows);
    expect(out.status).toBe("done");
    const card = (label: string) => out.cards.find((c) => c.label === label)!;
    expect(card("Moved operations").value).toBe(3);
    expect(card("Makespan")).toMatchObject({ value: 9, detail: "last run 7 (+2)" });
    expect(card("Late orders")).toMatchObject({ value: 0 });
    expect(out.sheets.map((s) => s.name)).toEqual(["Schedule", "Schedule Operations", "Schedule Jobs", "Re-time Changes"]);
  });

  it("a conflict is an invalid run with the exception on the edited cell", async () => {
    const rows = published.map((r) => r.slice());
    rows[0][6] = "time";
    rows[1][3] = 1; // B on top of the locked A
    const out = await run(rows);
    expect(out.status).toBe("invalid");
    expect(out.sheets).toEqual([]);
    expect(out.exceptions).toEqual([expect.objectContaining({ severity: "error", where: "'Schedule Operations'!D5" })]);
  });

  it("a plain Schedule run says which edits it replaces", async () => {
    const rows = published.map((r) => r.slice());
    rows[2][6] = "time";
    const out = await scheduleJob.run({ tables: { Operations: operations, Changeovers: null, ScheduleOperations: table(rows) }, options: { timeLimit: 0.1 } }, () => undefined);
    expect(out.exceptions).toEqual([expect.objectContaining({ severity: "info", where: "'Schedule Operations'!D6", message: expect.stringMatching(/replaces 1 edited row .*Re-time schedule keeps/) })]);
  });

  it("says what to do when there is no schedule yet", async () => {
    const out = await retimeJob.run({ tables: { Operations: operations, ScheduleOperations: null }, options: {} }, () => undefined);
    expect(out.exceptions[0].message).toMatch(/run Schedule first/);
  });
});

describe("alternative machines through the Re-time schedule job", () => {
  // A's Saw step can also run on Saw 2 (the optional Alternative Machines column of Operations).
  const withAlternatives: TableData = {
    ...operations, headers: [...operations.headers, "Alternative Machines"],
    rows: [["A", 0, "Saw", 3, 9, "Saw 2"], ["A", 1, "Lathe", 4, 9, null], ["B", 0, "Saw", 2, 6, null]],
  };
  const published = [
    ["Saw", "A", 0, 0, 3, 3, null, 0, "Saw", null], ["Saw", "B", 0, 3, 5, 2, null, 3, "Saw", null], ["Lathe", "A", 1, 3, 7, 4, null, 3, "Lathe", null],
  ];
  const run = (sheet: TableData) => retimeJob.run({ tables: { Operations: withAlternatives, ScheduleOperations: sheet }, options: {} }, () => undefined);
  const machineOf = (rows: TableData["rows"], headers: string[], job: string, step: number) =>
    rows.find((r) => r[headers.indexOf("Job")] === job && r[headers.indexOf("Step")] === step)![headers.indexOf("Machine")];

  it("a Machine edit to the alternative with a machine lock is kept, and kept again by the next re-time", async () => {
    const rows = published.map((r) => r.slice());
    rows[0][0] = "Saw 2"; rows[0][6] = "machine";
    const out = await run(table(rows));
    expect(out.status).toBe("done");
    const sheet = out.sheets.find((s) => s.name === "Schedule Operations")!;
    const headers = sheet.columns.map((c) => c.header);
    expect(machineOf(sheet.rows, headers, "A", 0)).toBe("Saw 2");
    expect(machineOf(sheet.rows, headers, "B", 0)).toBe("Saw");
    const again = await run(table(sheet.rows, headers));
    expect(again.status).toBe("done");
    const next = again.sheets.find((s) => s.name === "Schedule Operations")!;
    expect(machineOf(next.rows, headers, "A", 0)).toBe("Saw 2");
  });

  it("a Machine edit to a machine that cannot run it is a conflict at the Machine cell", async () => {
    const rows = published.map((r) => r.slice());
    rows[0][0] = "Lathe";
    const out = await run(table(rows));
    expect(out.status).toBe("invalid");
    expect(out.exceptions).toEqual([expect.objectContaining({ severity: "error", where: "'Schedule Operations'!A4", message: expect.stringMatching(/only "Saw" or "Saw 2" can/) })]);
  });
});
