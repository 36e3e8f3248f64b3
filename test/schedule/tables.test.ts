// Workbook tables → scheduling instances (Operations, Changeovers), errors naming the cell, and the
// Schedule sheet's Gantt fills.
import { jobShopFromOperationsTable, sequencingFromChangeoversTable } from "../../src/workbook/schedule/scheduleTables";
import { scheduleSheet, scheduleJobsSheet, scheduleOperationsSheet, jobColor } from "../../src/workbook/schedule/scheduleSheet";
import type { TableData } from "../../src/workbook/port";

const operations = (rows: TableData["rows"], headers = ["Job", "Step", "Machine", "Duration", "Due Date", "Weight"]): TableData =>
  ({ name: "Operations", sheet: "Operations", headers, rows, headerRow: 1, firstColumn: 1 });

describe("jobShopFromOperationsTable(table)", () => {
  it("numbers jobs and machines by first appearance and orders steps by Step", () => {
    const shop = jobShopFromOperationsTable(operations([
      ["A", 2, "Lathe", 4, 20, 2],
      ["A", 1, "Mill", 3, null, null],
      ["B", 1, "Lathe", 5, null, null],
      [null, null, null, null, null, null],
    ]));
    expect(shop.jobNames).toEqual(["A", "B"]);
    expect(shop.machineNames).toEqual(["Lathe", "Mill"]);
    expect(shop.instance.jobs[0]).toEqual({ name: "A", operations: [{ machine: 1, duration: 3 }, { machine: 0, duration: 4 }], dueDate: 20, weight: 2 });
    expect(shop.instance.jobs[1].dueDate).toBeUndefined();
  });
  it("names the cell of a negative duration", () => {
    expect(() => jobShopFromOperationsTable(operations([["A", 1, "M", -2, null, null]]))).toThrow("Operations!D2: Duration must be ≥ 0 (got -2).");
  });
  it("names the cell of a repeated step and of conflicting due dates", () => {
    expect(() => jobShopFromOperationsTable(operations([["A", 1, "M", 2, null, null], ["A", 1, "N", 2, null, null]]))).toThrow('Operations!B3: job "A" already has step 1 (Operations!B2).');
    expect(() => jobShopFromOperationsTable(operations([["A", 1, "M", 2, 5, null], ["A", 2, "N", 2, 6, null]]))).toThrow("Operations!E3: job \"A\" has Due Date 5 at Operations!E2; one value per job.");
  });
  it("refuses a table without a Duration column", () => {
    expect(() => jobShopFromOperationsTable(operations([["A", 1, "M"]], ["Job", "Step", "Machine"]))).toThrow('the Operations table has no "Duration" column');
  });
  it("refuses text in a number column", () => {
    expect(() => jobShopFromOperationsTable(operations([["A", "one", "M", 2, null, null]]))).toThrow('Operations!B2: Step must be a number (got "one").');
  });
});

const changeovers = (rows: TableData["rows"]): TableData =>
  ({ name: "Changeovers", sheet: "Line 1", headers: ["From Product", "To Product", "Time"], rows, headerRow: 3, firstColumn: 2 });

describe("sequencingFromChangeoversTable(table)", () => {
  it("builds the matrix; the first From Product is the start and returns to it are free", () => {
    const line = sequencingFromChangeoversTable(changeovers([["Red", "Blue", 4], ["Red", "Green", 1], ["Blue", "Green", 2], ["Green", "Blue", 3]]));
    expect(line.products).toEqual(["Red", "Blue", "Green"]);
    expect(line.start).toBe(0);
    expect(Array.from(line.instance.cost)).toEqual([0, 4, 1, 0, 0, 2, 0, 3, 0]);
  });
  it("names missing pairs and the cell of a duplicate", () => {
    expect(() => sequencingFromChangeoversTable(changeovers([["Red", "Blue", 4], ["Red", "Green", 1], ["Blue", "Green", 2]]))).toThrow('no row for the changeover "Green" → "Blue"');
    expect(() => sequencingFromChangeoversTable(changeovers([["Red", "Blue", 4], ["Red", "Blue", 5]]))).toThrow("'Line 1'!D5: the changeover \"Red\" → \"Blue\" is already given at 'Line 1'!D4.");
  });
});

describe("scheduleSheet(input)", () => {
  const input = {
    operations: [{ job: 0, step: 0, machine: 0, start: 0, end: 3 }, { job: 1, step: 0, machine: 1, start: 1, end: 2 }, { job: 1, step: 1, machine: 0, start: 3, end: 4 }],
    makespan: 4, totalWeightedTardiness: 6, status: "optimal", machineCount: 2, jobNames: ["A", "Order 2 Flange"], machineNames: ["M1", "M2"],
    dueDates: [Infinity, 1], weights: [1, 2],
  };

  it("fills one Gantt cell per time unit of each operation in the job's colour, labelled inside the bar", () => {
    const sheet = scheduleSheet(input);
    expect(sheet.name).toBe("Schedule");
    expect(sheet.fills).toEqual([
      { row: 0, column: 1, color: jobColor(0) }, { row: 0, column: 2, color: jobColor(0) }, { row: 0, column: 3, color: jobColor(0) },
      { row: 1, column: 2, color: jobColor(1) }, { row: 0, column: 4, color: jobColor(1) },
    ]);
    expect(sheet.columns.map((c) => c.header)).toEqual(["Machine", "0", "1", "2", "3"]);
    expect(sheet.rows[0]).toEqual(["M1", "A", null, null, "Ord…"]);
    expect(sheet.rows[1]).toEqual(["M2", null, "Ord…", null, null]);
  });

  it("lists the operations by machine and start, and each job's completion against its due date", () => {
    expect(scheduleOperationsSheet(input).rows).toEqual([
      // Machine, Job, Step, Start, End, Duration, then Lock (blank) and the last run's Start, Machine and Lock (docs/editing.md).
      ["M1", "A", 0, 0, 3, 3, null, 0, "M1", null], ["M1", "Order 2 Flange", 1, 3, 4, 1, null, 3, "M1", null], ["M2", "Order 2 Flange", 0, 1, 2, 1, null, 1, "M2", null],
    ]);
    expect(scheduleJobsSheet(input).rows).toEqual([
      ["A", 3, null, 1, null, null],
      ["Order 2 Flange", 4, 1, 2, 3, 6],
    ]);
  });
});
