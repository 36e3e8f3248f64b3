// The buyer's Collaborate tab: the pane's controller runs merge with the responses the user picked and
// share with the packages to download (in-process workers, as browser mode runs them); the tab lists
// share, merge and audit together, and they get no tabs of their own.
import * as fs from "fs";
import * as path from "path";
import * as React from "react";
import { renderToString } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { JOBS } from "../../src/workbook/jobs/registry";
import { PaneController } from "../../src/taskpane/controller";
import { Workbench, type WorkbenchActions } from "../../src/taskpane/components/Workbench";
import { initialWorkbench, runOf, workbenchReducer, type WorkbenchState } from "../../src/taskpane/workbench";
import { StatusPanel } from "../../src/taskpane/components/collaborate/StatusPanel";
import { InProcessFileWorker, InProcessJobWorker } from "./inProcessWorkers";

const EXAMPLES = path.join(__dirname, "..", "..", "examples", "collaboration");
const bytesOf = (name: string) => new Uint8Array(fs.readFileSync(path.join(EXAMPLES, name)));

function pane(wallClock = () => new Date("2026-12-02T12:00:00Z")) {
  let state: WorkbenchState = initialWorkbench;
  const controller = new PaneController({
    wallClock,
    dispatch: (action) => { state = workbenchReducer(state, action); },
    getState: () => state,
    makeJobWorker: () => new InProcessJobWorker(),
    makeFileWorker: () => new InProcessFileWorker(),
    download: () => undefined,
  });
  return { controller, state: () => state, set: (jobId: string, name: string, value: string) => { state = workbenchReducer(state, { type: "optionChanged", jobId, name, value }); } };
}

describe("the Collaborate tab", () => {
  test("merge runs on the responses picked: FrameWorks' answer is reconciled and its sheets written", async () => {
    const p = pane();
    await p.controller.openFile("bikeco.xlsx", bytesOf("bikeco.xlsx"));
    await p.controller.run("merge");
    expect(runOf(p.state(), "merge").phase).toBe("invalid");
    await p.controller.run("merge", [{ name: "FrameWorks-response.xlsx", bytes: bytesOf("FrameWorks-response.xlsx") }]);
    const run = runOf(p.state(), "merge");
    expect(run.phase).toBe("done");
    expect(run.report?.written).toEqual(expect.arrayContaining(["Reconciliation", "Collaboration", "Audit"]));
    expect(p.state().workbook!.sheets).toEqual(expect.arrayContaining(["Reconciliation", "Re-plan"]));
  }, 60_000);

  test("share gives the package as a file to download", async () => {
    const p = pane();
    await p.controller.openFile("bikeco.xlsx", bytesOf("bikeco.xlsx"));
    p.set("share", "partner", "GearTech");
    await p.controller.run("share");
    const run = runOf(p.state(), "share");
    expect(run.phase).toBe("done");
    expect(run.output!.files!.map((f) => f.name)).toEqual([expect.stringMatching(/GearTech.*\.xlsx$/)]);
    expect(run.output!.files![0].bytes.length).toBeGreaterThan(1000);
  }, 60_000);

  test("a partner's package opened in browser mode is announced as one, pointing at the Respond card", async () => {
    const p = pane();
    await p.controller.openFile("FrameWorks-package.xlsx", bytesOf("FrameWorks-package.xlsx"));
    expect(p.state().notice).toEqual({ intent: "info", text: "Opened FrameWorks-package.xlsx: a partner package. Fill in your commitments in the Respond card above, check them and save the response." });
  }, 60_000);

  test("the partner status: read on request, refreshed by merge (FrameWorks with exceptions), through the reducer", async () => {
    const p = pane();
    await p.controller.openFile("bikeco.xlsx", bytesOf("bikeco.xlsx"));
    expect(p.state().collaboration.phase).toBe("idle");
    const reading = p.controller.refreshCollaboration();
    expect(p.state().collaboration.phase).toBe("loading");
    await reading;
    const first = p.state().collaboration;
    expect(first.phase).toBe("ready");
    expect(first.status!.rows.map((r) => [r.partner, r.status])).toEqual([["FrameWorks", "issued"], ["GearTech", "issued"]]);
    expect(first.status!.audit).toMatchObject({ ok: true, rows: 2 });

    await p.controller.run("merge", [{ name: "FrameWorks-response.xlsx", bytes: bytesOf("FrameWorks-response.xlsx") }]);
    const after = p.state().collaboration.status!;
    expect(after.rows.map((r) => [r.partner, r.status, r.exceptions])).toEqual([["FrameWorks", "with exceptions", 3], ["GearTech", "issued", null]]);
    expect(after.rows[0].firstException).toBe("Reconciliation!A2");
    await p.controller.goTo(after.rows[0].firstException!);
    expect(p.state().place).toEqual({ sheet: "Reconciliation", address: "A2", value: "warning" });
  }, 60_000);

  test("past the deadline the same workbook shows both suppliers overdue; a workbook that never shared shows the empty state", async () => {
    const late = pane(() => new Date("2026-12-09T08:00:00Z"));
    await late.controller.openFile("bikeco.xlsx", bytesOf("bikeco.xlsx"));
    await late.controller.refreshCollaboration();
    expect(late.state().collaboration.status!.rows.map((r) => r.status)).toEqual(["overdue", "overdue"]);

    const fresh = pane();
    await fresh.controller.openFile("supply-chain.xlsx", new Uint8Array(fs.readFileSync(path.join(EXAMPLES, "..", "supply-chain.xlsx"))));
    await fresh.controller.refreshCollaboration();
    expect(fresh.state().collaboration.status).toMatchObject({ shared: false, rows: [] });
    const html = renderToString(React.createElement(FluentProvider, { theme: webLightTheme }, React.createElement(StatusPanel, {
      view: fresh.state().collaboration, hasWorkbook: true, onRefresh: () => undefined, onGoTo: () => undefined,
    })));
    expect(html).toContain("Nothing has been shared from this workbook yet.");
  }, 60_000);

  test("the reducer keeps the last status while a refresh runs, shows a failure beside it, and forgets it for another workbook", () => {
    const status = { shared: true, rows: [], audit: { ok: true, rows: 2, message: "", where: null }, live: true, problems: [], asOf: "2026-12-02" };
    let s = workbenchReducer(initialWorkbench, { type: "collaborationLoaded", status });
    s = workbenchReducer(s, { type: "collaborationRefreshing" });
    expect(s.collaboration).toEqual({ phase: "loading", status, message: null });
    s = workbenchReducer(s, { type: "collaborationFailed", message: "no" });
    expect(s.collaboration).toEqual({ phase: "failed", status, message: "no" });
    s = workbenchReducer(s, { type: "workbookReady", workbook: { kind: "file", name: "b.xlsx", tables: [], sheets: [], hasCharts: false } });
    expect(s.collaboration).toEqual({ phase: "idle", status: null, message: null });
  });

  test("a partner with exceptions is a button naming its first exception; the audit line says intact", () => {
    const status = {
      shared: true, live: true, problems: [], asOf: "2026-12-02", audit: { ok: true, rows: 12, message: "", where: null },
      rows: [
        { partner: "FrameWorks", role: "supplier", packageId: "P-1", version: 1, issued: "2026-12-01T09:00:00Z", deadline: "2026-12-08", answered: "2026-12-02", status: "with exceptions", exceptions: 3, firstException: "Reconciliation!A2", where: "Collaboration!A2" },
        { partner: "GearTech", role: "supplier", packageId: "P-2", version: 1, issued: "2026-12-01T09:00:00Z", deadline: "2026-12-08", answered: null, status: "issued", exceptions: null, firstException: null, where: "Collaboration!A3" },
      ],
    };
    const html = renderToString(React.createElement(FluentProvider, { theme: webLightTheme }, React.createElement(StatusPanel, {
      view: { phase: "ready", status, message: null }, hasWorkbook: true, onRefresh: () => undefined, onGoTo: () => undefined,
    })));
    expect(html).toContain('aria-label="FrameWorks: with exceptions, 3 open exception(s). Go to the first (Reconciliation!A2)"');
    expect(html).not.toMatch(/aria-label="GearTech/);
    expect(html).toContain("12 row(s) verified.");
    expect(html).toContain('aria-label="Partner status"');
  });

  test("the Partners step hosts share, merge and audit", () => {
    const actions = new Proxy({}, { get: () => () => undefined }) as WorkbenchActions;
    const html = (tab: string) => renderToString(React.createElement(FluentProvider, { theme: webLightTheme },
      React.createElement(Workbench, { state: { ...initialWorkbench, step: tab }, jobs: JOBS, browserMode: true, canUseSelection: false, actions, formulas: null })));
    const tabs = [...html("data").matchAll(/role="tab"[^>]*>(?:<[^>]*>)*([^<]+)</g)].map((m) => m[1]);
    expect(tabs).toContain("Partners");
    expect(tabs).not.toContain("Share with a partner");
    expect(tabs).not.toContain("Merge responses");
    const panel = html("partners");
    for (const title of ["Share with a partner", "Merge responses", "Verify the audit trail", "Pick responses…"]) expect(panel).toContain(title);
  });
});
