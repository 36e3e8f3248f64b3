// Re-time schedule in the pane (docs/editing.md): a section of the Schedule step under the schedule's
// own run (no step of its own), with its Action (Re-time / Undo edits) and its run button.
import * as React from "react";
import { renderToString } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Workbench, type WorkbenchActions } from "../../src/taskpane/components/Workbench";
import { initialWorkbench } from "../../src/taskpane/workbench";
import { JOBS } from "../../src/workbook/jobs/registry";

describe("the Schedule step holds Re-time schedule", () => {
  test("no tab of its own; on Schedule, after the schedule's run: its options and its run button", () => {
    const actions = new Proxy({}, { get: () => () => undefined }) as WorkbenchActions;
    const html = (step: string) => renderToString(React.createElement(FluentProvider, { theme: webLightTheme },
      React.createElement(Workbench, { state: { ...initialWorkbench, step }, jobs: JOBS, browserMode: true, canUseSelection: false, actions, formulas: null })));
    const tabs = [...html("data").matchAll(/role="tab"[^>]*>(?:<[^>]*>)*([^<]+)</g)].map((m) => m[1]);
    expect(tabs).toContain("Schedule");
    expect(tabs).not.toContain("Re-time schedule");
    const schedule = html("schedule");
    expect(schedule.indexOf("Run schedule")).toBeGreaterThan(0);
    expect(schedule.indexOf("Run re-time schedule")).toBeGreaterThan(schedule.indexOf("Run schedule"));
    expect(schedule).toContain("Undo edits");
    expect(schedule).toContain("Improve for (s)");
  });
});
