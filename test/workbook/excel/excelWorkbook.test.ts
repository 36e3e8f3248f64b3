// The Excel adapter against the fake Excel object model: tables read as the .xlsx adapter reads them,
// result sheets written cell for cell as `aps plan` / `aps schedule` write them, in a bounded number
// of syncs under the request limit, all or nothing, never over a user's own sheet.

import ExcelJS from "exceljs";
import * as path from "node:path";
import { planRecord } from "../../../src/engine/plan";
import { excelPaneWorkbook } from "../../../src/workbook/excel/excelWorkbook";
import { TOO_OLD } from "../../../src/workbook/excel/features";
import { planSheets } from "../../../src/workbook/plan/planSheets";
import { tableCellAddress, type ResultSheet } from "../../../src/workbook/port";
import { loadXlsxWorkbook, openXlsxWorkbook, xlsxWorkbookFrom } from "../../../src/workbook/xlsx/xlsxWorkbook";
import { randomNetwork } from "../../../examples/generator/randomNetwork";
import { addFakeSheet, FakeExcel, fakeState, putBlock, snapshot } from "./fakeExcel";
import { fakeCells, fakeFromXlsx, planResultSheets, scheduleResultSheets, xlsxCells } from "./support";

const EXAMPLES = path.resolve(__dirname, "../../../examples");
const NETWORK = ["Stages", "Arcs", "Settings"];
const SHOP = ["Operations", "Changeovers"];
const MB4 = 4 * 1024 * 1024;

async function exampleHost(file: string, apiVersion = "1.12") {
  const xlsx = await openXlsxWorkbook(path.join(EXAMPLES, file));
  const state = fakeFromXlsx(xlsx.workbook);
  const host = new FakeExcel(state, { apiVersion });
  return { xlsx, state, host, excel: excelPaneWorkbook(host) };
}

function sheetsOf(state: ReturnType<typeof fakeState>, names: string[]) {
  const pick = state.sheets.filter((s) => names.includes(s.name));
  return snapshot({ ...fakeState(), sheets: pick, tables: state.tables.filter((t) => pick.some((s) => s.id === t.sheetId)) });
}

describe("the Excel adapter reads input tables as the .xlsx adapter does", () => {
  it.each([["supply-chain.xlsx", NETWORK], ["machine-shop.xlsx", SHOP]])("%s: the same TableData, in three syncs (tables, sizes, values)", async (file, names) => {
    const { xlsx, host, excel } = await exampleHost(file);
    const read = await excel.readTables(names);
    expect(host.syncs).toBe(3);
    for (const name of names) expect(read[name]).toEqual(await xlsx.readTable(name));
  });

  it("a plain sheet named Stages whose header sits in B3: same headers, rows and cell addresses", async () => {
    const state = fakeState();
    putBlock(state, "stages", "B3", [["Id", "Demand Rate"], ["Assembly", 20], ["Casting", null]]);
    const table = (await excelPaneWorkbook(new FakeExcel(state)).readTable("Stages"))!;
    expect(table.headers).toEqual(["Id", "Demand Rate"]);
    expect(table.rows).toEqual([["Assembly", 20], ["Casting", null]]);
    expect(tableCellAddress(table, 1, 1)).toBe("stages!C5");
  });

  it("answers null for a table the workbook does not have", async () => {
    expect(await excelPaneWorkbook(new FakeExcel(fakeState())).readTables(["Arcs"])).toEqual({ Arcs: null });
  });

  it("reads a range chosen with 'Use selection as Stages' for that name, remembered in the workbook", async () => {
    const state = fakeState();
    putBlock(state, "Data", "D2", [["Id", "Holding Cost"], ["A", 1.5], ["B", 2]]);
    putBlock(state, "Data", "A10", [["unrelated"]]);
    state.selection = { sheetId: state.sheets[0].id, address: "D2:E4" };
    const excel = excelPaneWorkbook(new FakeExcel(state));
    expect(await excel.useSelectionAs!("Stages")).toBe("Data!D2:E4");
    const table = (await excelPaneWorkbook(new FakeExcel(state)).readTable("Stages"))!;
    expect(table.rows).toEqual([["A", 1.5], ["B", 2]]);
    expect(tableCellAddress(table, 0, 1)).toBe("Data!E3");
  });
});

describe("the Excel adapter writes the same cells as the .xlsx adapter", () => {
  it.each([["supply-chain.xlsx", NETWORK, "plan"], ["machine-shop.xlsx", SHOP, "schedule"]])("%s: every written cell's value, number format and link", async (file, names, kind) => {
    const { xlsx, state, excel } = await exampleHost(file);
    const tables = await excel.readTables(names);
    const sheets: ResultSheet[] = kind === "plan" ? await planResultSheets(tables) : scheduleResultSheets(tables);
    const excelReport = await excel.writeSheets(sheets);
    const fileReport = await xlsx.writeSheets(sheets);
    expect(excelReport).toEqual(fileReport);
    for (const name of fileReport.written) {
      const expected = xlsxCells(xlsx.workbook, name);
      expect(Object.keys(expected).length).toBeGreaterThan(3);
      expect(fakeCells(state, name)).toEqual(expected);
    }
    const plan = state.sheets.find((s) => s.name === fileReport.written[0])!;
    expect(plan.frozenRows).toBe(3);
    expect(plan.autoFilter).toMatch(/^A3:/);
    expect(plan.customProperties.get("APS.owner")).toBe("APS for Excel");
  });

  it("never writes a formula, a number or a date for text: = + - @, '12', '1/2', 'TRUE' stay text", async () => {
    const state = fakeState();
    addFakeSheet(state, "Stages");
    const texts = ["=1+1", "+A1", "'quoted", "-", "12", "1/2", "TRUE", "50%"];
    await excelPaneWorkbook(new FakeExcel(state)).writeSheets([{ name: "Notes", columns: [{ header: "=HEADER()" }], rows: texts.map((t) => [t]) }]);
    const cells = fakeCells(state, "Notes");
    expect(texts.map((_, k) => cells[`A${k + 2}`].value)).toEqual(texts);
    expect(cells.A1.value).toBe("=HEADER()");
    expect(state.sheets.flatMap((s) => [...s.cells.values()]).some((c) => c.formula !== undefined)).toBe(false);
  });
});

describe("the Excel adapter leaves what is not its own alone", () => {
  it("input tables are never written", async () => {
    const { state, excel } = await exampleHost("supply-chain.xlsx");
    const before = sheetsOf(state, ["Read Me", ...NETWORK]);
    await excel.writeSheets(await planResultSheets(await excel.readTables(NETWORK)));
    await excel.writeSheets(await planResultSheets(await excel.readTables(NETWORK)));
    expect(sheetsOf(state, ["Read Me", ...NETWORK])).toEqual(before);
  });

  it.each(["1.12", "1.9"])("ExcelApi %s: a user's own sheet named Plan survives; ours goes to Plan (2), and the next run replaces Plan (2)", async (apiVersion) => {
    const { state, excel } = await exampleHost("supply-chain.xlsx", apiVersion);
    putBlock(state, "Plan", "A1", [["My own plan notes"]]);
    const mine = sheetsOf(state, ["Plan"]);
    const sheets = await planResultSheets(await excel.readTables(NETWORK));
    const first = await excel.writeSheets(sheets);
    expect(first.renamed).toEqual({ Plan: "Plan (2)" });
    const second = await excel.writeSheets(sheets);
    expect(second.written).toEqual(["Plan (2)", "Matching", "KPIs", "Exceptions"]);
    expect(sheetsOf(state, ["Plan"])).toEqual(mine);
    expect(state.sheets.map((s) => s.name)).toEqual(["Read Me", "Stages", "Arcs", "Settings", "Plan", "Plan (2)", "Matching", "KPIs", "Exceptions"]);
  });

  it("adopts the result sheets of a file `aps plan` wrote (APS_OWNED) and replaces them", async () => {
    const { state, excel } = await exampleHost("supply-chain.xlsx");
    putBlock(state, "Plan", "A1", [["written by aps plan"]]);
    state.names.set("APS_OWNED", "=Plan!$A$1");
    const report = await excel.writeSheets(await planResultSheets(await excel.readTables(NETWORK)));
    expect(report.renamed).toEqual({});
    expect(state.sheets.filter((s) => s.name === "Plan")).toHaveLength(1);
  });
});

describe("all or nothing", () => {
  async function runs(apiVersion = "1.12") {
    const { state, host, excel } = await exampleHost("supply-chain.xlsx", apiVersion);
    const sheets = await planResultSheets(await excel.readTables(NETWORK));
    await excel.writeSheets(sheets); // a first run: owned sheets to replace
    return { state, host, excel, sheets };
  }

  it.each(["1.12", "1.9"])("ExcelApi %s: a failure injected at any sync of a write leaves the workbook exactly as it was", async (apiVersion) => {
    const { state, host, sheets } = await runs(apiVersion);
    const start = host.syncs;
    const total = await (async () => {
      const probe = new FakeExcel(structuredClone(state), { apiVersion });
      await excelPaneWorkbook(probe).writeSheets(sheets);
      return probe.syncs;
    })();
    expect(total).toBeGreaterThanOrEqual(4);
    // Up to the swap (the last sync but one) a failure rolls everything back.
    for (let k = 1; k < total; k++) {
      const before = snapshot(state);
      host.failAtSync = host.syncs + k;
      await expect(excelPaneWorkbook(host).writeSheets(sheets)).rejects.toThrow(/injected failure/);
      expect(snapshot(state)).toEqual(before);
    }
    expect(host.syncs).toBeGreaterThan(start);
    // After the swap the results stand: a failed clean-up is finished at once.
    host.failAtSync = host.syncs + total;
    const report = await excelPaneWorkbook(host).writeSheets(sheets);
    expect(state.sheets.map((s) => s.name)).toEqual(["Read Me", ...NETWORK, ...report.written]);
    expect(state.sheets.every((s) => s.visibility === "Visible")).toBe(true);
  });

  it("a run cancelled part-way writes nothing", async () => {
    const { state, host, excel, sheets } = await runs();
    const before = snapshot(state);
    const controller = new AbortController();
    const from = host.syncs;
    host.onSync = (n) => { if (n === from + 3) controller.abort(); };
    await expect(excel.writeSheetsWith(sheets, { signal: controller.signal })).rejects.toThrow(/Cancelled/);
    expect(snapshot(state)).toEqual(before);
  });
});

describe("batching", () => {
  it("a 2,000-stage plan is written in at most 10 syncs, no request over 4 MB", async () => {
    const network = randomNetwork({ stages: 2000, seed: 7, sharedShare: 0 });
    const outcome = planRecord(network as unknown as Record<string, unknown>, {});
    if (!outcome.ok) throw new Error(outcome.errors.join("\n"));
    const state = fakeState();
    addFakeSheet(state, "Stages");
    const host = new FakeExcel(state);
    const report = await excelPaneWorkbook(host).writeSheetsWith(planSheets(outcome.plan));
    expect(host.syncs).toBeLessThanOrEqual(10);
    expect(Math.max(...host.payloads)).toBeLessThan(MB4);
    expect(state.sheets.find((s) => s.name === "Plan")!.cells.size).toBeGreaterThan(2000 * 20);
    // The adapter's own estimate is never below what the fake measured.
    const measured = host.payloads.slice(-report.requests.length);
    report.requests.forEach((estimate, k) => { if (measured[k] > 10_000) expect(estimate).toBeGreaterThanOrEqual(measured[k]); });
    process.stdout.write(`2,000 stages: ${host.syncs} syncs, requests ${host.payloads.map((p) => (p / 1e6).toFixed(3)).join(", ")} MB\n`);
  });

  it("rows past the request budget are split over several syncs", async () => {
    const rows = Array.from({ length: 60_000 }, (_, r) => [`Row ${r} with some text to make it heavy`, r, r * 1.5, "another column of text"]);
    const state = fakeState();
    const host = new FakeExcel(state);
    await excelPaneWorkbook(host).writeSheets([{ name: "Big", columns: [{ header: "A" }, { header: "B", numberFormat: "0" }, { header: "C", numberFormat: "0.00" }, { header: "D" }], rows }]);
    expect(Math.max(...host.payloads)).toBeLessThan(MB4);
    expect(host.payloads.filter((p) => p > 1_000_000).length).toBeGreaterThan(1);
    expect(state.sheets[0].cells.get("60001,2")!.value).toBe(59_999);
  });
});

describe("an Excel without the API sets used", () => {
  it("ExcelApi 1.3: a message saying what it lacks, and no crash", async () => {
    const state = fakeState();
    addFakeSheet(state, "Stages");
    const excel = excelPaneWorkbook(new FakeExcel(state, { apiVersion: "1.3" }));
    expect(excel.missingFeatures()).toEqual([TOO_OLD]);
    const before = snapshot(state);
    await expect(excel.writeSheets([{ name: "Plan", columns: [{ header: "Stage" }], rows: [["A"]] }])).rejects.toThrow(TOO_OLD);
    await expect(excel.readTables(["Stages"])).rejects.toThrow(TOO_OLD);
    expect(await excel.loadSettings()).toEqual({});
    expect(snapshot(state)).toEqual(before);
  });

  it("ExcelApi 1.6: writes the sheets without links, frozen header or filter, and says so", async () => {
    const { state, excel } = await exampleHost("supply-chain.xlsx", "1.6");
    expect(excel.missingFeatures()).toHaveLength(3);
    const report = await excel.writeSheets(await planResultSheets(await excel.readTables(NETWORK)));
    const plan = state.sheets.find((s) => s.name === report.written[0])!;
    expect(plan.frozenRows).toBe(0);
    expect(plan.autoFilter).toBeNull();
    expect(state.settings.get("aps.ownedSheets")).toMatch(/sheet-/);
  });
});

describe("the pane's other workbook actions", () => {
  it("goTo activates the sheet, then selects the cell; an unknown sheet is a plain message", async () => {
    const { state, excel } = await exampleHost("supply-chain.xlsx");
    await excel.goTo("Stages!C7");
    expect(state.selection).toEqual({ sheetId: state.sheets.find((s) => s.name === "Stages")!.id, address: "C7" });
    await expect(excel.goTo("Nowhere!A1")).rejects.toThrow('There is no sheet "Nowhere" in this workbook.');
  });

  it("inserts example tables on free sheets, never touching existing content, and they plan", async () => {
    const state = fakeState();
    putBlock(state, "Stages", "A1", [["my own data"]]);
    const before = snapshot(state);
    const excel = excelPaneWorkbook(new FakeExcel(state));
    expect(await excel.insertExampleTables("network")).toEqual(["Stages (2)", "Arcs", "Settings"]);
    expect((snapshot(state) as { sheets: unknown[] }).sheets[0]).toEqual((before as { sheets: unknown[] }).sheets[0]);
    const tables = await excel.readTables(NETWORK);
    expect(tables.Stages!.sheet).toBe("Stages (2)");
    const plan = await planResultSheets(tables);
    expect(plan[0].rows).toHaveLength(3);
    const lotSize = [...state.sheets[1].cells.values()].find((c) => (c.validation?.rule as { list?: unknown })?.list);
    expect(lotSize?.validation?.rule).toEqual({ list: { inCellDropDown: true, source: "classic,backorder,production,production-backorder,lead-time" } });
    expect(state.tables.map((t) => t.name)).toEqual(["Stages", "Arcs", "Settings"]);
    await expect(excel.insertExampleTables("network")).rejects.toThrow(/already has a table named "Stages"/);
    expect(await excel.insertExampleTables("schedule")).toEqual(["Operations", "Changeovers"]);
  });

  it("remembers the pane's options in the workbook", async () => {
    const state = fakeState();
    await excelPaneWorkbook(new FakeExcel(state)).saveSettings({ placementMethod: "tree-dp", timeLimit: 5 });
    expect(await excelPaneWorkbook(new FakeExcel(state)).loadSettings()).toEqual({ placementMethod: "tree-dp", timeLimit: 5 });
  });
});

describe("the .xlsx adapter's side of the same features", () => {
  it("links, tables and validations survive a save; a user's Plan is kept and ours goes to Plan (2)", async () => {
    const port = xlsxWorkbookFrom(new ExcelJS.Workbook());
    port.workbook.addWorksheet("Plan").getCell("A1").value = "mine";
    await port.writeSheets([{ name: "Stages", columns: [{ header: "Id" }, { header: "Lot Size Model" }], rows: [["A", "classic"]], tableName: "Stages", validations: [{ column: 1, kind: "list", values: ["classic", "backorder"] }] }]);
    const report = await port.writeSheets([{ name: "Plan", columns: [{ header: "Where" }], rows: [["Stages!B2"]], links: [{ row: 0, column: 0, target: "Stages!B2" }] }]);
    expect(report).toEqual({ written: ["Plan (2)"], renamed: { Plan: "Plan (2)" } });
    const reread = await loadXlsxWorkbook(await port.toBuffer());
    expect(reread.workbook.getWorksheet("Plan")!.getCell("A1").value).toBe("mine");
    expect(reread.workbook.getWorksheet("Plan (2)")!.getCell("A2").value).toEqual({ text: "Stages!B2", hyperlink: "Stages!B2" });
    expect((await reread.readTable("Stages"))!.rows).toEqual([["A", "classic"]]);
    const validations = (reread.workbook.getWorksheet("Stages") as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }).dataValidations.model;
    expect(validations.B2.formulae).toEqual(['"classic,backorder"']);
    expect((await reread.writeSheets([{ name: "Plan", columns: [{ header: "Where" }], rows: [] }])).written).toEqual(["Plan (2)"]);
  });
});

describe("native charts (Excel only)", () => {
  it("the schedule's Gantt: a stacked bar whose start series is invisible, read top to bottom, on the plan window", async () => {
    const { state, excel } = await exampleHost("machine-shop.xlsx");
    const sheets = scheduleResultSheets(await excel.readTables(SHOP));
    await excel.writeSheets(sheets);
    const operations = state.sheets.find((s) => s.name === "Schedule Operations")!;
    const rows = sheets.find((s) => s.name === "Schedule Operations")!.rows;
    const end = Math.max(...rows.map((r) => r[4] as number));
    expect(operations.charts).toHaveLength(1);
    expect(operations.charts[0]).toMatchObject({
      type: "BarStacked", source: `D4:D${3 + rows.length}`, reversePlotOrder: true, minimum: 0, maximum: end, legend: false,
      series: [{ fill: "none", categories: `A4:A${3 + rows.length}`, name: "Start" }, { name: "Duration", values: `F4:F${3 + rows.length}` }],
    });
    const plan = await planResultSheets(await (await exampleHost("supply-chain.xlsx")).excel.readTables(NETWORK));
    expect(plan[0].charts![0]).toMatchObject({ kind: "column", valueColumns: [18] });
  });
});

describe("the .xlsx adapter keeps sheet order and adds example tables as the Excel adapter does", () => {
  it("a replaced result sheet keeps its place; example tables take free names and plan", async () => {
    const port = xlsxWorkbookFrom(new ExcelJS.Workbook());
    port.workbook.addWorksheet("Stages").getCell("A1").value = "my own data";
    await port.writeSheets([{ name: "Plan", columns: [{ header: "Stage" }], rows: [["A"]] }]);
    port.workbook.addWorksheet("Notes");
    await port.writeSheets([{ name: "Plan", columns: [{ header: "Stage" }], rows: [["B"]] }]);
    expect(port.workbook.worksheets.map((s) => s.name)).toEqual(["Stages", "Plan", "Notes"]);
    expect(await port.insertExampleTables("network")).toEqual(["Stages (2)", "Arcs", "Settings"]);
    expect(port.workbook.getWorksheet("Stages")!.getCell("A1").value).toBe("my own data");
    const reread = await loadXlsxWorkbook(await port.toBuffer());
    const plan = await planResultSheets({ Stages: await reread.readTable("Stages"), Arcs: await reread.readTable("Arcs"), Settings: await reread.readTable("Settings") });
    expect(plan[0].rows.map((r) => r[0])).toEqual(["Assembly", "Casting", "Electronics"]);
    await expect(reread.insertExampleTables("network")).rejects.toThrow(/already has a table named "Stages"/);
  });
});

describe("the fake Excel is as strict as Office.js", () => {
  it("reading a property before load and sync throws; after them it answers", async () => {
    const state = fakeState();
    addFakeSheet(state, "Stages");
    const host = new FakeExcel(state);
    await host.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(/PropertyNotLoaded/);
      sheets.load("items/name");
      expect(() => sheets.items).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Stages"]);
      expect(() => sheets.items[0].id).toThrow(/PropertyNotLoaded/);
    });
  });
});
