// The Excel adapter reads big input tables in row blocks: given a 60,000-row table of long text, it
// learns the table's size, then reads it in several syncs none of whose responses passes Excel's
// 5 MB limit, and the TableData is exactly what one load gives; a failure names the sheet rows.

import * as path from "node:path";
import { excelPaneWorkbook } from "../../../src/workbook/excel/excelWorkbook";
import { FIRST_CELL_BYTES, jsonBytes, RESPONSE_BUDGET } from "../../../src/workbook/excel/readBlocks";
import { forecastJob } from "../../../src/workbook/forecast/forecastJob";
import type { TableData } from "../../../src/workbook/port";
import { tableFromRange, tableFromSheet } from "../../../src/workbook/tables/tableBlock";
import { openXlsxWorkbook } from "../../../src/workbook/xlsx/xlsxWorkbook";
import { PaneController } from "../../../src/taskpane/controller";
import { initialWorkbench, runOf, workbenchReducer, type WorkbenchState } from "../../../src/taskpane/workbench";
import { InProcessFileWorker, InProcessJobWorker } from "../../taskpane/inProcessWorkers";
import { digest, FakeExcel, FakeState, fakeState, PAYLOAD_LIMIT, putBlock } from "./fakeExcel";
import { demandHistoryRows, OPERATIONS_HEADERS, operationsRows } from "./bigTables";
import { fakeFromXlsx } from "./support";

const HEADERS = OPERATIONS_HEADERS;

/** A workbook whose sheet "Shop" holds an Operations table at B3 with three empty rows at its end. */
function bigShop(rows = 60_000): { state: FakeState; grid: unknown[][] } {
  const state = fakeState();
  putBlock(state, "Read Me", "A1", [["notes"]]);
  const grid = [HEADERS, ...operationsRows(rows), ...Array.from({ length: 3 }, () => HEADERS.map(() => null))];
  putBlock(state, "Shop", "B3", grid, "Operations");
  return { state, grid };
}

/** Two TableData alike in every field and cell (the first differing row is shown, not 60,000). */
function expectSameTable(actual: TableData, expected: TableData): void {
  expect({ ...actual, rows: actual.rows.length }).toEqual({ ...expected, rows: expected.rows.length });
  const differs = actual.rows.findIndex((row, r) => row.length !== expected.rows[r].length || row.some((v, c) => !Object.is(v, expected.rows[r][c])));
  if (differs >= 0) expect(actual.rows[differs]).toEqual(expected.rows[differs]);
}

describe("a table too big for one response is read in blocks", () => {
  const { state, grid } = bigShop();

  it("60,000 rows × 6 columns of long text: several blocks, no response over 5 MB, the same TableData as one load", async () => {
    const host = new FakeExcel(state);
    const before = digest(state);
    const { tables, statistics } = await excelPaneWorkbook(host).readTablesWith(["Operations"]);
    expect(statistics.blocks.length).toBeGreaterThanOrEqual(5);
    expect(statistics.refused).toBe(0);
    expect(host.syncs).toBe(statistics.allSyncs);
    expect(host.syncs).toBe(2 + statistics.blocks.length);
    expect(Math.max(...host.responses)).toBeLessThan(PAYLOAD_LIMIT);
    // The blocks tile the table's rows (header row 3 to the last empty row) in order.
    expect(statistics.blocks[0].firstRow).toBe(3);
    statistics.blocks.slice(1).forEach((block, k) => expect(block.firstRow).toBe(statistics.blocks[k].lastRow + 1));
    expect(statistics.blocks.at(-1)!.lastRow).toBe(3 + grid.length - 1);
    // One load of the whole table, where no limit applies, gives the same thing; so does the grid itself.
    const unlimited = new FakeExcel(state, { responseLimit: Infinity });
    const whole = await excelPaneWorkbook(unlimited).readTablesWith(["Operations"], { budget: Infinity });
    expect(whole.statistics.blocks).toHaveLength(1);
    expect(Math.max(...unlimited.responses)).toBeGreaterThan(PAYLOAD_LIMIT);
    const table = tables.Operations!;
    expectSameTable(table, whole.tables.Operations!);
    expectSameTable(table, tableFromRange("Operations", grid.map((row) => row.map((v) => v ?? "")), { sheet: "Shop", row: 3, column: 2 }));
    expect(table.rows).toHaveLength(60_003);
    expect(table.rows.slice(-3)).toEqual([[null, null, null, null, null, null], [null, null, null, null, null, null], [null, null, null, null, null, null]]);
    expect(table.rows[17 * 1000].slice(1, 2)).toEqual(["=SUM(A1:A9)"]);
    expect(table.rows[23 * 1000][3]).toBe("#N/A");
    expect(table.rows[59_999][4]).toBeCloseTo(45292 + 59_999 / 24, 9);
    expect(digest(state) === before).toBe(true);
  });

  it("the blocks' measured sizes stay within the budget once the first is measured", async () => {
    const { statistics } = await excelPaneWorkbook(new FakeExcel(state)).readTablesWith(["Operations"]);
    const first = statistics.blocks[0];
    expect(first.lastRow - first.firstRow + 1).toBe(Math.floor(RESPONSE_BUDGET / (6 * FIRST_CELL_BYTES)));
    for (const block of statistics.blocks) expect(block.bytes).toBeLessThan(RESPONSE_BUDGET * 1.2);
  });

  it("a failure injected at any block leaves nothing half-read: a clear error naming the rows, the workbook untouched", async () => {
    const host = new FakeExcel(state);
    const { statistics } = await excelPaneWorkbook(host).readTablesWith(["Operations"]);
    const before = digest(state);
    for (const [k, block] of statistics.blocks.entries()) {
      host.failAtSync = host.syncs + 2 + k + 1;
      const rows = `rows ${block.firstRow}–${block.lastRow}`;
      await expect(excelPaneWorkbook(host).readTables(["Operations"])).rejects.toThrow(
        `Excel could not read the table "Operations" on sheet "Shop", ${rows}: GeneralException: injected failure. Nothing was read; run again.`,
      );
    }
    for (const k of [1, 2]) {
      host.failAtSync = host.syncs + k;
      await expect(excelPaneWorkbook(host).readTables(["Operations"])).rejects.toThrow("Excel could not read the input tables (Operations): GeneralException: injected failure. Nothing was read; run again.");
    }
    expect(digest(state) === before).toBe(true);
  });
});

describe("small tables still come in one sync of values", () => {
  it.each([["supply-chain.xlsx", ["Stages", "Arcs", "Settings"]], ["machine-shop.xlsx", ["Operations", "Changeovers"]]])("%s: one sync finds the tables, one their sizes, one all their values", async (file, names) => {
    const host = new FakeExcel(fakeFromXlsx((await openXlsxWorkbook(path.resolve(__dirname, "../../../examples", file))).workbook));
    const { statistics } = await excelPaneWorkbook(host).readTablesWith(names);
    expect(host.syncs).toBe(3);
    expect(statistics.blocks.map((b) => b.sync)).toEqual(names.map(() => 1));
  });

  it("a 3,000-row table and two small ones share the one sync", async () => {
    const state = fakeState();
    putBlock(state, "Shop", "A1", [HEADERS, ...operationsRows(3000).map((row) => row.map((v, c) => (c === 0 ? `Job ${v}`.slice(0, 12) : v)))], "Operations");
    putBlock(state, "Changeovers", "A1", [["From", "To", "Time"], ["A", "B", 3]]);
    putBlock(state, "Settings", "C4", [["Name", "Value"], ["timeLimit", 5]]);
    const host = new FakeExcel(state);
    const { tables, statistics } = await excelPaneWorkbook(host).readTablesWith(["Operations", "Changeovers", "Settings", "Stages"]);
    expect(host.syncs).toBe(3);
    expect(statistics.blocks).toHaveLength(3);
    expect(tables.Operations!.rows).toHaveLength(3000);
    expect(tables.Settings).toMatchObject({ headerRow: 4, firstColumn: 3, rows: [["timeLimit", 5]] });
    expect(tables.Stages).toBeNull();
  });
});

describe("text longer than the estimate", () => {
  it("a response Excel refuses (short text, then very long text) is read again in halves, and the result is whole", async () => {
    const state = fakeState();
    const rows = Array.from({ length: 40_000 }, (_, r) => [r < 20_000 ? `s${r}` : `${r} ${"x".repeat(400)}`, r]);
    const grid = [["Note", "N"], ...rows];
    putBlock(state, "Notes", "A1", grid);
    const host = new FakeExcel(state);
    const { tables, statistics } = await excelPaneWorkbook(host).readTablesWith(["Notes"]);
    expect(statistics.refused).toBeGreaterThanOrEqual(1);
    expect(host.responses.filter((r) => r > PAYLOAD_LIMIT)).toHaveLength(statistics.refused);
    expect(tables.Notes!.rows).toEqual(rows);
  });

  it("a single row over 5 MB is a plain message naming the sheet row", async () => {
    const state = fakeState();
    const wide = Array.from({ length: 200 }, (_, c) => `H${c}`);
    putBlock(state, "Wide", "A1", [wide, wide.map(() => "short"), wide.map(() => "y".repeat(30_000))]);
    await expect(excelPaneWorkbook(new FakeExcel(state)).readTables(["Wide"])).rejects.toThrow(
      'Excel could not read sheet "Wide", row 3: the row holds more than Excel can send at once (5 MB). Nothing was read; run again.',
    );
  });

  it("bytes are counted as the response carries them: UTF-8 JSON", () => {
    expect(jsonBytes([["a", 1]])).toBe(9);
    expect(jsonBytes([["é東"]])).toBe(3 + 2 + 3 + 3);
  });
});

describe("a big plain sheet", () => {
  it("a plain sheet of 200,000 rows becomes a table (both adapters' shared rule, no argument-list overflow)", () => {
    const values = [[null, null, null], [null, "Stage", "Quantity"], ...Array.from({ length: 200_000 }, (_, r) => [null, `S${r % 9}`, r])];
    const table = tableFromSheet("Demand History", values, { sheet: "Demand History", row: 1, column: 1 })!;
    expect(table).toMatchObject({ headerRow: 2, firstColumn: 2, headers: ["Stage", "Quantity"] });
    expect(table.rows).toHaveLength(200_000);
    expect(table.rows.at(-1)).toEqual(["S1", 199_999]);
  });
});

describe("what a job sees", () => {
  /** A sheet "Demand History" of 60,000 rows (long stage names), its header in row 2. */
  function history(bad?: number): FakeState {
    const state = fakeState();
    const rows = demandHistoryRows(60_000);
    if (bad !== undefined) rows[bad - 3][2] = "lots";
    putBlock(state, "Demand History", "A2", [["Stage", "Period", "Quantity"], ...rows]);
    return state;
  }

  it("a bad Quantity deep in block 3 is named by its worksheet row", async () => {
    const clean = await excelPaneWorkbook(new FakeExcel(history())).readTablesWith(["Demand History"]);
    const third = clean.statistics.blocks[2];
    const row = Math.floor((third.firstRow + third.lastRow) / 2) + 7;
    const { tables, statistics } = await excelPaneWorkbook(new FakeExcel(history(row))).readTablesWith(forecastJob.tables);
    const block = statistics.blocks.find((b) => b.firstRow <= row && row <= b.lastRow)!;
    expect(statistics.blocks.indexOf(block)).toBe(2);
    const output = await forecastJob.run({ tables, options: {} }, () => undefined);
    expect(output.status).toBe("invalid");
    expect(output.exceptions.map((e) => [e.where, e.message])).toEqual([[`'Demand History'!C${row}`, 'Quantity must be a number of at least 0 (got text "lots").']]);
  });

  it("in the pane, a read that fails part-way fails the run with that message, and nothing is written", async () => {
    const state = history();
    const host = new FakeExcel(state);
    let pane: WorkbenchState = initialWorkbench;
    const controller = new PaneController({
      dispatch: (action) => { pane = workbenchReducer(pane, action); },
      getState: () => pane,
      makeJobWorker: () => new InProcessJobWorker(),
      makeFileWorker: () => new InProcessFileWorker(),
      download: () => undefined,
    });
    await controller.attach(excelPaneWorkbook(host), "Book");
    const { statistics } = await excelPaneWorkbook(new FakeExcel(state)).readTablesWith(forecastJob.tables);
    const second = statistics.blocks[1];
    const before = digest(state);
    host.failAtSync = host.syncs + 4;
    await controller.run("forecast");
    expect(runOf(pane, "forecast")).toMatchObject({
      phase: "failed",
      message: `Excel could not read sheet "Demand History", rows ${second.firstRow}–${second.lastRow}: GeneralException: injected failure. Nothing was read; run again.`,
    });
    expect(digest(state) === before).toBe(true);
  });
});

describe("the fake Excel refuses what Excel on the web refuses", () => {
  it("a sync whose loads return over 5 MB throws ResponsePayloadSizeLimitExceeded", async () => {
    const state = fakeState();
    putBlock(state, "Big", "A1", Array.from({ length: 3000 }, () => ["z".repeat(2000)]));
    const host = new FakeExcel(state);
    await expect(host.run(async (context) => {
      context.workbook.worksheets.getItem("Big").getRange("A1:A3000").load("values");
      await context.sync();
    })).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    expect(host.responses[0]).toBeGreaterThan(PAYLOAD_LIMIT);
  });
});
