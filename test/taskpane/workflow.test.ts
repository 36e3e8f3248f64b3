// The pane as a workflow: the steps and their jobs come from the registry alone (a job that declares
// the supply step lands there), plain sentences instead of "Reads:" lists, pickers fed by the
// workbook's columns, and the step the reducer shows.
import * as path from "path";
import * as React from "react";
import { renderToString } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Workbench, type WorkbenchActions } from "../../src/taskpane/components/Workbench";
import { idleRun, type WorkbenchState } from "../../src/taskpane/workbench";
import { JOBS } from "../../src/workbook/jobs/registry";
import { stepOf, type WorkbookJob } from "../../src/workbook/jobs/types";
import { openXlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { choiceSources, columnChoices } from "../../src/taskpane/choices";
import { currentStep, listed, readsSentence, workflowSteps } from "../../src/taskpane/steps";
import { initialWorkbench, workbenchReducer } from "../../src/taskpane/workbench";

const actions = new Proxy({}, { get: () => () => undefined }) as WorkbenchActions;
const render = (state: WorkbenchState, jobs: readonly WorkbookJob[] = JOBS) => renderToString(React.createElement(FluentProvider, { theme: webLightTheme },
  React.createElement(Workbench, { state, jobs, browserMode: true, canUseSelection: false, actions, formulas: React.createElement("p", null, "FORMULAS") }))).replace(/<!-- -->/g, "");
const tabsOf = (html: string) => [...html.matchAll(/role="tab"[^>]*>(?:<[^>]*>)*([^<]+)</g)].map((m) => m[1]);

const EXAMPLES = path.join(__dirname, "..", "..", "examples");

function job(id: string, extra: Partial<WorkbookJob> = {}): WorkbookJob {
  return { id, title: id, description: "", tables: [], requiredTables: [], options: [], run: () => ({ status: "done", cards: [], exceptions: [], sheets: [] }), ...extra };
}

describe("the workflow steps", () => {
  test("the registry's jobs: Data, Plan, Supply, Schedule, Partners in a planner's order, every job in exactly one step", () => {
    const steps = workflowSteps(JOBS);
    expect(steps.map((s) => s.id)).toEqual(["data", "plan", "supply", "schedule", "partners"]);
    expect(steps.find((s) => s.id === "supply")!.jobs.map((j) => j.id)).toEqual(["supply", "supply-promise"]);
    expect(steps.find((s) => s.id === "plan")!.jobs.map((j) => j.id)).toEqual(["plan", "forecast", "simulate", "scenarios", "compare"]);
    expect(steps.find((s) => s.id === "schedule")!.jobs.map((j) => j.id)).toEqual(["schedule", "retime", "reschedule"]);
    expect(steps.find((s) => s.id === "partners")!.jobs.map((j) => j.id)).toEqual(["share", "merge", "audit"]);
    expect(steps.flatMap((s) => s.jobs.map((j) => j.id)).sort()).toEqual(JOBS.map((j) => j.id).sort());
    for (const j of JOBS) expect(j.step).toBeDefined();
  });

  test("a job declaring the supply step gets a Supply step between Plan and Schedule, ordered by `order`", () => {
    const others = JOBS.filter((j) => j.step !== "supply");
    const steps = workflowSteps([...others, job("supply-promise", { step: "supply", order: 20 }), job("supply", { step: "supply", order: 10 })]);
    expect(steps.map((s) => s.id)).toEqual(["data", "plan", "supply", "schedule", "partners"]);
    expect(steps[2].jobs.map((j) => j.id)).toEqual(["supply", "supply-promise"]);
  });

  test("a job without a step goes where its id says, else to Plan; without an order, after the ordered ones", () => {
    expect(stepOf(job("supply"))).toBe("supply");
    expect(stepOf(job("supply-promise"))).toBe("supply");
    expect(stepOf(job("schedule-what-if"))).toBe("schedule");
    expect(stepOf(job("something"))).toBe("plan");
    const steps = workflowSteps([job("b"), job("a", { step: "plan", order: 5 })]);
    expect(steps.find((s) => s.id === "plan")!.jobs.map((j) => j.id)).toEqual(["a", "b"]);
  });

  test("an unknown or hidden step shows the first (Data)", () => {
    const steps = workflowSteps(JOBS.filter((j) => j.step !== "supply"));
    expect(currentStep(steps, "supply").id).toBe("data");
    expect(currentStep(steps, "schedule").id).toBe("schedule");
  });

  test("what a job reads, as a sentence", () => {
    expect(listed(["A"])).toBe("A");
    expect(listed(["A", "B", "C"])).toBe("A, B and C");
    expect(readsSentence({ tables: ["Stages", "Arcs", "Settings"], requiredTables: ["Stages"] })).toBe("It needs the Stages table, and uses Arcs and Settings where the workbook has them.");
    expect(readsSentence({ tables: ["Operations", "Changeovers"], requiredTables: [] })).toBe("It uses the Operations and Changeovers tables where the workbook has them.");
    // A sheet listed under its Excel table name too is named once, with its spaces.
    expect(readsSentence({ tables: ["Operations", "Schedule Operations", "ScheduleOperations"], requiredTables: ["Operations"] })).toBe("It needs the Operations table, and uses Schedule Operations where the workbook has it.");
    expect(readsSentence({ tables: ["Stages"], requiredTables: ["Stages"] })).toBe("It needs the Stages table.");
    expect(readsSentence({ tables: ["Stages", "Arcs"], requiredTables: ["Stages"] })).toBe("It needs the Stages table, and uses Arcs where the workbook has it.");
  });

  test("the reducer selects a step and keeps the pickers' values until another workbook opens", () => {
    let s = workbenchReducer(initialWorkbench, { type: "stepSelected", step: "plan" });
    expect(s.step).toBe("plan");
    s = workbenchReducer(s, { type: "choicesLoaded", choices: { "Stages.Owner": ["Buyer", "FrameWorks"] } });
    expect(s.choices["Stages.Owner"]).toEqual(["Buyer", "FrameWorks"]);
    s = workbenchReducer(s, { type: "workbookReady", workbook: { kind: "file", name: "b.xlsx", tables: [], sheets: [], hasCharts: false } });
    expect(s.choices).toEqual({});
  });
});

describe("pickers from the workbook's columns", () => {
  test("share's partner offers the Owner column of Stages, each owner once, in order", async () => {
    const sources = choiceSources(JOBS);
    expect(sources).toEqual(expect.arrayContaining([{ table: "Stages", column: "Owner" }]));
    const book = await openXlsxWorkbook(path.join(EXAMPLES, "collaboration", "bikeco.xlsx"));
    const tables = { Stages: await book.readTable("Stages") };
    const owners = columnChoices(tables, [{ table: "Stages", column: "Owner" }])["Stages.Owner"];
    const column = tables.Stages!.headers.indexOf("Owner");
    const expected = [...new Set(tables.Stages!.rows.map((r) => r[column]).filter((v) => v !== null && String(v).trim() !== "").map((v) => String(v).trim()))];
    expect(owners).toEqual(expected);
    expect(owners.length).toBeGreaterThan(1);
  });

  test("a missing table or column gives no choices (the field stays free text)", () => {
    const table = { name: "stages", sheet: "S", headers: ["Stage", " owner "], rows: [["A", "X"], ["B", null], ["C", "X"], ["D", " Y "]], headerRow: 1, firstColumn: 1 };
    expect(columnChoices({ stages: table }, [{ table: "Stages", column: "Owner" }])).toEqual({ "Stages.Owner": ["X", "Y"] });
    expect(columnChoices({ Stages: null }, [{ table: "Stages", column: "Owner" }])).toEqual({ "Stages.Owner": [] });
    expect(columnChoices({ stages: table }, [{ table: "Stages", column: "Region" }])).toEqual({ "Stages.Region": [] });
  });
});

describe("the workbench as rendered", () => {
  test("one tab per step, no Options or Formulas tab; the Data step holds set-up, Check and the formulas", () => {
    const html = render(initialWorkbench);
    expect(tabsOf(html)).toEqual(["Data", "Plan", "Supply", "Schedule", "Partners"]);
    for (const text of ["Open workbook…", "Check tables", "FORMULAS"]) expect(html).toContain(text);
  });

  test("a registered supply job shows as a Supply step with no other change", () => {
    const supply = job("supply", { title: "Supply plan", step: "supply", order: 10, tables: ["Stages", "Supply"], requiredTables: ["Stages"] });
    const html = render({ ...initialWorkbench, step: "supply" }, [...JOBS, supply]);
    expect(tabsOf(html)).toEqual(["Data", "Plan", "Supply", "Schedule", "Partners"]);
    expect(html).toContain("Run supply plan");
    expect(html).toContain("It needs the Stages table, and uses Supply where the workbook has it.");
  });

  test("the Plan step: the plan's options beside its run, sentences instead of Reads lists, the network picture after a run", () => {
    const figure = { kind: "network" as const, stages: [
      { id: "Casting", owner: "Foundry", level: 1, stock: true, safetyStock: 12.5, serviceTime: 0, exception: null, where: "Stages!A2" },
      { id: "Assembly", owner: "BikeCo", level: 0, stock: false, safetyStock: 0, serviceTime: 2, exception: "warning" as const, where: "Stages!A3" },
    ], arcs: [{ from: "Casting", to: "Assembly", serviceTime: 0 }] };
    const state: WorkbenchState = { ...initialWorkbench, step: "plan", runs: { plan: { ...idleRun, phase: "done", output: { status: "done", cards: [], exceptions: [], sheetNames: [], figure } } } };
    const html = render(state);
    expect(html).toContain("Placement method");
    expect(html).not.toContain("Reads:");
    expect(html).toContain("It needs the Stages table, and uses Arcs, Settings, Demand History and Segment Service Levels where the workbook has them.");
    expect(html.match(/data-stage="/g)).toHaveLength(2);
    expect(html).toContain("Stage Casting, owner Foundry, level 1, holds safety stock 12.5, commits service time 0. Select its row (Stages!A2).");
    expect(html).toContain("2 stages, 1 holding stock, 1 with exceptions");
  });

  test("a step with several jobs shows the first job's form; the others are closed headings until the planner opens one", () => {
    /** Each job section's disclosure (aria-expanded) and whether its form is hidden, by heading id. */
    const folds = (html: string) => [...html.matchAll(/<h3[^>]*id="(job-[a-z-]+)"[^>]*>(?:<button[^>]*aria-expanded="(true|false)"[^>]*>)?[\s\S]*?<div id="\1-form"[^>]*?( hidden="")?>/g)]
      .map((m) => [m[1], m[2] ?? "always", m[3] ? "hidden" : "shown"]);
    expect(folds(render({ ...initialWorkbench, step: "schedule" }))).toEqual([
      ["job-schedule", "true", "shown"], ["job-retime", "false", "hidden"], ["job-reschedule", "false", "hidden"],
    ]);
    const opened = workbenchReducer(workbenchReducer({ ...initialWorkbench, step: "schedule" }, { type: "jobToggled", jobId: "retime", open: true }), { type: "jobToggled", jobId: "schedule", open: false });
    expect(folds(render(opened))).toEqual([["job-schedule", "false", "hidden"], ["job-retime", "true", "shown"], ["job-reschedule", "false", "hidden"]]);
    // A closed job says how its last run went beside its heading; its form (options, results) stays in the page.
    const ran = render({ ...opened, runs: { schedule: { ...idleRun, phase: "done" } } });
    expect(ran).toMatch(/id="job-schedule"[\s\S]*?<\/h3><span[^>]*>done<\/span>/);
    expect(ran).toContain('aria-label="Schedule: options"');
    // A job alone on its step has a plain heading, always open.
    const single = render({ ...initialWorkbench, step: "schedule" }, JOBS.filter((j) => stepOf(j) !== "schedule" || j.id === "schedule"));
    expect(folds(single)).toEqual([["job-schedule", "always", "shown"]]);
  });

  test("the Partners step offers the owners of Stages as partners", () => {
    const html = render({ ...initialWorkbench, step: "partners", choices: { "Stages.Owner": ["FrameWorks", "GearTech"] } });
    expect(html).toMatch(/<input[^>]*list="choices-partner"/);
    expect(html).toContain('<datalist id="choices-partner"><option value="FrameWorks"></option><option value="GearTech"></option></datalist>');
    expect(html).toContain("Pick responses…");
  });
});
