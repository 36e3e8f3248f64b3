// Every example workbook gives the same JSON result through the `aps` command and through the pane in
// Chromium (browser mode, the built page): opened with "Open workbook…", each of plan, supply,
// schedule, forecast and simulate run from its step with the same options, its result saved with
// "Download result (JSON)" and compared with `aps FEATURE --json` as bin/aps.js prints it (the
// command as shipped, in its own process; test/workbook/ compares the job and the command in-process).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { workflowSteps } from "../../src/taskpane/steps";
import { jobById, JOBS } from "../../src/workbook/jobs/registry";
import { binJson, commandArgs, differences, EXAMPLES, exampleWorkbooks, PARITY_OPTIONS, parityFeatures, stable, type Feature } from "../support/commandParity";
import type { PaneDriver } from "./support/paneDriver";
import { describePane } from "./support/paneSuite";

const LONG = 180_000;
/** Numbers agree to this relative precision: Chromium's V8 rounds Math.log, exp, pow, sin and cos unlike Node's in the last bit (differences()). */
const ACROSS_ENGINES = 1e-9;

/** The step tab a feature's job is on ("simulate" → "Plan"). */
const tabOf = (feature: Feature) => workflowSteps(JOBS).find((s) => s.jobs.some((j) => j.id === feature))!.title;

/** The pane's field labels and values for a feature's parity options ({ "Seed": "3" }). */
function fieldsOf(feature: Feature): Record<string, string> {
  const job = jobById(feature)!;
  return Object.fromEntries(Object.entries(PARITY_OPTIONS[feature]).map(([name, value]) => [job.options.find((o) => o.name === name)!.label, String(value)]));
}

describePane("every example workbook: the pane's JSON result is the command's (Chromium)", (suite) => {
  let pane: PaneDriver;
  let errors: string[];
  let dir: string;

  // One page for all the workbooks: each is opened in turn through "Open workbook…".
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "aps-parity-browser-"));
    ({ pane, errors } = await suite.open("parity"));
    // The options stay set while other workbooks are opened in the same page.
    for (const feature of ["schedule", "simulate"] as const) await pane.options(tabOf(feature), jobById(feature)!.title, fieldsOf(feature));
  }, LONG);

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test.each(exampleWorkbooks())("%s", async (name) => {
    const file = path.join(EXAMPLES, name);
    const features = (await parityFeatures(file)).filter((f) => f.skip === null).map((f) => f.feature);
    await pane.open(file);
    for (const feature of features) {
      const job = jobById(feature)!;
      // The command runs in its own process while the pane's job runs in Chromium's worker.
      const cli = binJson(commandArgs(feature, file, path.join(dir, `${path.basename(name, ".xlsx")}.${feature}.xlsx`)));
      cli.catch(() => undefined); // awaited below; a failure meanwhile is not unhandled
      await pane.startJob(tabOf(feature), feature, `Run ${job.title.toLowerCase()}`);
      const phase = await pane.jobFinished(feature);
      const shown = phase === "invalid"
        ? { refused: await pane.section(feature).getByLabel("error", { exact: true }).count() }
        : phase === "done" ? await pane.resultJson(feature, job.title) : { phase };
      expect(differences(stable(shown), stable(await cli), ACROSS_ENGINES, `${feature}: pane ≠ command: $`)).toEqual([]);
    }
    expect(errors).toEqual([]);
  }, LONG);
}, { timeout: LONG });
