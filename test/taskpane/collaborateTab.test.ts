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
import { InProcessFileWorker, InProcessJobWorker } from "./inProcessWorkers";

const EXAMPLES = path.join(__dirname, "..", "..", "examples", "collaboration");
const bytesOf = (name: string) => new Uint8Array(fs.readFileSync(path.join(EXAMPLES, name)));

function pane() {
  let state: WorkbenchState = initialWorkbench;
  const controller = new PaneController({
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

  test("hosts share, merge and audit in one tab", () => {
    const actions = new Proxy({}, { get: () => () => undefined }) as WorkbenchActions;
    const html = (tab: string) => renderToString(React.createElement(FluentProvider, { theme: webLightTheme },
      React.createElement(Workbench, { state: { ...initialWorkbench, tab }, jobs: JOBS, browserMode: true, canUseSelection: false, actions, formulas: null })));
    const tabs = [...html("setup").matchAll(/role="tab"[^>]*>(?:<[^>]*>)*([^<]+)</g)].map((m) => m[1]);
    expect(tabs).toContain("Collaborate");
    expect(tabs).not.toContain("Share with a partner");
    expect(tabs).not.toContain("Merge responses");
    const panel = html("collaborate");
    for (const title of ["Share with a partner", "Merge responses", "Verify the audit trail", "Pick responses…"]) expect(panel).toContain(title);
  });
});
