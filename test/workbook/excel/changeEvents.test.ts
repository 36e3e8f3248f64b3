// The Excel adapter follows the workbook's changes: given the buyer's workbook of the collaboration
// example open in the fake Excel, a user's edit on the Audit sheet is reported once, 750 ms after the
// last keystroke; the add-in's own writes are never reported; edits on sheets the partner status
// does not read are ignored; the handlers go in the request context they came in; an Excel without
// ExcelApi 1.9 gets no subscription and says why.

import type ExcelJS from "exceljs";
import * as path from "node:path";
import { STATUS_TABLES } from "../../../src/workbook/collaborate/collaborationStatus";
import { CHANGE_DEBOUNCE_MS, MOST_WAIT_MS, NO_CHANGE_EVENTS, QUIET_AFTER_WRITE_MS } from "../../../src/workbook/excel/changeEvents";
import { excelPaneWorkbook } from "../../../src/workbook/excel/excelWorkbook";
import type { RequestContext } from "../../../src/workbook/excel/officeApi";
import type { ChangeSubscription, WorkbookChange } from "../../../src/workbook/paneWorkbook";
import { openXlsxWorkbook } from "../../../src/workbook/xlsx/xlsxWorkbook";
import { FakeExcel, putBlock } from "./fakeExcel";
import { fakeFromXlsx } from "./support";

const BIKECO = path.resolve(__dirname, "../../../examples/collaboration/bikeco.xlsx");
let bikeco: ExcelJS.Workbook;

beforeAll(async () => {
  bikeco = (await openXlsxWorkbook(BIKECO)).workbook;
});
beforeEach(() => jest.useFakeTimers({ doNotFake: ["nextTick", "queueMicrotask"] }));
afterEach(() => jest.useRealTimers());

const wait = (ms: number) => jest.advanceTimersByTimeAsync(ms);

/** The buyer's workbook in a fake Excel, followed for the partner status's tables. */
async function followed(apiVersion = "1.12", eventDelayMs = 0) {
  const state = fakeFromXlsx(bikeco);
  const host = new FakeExcel(state, { apiVersion, eventDelayMs });
  const excel = excelPaneWorkbook(host);
  const changes: WorkbookChange[] = [];
  const subscription = await excel.subscribeChanges((change) => changes.push(change), { tables: STATUS_TABLES });
  return { state, host, excel, changes, subscription };
}

const live = (s: ChangeSubscription) => {
  if (s.status !== "live") throw new Error(`not live: ${s.status}`);
  return s;
};

/** A Reconciliation sheet and a new Audit, as a merge writes them (through the adapter, as the pane does). */
const mergeSheets = [
  { name: "Reconciliation", columns: [{ header: "Severity" }, { header: "Partner" }], rows: [["warning", "FrameWorks"]] },
  { name: "Audit", columns: [{ header: "Row" }], rows: [[1], [2], [3]] },
];

describe("a user's edit", () => {
  it("on the Audit sheet is reported exactly once, 750 ms after it, naming the sheet", async () => {
    const { host, changes } = await followed();
    host.userEdit("Audit", "B3", [["edited by hand"]]);
    await wait(CHANGE_DEBOUNCE_MS - 50);
    expect(changes).toEqual([]);
    await wait(100);
    expect(changes).toEqual([{ sheets: ["Audit"], deleted: false, remote: false, events: 1 }]);
    await wait(10_000);
    expect(changes).toHaveLength(1);
  });

  it("rapid edits on Shares and Audit coalesce into one report of both", async () => {
    const { host, changes } = await followed();
    for (let k = 0; k < 10; k++) {
      host.userEdit(k % 2 ? "Audit" : "Shares", `C${k + 2}`, [[k]]);
      await wait(100);
    }
    expect(changes).toEqual([]);
    await wait(CHANGE_DEBOUNCE_MS);
    expect(changes).toEqual([{ sheets: ["Shares", "Audit"], deleted: false, remote: false, events: 10 }]);
  });

  it("edits that never pause are reported at least every 5 s", async () => {
    const { host, changes } = await followed();
    for (let t = 0; t < 12_000; t += 400) {
      host.userEdit("Stages", "B2", [[t]]);
      await wait(400);
    }
    // Reports at about 5 s and 10 s while the typing goes on, and one after it stops.
    expect(changes).toHaveLength(2);
    await wait(CHANGE_DEBOUNCE_MS);
    expect(changes).toHaveLength(3);
    expect(changes.reduce((n, c) => n + c.events, 0)).toBe(30);
    expect(MOST_WAIT_MS).toBe(5000);
  });

  it("on a sheet the status does not read (a note, a result sheet) is ignored; a Tolerances table on another sheet counts", async () => {
    const { host, state, changes } = await followed();
    host.userEdit("Read Me", "A1", [["my notes"]]);
    host.userAddSheet("Scratch");
    await wait(2000);
    expect(changes).toEqual([]);
    putBlock(state, "Network", "B2", [["Id"], ["X"]], "Tolerances");
    host.userEdit("Network", "B3", [["Y"]]);
    await wait(1000);
    expect(changes).toEqual([{ sheets: ["Network"], deleted: false, remote: false, events: 1 }]);
  });

  it("deleting a sheet, or (ExcelApi 1.17) renaming one, always counts: a watched table may have gone", async () => {
    const { host, changes } = await followed("1.17");
    host.userDeleteSheet("Collaboration");
    await wait(1000);
    host.userRenameSheet("Audit", "Audit 2024");
    await wait(1000);
    expect(changes).toEqual([
      { sheets: [], deleted: true, remote: false, events: 1 },
      { sheets: [], deleted: false, remote: false, events: 1 },
    ]);
  });
});

describe("the add-in's own writes", () => {
  it.each([
    ["ExcelApi 1.9: events during the write and just after it", "1.9", 0],
    ["ExcelApi 1.17, events arriving 3 s late: Excel's triggerSource and the sheets the write added or deleted", "1.17", 3000],
  ])("are never reported (%s)", async (_, version, delay) => {
    const { host, excel, changes } = await followed(version, delay);
    expect(delay === 0 || delay > QUIET_AFTER_WRITE_MS).toBe(true);
    const report = await excel.writeSheets(mergeSheets);
    expect(report.written).toEqual(["Reconciliation", "Audit (2)"]);
    // The second merge replaces the sheets the first wrote (set aside, then deleted).
    expect((await excel.writeSheets(mergeSheets)).written).toEqual(["Reconciliation", "Audit (2)"]);
    await excel.insertExampleTables("schedule");
    await excel.saveSettings({ "share.partner": "GearTech" });
    await wait(10_000);
    expect(changes).toEqual([]);
    // They did raise events, which the adapter recognised as its own.
    const kinds = new Set(host.delivered.map((d) => d.event));
    expect(kinds).toEqual(new Set(version === "1.9" ? ["onChanged", "onAdded", "onDeleted"] : ["onChanged", "onAdded", "onDeleted", "onNameChanged"]));
    if (version !== "1.9") expect(host.delivered.filter((d) => d.event === "onChanged").every((d) => d.args.triggerSource === "ThisLocalAddin")).toBe(true);
  });

  it("a user's edit right after a write is still reported once the write's quiet time is over; a co-author's at any time", async () => {
    const { host, excel, changes } = await followed("1.9");
    await excel.writeSheets(mergeSheets);
    host.userEdit("Shares", "A2", [["FrameWorks"]], "Remote");
    await wait(QUIET_AFTER_WRITE_MS + 100);
    host.userEdit("Audit", "A2", [[7]]);
    await wait(CHANGE_DEBOUNCE_MS + 100);
    expect(changes).toEqual([
      { sheets: ["Shares"], deleted: false, remote: true, events: 1 },
      { sheets: ["Audit"], deleted: false, remote: false, events: 1 },
    ]);
  });
});

describe("subscribing and unsubscribing", () => {
  it("registers onChanged, onAdded, onDeleted (and onNameChanged from 1.17) in one context and removes them in that same context", async () => {
    const { host, changes, subscription } = await followed("1.17");
    const contexts = new Set(host.handlers.map((h) => h.contextId));
    expect(host.handlers.map((h) => h.event)).toEqual(["onChanged", "onAdded", "onDeleted", "onNameChanged"]);
    expect(contexts.size).toBe(1);
    host.userEdit("Audit", "A2", [[1]]);
    await wait(10);
    await live(subscription).unsubscribe();
    expect(host.handlers).toEqual([]);
    expect(host.removals.map((r) => r.contextId)).toEqual([...contexts, ...contexts, ...contexts, ...contexts]);
    // The edit before and one after are not reported: the pending report was dropped with the handlers.
    host.userEdit("Audit", "A3", [[2]]);
    await wait(5000);
    expect(changes).toEqual([]);
    await live(subscription).unsubscribe();
    expect(host.removals).toHaveLength(4);
  });

  it("the fake refuses a removal queued in another context: the handler stays (what removing it wrongly would do)", async () => {
    const host = new FakeExcel(fakeFromXlsx(bikeco));
    const handler = async () => undefined;
    await host.run(async (context) => {
      context.workbook.worksheets.onChanged.add(handler);
      await context.sync();
    });
    const other = host.run(async (context: RequestContext) => {
      (context.workbook.worksheets.onChanged as unknown as { remove(h: unknown): void }).remove(handler);
      await context.sync();
    });
    await expect(other).rejects.toThrow("InvalidArgument: the handler was not added in this request context.");
    expect(host.handlers).toHaveLength(1);
  });

  it("ExcelApi 1.8: no subscription, nothing registered, and a reason to show", async () => {
    const { host, subscription } = await followed("1.8");
    expect(subscription).toEqual({ status: "unsupported", reason: `${NO_CHANGE_EVENTS}.` });
    expect(host.handlers).toEqual([]);
    expect(host.syncs).toBe(0);
  });

  it("the fake itself refuses worksheets.onChanged below ExcelApi 1.9 (Excel's ApiNotFound), and onAdded below 1.7", async () => {
    for (const [version, event] of [["1.8", "onChanged"], ["1.6", "onAdded"]] as const) {
      const host = new FakeExcel(fakeFromXlsx(bikeco), { apiVersion: version });
      await expect(host.run(async (context) => {
        context.workbook.worksheets[event].add(async () => undefined);
        await context.sync();
      })).rejects.toMatchObject({ code: "ApiNotFound" });
      expect(host.handlers).toEqual([]);
    }
  });

  it("a registration Excel refuses although the API set was claimed is 'unsupported' too, with Excel's message", async () => {
    const host = new FakeExcel(fakeFromXlsx(bikeco), { apiVersion: "1.9" });
    host.failAtSync = 1;
    const subscription = await excelPaneWorkbook(host).subscribeChanges(() => undefined);
    expect(subscription).toEqual({ status: "unsupported", reason: `${NO_CHANGE_EVENTS}: GeneralException: injected failure` });
    // Half the queue took effect before the failure (the fake's way): that handler was removed again.
    expect(host.removals.length).toBeGreaterThan(0);
    expect(host.handlers).toEqual([]);
  });
});
