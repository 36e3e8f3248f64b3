// The workbench reducer: runs, partial results, options kept as workbook settings.
import { planJob } from "../../src/workbook/plan/planJob";
import { effectiveOptions, initialWorkbench, optionsAsSettings, runOf, workbenchReducer } from "../../src/taskpane/workbench";
import type { JobSummary } from "../../src/taskpane/worker/protocol";

const output = (status: JobSummary["status"]): JobSummary => ({ status, cards: [], exceptions: [], sheetNames: [] });

describe("workbenchReducer", () => {
  test("a run goes running → progress → done, with its time", () => {
    let s = workbenchReducer(initialWorkbench, { type: "runStarted", jobId: "plan", at: 1000 });
    s = workbenchReducer(s, { type: "runProgress", jobId: "plan", progress: { step: "Placing safety stock", fraction: 0.5 }, hasPartial: false });
    expect(runOf(s, "plan")).toMatchObject({ phase: "running", step: "Placing safety stock", fraction: 0.5, hasPartial: false });
    s = workbenchReducer(s, { type: "runFinished", jobId: "plan", output: output("done"), cancelled: false, report: { written: ["Plan"], renamed: {} }, at: 2500 });
    expect(runOf(s, "plan")).toMatchObject({ phase: "done", fraction: 1, elapsedMs: 1500, message: null });
  });

  test("a partial marks the run; a cancel with output is stopped, without is stopped with nothing written", () => {
    let s = workbenchReducer(initialWorkbench, { type: "runStarted", jobId: "schedule", at: 0 });
    s = workbenchReducer(s, { type: "runProgress", jobId: "schedule", progress: { step: "Round 1 done" }, hasPartial: true });
    expect(runOf(s, "schedule").hasPartial).toBe(true);
    const kept = workbenchReducer(s, { type: "runFinished", jobId: "schedule", output: output("stopped"), cancelled: true, report: null, at: 5 });
    expect(runOf(kept, "schedule")).toMatchObject({ phase: "stopped", message: "Cancelled: the best result found so far was kept (marked stopped)." });
    const none = workbenchReducer(s, { type: "runFinished", jobId: "schedule", output: null, cancelled: true, report: null, at: 5 });
    expect(runOf(none, "schedule")).toMatchObject({ phase: "stopped", message: "Cancelled before any result: nothing was written." });
  });

  test("a run that rewrites the sheet of the cell shown clears it; another sheet's cell stays", () => {
    const shown = workbenchReducer(initialWorkbench, { type: "placeShown", place: { sheet: "Planned Orders", address: "G4", value: 1000000 } });
    const run = workbenchReducer(shown, { type: "runStarted", jobId: "supply", at: 0 });
    const rewrote = workbenchReducer(run, { type: "runFinished", jobId: "supply", output: output("done"), cancelled: false, report: { written: ["Supply Plan", "Planned Orders"], renamed: {} }, at: 1 });
    expect(rewrote.place).toBeNull();
    const elsewhere = workbenchReducer(run, { type: "runFinished", jobId: "supply", output: output("done"), cancelled: false, report: { written: ["Supply Plan"], renamed: {} }, at: 1 });
    expect(elsewhere.place).toEqual({ sheet: "Planned Orders", address: "G4", value: 1000000 });
  });

  test("invalid input is its own phase", () => {
    const s = workbenchReducer(workbenchReducer(initialWorkbench, { type: "runStarted", jobId: "plan", at: 0 }), { type: "runFinished", jobId: "plan", output: output("invalid"), cancelled: false, report: null, at: 1 });
    expect(runOf(s, "plan").phase).toBe("invalid");
  });

  test("progress after the end is ignored", () => {
    const done = workbenchReducer(workbenchReducer(initialWorkbench, { type: "runStarted", jobId: "plan", at: 0 }), { type: "runFinished", jobId: "plan", output: output("done"), cancelled: false, report: null, at: 1 });
    expect(workbenchReducer(done, { type: "runProgress", jobId: "plan", progress: { step: "late" }, hasPartial: false })).toBe(done);
  });

  test("options: the user's values over the defaults, saved as jobId.name and loaded back", () => {
    let s = workbenchReducer(initialWorkbench, { type: "optionChanged", jobId: "plan", name: "placementMethod", value: "all-stock" });
    expect(effectiveOptions(s, planJob)).toEqual({ placementMethod: "all-stock", rateMethod: "closed-form", placementTimeLimit: null, defaultServiceLevel: null });
    const settings = optionsAsSettings(s.options);
    expect(settings).toEqual({ "plan.placementMethod": "all-stock" });
    s = workbenchReducer(initialWorkbench, { type: "optionsLoaded", settings });
    expect(effectiveOptions(s, planJob).placementMethod).toBe("all-stock");
  });

  test("a newly opened workbook clears the runs; a refresh after a write keeps them", () => {
    const info = { kind: "file" as const, name: "a.xlsx", tables: [], sheets: [], hasCharts: false };
    const ran = workbenchReducer(initialWorkbench, { type: "runStarted", jobId: "plan", at: 0 });
    expect(workbenchReducer(ran, { type: "workbookRefreshed", workbook: info }).runs.plan).toBeDefined();
    expect(workbenchReducer(ran, { type: "workbookReady", workbook: info }).runs).toEqual({});
  });
});
