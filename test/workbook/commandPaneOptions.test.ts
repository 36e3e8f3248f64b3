// The pane's Plan and Supply options as `aps plan` / `aps supply` flags: with a flag, the command's JSON
// equals the pane's job run in-process with that option on the same tables; the flag changes the result;
// a row of the workbook's Settings (or the record's settings) wins over it, as over the pane's option.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { JobInput } from "../../src/workbook/jobs/types";
import { commandJson, EXAMPLES, paneJson, stable } from "../support/commandParity";

let dir: string;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), "aps-option-flags-")); });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A copy of an example workbook with the Value of these Settings rows left blank (the rows stay). */
async function withBlankSettings(example: string, names: string[]): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path.join(EXAMPLES, example));
  const blanked: string[] = [];
  book.getWorksheet("Settings")!.eachRow((row) => {
    const name = String(row.getCell(1).value);
    if (names.includes(name)) { row.getCell(2).value = null; blanked.push(name); }
  });
  if (blanked.length !== names.length) throw new Error(`${example}: Settings lacks ${names.filter((n) => !blanked.includes(n)).join(", ")}`);
  const copy = path.join(dir, `${path.basename(example, ".xlsx")}-${names.join("-")}.xlsx`);
  await book.xlsx.writeFile(copy);
  return copy;
}

/** A copy of an example record with its settings changed (undefined: the setting removed). */
function withSettings(example: string, changes: Record<string, unknown>): string {
  const record = JSON.parse(fs.readFileSync(path.join(EXAMPLES, example), "utf8"));
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete record.settings[name];
    else record.settings[name] = value;
  }
  const copy = path.join(dir, `${path.basename(example, ".json")}-${Object.keys(changes).join("-")}-${Object.values(changes).map(String).join("-")}.json`);
  fs.writeFileSync(copy, JSON.stringify(record));
  return copy;
}

/** `aps COMMAND FILE --json FLAGS…`'s JSON, without what differs from run to run. */
const command = async (name: string, file: string, ...flags: string[]) => stable(await commandJson([name, file, "--json", ...flags]));
const pane = async (job: string, file: string, options: JobInput["options"]) => stable(await paneJson(file, job, options));

/** The flag and the pane's option give the same JSON, and it differs from the run without the flag. */
async function expectSameAsPaneAndChanged(job: "plan" | "supply", file: string, flag: string, value: string, option: JobInput["options"]): Promise<unknown> {
  const withFlag = await command(job, file, flag, value);
  expect(withFlag).not.toHaveProperty("refused");
  expect(withFlag).toEqual(await pane(job, file, option));
  expect(withFlag).not.toEqual(await command(job, file));
  return withFlag;
}

describe("aps plan's flags are the pane's Plan options", () => {
  it("--rate-method exact: supply-chain.xlsx (no rateMethod row) as the pane's rateMethod exact", async () => {
    await expectSameAsPaneAndChanged("plan", path.join(EXAMPLES, "supply-chain.xlsx"), "--rate-method", "exact", { rateMethod: "exact" });
  }, 120_000);

  it("--placement-method all-stock: supply-chain.xlsx with a blank placementMethod row as the pane's placementMethod all-stock", async () => {
    const file = await withBlankSettings("supply-chain.xlsx", ["placementMethod"]);
    const plan = await expectSameAsPaneAndChanged("plan", file, "--placement-method", "all-stock", { placementMethod: "all-stock" });
    expect((plan as { placement: { method: string } }).placement.method).toBe("all-stock");
  }, 120_000);

  it("--default-service-level 0.5: supply-chain.xlsx with a blank defaultServiceLevel row as the pane's defaultServiceLevel 0.5", async () => {
    const file = await withBlankSettings("supply-chain.xlsx", ["defaultServiceLevel"]);
    await expectSameAsPaneAndChanged("plan", file, "--default-service-level", "0.5", { defaultServiceLevel: 0.5 });
  }, 120_000);

  it("--placement-time-limit 0.001: large-network.xlsx's search stops after its root, as the pane's placementTimeLimit 0.001", async () => {
    // On supply-chain.xlsx (a tree) the exact tree DP ignores the limit; the 240-stage network's branch
    // and bound spends far more than a millisecond on its root, so it stops there, in both runs alike.
    const plan = await expectSameAsPaneAndChanged("plan", path.join(EXAMPLES, "large-network.xlsx"), "--placement-time-limit", "0.001", { placementTimeLimit: 0.001 });
    expect((plan as { placement: { status: string } }).placement.status).toBe("timeLimit");
  }, 180_000);

  it("a Settings row wins: supply-chain.xlsx's placementMethod auto over --placement-method all-stock, as over the pane's option", async () => {
    const file = path.join(EXAMPLES, "supply-chain.xlsx");
    const withFlag = await command("plan", file, "--placement-method", "all-stock");
    expect(withFlag).toEqual(await command("plan", file));
    expect(withFlag).toEqual(await pane("plan", file, { placementMethod: "all-stock" }));
    expect((withFlag as { placement: { method: string } }).placement.method).not.toBe("all-stock");
  }, 120_000);

  it(".json: the flag goes into the record's settings where they lack it, and its settings win", async () => {
    const lacking = withSettings("supply-chain.json", { placementMethod: undefined });
    const given = withSettings("supply-chain.json", { placementMethod: "all-stock" });
    const withFlag = await command("plan", lacking, "--placement-method", "all-stock");
    expect(withFlag).toEqual(await command("plan", given));
    expect(withFlag).not.toEqual(await command("plan", lacking));
    expect(await command("plan", path.join(EXAMPLES, "supply-chain.json"), "--placement-method", "all-stock")).toEqual(await command("plan", path.join(EXAMPLES, "supply-chain.json")));
  }, 120_000);
});

describe("aps supply's flags are the pane's Supply options", () => {
  it("--lot-sizing mip: supply-plan.xlsx (no lotSizing row) as the pane's lotSizing mip", async () => {
    await expectSameAsPaneAndChanged("supply", path.join(EXAMPLES, "supply-plan.xlsx"), "--lot-sizing", "mip", { lotSizing: "mip" });
  }, 240_000);

  it("--horizon 30 and --frozen-periods 3: supply-plan.xlsx with those rows blank as the pane's options", async () => {
    const file = await withBlankSettings("supply-plan.xlsx", ["horizon", "frozenPeriods"]);
    const longer = await expectSameAsPaneAndChanged("supply", file, "--horizon", "30", { horizon: 30 });
    expect((longer as { horizon: number }).horizon).toBe(30);
    await expectSameAsPaneAndChanged("supply", file, "--frozen-periods", "3", { frozenPeriods: 3 });
  }, 240_000);

  it("a Settings row wins: supply-plan.xlsx's horizon 26 over --horizon 30, as over the pane's option", async () => {
    const file = path.join(EXAMPLES, "supply-plan.xlsx");
    const withFlag = await command("supply", file, "--horizon", "30");
    expect((withFlag as { horizon: number }).horizon).toBe(26);
    expect(withFlag).toEqual(await command("supply", file));
    expect(withFlag).toEqual(await pane("supply", file, { horizon: 30 }));
  }, 240_000);

  it(".json: --frozen-periods goes into the record's settings where they lack it", async () => {
    const lacking = withSettings("supply-plan.json", { frozenPeriods: undefined });
    const withFlag = await command("supply", lacking, "--frozen-periods", "3");
    expect(withFlag).toEqual(await command("supply", withSettings("supply-plan.json", { frozenPeriods: 3 })));
    expect(withFlag).not.toEqual(await command("supply", lacking));
  }, 240_000);
});
