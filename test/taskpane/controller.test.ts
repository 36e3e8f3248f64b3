// The pane's controller with in-process workers, as the browser mode runs it: open an example file,
// check, plan, schedule, cancel, save; the reducer's state after each step.
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { PaneController } from "../../src/taskpane/controller";
import { packageHasCharts } from "../../src/taskpane/file/fileBook";
import { initialWorkbench, runOf, workbenchReducer, type WorkbenchAction, type WorkbenchState } from "../../src/taskpane/workbench";
import { stable } from "../support/commandParity";
import { runAps } from "../support/runCli";
import { InProcessFileWorker, InProcessJobWorker } from "./inProcessWorkers";

const EXAMPLES = path.join(__dirname, "..", "..", "examples");
const bytesOf = (name: string) => new Uint8Array(fs.readFileSync(path.join(EXAMPLES, name)));

function pane(onAction: (action: WorkbenchAction, controller: PaneController) => void = () => undefined) {
  let state: WorkbenchState = initialWorkbench;
  const actions: WorkbenchAction[] = [];
  const downloads: { bytes: Uint8Array; name: string }[] = [];
  const workers: InProcessJobWorker[] = [];
  const controller = new PaneController({
    dispatch: (action) => { actions.push(action); state = workbenchReducer(state, action); onAction(action, controller); },
    getState: () => state,
    makeJobWorker: () => { const w = new InProcessJobWorker(); workers.push(w); return w; },
    makeFileWorker: () => new InProcessFileWorker(),
    download: (bytes, name) => downloads.push({ bytes, name }),
  });
  return { controller, state: () => state, actions, downloads, workers };
}

describe("the pane's controller in browser mode", () => {
  test("opens supply-chain.xlsx, checks it, plans it, writes the sheets and saves a copy with them", async () => {
    const p = pane();
    await p.controller.openFile("supply-chain.xlsx", bytesOf("supply-chain.xlsx"));
    expect(p.state().workbook).toMatchObject({ kind: "file", name: "supply-chain.xlsx", tables: ["Stages", "Arcs", "Settings"], hasCharts: false });
    await p.controller.run("check");
    expect(runOf(p.state(), "check").phase).toBe("done");
    await p.controller.run("plan");
    const run = runOf(p.state(), "plan");
    expect(run.phase).toBe("done");
    expect(run.report).toEqual({ written: ["Plan", "Matching", "KPIs", "Exceptions"], renamed: {} });
    expect(p.state().workbook!.sheets).toEqual(["Read Me", "Stages", "Arcs", "Settings", "Plan", "Matching", "KPIs", "Exceptions"]);
    expect(p.actions.filter((a) => a.type === "runProgress").length).toBeGreaterThan(2);
    expect(p.workers.every((w) => w.terminated)).toBe(true);
    await p.controller.save();
    expect(p.downloads).toHaveLength(1);
    expect(p.downloads[0].name).toBe("supply-chain (planned).xlsx");
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.load(p.downloads[0].bytes as unknown as ArrayBuffer);
    expect(saved.getWorksheet("KPIs")).toBeDefined();
  });

  test("Download result (JSON): a finished run's JSON as the command prints it, named after the file and the job; a new file drops it", async () => {
    const p = pane();
    await p.controller.openFile("supply-chain.xlsx", bytesOf("supply-chain.xlsx"));
    p.controller.downloadResult("plan");
    expect(p.downloads).toHaveLength(0); // nothing has run yet
    await p.controller.run("plan");
    expect(runOf(p.state(), "plan").output!.hasJson).toBe(true);
    p.controller.downloadResult("plan");
    expect(p.downloads.map((d) => d.name)).toEqual(["supply-chain (plan).json"]);
    const cli = await runAps("plan", path.join(EXAMPLES, "supply-chain.xlsx"), "--json");
    expect(stable(JSON.parse(new TextDecoder().decode(p.downloads[0].bytes)))).toEqual(stable(JSON.parse(cli.stdout)));
    expect(p.state().notice).toEqual({ intent: "success", text: "Saved supply-chain (plan).json." });
    await p.controller.openFile("machine-shop.xlsx", bytesOf("machine-shop.xlsx"));
    p.controller.downloadResult("plan");
    expect(p.downloads).toHaveLength(1);
  });

  test("opening a workbook reads the pickers' columns: the partners of Stages' Owner; the plan carries the network picture", async () => {
    const p = pane();
    await p.controller.openFile("bikeco.xlsx", new Uint8Array(fs.readFileSync(path.join(EXAMPLES, "collaboration", "bikeco.xlsx"))));
    expect(p.state().choices["Stages.Owner"]).toEqual(expect.arrayContaining(["FrameWorks", "GearTech"]));
    await p.controller.run("plan");
    const figure = runOf(p.state(), "plan").output!.figure;
    expect(figure?.kind).toBe("network");
  });

  test("a file worker warmed while the page is idle serves the first open", async () => {
    const p = pane();
    p.controller.prewarmFiles();
    await p.controller.openFile("supply-chain.xlsx", bytesOf("supply-chain.xlsx"));
    expect(p.state().workbook!.tables).toEqual(["Stages", "Arcs", "Settings"]);
  });

  test("a run that ends with no result leaves the workbook's sheets as they were", async () => {
    const p = pane();
    await p.controller.openFile("machine-shop.xlsx", bytesOf("machine-shop.xlsx"));
    await p.controller.run("plan");
    expect(runOf(p.state(), "plan")).toMatchObject({ phase: "failed", message: "The workbook has no Stages table: add it (Data step) and run again." });
    expect(p.state().workbook!.sheets).toEqual(["Read Me", "Operations", "Changeovers"]);
  });

  test("Cancel after the first partial schedule keeps it, marked stopped, and writes it", async () => {
    // The in-process worker runs synchronously: cancel from the progress that carries the first partial.
    const p = pane((action, controller) => {
      if (action.type === "runProgress" && action.hasPartial) controller.cancel("schedule");
    });
    // A shop the search cannot prove quickly: 15 jobs × 15 machines, pseudo-random routes and times.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Operations");
    sheet.addRow(["Job", "Step", "Machine", "Duration"]);
    let x = 5;
    const next = () => (x = (x * 48271) % 2147483647);
    for (let j = 0; j < 15; j++) Array.from({ length: 15 }, (_, m) => m).sort(() => (next() % 2) - 0.5).forEach((m, s) => sheet.addRow([`J${j}`, s, `M${m}`, 1 + (next() % 99)]));
    await p.controller.openFile("hard-shop.xlsx", new Uint8Array(await workbook.xlsx.writeBuffer()));
    p.controller["deps"].dispatch({ type: "optionChanged", jobId: "schedule", name: "timeLimit", value: 2 });
    await p.controller.run("schedule");
    const run = runOf(p.state(), "schedule");
    expect(run.phase).toBe("stopped");
    expect(run.message).toBe("Cancelled: the best result found so far was kept (marked stopped).");
    expect(run.output!.cards.find((c) => c.label === "Status")!.value).toBe("stopped");
    expect(run.report!.written).toEqual(["Schedule", "Schedule Operations", "Schedule Jobs"]);
  });

  test("results never overwrite an input table's sheet: a result named like one goes to \"Name (2)\"", async () => {
    const p = pane();
    await p.controller.openFile("supply-chain.xlsx", bytesOf("supply-chain.xlsx"));
    const report = await p.controller.current!.writeSheets([{ name: "Stages", columns: [{ header: "X" }], rows: [[1]] }]);
    expect(report).toEqual({ written: ["Stages (2)"], renamed: { Stages: "Stages (2)" } });
    expect((await p.controller.current!.readTable("Stages"))!.headers[0]).toBe("Id");
  });

  test("Insert example tables without a file starts a new workbook whose tables plan and schedule", async () => {
    const p = pane();
    await p.controller.insertExamples("network");
    await p.controller.insertExamples("schedule");
    expect(p.state().workbook!.tables).toEqual(["Stages", "Arcs", "Settings", "Operations", "Changeovers"]);
    await p.controller.insertExamples("network");
    expect(p.state().notice!.text).toBe("The workbook already has these tables: nothing was added.");
    await p.controller.run("check");
    expect(runOf(p.state(), "check").output!.exceptions.filter((e) => e.severity === "error")).toEqual([]);
    await p.controller.run("plan");
    expect(runOf(p.state(), "plan").phase).toBe("done");
    p.controller["deps"].dispatch({ type: "optionChanged", jobId: "schedule", name: "timeLimit", value: 0.2 });
    await p.controller.run("schedule");
    expect(runOf(p.state(), "schedule").phase).toBe("done");
  });

  test("Undo edits is an action, not a setting: after the run has written its sheets the supply job's Action is back to Plan", async () => {
    const p = pane();
    await p.controller.openFile("supply-plan.xlsx", bytesOf("supply-plan.xlsx"));
    await p.controller.run("supply");
    expect(runOf(p.state(), "supply").phase).toBe("done");
    p.controller["deps"].dispatch({ type: "optionChanged", jobId: "supply", name: "action", value: "Undo edits" });
    await p.controller.run("supply");
    expect(runOf(p.state(), "supply").output!.cards.map((c) => c.label)).toContain("Rows restored");
    expect(p.state().options.supply.action).toBe("Plan");
  }, 60_000);

  test("goTo shows the cell a problem names, with its value", async () => {
    const p = pane();
    await p.controller.openFile("supply-chain.xlsx", bytesOf("supply-chain.xlsx"));
    await p.controller.goTo("Stages!A2");
    expect(p.state().place).toEqual({ sheet: "Stages", address: "A2", value: "Final Assembly" });
    await p.controller.goTo("Nowhere!A1");
    expect(p.state().notice).toEqual({ intent: "warning", text: "Nowhere!A1 is not a cell of this workbook." });
  });

  test("a file that is not a workbook is refused in plain words", async () => {
    const p = pane();
    await p.controller.openFile("notes.xlsx", new TextEncoder().encode("just text"));
    expect(p.state().workbook).toBeNull();
    expect(p.state().notice!.intent).toBe("error");
    expect(p.state().notice!.text).toMatch(/^notes\.xlsx is not a readable \.xlsx workbook/);
  });

  test("a package with chart parts is recognised (ExcelJS would drop them on save)", () => {
    const withChart = new TextEncoder().encode("PK\u0003\u0004....xl/charts/chart1.xml....");
    expect(packageHasCharts(withChart)).toBe(true);
    expect(packageHasCharts(bytesOf("supply-chain.xlsx"))).toBe(false);
  });
});
