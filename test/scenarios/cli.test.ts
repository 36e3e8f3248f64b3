// `aps plan BOOK --scenarios` and `aps compare A B…` as a user runs them (in-process): the example
// workbook's four scenarios, the aps-scenarios/1 JSON, the sheets written, and refused inputs.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { ScenarioComparison } from "../../src/engine/scenarios";
import { runAps } from "../support/runCli";
import { EXAMPLES, figure5 } from "./support";

const BOOK = path.join(EXAMPLES, "supply-chain-scenarios.xlsx");
let folder: string;
beforeAll(() => { folder = fs.mkdtempSync(path.join(os.tmpdir(), "aps-scenarios-")); });
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

function writeJson(name: string, value: unknown): string {
  const file = path.join(folder, name);
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
}

describe("aps plan BOOK --scenarios", () => {
  test("the example workbook's four scenarios print as aps-scenarios/1 JSON, base first, in table order", async () => {
    const run = await runAps("plan", BOOK, "--scenarios", "--json");
    expect([run.status, run.stderr.includes(BOOK)]).toEqual([0, false]);
    const comparison = JSON.parse(run.stdout) as ScenarioComparison;
    expect(comparison.format).toBe("aps-scenarios/1");
    expect(comparison.scenarios.map((s) => s.name)).toEqual(["Base", "Supplier late", "Demand surge", "Next-day promise", "No spare-parts sales"]);
    expect(comparison.scenarios[1].changes).toEqual([{ table: "Stages", key: "Tube Cutting", column: "External Inbound Time", value: 8, where: "Scenarios!E2" }]);
    expect(comparison.scenarios[1].kpis.cycleTime.difference).toBeCloseTo(3, 12);
    // A next-day promise at Final Assembly: lead time to customer 2 → 1, and more safety stock to keep it.
    expect(comparison.scenarios[3].kpis.leadTimeToCustomer).toEqual({ value: 1, difference: -1, percent: -50 });
    expect(comparison.scenarios[3].kpis.safetyStockHoldingCost.difference).toBeGreaterThan(0);
    for (const s of comparison.scenarios) expect(s.stages.map((st) => st.id)).toEqual(comparison.scenarios[0].stages.map((st) => st.id));
  });

  test("--out writes a copy with Scenario Comparison and Scenario KPIs beside the base plan's sheets, and leaves the input alone", async () => {
    const before = fs.readFileSync(BOOK);
    const out = path.join(folder, "scenarios.xlsx");
    const run = await runAps("plan", BOOK, "--scenarios", "--out", out);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/4 scenario\(s\) beside Base/);
    expect(run.stdout).toMatch(/Supplier late\s+2\.00\s+13\.48 \(\+28\.6 %\)/);
    expect(fs.readFileSync(BOOK).equals(before)).toBe(true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    for (const name of ["Stages", "Scenarios", "Scenario Comparison", "Scenario KPIs", "Plan", "KPIs"]) expect(book.getWorksheet(name)).toBeDefined();
    const sheet = book.getWorksheet("Scenario Comparison")!;
    const cells: unknown[][] = [];
    sheet.eachRow((r) => cells.push((r.values as unknown[]).slice(1)));
    const header = cells.find((r) => r[0] === "Measure")!;
    expect(header.slice(0, 7)).toEqual(["Measure", "Stage", "Unit", "Base", "Supplier late", "Supplier late Δ", "Supplier late Δ %"]);
    const tubeInbound = cells.find((r) => r[0] === "Inbound service time SI" && r[1] === "Tube Cutting")!;
    expect(tubeInbound.slice(3, 7)).toEqual([5, 8, 3, 0.6]);
  });

  test("a JSON network with a scenarios list works the same, with JSON paths in messages", async () => {
    const file = writeJson("net.json", { ...figure5(), scenarios: [{ scenario: "Late", table: "Stages", key: "Tube Cutting", column: "externalInboundTime", value: 8 }] });
    const ok = await runAps("plan", file, "--scenarios", "--json");
    expect(ok.status).toBe(0);
    expect((JSON.parse(ok.stdout) as ScenarioComparison).scenarios[1].kpis.cycleTime.difference).toBeCloseTo(3, 12);
    const bad = writeJson("bad.json", { ...figure5(), scenarios: [{ scenario: "Late", table: "Stages", key: "Tube Cutting", column: "externalInboundTime", value: -8 }] });
    const refused = await runAps("plan", bad, "--scenarios", "--out", path.join(folder, "never.json"));
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(`${bad}: scenarios[0].value (scenario "Late" sets stages[3].externalInboundTime): externalInboundTime must not be negative (got -8).`);
    expect(fs.existsSync(path.join(folder, "never.json"))).toBe(false);
  });

  test("refused: a workbook without a Scenarios table, --out equal to the input, a JSON without scenarios", async () => {
    const none = await runAps("plan", path.join(EXAMPLES, "supply-chain.xlsx"), "--scenarios");
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/supply-chain\.xlsx: The workbook has no "Scenarios" table/);
    const same = await runAps("plan", BOOK, "--scenarios", "--out", BOOK);
    expect([same.status, same.stderr]).toEqual([2, `${BOOK}: --out must differ from the input; the input is never modified.\n`]);
    const plain = await runAps("plan", path.join(EXAMPLES, "supply-chain.json"), "--scenarios");
    expect(plain.status).toBe(2);
    expect(plain.stderr).toMatch(/no "scenarios" list/);
  });
});

describe("aps compare A B…", () => {
  test("two JSON files: the second's late supplier shows as the same differences as the scenario", async () => {
    const late = figure5() as { stages: Record<string, unknown>[] };
    late.stages.find((s) => s.id === "Tube Cutting")!.externalInboundTime = 8;
    const a = writeJson("base.json", figure5());
    const b = writeJson("late.json", late);
    const run = await runAps("compare", a, b, "--json");
    expect(run.status).toBe(0);
    const comparison = JSON.parse(run.stdout) as ScenarioComparison;
    expect(comparison.scenarios.map((s) => [s.name, s.source])).toEqual([["base", a], ["late", b]]);
    expect(comparison.scenarios[1].changes).toEqual([{ table: "Stages", key: "Tube Cutting", column: "External Inbound Time", value: 8, where: `${b}: stages[3].externalInboundTime` }]);
    const scenario = JSON.parse((await runAps("plan", BOOK, "--scenarios", "--json")).stdout) as ScenarioComparison;
    expect(comparison.scenarios[1].kpis).toEqual(scenario.scenarios[1].kpis);
    expect(comparison.scenarios[1].stages).toEqual(scenario.scenarios[1].stages);
  });

  test("an .xlsx and a .json with a stage only the second has: that stage's base figures are blank", async () => {
    const more = figure5() as { stages: Record<string, unknown>[]; arcs: Record<string, unknown>[] };
    more.stages.push({ id: "Spoke Supplier", processingTime: 1, holdingCost: 0.01, orderCost: 50, serviceCost: 0.3, penaltyCost: 0.5, externalInboundTime: 2 });
    more.arcs.push({ from: "Spoke Supplier", to: "Final Assembly", quantity: 36 });
    const b = writeJson("spokes.json", more);
    const out = path.join(folder, "compare.json");
    const run = await runAps("compare", path.join(EXAMPLES, "supply-chain.xlsx"), b, "--out", out);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/1 scenario\(s\) beside supply-chain/);
    const comparison = JSON.parse(fs.readFileSync(out, "utf8")) as ScenarioComparison;
    const spokes = comparison.scenarios[0].stages.find((s) => s.id === "Spoke Supplier")!;
    expect(spokes.safetyStock).toEqual({ value: null, difference: null, percent: null });
    expect(comparison.scenarios[1].stages.find((s) => s.id === "Spoke Supplier")!.committedServiceTime.value).not.toBeNull();
    expect(comparison.scenarios[1].changes.map((c) => [c.table, c.key, c.column, c.value])).toEqual([
      ["Stages", "Spoke Supplier", "Id", "Spoke Supplier"], ["Arcs", "Spoke Supplier→Final Assembly", "From→To", "Spoke Supplier→Final Assembly"],
    ]);
    // And back: the stage and arc the base has and the other file does not are reported removed, at the base's cells.
    const back = JSON.parse((await runAps("compare", b, path.join(EXAMPLES, "supply-chain.xlsx"), "--json")).stdout) as ScenarioComparison;
    expect(back.scenarios[1].changes.map((c) => [c.key, c.value, c.where])).toEqual([
      ["Spoke Supplier", null, `${b}: stages[6].id`], ["Spoke Supplier→Final Assembly", null, `${b}: arcs[5]`],
    ]);
  });

  test("bad files: every file's errors at once, exit 2, nothing written", async () => {
    const bad1 = writeJson("bad1.json", { format: "aps-network/1", stages: [{ id: "A", demandRate: -1 }] });
    const bad2 = writeJson("bad2.json", { format: "aps-network/1", stages: [{ id: "B", holdingCost: "x", demandRate: 1 }] });
    const out = path.join(folder, "never.xlsx");
    const run = await runAps("compare", bad1, bad2, "--out", out);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${bad1}: stages[0].demandRate: demandRate must not be negative (got -1).`);
    expect(run.stderr).toContain(`${bad2}: stages[0].holdingCost: holdingCost must be a number (got text "x").`);
    expect(run.stderr).toContain("2 input error(s) in 2 file(s); nothing was written.");
    expect(fs.existsSync(out)).toBe(false);
    expect((await runAps("compare", bad1)).status).toBe(2);
    expect((await runAps("compare", bad1, path.join(folder, "missing.json"))).stderr).toMatch(/missing\.json: no such file/);
  });
});
