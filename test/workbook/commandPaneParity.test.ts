// The same JSON result through the `aps` command and through the pane's job (in-process, on the tables
// the xlsx adapter reads), feature by feature: plan, supply, schedule, forecast, simulate, each on the
// first example workbook that has its tables. test/browser/commandPaneParity.test.ts compares every
// example workbook and feature through the pane in Chromium (the suite CI runs).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { commandArgs, commandJson, EXAMPLES, exampleWorkbooks, FEATURES, PARITY_OPTIONS, parityFeatures, paneJson as pane, stable, type Feature } from "../support/commandParity";

let dir: string;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), "aps-parity-")); });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("the command and the pane agree (in-process)", () => {
  let firstWith: Map<Feature, string>;
  beforeAll(async () => {
    firstWith = new Map();
    for (const name of exampleWorkbooks()) {
      for (const { feature, skip } of await parityFeatures(path.join(EXAMPLES, name))) if (!skip && !firstWith.has(feature)) firstWith.set(feature, name);
    }
  });

  it.each(FEATURES)("%s", async (feature) => {
    const name = firstWith.get(feature);
    if (!name) throw new Error(`no example workbook has the tables of ${feature}`);
    const file = path.join(EXAMPLES, name);
    const cli = await commandJson(commandArgs(feature, file, path.join(dir, `${path.basename(name, ".xlsx")}.${feature}.xlsx`)));
    expect(stable(await pane(file, feature, PARITY_OPTIONS[feature]))).toEqual(stable(cli));
  }, 240_000); // two full runs of a feature; a shared machine can take minutes
});
