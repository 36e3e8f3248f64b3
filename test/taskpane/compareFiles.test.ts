// Compare files… on the Scenarios tab, as browser mode runs it (in-process workers): the picked files
// are read in the file worker within the input limits, compared in the job worker, and the sheets
// written into the open workbook are the ones `aps compare` writes; bad files name file and place.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as React from "react";
import { renderToString } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import fc from "fast-check";
import type { ScenarioComparison } from "../../src/engine/scenarios";
import { baseFirst } from "../../src/taskpane/components/CompareFiles";
import { Workbench, type WorkbenchActions } from "../../src/taskpane/components/Workbench";
import { PaneController } from "../../src/taskpane/controller";
import type { FileWorkbook } from "../../src/taskpane/file/fileWorkbook";
import { initialWorkbench, runOf, workbenchReducer, type WorkbenchState } from "../../src/taskpane/workbench";
import { JOBS } from "../../src/workbook/jobs/registry";
import { loadXlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { runAps } from "../support/runCli";
import { InProcessFileWorker, InProcessJobWorker } from "./inProcessWorkers";

const EXAMPLES = path.join(__dirname, "..", "..", "examples");
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "aps-compare-pane-"));
const picked = (file: string) => ({ name: path.basename(file), bytes: new Uint8Array(fs.readFileSync(file)) });

function pane() {
  let state: WorkbenchState = initialWorkbench;
  const workers: InProcessFileWorker[] = [];
  const controller = new PaneController({
    dispatch: (action) => { state = workbenchReducer(state, action); },
    getState: () => state,
    makeJobWorker: () => new InProcessJobWorker(),
    makeFileWorker: () => { const w = new InProcessFileWorker(); workers.push(w); return w; },
    download: () => undefined,
  });
  return { controller, state: () => state, workers };
}

/** The late-supplier variant of Figure 5 as JSON: Tube Cutting's supplier quotes 8 days. */
function lateJson(): string {
  const late = JSON.parse(fs.readFileSync(path.join(EXAMPLES, "supply-chain.json"), "utf8")) as { stages: Record<string, unknown>[] };
  late.stages.find((s) => s.id === "Tube Cutting")!.externalInboundTime = 8;
  const file = path.join(folder, "late.json");
  fs.writeFileSync(file, JSON.stringify(late));
  return file;
}

describe("Compare files… in the pane", () => {
  test("supply-chain.xlsx against late.json: the comparison JSON and sheets are aps compare's, written into the open workbook", async () => {
    const late = lateJson();
    const base = path.join(EXAMPLES, "supply-chain.xlsx");
    const p = pane();
    await p.controller.openFile("machine-shop.xlsx", picked(path.join(EXAMPLES, "machine-shop.xlsx")).bytes);
    await p.controller.compareFiles([picked(base), picked(late)]);
    const run = runOf(p.state(), "compare");
    expect(run.phase).toBe("done");
    expect(run.report!.written).toEqual(["Scenario Comparison", "Scenario KPIs", "Plan", "Matching", "KPIs", "Exceptions"]);
    expect(run.output!.cards.map((c) => c.label)).toEqual(["supply-chain", "late"]);
    expect(p.workers.every((w) => w.terminated || w === p.workers[0])).toBe(true);

    // aps compare on the same files, with the paths as the pane knows them (file names).
    const cli = await runAps("compare", base, late, "--json");
    expect(cli.status).toBe(0);
    const expected = JSON.parse(cli.stdout.split(`${EXAMPLES}${path.sep}`).join("").split(`${folder}${path.sep}`).join("")) as ScenarioComparison;
    const job = await JOBS.find((j) => j.id === "compare")!.run({ tables: {}, options: {}, files: [picked(base), picked(late)] }, () => undefined);
    expect(job.json).toEqual(expected);
    expect(expected.scenarios[1].changes).toEqual([{ table: "Stages", key: "Tube Cutting", column: "External Inbound Time", value: 8, where: "late.json: stages[3].externalInboundTime" }]);

    // The sheet in the pane's workbook equals the one `aps compare --out` writes.
    const out = path.join(folder, "compare.xlsx");
    expect((await runAps("compare", base, late, "--out", out)).status).toBe(0);
    const written = await loadXlsxWorkbook(await (p.controller.current as FileWorkbook).toBytes());
    const fromCli = await loadXlsxWorkbook(fs.readFileSync(out));
    const values = (book: typeof written, sheet: string) => book.workbook.getWorksheet(sheet)!.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1) : r));
    expect(values(written, "Scenario Comparison")).toEqual(values(fromCli, "Scenario Comparison"));
    expect(values(written, "KPIs")).toEqual(values(fromCli, "KPIs"));
    expect(p.state().workbook!.sheets).toEqual(expect.arrayContaining(["Operations", "Scenario Comparison", "Scenario KPIs"]));
  }, 60_000);

  test("bad files: every file's problem at once, naming the file and the place, and nothing is written", async () => {
    const notJson = { name: "broken.json", bytes: new TextEncoder().encode('{"format": "aps-network/1",\n "stages": [ }') };
    const badStage = JSON.parse(fs.readFileSync(path.join(EXAMPLES, "supply-chain.json"), "utf8")) as { stages: Record<string, unknown>[] };
    badStage.stages[2].holdingCost = -1;
    const negative = { name: "negative.json", bytes: new TextEncoder().encode(JSON.stringify(badStage)) };
    const csv = { name: "plan.csv", bytes: new TextEncoder().encode("a,b") };
    const damaged = { name: "damaged.xlsx", bytes: new Uint8Array([80, 75, 3, 4, 1, 2, 3]) };
    const p = pane();
    await p.controller.openFile("supply-chain.xlsx", picked(path.join(EXAMPLES, "supply-chain.xlsx")).bytes);
    const before = p.state().workbook!.sheets;

    await p.controller.compareFiles([notJson, csv, damaged, picked(path.join(EXAMPLES, "supply-chain.xlsx"))]);
    let run = runOf(p.state(), "compare");
    expect(run.phase).toBe("invalid");
    const messages = run.output!.exceptions.map((e) => e.message);
    expect(messages[0]).toMatch(/^broken\.json: not valid JSON \(Unexpected token '\}'/);
    expect(messages[1]).toBe('plan.csv: Compare files reads .xlsx workbooks or aps-network/1 .json files (got ".csv").');
    expect(messages[2]).toMatch(/^damaged\.xlsx: not a readable \.xlsx workbook/);
    expect(run.report).toBeNull();

    // A file that reads but does not plan: its cell (JSON path) is named; the base's own errors are none.
    await p.controller.compareFiles([picked(path.join(EXAMPLES, "supply-chain.xlsx")), negative]);
    run = runOf(p.state(), "compare");
    expect(run.phase).toBe("invalid");
    expect(run.output!.exceptions.map((e) => [e.where, e.message])).toEqual([[null, "negative.json: stages[2].holdingCost: holdingCost must not be negative (got -1)."]]);
    expect(p.state().workbook!.sheets).toEqual(before);
  }, 60_000);

  test("one file is not a comparison; the base chosen comes first; the tab hosts Compare files under Scenarios", async () => {
    const p = pane();
    await p.controller.openFile("supply-chain.xlsx", picked(path.join(EXAMPLES, "supply-chain.xlsx")).bytes);
    await p.controller.compareFiles([picked(path.join(EXAMPLES, "supply-chain.xlsx"))]);
    expect(runOf(p.state(), "compare").output!.exceptions[0].message).toBe("Pick two or more files to compare (got 1); the first is the base.");

    const [a, b, c] = ["a.json", "b.json", "c.xlsx"].map((name) => ({ name, bytes: new Uint8Array() }));
    expect(baseFirst([a, b, c], 2).map((f) => f.name)).toEqual(["c.xlsx", "a.json", "b.json"]);
    expect(baseFirst([a, b, c], 0).map((f) => f.name)).toEqual(["a.json", "b.json", "c.xlsx"]);

    const actions = new Proxy({}, { get: () => () => undefined }) as WorkbenchActions;
    const html = (tab: string) => renderToString(React.createElement(FluentProvider, { theme: webLightTheme },
      React.createElement(Workbench, { state: { ...initialWorkbench, step: tab }, jobs: JOBS, browserMode: true, canUseSelection: false, actions, formulas: null })));
    const tabs = [...html("data").matchAll(/role="tab"[^>]*>(?:<[^>]*>)*([^<]+)</g)].map((m) => m[1]);
    expect(tabs).toContain("Plan");
    expect(tabs).not.toContain("Compare files");
    expect(html("plan")).toContain("Compare files…");
  }, 60_000);

  test("1,000 generated files (JSON of any shape, broken text, random bytes named .xlsx): done or refused naming the file, never a fault", async () => {
    const job = JOBS.find((j) => j.id === "compare")!;
    const base = JSON.parse(fs.readFileSync(path.join(EXAMPLES, "supply-chain.json"), "utf8")) as { stages: Record<string, unknown>[] };
    const garbled = fc.record({ row: fc.integer({ min: 0, max: 6 }), field: fc.constantFrom("id", "holdingCost", "demandRate", "externalInboundTime", "lotSizeModel", "maxServiceTime"), value: fc.jsonValue({ maxDepth: 1 }) })
      .map(({ row, field, value }) => { const copy = structuredClone(base); if (copy.stages[row]) copy.stages[row][field] = value; return JSON.stringify(copy); });
    const file = fc.oneof(
      { weight: 4, arbitrary: garbled.map((text) => ({ name: "variant.json", bytes: new TextEncoder().encode(text) })) },
      { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((v) => ({ name: "any.json", bytes: new TextEncoder().encode(JSON.stringify(v) ?? "") })) },
      { weight: 1, arbitrary: fc.string({ maxLength: 40 }).map((t) => ({ name: "text.json", bytes: new TextEncoder().encode(`\ufeff${t}`) })) },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((b) => ({ name: "bytes.xlsx", bytes: Uint8Array.from([80, 75, 3, 4, ...b]) })) },
      { weight: 1, arbitrary: fc.constantFrom("a.csv", "noextension", "plan.XLSX.bak").map((name) => ({ name, bytes: new Uint8Array([1]) })) },
    );
    const good = { name: "base.json", bytes: new TextEncoder().encode(JSON.stringify(base)) };
    await fc.assert(fc.asyncProperty(fc.array(file, { minLength: 1, maxLength: 2 }), async (others) => {
      const out = await job.run({ tables: {}, options: {}, files: [good, ...others] }, () => undefined);
      expect(["done", "invalid"]).toContain(out.status);
      if (out.status === "invalid") {
        for (const e of out.exceptions) expect(e.message).toMatch(/^(base|variant|any|text|bytes|a|noextension|plan)[.\w]*: |^… and \d+ more/);
        expect(out.sheets).toEqual([]);
      }
      for (const e of out.exceptions) expect(e.message).not.toMatch(/\n {4}at /);
    }), { numRuns: 1000 });
  }, 60_000);
});
