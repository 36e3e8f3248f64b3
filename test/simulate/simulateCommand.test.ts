// `aps simulate` end to end in-process: JSON and workbook input, the aps-simulation/1 JSON, the
// Simulation sheets in a copy, Demand History as empirical demand, and bad input with exit 2.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { runAps } from "../support/runCli";

const root = path.join(__dirname, "..", "..");
const example = path.join(root, "examples", "supply-chain.json");
const workbook = path.join(root, "examples", "supply-chain.xlsx");
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "aps-sim-"));

describe("aps simulate", () => {
  it("prints the aps-simulation/1 JSON with every contract name, reproducibly from the seed", async () => {
    const args = ["simulate", example, "--replications", "3", "--horizon", "200", "--warmup", "20", "--seed", "11", "--json"];
    const a = await runAps(...args);
    expect(a.stderr).toBe("");
    expect(a.status).toBe(0);
    const result = JSON.parse(a.stdout);
    expect(Object.keys(result)).toEqual(expect.arrayContaining(["format", "mode", "replications", "horizon", "warmup", "seed", "events", "elapsedMs", "policies", "comparisons", "exceptions"]));
    expect(result).toMatchObject({ format: "aps-simulation/1", mode: "planned", replications: 3, horizon: 200, warmup: 20, seed: 11 });
    expect(result.policies.map((p: { name: string }) => p.name)).toEqual(["optimised", "paper-rule", "make-to-order", "all-stock"]);
    const kpis = result.policies[0].kpis;
    for (const name of ["leadTimeToCustomer", "cycleTime", "inventoryHoldingCost", "safetyStockHoldingCost", "inventoryTurns", "fillRate", "onTimeShare"]) {
      expect(Object.keys(kpis[name])).toEqual(["mean", "ci95"]);
    }
    expect(Object.keys(result.policies[0].stages[0])).toEqual(expect.arrayContaining(["id", "serviceLevel", "fillRate", "cycleServiceLevel", "onTimeShare", "averageInventory", "backorders", "leadTimeP90"]));
    expect(Object.keys(result.comparisons[0])).toEqual(["a", "b", "measure", "difference"]);
    const b = await runAps(...args);
    expect(JSON.stringify({ ...JSON.parse(b.stdout), elapsedMs: 0 })).toBe(JSON.stringify({ ...result, elapsedMs: 0 }));
  });

  it("given a workbook whose demand rates are blank and come from Demand History, simulates the plan `aps plan` makes of it", async () => {
    const history = path.join(root, "examples", "demand-history.xlsx");
    const plan = JSON.parse((await runAps("plan", history, "--json")).stdout);
    const run = await runAps("simulate", history, "--replications", "2", "--horizon", "60", "--warmup", "10", "--seed", "5", "--json");
    expect(run.status).toBe(0);
    const planned = JSON.parse(run.stdout).policies[0].planned;
    expect(planned.safetyStockHoldingCost).toBeCloseTo(plan.kpis.safetyStockHoldingCost, 9);
    expect(planned.inventoryHoldingCost).toBeCloseTo(plan.kpis.inventoryHoldingCost, 9);
  });

  it("simulates a workbook into a copy with the Simulation sheets, naming stages by their cells", async () => {
    const out = path.join(tmp(), "sim.xlsx");
    const run = await runAps("simulate", workbook, "--replications", "2", "--horizon", "100", "--mode", "propagating", "--policies", "optimised,all-stock", "--out", out);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Simulation \(propagating\): 2 replication\(s\)/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.getWorksheet("Simulation")).toBeDefined();
    expect(book.getWorksheet("Simulation Stages")).toBeDefined();
    expect(book.getWorksheet("Stages")).toBeDefined();
    const json = await runAps("simulate", workbook, "--replications", "2", "--horizon", "100", "--mode", "propagating", "--json");
    const result = JSON.parse(json.stdout);
    expect(result.policies[0].stages[0].where).toMatch(/^Stages!A\d+$/);
  });

  it("draws a stage's demand from its Demand History series", async () => {
    const dir = tmp();
    const book = new ExcelJS.Workbook();
    const stages = book.addWorksheet("Stages");
    stages.addTable({ name: "Stages", ref: "A1", columns: ["Id", "Demand Rate", "Demand Sd", "Lead Time", "Holding Cost", "Z"].map((name) => ({ name })),
      rows: [["Shop", 10, 0, 1, 1, 1.645]] });
    const history = book.addWorksheet("Demand History");
    history.addTable({ name: "DemandHistory", ref: "A1", columns: ["Stage", "Period", "Quantity"].map((name) => ({ name })),
      rows: [["Shop", 1, 30], ["Shop", 2, 0], ["Shop", 3, 0]] });
    const file = path.join(dir, "history.xlsx");
    await book.xlsx.writeFile(file);
    const run = await runAps("simulate", file, "--replications", "2", "--horizon", "300", "--policies", "optimised", "--json");
    expect(run.status).toBe(0);
    const stage = JSON.parse(run.stdout).policies[0].stages[0];
    // Demand is 30 a third of the time and 0 otherwise; the plan (σ = 0) holds 10 units: most 30s are late.
    expect(stage.fillRate.mean).toBeLessThan(0.6);
  });

  it("exits 2 naming the file or the option on bad input, and writes nothing", async () => {
    const dir = tmp();
    const bad = path.join(dir, "bad.json");
    fs.writeFileSync(bad, JSON.stringify({ format: "aps-network/1", stages: [{ id: "A", demandRate: -1 }], arcs: [] }));
    const run = await runAps("simulate", bad, "--out", path.join(dir, "out.json"));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${bad}: stages[0].demandRate`);
    expect(fs.existsSync(path.join(dir, "out.json"))).toBe(false);
    const option = await runAps("simulate", example, "--replications", "0");
    expect(option.status).toBe(2);
    expect(option.stderr).toMatch(/--replications must be a whole number/);
    const mode = await runAps("simulate", example, "--mode", "fast");
    expect(mode.stderr).toMatch(/--mode must be one of planned, propagating, capacity/);
    const same = await runAps("simulate", example, "--out", example);
    expect(same.status).toBe(2);
  });
});
