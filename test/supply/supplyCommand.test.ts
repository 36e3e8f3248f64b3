// `aps supply` in-process (docs/formats.md §10): the public cases through the command match
// expected.json, a workbook and its JSON twin give the same plan, bad tables are refused with every
// cell named and nothing written, and --promise answers aps-supply-promise/1.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { bikeSupplyRecord, supplyTablesWorkbook } from "../../examples/generator/supplyPlanExample";
import { runAps } from "../support/runCli";

const DIR = path.join(__dirname, "../fixtures/supply");
const expected: Record<string, Record<string, number>> = JSON.parse(fs.readFileSync(path.join(DIR, "expected.json"), "utf8"));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "aps-supply-cli-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));

async function writeWorkbook(record: Record<string, unknown>, name: string): Promise<string> {
  const file = path.join(tmp, name);
  await supplyTablesWorkbook(record, ["test"]).xlsx.writeFile(file);
  return file;
}

describe("aps supply on the public cases", () => {
  it.each(["sp-01", "sp-03", "sp-05", "sp-07"])("%s --json: every level as expected.json", async (name) => {
    const run = await runAps("supply", path.join(DIR, `${name}.json`), "--json");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.format).toBe("aps-supply/1");
    expect(result.status).toBe("optimal");
    const want = expected[name];
    for (const { tier, value } of result.objective.lateness) expect(relative(value, want[`tier${tier}`])).toBeLessThan(1e-6);
    expect(relative(result.objective.safetyStockShortfall, want.shortfall)).toBeLessThan(1e-6);
    expect(relative(result.objective.cost, want.cost)).toBeLessThan(1e-4);
  });

  it("prints a summary: status, each level, late demands", async () => {
    const run = await runAps("supply", path.join(DIR, "sp-01.json"));
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/optimal/);
    expect(run.stdout).toMatch(/tier 2 lateness\s+276 unit-periods/);
    expect(run.stdout).toMatch(/Late demands: \d+/);
  });
});

describe("a workbook and its JSON twin", () => {
  it("give the same plan (sp-03 and the bike example)", async () => {
    for (const [name, record] of [["sp-03", JSON.parse(fs.readFileSync(path.join(DIR, "sp-03.json"), "utf8"))], ["bike", bikeSupplyRecord()]] as const) {
      const json = path.join(tmp, `${name}.json`);
      fs.writeFileSync(json, JSON.stringify(record));
      const xlsx = await writeWorkbook(record, `${name}.xlsx`);
      const a = JSON.parse((await runAps("supply", json, "--json")).stdout);
      const b = JSON.parse((await runAps("supply", xlsx, "--json")).stdout);
      expect(b.status).toBe("optimal");
      expect(b.objective.lateness.map((l: { value: number }) => l.value)).toEqual(a.objective.lateness.map((l: { value: number }) => expect.closeTo(l.value, 6)));
      expect(relative(b.objective.safetyStockShortfall, a.objective.safetyStockShortfall)).toBeLessThan(1e-7);
      expect(relative(b.objective.cost, a.objective.cost)).toBeLessThan(1e-7);
      expect(b.demands.map((d: { onTime: number }) => Math.round(d.onTime * 1e4))).toEqual(a.demands.map((d: { onTime: number }) => Math.round(d.onTime * 1e4)));
    }
  });

  it("writes the five result sheets into a copy", async () => {
    const xlsx = await writeWorkbook(bikeSupplyRecord(), "bike-in.xlsx");
    const out = path.join(tmp, "bike-out.xlsx");
    const run = await runAps("supply", xlsx, "--out", out);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Wrote the Supply Plan, Resource Load, Planned Orders, Demand Fulfilment and Exceptions sheets/);
    const ExcelJS = (await import("exceljs")).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    for (const name of ["Supply Plan", "Resource Load", "Planned Orders", "Demand Fulfilment", "Exceptions"]) expect(book.getWorksheet(name)).toBeDefined();
    expect(book.getWorksheet("Stages")).toBeDefined();
  });
});

describe("bad input", () => {
  it("names every bad cell of every supply table at once, exit 2, nothing written", async () => {
    const record = bikeSupplyRecord() as Record<string, Record<string, unknown>[]>;
    record.demands[2].period = 40; // Demands row 3, Period column B → Demands!B4
    record.demands[5].stage = "Nowhere"; // Demands!A7
    record.resources[0].capacity = -5; // Resources!B2
    record.resourceLoads[1].resource = "Oven"; // 'Resource Loads'!B3
    record.periodCommitments[0].quantity = "lots"; // 'Period Commitments'!C2
    record.customers[1].tier = 1.5; // Customers!B3
    const xlsx = await writeWorkbook(record, "bad.xlsx");
    const out = path.join(tmp, "bad-out.xlsx");
    const run = await runAps("supply", xlsx, "--out", out);
    expect(run.status).toBe(2);
    for (const cell of ["Demands!B4", "Demands!A7", "Resources!B2", "'Resource Loads'!B3", "'Period Commitments'!C2", "Customers!B3"]) expect(run.stderr).toContain(`${xlsx}: ${cell}: `);
    // Rows naming the refused resource are not told it is unknown: six problems, six lines.
    expect(run.stderr).toMatch(/6 input error\(s\); nothing was written/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("refuses a missing column by its header row", async () => {
    const book = supplyTablesWorkbook(bikeSupplyRecord(), ["test"]);
    const table = book.getWorksheet("Open Supply")!.getTable("OpenSupply");
    table.getColumn(1).name = "Perod";
    table.commit();
    const xlsx = path.join(tmp, "nocol.xlsx");
    await book.xlsx.writeFile(xlsx);
    const run = await runAps("supply", xlsx);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/'Open Supply'!B1: the Open Supply table has no "Period" column \(its header row is row 1\); is "Perod" in 'Open Supply'!B1 meant to be "Period"\?/);
  });

  it("refuses bad flags", async () => {
    const file = path.join(DIR, "sp-01.json");
    expect((await runAps("supply", file, "--time-limit", "0")).status).toBe(2);
    expect((await runAps("supply", file, "--period", "3")).stderr).toMatch(/--promise/);
    expect((await runAps("supply", file, "--promise", "Nope", "--period", "2")).stderr).toMatch(/"Nope" is not a stage/);
  });
});

describe("aps supply --promise", () => {
  it("answers aps-supply-promise/1 as the public promise cases", async () => {
    const cases: Record<string, Record<string, unknown>> = JSON.parse(fs.readFileSync(path.join(DIR, "promise.json"), "utf8"));
    expect(Object.keys(cases).length).toBe(3);
    for (const [name, c] of Object.entries(cases)) {
      const args = ["supply", path.join(DIR, `${name}.json`), "--promise", String(c.stage), "--period", String(c.period), "--json"];
      if (c.quantity !== undefined && c.quantity !== null) args.push("--quantity", String(c.quantity));
      const run = await runAps(...args);
      expect(run.stderr).toBe("");
      const answer = JSON.parse(run.stdout);
      expect(answer.format).toBe("aps-supply-promise/1");
      expect(relative(answer.maxOnTime, c.maxOnTime as number)).toBeLessThan(1e-6);
      if ("earliestPeriod" in c) expect(answer.earliestPeriod).toBe(c.earliestPeriod);
    }
  });
});
