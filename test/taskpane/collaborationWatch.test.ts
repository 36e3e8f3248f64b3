// The Collaborate tab follows the workbook in Excel: given the buyer's workbook in the fake Excel and
// the tab shown, a planner's edit of the Audit sheet reads the partner status again once (and the
// broken audit trail shows); the pane's own merge triggers no read beyond its own; closing the tab
// removes the handlers; an Excel without ExcelApi 1.9 shows a hint instead; a file needs no events.

import * as fs from "fs";
import * as path from "path";
import * as React from "react";
import { renderToString } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { PaneController } from "../../src/taskpane/controller";
import { StatusPanel } from "../../src/taskpane/components/collaborate/StatusPanel";
import { initialWorkbench, workbenchReducer, type WorkbenchAction, type WorkbenchState } from "../../src/taskpane/workbench";
import type { JobWorkerLike } from "../../src/taskpane/worker/protocol";
import { CHANGE_DEBOUNCE_MS, NO_CHANGE_EVENTS } from "../../src/workbook/excel/changeEvents";
import { excelPaneWorkbook } from "../../src/workbook/excel/excelWorkbook";
import { openXlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { FakeExcel } from "../workbook/excel/fakeExcel";
import { fakeFromXlsx } from "../workbook/excel/support";
import { InProcessFileWorker, InProcessJobWorker } from "./inProcessWorkers";

const EXAMPLES = path.join(__dirname, "..", "..", "examples", "collaboration");
const bytesOf = (name: string) => new Uint8Array(fs.readFileSync(path.join(EXAMPLES, name)));
let bikeco: Awaited<ReturnType<typeof openXlsxWorkbook>>["workbook"];

beforeAll(async () => {
  bikeco = (await openXlsxWorkbook(path.join(EXAMPLES, "bikeco.xlsx"))).workbook;
});
afterEach(() => jest.useRealTimers());
const fakeTime = () => jest.useFakeTimers({ doNotFake: ["nextTick", "queueMicrotask"] });

/** Moves the fake clock in small steps until the promise settles (the in-process worker answers on timers). */
async function settle<T>(work: Promise<T>): Promise<T> {
  let done = false;
  const watched = work.finally(() => { done = true; });
  while (!done) await jest.advanceTimersByTimeAsync(20);
  return watched;
}

/** A pane over a fake Excel holding the buyer's workbook (its own sheets marked as the `aps` CLI marks them). */
function excelPane(apiVersion = "1.12", statusReadMs = 0) {
  const state = fakeFromXlsx(bikeco);
  state.names.set("APS_OWNED", "=Shares!$A$1,Audit!$A$1,Collaboration!$A$1");
  const host = new FakeExcel(state, { apiVersion });
  let pane: WorkbenchState = initialWorkbench;
  const actions: WorkbenchAction[] = [];
  let reading = 0;
  let mostAtOnce = 0;
  const controller = new PaneController({
    wallClock: () => new Date("2026-12-02T12:00:00Z"),
    dispatch: (action) => { actions.push(action); pane = workbenchReducer(pane, action); },
    getState: () => pane,
    makeJobWorker: (): JobWorkerLike => {
      const worker = new InProcessJobWorker();
      const post = worker.postMessage.bind(worker);
      worker.postMessage = (message) => {
        if (message.jobId !== "collaboration-status") return post(message);
        reading++;
        mostAtOnce = Math.max(mostAtOnce, reading);
        const answer = worker.onmessage;
        // A status read that takes `statusReadMs` (a big workbook's plan, say).
        worker.onmessage = (event) => setTimeout(() => {
          if ((event.data as { type: string }).type !== "progress") reading--;
          answer?.(event);
        }, statusReadMs);
        return post(message);
      };
      return worker;
    },
    makeFileWorker: () => new InProcessFileWorker(),
    download: () => undefined,
  });
  const reads = () => actions.filter((a) => a.type === "collaborationRefreshing").length;
  return { state, host, controller, pane: () => pane, reads, mostAtOnce: () => mostAtOnce, excel: excelPaneWorkbook(host) };
}

/** The tab opens: the workbook attached, the status read once, its changes followed. */
async function openTab(p: ReturnType<typeof excelPane>) {
  await settle(p.controller.attach(p.excel, "BikeCo"));
  await settle(p.controller.refreshCollaboration());
  await settle(p.controller.watchCollaboration(true));
}

const html = (element: React.ReactElement) => renderToString(React.createElement(FluentProvider, { theme: webLightTheme }, element));

describe("the partner status follows the workbook in Excel", () => {
  it("a planner's edit on the Audit sheet reads the status once, 750 ms later: the audit trail shows broken", async () => {
    fakeTime();
    const p = excelPane();
    await openTab(p);
    expect(p.pane().changeWatch).toEqual({ state: "live", reason: null });
    expect(p.pane().collaboration.status!.audit.ok).toBe(true);
    const before = p.reads();
    p.host.userEdit("Audit", "C2", [["mallory"]]);
    await jest.advanceTimersByTimeAsync(CHANGE_DEBOUNCE_MS - 100);
    expect(p.reads()).toBe(before);
    await jest.advanceTimersByTimeAsync(200);
    expect(p.reads()).toBe(before + 1);
    await settle(new Promise((resolve) => setTimeout(resolve, 10_000)));
    expect(p.reads()).toBe(before + 1);
    expect(p.pane().collaboration.status!.audit).toMatchObject({ ok: false, where: expect.stringMatching(/^Audit!/) });
    const shown = html(React.createElement(StatusPanel, { view: p.pane().collaboration, hasWorkbook: true, watch: p.pane().changeWatch, onRefresh: () => undefined, onGoTo: () => undefined }));
    expect(shown).toContain('data-watch="live"');
    expect(shown).toContain('data-audit="broken"');
  }, 60_000);

  it("the pane's own merge reads the status once, as it always did: its writes raise events, none is followed", async () => {
    fakeTime();
    const p = excelPane("1.9");
    await openTab(p);
    const before = p.reads();
    const events = p.host.delivered.length;
    await settle(p.controller.run("merge", [{ name: "FrameWorks-response.xlsx", bytes: bytesOf("FrameWorks-response.xlsx") }]));
    expect(p.pane().runs.merge.phase).toBe("done");
    await settle(new Promise((resolve) => setTimeout(resolve, 10_000)));
    expect(p.host.delivered.length).toBeGreaterThan(events);
    expect(p.reads()).toBe(before + 1);
    expect(p.pane().collaboration.status!.rows.map((r) => r.status)).toEqual(["with exceptions", "issued"]);
  }, 60_000);

  it("edits while a read runs never start a second read at once, and the last read sees the newest change", async () => {
    fakeTime();
    const p = excelPane("1.12", 3000);
    await openTab(p);
    const asked = jest.spyOn(p.controller, "refreshCollaboration");
    const before = p.reads();
    // Break the audit trail, then mend it, in bursts closer than a read takes (3 s).
    // (C2 is the first row's User: "planner" as the share wrote it.)
    const step = async (value: string) => {
      p.host.userEdit("Audit", "C2", [[value]]);
      await jest.advanceTimersByTimeAsync(CHANGE_DEBOUNCE_MS + 40);
    };
    await step("mallory");
    await step("eve");
    await step("planner");
    await settle(new Promise((resolve) => setTimeout(resolve, 10_000)));
    expect(asked).toHaveBeenCalledTimes(3);
    expect(p.mostAtOnce()).toBe(1);
    // The second and third changes came while the first read ran: one read after it covers both.
    expect(p.reads() - before).toBe(2);
    expect(p.pane().collaboration.status!.audit.ok).toBe(true);
  }, 60_000);

  it("closing the tab removes the handlers in the context they were added in; later edits read nothing", async () => {
    fakeTime();
    const p = excelPane();
    await openTab(p);
    const added = new Set(p.host.handlers.map((h) => h.contextId));
    expect(added.size).toBe(1);
    await settle(p.controller.watchCollaboration(false));
    expect(p.host.handlers).toEqual([]);
    expect(new Set(p.host.removals.map((r) => r.contextId))).toEqual(added);
    expect(p.pane().changeWatch).toEqual({ state: "off", reason: null });
    const before = p.reads();
    p.host.userEdit("Audit", "C2", [["mallory"]]);
    await settle(new Promise((resolve) => setTimeout(resolve, 5000)));
    expect(p.reads()).toBe(before);
  }, 60_000);

  it("hiding the pane (the runtime lives on) removes the handlers; showing it again follows changes again", async () => {
    fakeTime();
    const p = excelPane();
    await openTab(p);
    await settle(p.controller.paneVisible(false));
    expect(p.host.handlers).toEqual([]);
    expect(p.pane().changeWatch.state).toBe("off");
    const before = p.reads();
    p.host.userEdit("Audit", "C2", [["mallory"]]);
    await settle(new Promise((resolve) => setTimeout(resolve, 5000)));
    expect(p.reads()).toBe(before);
    // The tab still wants changes followed: while hidden, asking again changes nothing.
    await settle(p.controller.watchCollaboration(true));
    expect(p.host.handlers).toEqual([]);
    await settle(p.controller.paneVisible(true));
    expect(p.host.handlers.length).toBeGreaterThan(0);
    expect(p.pane().changeWatch).toEqual({ state: "live", reason: null });
  }, 60_000);

  it("attaching to a workbook learns which tables exist in one sync and reads no table's values", async () => {
    const p = excelPane();
    const syncs = p.host.syncs;
    const responses = p.host.responses.length;
    await p.controller.attach(p.excel, "BikeCo");
    expect(p.pane().workbook?.tables).toEqual(expect.arrayContaining(["Stages", "Arcs"]));
    // One sync for the tables, one for the saved options; nothing reads cell values.
    expect(p.host.syncs - syncs).toBe(2);
    expect(Math.max(...p.host.responses.slice(responses))).toBeLessThan(5_000);
  }, 60_000);
});

describe("where there is nothing to subscribe to", () => {
  it("ExcelApi 1.8: no handlers, the status panel says it reads on focus and Refresh", async () => {
    fakeTime();
    const p = excelPane("1.8");
    await openTab(p);
    expect(p.host.handlers).toEqual([]);
    expect(p.pane().changeWatch).toEqual({ state: "unsupported", reason: `${NO_CHANGE_EVENTS}.` });
    const shown = html(React.createElement(StatusPanel, { view: p.pane().collaboration, hasWorkbook: true, watch: p.pane().changeWatch, onRefresh: () => undefined, onGoTo: () => undefined }));
    expect(shown).toContain('data-watch="unsupported"');
    expect(shown).toContain("it lacks Excel API 1.9). The status is read again when you come back to the pane, or with Refresh status.");
  }, 60_000);

  it("a file opened in the browser needs no events: the pane makes every change, and no hint is shown", async () => {
    const p = excelPane();
    await p.controller.openFile("bikeco.xlsx", bytesOf("bikeco.xlsx"));
    await p.controller.watchCollaboration(true);
    expect(p.pane().changeWatch).toEqual({ state: "unneeded", reason: null });
    const shown = html(React.createElement(StatusPanel, { view: p.pane().collaboration, hasWorkbook: true, watch: p.pane().changeWatch, onRefresh: () => undefined, onGoTo: () => undefined }));
    expect(shown).not.toContain("data-watch");
    await p.controller.watchCollaboration(false);
    expect(p.pane().changeWatch.state).toBe("off");
  }, 60_000);
});
